using VoServices.Dali;

namespace VoServices.Adql.Translation;

/// <summary>
/// Stable codes of the errors raised while translating a resolved query to SQL (ADQL0201–ADQL0299; style rule 5).
/// Codes never change meaning; new errors get new codes.
/// </summary>
public static class TranslationErrorCode
{
    /// <summary>A table or column reference the schema resolver did not resolve: the SQL could reach something outside
    /// the published schema, so translation stops (issue 5 item 5, safety).</summary>
    public const string UnresolvedReference = "ADQL0201";

    /// <summary>A function, operand combination or feature that this backend cannot translate faithfully (e.g. RAND with a
    /// seed, CENTROID of a polygon on pg_sphere, a user-defined function with no translation).</summary>
    public const string Unsupported = "ADQL0202";

    /// <summary>A numeric literal that is not a finite double or a 64-bit integer (e.g. <c>1e400</c>), or a row limit
    /// out of range.</summary>
    public const string NumberOutOfRange = "ADQL0203";

    /// <summary>A constant geometry that is not valid (latitude outside ±90°, negative radius, degenerate polygon, an
    /// unreadable REGION or DALI string; ADQL 2.1 §4.2, DALI 1.1 §3.3).</summary>
    public const string InvalidGeometry = "ADQL0204";

    /// <summary>IN_UNIT with an unknown unit, an operand of unknown unit, or units of different dimensions
    /// (ADQL 2.1 §2.4 "Unit operations", VOUnits 1.0).</summary>
    public const string InvalidUnit = "ADQL0205";

    /// <summary>An ORDER BY that SQL cannot express as written: DISTINCT or a set operation ordered by something that is
    /// not an output column (SQL-92 §7.10, §13.1).</summary>
    public const string InvalidOrderBy = "ADQL0206";

    /// <summary>A string literal that no database can carry (NUL character, unpaired UTF-16 surrogate).</summary>
    public const string InvalidString = "ADQL0207";

    /// <summary>The generated SQL failed the final safety check (statement separator or comment outside quotes). This is
    /// a bug of the translator, never of the query.</summary>
    public const string UnsafeSql = "ADQL0208";
}

/// <summary>
/// The query is valid ADQL but cannot be translated to SQL for this backend, or a reference was not resolved. A
/// <see cref="DaliException"/> (HTTP 400, or 500 for <see cref="TranslationErrorCode.UnsafeSql"/>); the message starts
/// with the code and, when known, the position, e.g. <c>ADQL0202 at line 1, column 8: RAND with a seed is not supported</c>.
/// </summary>
public sealed class AdqlTranslationException : AdqlException
{
    /// <summary>Creates an error.</summary>
    /// <param name="code">One of <see cref="TranslationErrorCode"/>.</param>
    /// <param name="detail">What is wrong, without code or position.</param>
    /// <param name="node">The node at fault (its <c>Span</c> gives the position), or null.</param>
    public AdqlTranslationException(string code, string detail, Ast.AdqlNode? node = null)
        : base(code == TranslationErrorCode.UnsafeSql ? DaliErrorKind.FatalFault : DaliErrorKind.UsageError, code,
            Format(code, detail, node))
    {
        Detail = detail;
        Line = node?.Span?.Line;
        Column = node?.Span?.Column;
    }

    /// <summary>The error without code and position.</summary>
    public string Detail { get; }

    /// <summary>1-based line of the node at fault, when known.</summary>
    public int? Line { get; }

    /// <summary>1-based column of the node at fault, when known.</summary>
    public int? Column { get; }

    private static string Format(string code, string detail, Ast.AdqlNode? node) =>
        node?.Span is { } span
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{code} at line {span.Line}, column {span.Column}: {detail}")
            : $"{code}: {detail}";
}
