namespace VoServices.VoTable;

/// <summary>
/// A problem the lenient reader tolerated (see <see cref="VoTableReaderOptions.Strict"/>), with a stable code from
/// <see cref="VoTableDiagnosticCodes"/> and the XML position where it was found.
/// </summary>
/// <param name="Code">Stable code, e.g. <c>VOT0102</c>.</param>
/// <param name="Message">What was wrong and what the reader did instead.</param>
/// <param name="LineNumber">1-based line in the XML input (0 when unknown).</param>
/// <param name="LinePosition">1-based column in the XML input (0 when unknown).</param>
public sealed record VoTableDiagnostic(string Code, string Message, int LineNumber, int LinePosition);

/// <summary>Stable codes of <see cref="VoTableDiagnostic"/>s, in the spirit of astropy's W01…W57.</summary>
public static class VoTableDiagnosticCodes
{
    /// <summary>A non-standard datatype name was mapped to a standard one (astropy W13), e.g. <c>string</c>→char.</summary>
    public const string LegacyDatatype = "VOT0101";

    /// <summary>A FIELD or PARAM without datatype was read as char (astropy E10).</summary>
    public const string MissingDatatype = "VOT0102";

    /// <summary>A PARAM had an unknown datatype or malformed arraysize; it was kept as a char string.</summary>
    public const string InvalidParam = "VOT0103";

    /// <summary>A FIELD's VALUES null= is not a value of its datatype; it was ignored.</summary>
    public const string InvalidNullValue = "VOT0104";

    /// <summary>A cell value could not be parsed or is out of range for its datatype; read as null.</summary>
    public const string InvalidValue = "VOT0201";

    /// <summary>A string or array was longer than its arraysize allows; it was truncated.</summary>
    public const string Truncated = "VOT0202";

    /// <summary>An array had an element count its arraysize does not allow; read as null.</summary>
    public const string WrongElementCount = "VOT0203";

    /// <summary>A TABLEDATA row had more or fewer TD cells than there are FIELDs; missing cells are null.</summary>
    public const string WrongCellCount = "VOT0204";

    /// <summary>More diagnostics were found than <see cref="VoTableReaderOptions.MaxDiagnostics"/>; the rest were dropped.</summary>
    public const string TooManyDiagnostics = "VOT0999";
}
