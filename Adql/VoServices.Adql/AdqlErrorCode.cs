namespace VoServices.Adql;

/// <summary>
/// Stable codes of the ADQL errors (style rule 5: <c>ADQL0012</c> like astropy's W01…). Codes never change
/// meaning; new errors get new codes. ADQL0001–ADQL0099 are syntax errors (<see cref="AdqlSyntaxException"/>).
/// </summary>
public static class AdqlErrorCode
{
    /// <summary>A token that the grammar does not allow here (ADQL 2.1 Appendix A).</summary>
    public const string UnexpectedToken = "ADQL0001";

    /// <summary>A character that cannot start any ADQL token, e.g. <c>%</c>, <c>_name</c>, NUL, non-ASCII letters.</summary>
    public const string InvalidCharacter = "ADQL0002";

    /// <summary>A string literal without its closing quote (<c>&lt;character_string_literal&gt;</c>).</summary>
    public const string UnterminatedString = "ADQL0003";

    /// <summary>A delimited identifier without its closing double quote, or an empty one (<c>&lt;delimited_identifier&gt;</c>).</summary>
    public const string UnterminatedIdentifier = "ADQL0004";

    /// <summary>A reserved word used as a regular identifier (<c>&lt;keyword&gt;</c>); it must be written as a delimited identifier.</summary>
    public const string ReservedWord = "ADQL0005";

    /// <summary>A function called with the wrong number or form of arguments.</summary>
    public const string InvalidArguments = "ADQL0006";

    /// <summary>A function that is neither an ADQL function nor a user-defined function the service declares.</summary>
    public const string UnknownFunction = "ADQL0007";

    /// <summary>Parentheses, subqueries, CASE or operators nested deeper than the service allows.</summary>
    public const string NestingTooDeep = "ADQL0008";

    /// <summary>The query text is longer than the service allows.</summary>
    public const string QueryTooLong = "ADQL0009";

    /// <summary>The query text is empty or only whitespace and comments.</summary>
    public const string EmptyQuery = "ADQL0010";

    /// <summary>A number outside the range the clause accepts (TOP, OFFSET, CHAR length).</summary>
    public const string NumberOutOfRange = "ADQL0011";

    /// <summary>A name with too many parts (table: 3, column: 4; <c>&lt;table_name&gt;</c>, <c>&lt;column_reference&gt;</c>).</summary>
    public const string InvalidName = "ADQL0012";

    /// <summary>A construct the grammar accepts but ADQL 2.1 restricts, e.g. IS NULL on a non-column, adjacent string literals on one line.</summary>
    public const string InvalidConstruct = "ADQL0013";
}
