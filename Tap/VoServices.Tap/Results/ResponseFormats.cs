using VoServices.VoTable;

namespace VoServices.Tap.Results;

/// <summary>
/// The output formats the TAP service offers (TAP 1.1 §2.9, TAPRegExt 1.0 §2.3), as declared in the capability.
/// </summary>
public static class ResponseFormats
{
    /// <summary>The VOTable media type (VOTable 1.4 §1; DALI 1.1 §4.3.3).</summary>
    public const string VoTableMediaType = "application/x-votable+xml";

    /// <summary>
    /// VOTable with BINARY2 rows, the service default: it is 2–3× smaller and faster to parse than TABLEDATA, and
    /// unlike BINARY it carries a null flag for every datatype (VOTable 1.4 §5.5), so integer NULLs need no magic
    /// values. TOPCAT/STIL, astropy (hence pyvo and astroquery) and taplint all read it. Also answers
    /// <c>votable</c> and a bare <c>application/x-votable+xml</c>.
    /// </summary>
    public static ResponseFormat VoTableBinary2 { get; } = new(ResultFormatKind.VoTable, VoTableMediaType + ";serialization=BINARY2")
    {
        Serialization = VoTableSerialization.Binary2,
        ShortNames = ["votable", "votable/b2", "votableb2", "votable-binary2"],
        MimeAliases = [VoTableMediaType],
        IvoId = "ivo://ivoa.net/std/TAPRegExt#output-votable-binary2",
        FileExtension = "vot",
    };

    /// <summary>
    /// VOTable with TABLEDATA (XML) rows: human-readable, so it also answers <c>text/xml</c> and
    /// <c>application/xml</c>, which browsers send.
    /// </summary>
    public static ResponseFormat VoTableTableData { get; } = new(ResultFormatKind.VoTable, VoTableMediaType + ";serialization=TABLEDATA")
    {
        Serialization = VoTableSerialization.TableData,
        ShortNames = ["votable/td", "votabletd", "votable-td", "votable-tabledata"],
        MimeAliases = ["text/xml", "application/xml"],
        IvoId = "ivo://ivoa.net/std/TAPRegExt#output-votable-td",
        FileExtension = "vot",
    };

    /// <summary>
    /// VOTable with BINARY rows (VOTable 1.4 §5.4). Integer NULLs are written as the smallest value of the type
    /// (declared as VALUES null=), since BINARY has no null flags.
    /// </summary>
    public static ResponseFormat VoTableBinary { get; } = new(ResultFormatKind.VoTable, VoTableMediaType + ";serialization=BINARY")
    {
        Serialization = VoTableSerialization.Binary,
        ShortNames = ["votable/b", "votableb", "votable-binary"],
        IvoId = "ivo://ivoa.net/std/TAPRegExt#output-votable-binary",
        FileExtension = "vot",
    };

    /// <summary>CSV with a header row (RFC 4180; TAP 1.1 §2.9 names <c>text/csv;header=present</c>), UTF-8.</summary>
    public static ResponseFormat Csv { get; } = new(ResultFormatKind.Csv, "text/csv;header=present")
    {
        ShortNames = ["csv"],
        FileExtension = "csv",
    };

    /// <summary>Tab-separated values with a header row (IANA text/tab-separated-values), UTF-8.</summary>
    public static ResponseFormat Tsv { get; } = new(ResultFormatKind.Tsv, "text/tab-separated-values")
    {
        ShortNames = ["tsv"],
        FileExtension = "tsv",
    };

    /// <summary>A FITS binary table (FITS 4.0 §7.3).</summary>
    public static ResponseFormat Fits { get; } = new(ResultFormatKind.Fits, "application/fits")
    {
        ShortNames = ["fits"],
        MimeAliases = ["image/fits"],
        FileExtension = "fits",
    };

    /// <summary>JSON, shaped as described on <see cref="JsonResultWriter"/>.</summary>
    public static ResponseFormat Json { get; } = new(ResultFormatKind.Json, "application/json")
    {
        ShortNames = ["json"],
        FileExtension = "json",
    };

    /// <summary>All standard formats, default first (the order of the TAPRegExt outputFormat list).</summary>
    public static IReadOnlyList<ResponseFormat> All { get; } =
        [VoTableBinary2, VoTableTableData, VoTableBinary, Csv, Tsv, Fits, Json];

    /// <summary>
    /// A writer for <paramref name="format"/>.
    /// </summary>
    /// <param name="format">One of the formats (any <see cref="ResponseFormat"/> of a known kind).</param>
    /// <param name="spoolDirectory">Where the FITS writer spools rows (null = the system temp folder).</param>
    /// <exception cref="ArgumentOutOfRangeException">Unknown kind.</exception>
    public static ITapResultWriter CreateWriter(this ResponseFormat format, string? spoolDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format.Kind switch
        {
            ResultFormatKind.VoTable => new VoTableResultWriter(format.Serialization),
            ResultFormatKind.Csv => new CsvResultWriter(),
            ResultFormatKind.Tsv => new TsvResultWriter(),
            ResultFormatKind.Fits => new FitsResultWriter(spoolDirectory),
            ResultFormatKind.Json => new JsonResultWriter(),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format.Kind, "unknown result format kind"),
        };
    }
}
