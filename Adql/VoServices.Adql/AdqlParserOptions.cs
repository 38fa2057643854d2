namespace VoServices.Adql;

/// <summary>
/// Limits and policies of <see cref="AdqlParser"/>. The defaults suit a public TAP service; every limit gives an
/// <see cref="AdqlSyntaxException"/> with a stable code, never a crash.
/// </summary>
public sealed record AdqlParserOptions
{
    /// <summary>The defaults.</summary>
    public static AdqlParserOptions Default { get; } = new();

    /// <summary>
    /// Longest accepted query, in UTF-16 code units (default 262 144). Longer text gives
    /// <see cref="AdqlErrorCode.QueryTooLong"/> before any parsing; large value lists belong in a TAP upload.
    /// </summary>
    public int MaxQueryLength { get; init; } = 262_144;

    /// <summary>
    /// Deepest accepted nesting of parentheses (function calls and subqueries included) and CASE expressions, and
    /// longest run of prefix operators (default 200). Deeper input gives <see cref="AdqlErrorCode.NestingTooDeep"/>.
    /// </summary>
    public int MaxNestingDepth { get; init; } = 200;

    /// <summary>
    /// Deepest accepted syntax tree (default 500 levels), e.g. a chain of 500 <c>+</c> operators or joins. It bounds
    /// the recursion of every later stage (printer, translators, equality). Deeper gives
    /// <see cref="AdqlErrorCode.NestingTooDeep"/>.
    /// </summary>
    public int MaxExpressionDepth { get; init; } = 500;

    /// <summary>
    /// Which user-defined functions (ADQL 2.1 "User Defined Functions") a query may call. Null (the default) accepts every call the
    /// grammar accepts (any regular identifier that is not an ADQL function); otherwise calls of other names give
    /// <see cref="AdqlErrorCode.UnknownFunction"/>.
    /// </summary>
    public UserDefinedFunctionFilter? UserDefinedFunctions { get; init; }
}
