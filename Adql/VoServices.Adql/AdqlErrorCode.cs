namespace VoServices.Adql;

/// <summary>
/// Stable codes of the ADQL errors (style rule 5: <c>ADQL0012</c> like astropy's W01…). Codes never change
/// meaning; new errors get new codes. ADQL0001–ADQL0099 are syntax errors (<see cref="AdqlSyntaxException"/>);
/// ADQL0101–ADQL0199 are semantic errors found against the schema and function catalogue
/// (<see cref="Semantics.AdqlSemanticException"/>).
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

    /// <summary>A table (or a qualifier such as <c>t</c> in <c>t.ra</c>) that is neither in the schema, an upload, a common table nor a FROM item.</summary>
    public const string UnknownTable = "ADQL0101";

    /// <summary>A column that none of the tables in scope has.</summary>
    public const string UnknownColumn = "ADQL0102";

    /// <summary>A column or table name that matches more than one candidate; qualify it.</summary>
    public const string AmbiguousName = "ADQL0103";

    /// <summary>A value of the wrong type: arithmetic on strings, a number where a geometry is needed, incomparable operands, LIKE on numbers...</summary>
    public const string TypeMismatch = "ADQL0104";

    /// <summary>An aggregate where none is allowed (WHERE, ON, GROUP BY, nested), or a column neither grouped nor aggregated.</summary>
    public const string AggregateMisuse = "ADQL0105";

    /// <summary>A user-defined function that the service's function catalogue does not declare.</summary>
    public const string UndeclaredFunction = "ADQL0106";

    /// <summary>A function called with a number of arguments no signature accepts, or a literal argument out of range.</summary>
    public const string InvalidFunctionArguments = "ADQL0107";

    /// <summary>An ORDER BY position outside the select list, or a sort key a set operation's result does not have.</summary>
    public const string InvalidSortKey = "ADQL0108";

    /// <summary>The operands of UNION, EXCEPT or INTERSECT have different numbers of columns (ADQL 2.1 "Set operators").</summary>
    public const string SetOperandMismatch = "ADQL0109";

    /// <summary>The same correlation name twice in one FROM clause, or two common table expressions with one name.</summary>
    public const string DuplicateName = "ADQL0110";

    /// <summary>An ADQL function or optional feature this service does not declare in its capabilities (TAPRegExt languageFeatures).</summary>
    public const string UnsupportedFeature = "ADQL0111";
}
