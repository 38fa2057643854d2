namespace VoServices.VoTable;

/// <summary>How the rows of a TABLE are serialized inside DATA (VOTable 1.4 §5).</summary>
public enum VoTableSerialization
{
    /// <summary>The TABLE has no DATA element (metadata only).</summary>
    None,

    /// <summary>TABLEDATA: XML TR/TD elements (§5.1).</summary>
    TableData,

    /// <summary>BINARY: base64 STREAM of big-endian cells; nulls only as magic values or NaN (§5.4).</summary>
    Binary,

    /// <summary>BINARY2: like BINARY with a null-flag bitmap before each row (§5.5, VOTable 1.3+).</summary>
    Binary2,

    /// <summary>FITS: a FITS file in the STREAM (§5.3). Recognised by the reader but not decoded.</summary>
    Fits,
}
