namespace VoServices.Tap.Results;

/// <summary>The families of result formats the TAP service can write (TAP 1.1 §2.9).</summary>
public enum ResultFormatKind
{
    /// <summary>VOTable 1.4 (TABLEDATA, BINARY or BINARY2): the mandatory default of TAP 1.1.</summary>
    VoTable,

    /// <summary>Comma-separated values with a header row (RFC 4180).</summary>
    Csv,

    /// <summary>Tab-separated values with a header row (IANA text/tab-separated-values).</summary>
    Tsv,

    /// <summary>A FITS file: empty primary HDU plus one BINTABLE (FITS 4.0 §7.3).</summary>
    Fits,

    /// <summary>A JSON document (see <see cref="JsonResultWriter"/> for the shape).</summary>
    Json,
}
