namespace VoServices.VoTable;

/// <summary>The token a <see cref="VoTableReader"/> is positioned on after <see cref="VoTableReader.Read"/>.</summary>
public enum VoTableNodeType
{
    /// <summary>Nothing read yet.</summary>
    None,

    /// <summary>The VOTABLE start tag; <see cref="VoTableReader.Version"/> is set.</summary>
    StartDocument,

    /// <summary>DESCRIPTION of VOTABLE or RESOURCE (<see cref="VoTableReader.Description"/>).</summary>
    Description,

    /// <summary>An INFO (<see cref="VoTableReader.Info"/>) under VOTABLE, RESOURCE, or after a table's rows.</summary>
    Info,

    /// <summary>A PARAM under VOTABLE (also inside the deprecated DEFINITIONS) or RESOURCE (<see cref="VoTableReader.Param"/>).</summary>
    Param,

    /// <summary>A COOSYS (<see cref="VoTableReader.CooSys"/>).</summary>
    CooSys,

    /// <summary>A TIMESYS (<see cref="VoTableReader.TimeSys"/>).</summary>
    TimeSys,

    /// <summary>A LINK under RESOURCE (<see cref="VoTableReader.Link"/>).</summary>
    Link,

    /// <summary>A RESOURCE start tag (<see cref="VoTableReader.Resource"/>).</summary>
    StartResource,

    /// <summary>A RESOURCE end tag.</summary>
    EndResource,

    /// <summary>A TABLE whose metadata is read (<see cref="VoTableReader.Table"/>); rows follow via <see cref="VoTableReader.ReadRow"/>.</summary>
    StartTable,

    /// <summary>A TABLE end tag.</summary>
    EndTable,

    /// <summary>The VOTABLE end tag.</summary>
    EndDocument,
}
