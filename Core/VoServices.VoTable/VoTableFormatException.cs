namespace VoServices.VoTable;

/// <summary>
/// Input is not a readable VOTable: not XML, not a VOTABLE root, an unknown datatype, a malformed arraysize, a
/// truncated BINARY stream, or a feature this library does not read (FITS serialization, external
/// <c>STREAM href</c>). Also thrown for bad cell values when <see cref="VoTableReaderOptions.Strict"/> is set.
/// </summary>
public sealed class VoTableFormatException : FormatException
{
    /// <summary>Creates the exception with a message that names the problem and, where known, the spec section.</summary>
    public VoTableFormatException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the lower-level cause (e.g. an <see cref="System.Xml.XmlException"/>).</summary>
    public VoTableFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>1-based line of the XML input where the problem was found, or 0 when unknown.</summary>
    public int LineNumber { get; init; }

    /// <summary>1-based column of the XML input where the problem was found, or 0 when unknown.</summary>
    public int LinePosition { get; init; }
}
