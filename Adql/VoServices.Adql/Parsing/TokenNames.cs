using System.Collections.Immutable;
using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using Grammar = VoServices.Adql.Generated.AdqlParser;

namespace VoServices.Adql.Parsing;

/// <summary>How tokens are named in error messages.</summary>
internal static class TokenNames
{
    /// <summary>Token types of the ADQL and SQL keywords (reserved words) the grammar uses.</summary>
    public static bool IsKeyword(int type) => type is >= Grammar.ABS and <= Grammar.WITH and not Grammar.COT;

    /// <summary>Keywords that name functions: a user writing one of them alone probably meant a column name.</summary>
    public static bool IsFunctionKeyword(int type) =>
        type is (>= Grammar.ABS and <= Grammar.TRUNCATE) and not (Grammar.TOP or Grammar.OFFSET or Grammar.ILIKE or Grammar.COT)
        || type is Grammar.AVG or Grammar.COUNT or Grammar.MAX or Grammar.MIN or Grammar.SUM
            or Grammar.LOWER or Grammar.UPPER or Grammar.CAST or Grammar.COALESCE;

    /// <summary>Reserved words that users write as names (functions, types, SIZE, DATE...), unlike clause keywords.</summary>
    public static bool IsNameLikeReservedWord(int type) =>
        type == Grammar.RESERVED_WORD || (IsKeyword(type) && !IsClauseKeyword(type));

    private static bool IsClauseKeyword(int type) => type is Grammar.SELECT or Grammar.FROM or Grammar.WHERE
        or Grammar.GROUP or Grammar.BY or Grammar.HAVING or Grammar.ORDER or Grammar.UNION or Grammar.EXCEPT
        or Grammar.INTERSECT or Grammar.JOIN or Grammar.ON or Grammar.USING or Grammar.AND or Grammar.OR
        or Grammar.NOT or Grammar.AS or Grammar.WITH or Grammar.OFFSET or Grammar.INNER or Grammar.LEFT
        or Grammar.RIGHT or Grammar.FULL or Grammar.OUTER or Grammar.NATURAL or Grammar.CROSS or Grammar.BETWEEN
        or Grammar.IN or Grammar.IS or Grammar.LIKE or Grammar.ILIKE or Grammar.CASE or Grammar.WHEN
        or Grammar.THEN or Grammar.ELSE or Grammar.END or Grammar.ESCAPE or Grammar.ASC or Grammar.DESC
        or Grammar.EXISTS or Grammar.ALL or Grammar.TOP or Grammar.NULL;

    /// <summary>The functions returning a geometry (ADQL 2.1 <c>&lt;geometry_value_function&gt;</c>).</summary>
    public static bool IsGeometryFunction(int type) =>
        type is Grammar.POINT or Grammar.CIRCLE or Grammar.BOX or Grammar.POLYGON or Grammar.REGION or Grammar.CENTROID;

    /// <summary>Infix value operators.</summary>
    public static bool IsOperator(int type) => type is Grammar.PLUS or Grammar.MINUS or Grammar.ASTERISK or Grammar.SOLIDUS
        or Grammar.CONCAT or Grammar.AMPERSAND or Grammar.VERTICAL_BAR or Grammar.CIRCUMFLEX;

    /// <summary>
    /// The sorted, de-duplicated display names of <paramref name="types"/>. When a whole value expression could
    /// start here, its ~80 possible first tokens are shown as the single entry <c>expression</c>.
    /// </summary>
    public static ImmutableArray<string> Describe(IntervalSet? types)
    {
        if (types is null || types.IsNil)
        {
            return [];
        }
        var expression = types.Contains(Grammar.ABS) && types.Contains(Grammar.REGULAR_IDENTIFIER) && types.Contains(Grammar.UNSIGNED_INTEGER);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in types.ToArray())
        {
            if (expression && StartsExpression(type))
            {
                names.Add("expression");
            }
            else if (Expected(type) is { } name)
            {
                names.Add(name);
            }
        }
        return [.. names];
    }

    // FIRST(valueExpression) in Adql.g4: literals, names, functions, NULL, CASE, signs and '('.
    private static bool StartsExpression(int type) =>
        type is (>= Grammar.ABS and <= Grammar.TRUNCATE) and not (Grammar.OFFSET or Grammar.TOP or Grammar.ILIKE)
        || type is Grammar.AVG or Grammar.CASE or Grammar.CAST or Grammar.COALESCE or Grammar.COUNT or Grammar.LOWER
            or Grammar.MAX or Grammar.MIN or Grammar.NULL or Grammar.SUM or Grammar.UPPER
            or Grammar.REGULAR_IDENTIFIER or Grammar.DELIMITED_IDENTIFIER or Grammar.STRING_LITERAL
            or Grammar.HEXADECIMAL or Grammar.UNSIGNED_INTEGER or Grammar.EXACT_NUMERIC or Grammar.APPROXIMATE_NUMERIC
            or Grammar.LEFT_PAREN or Grammar.PLUS or Grammar.MINUS or Grammar.TILDE;

    /// <summary>The offending token as shown after "unexpected".</summary>
    public static string Describe(IToken token)
    {
        if (token.Type == TokenConstants.EOF)
        {
            return "end of query";
        }
        var text = token.Text ?? "";
        if (text.Length > 40)
        {
            text = text[..37] + "...";
        }
        return token.Type switch
        {
            Grammar.REGULAR_IDENTIFIER or Grammar.COT => $"identifier '{text}'",
            Grammar.DELIMITED_IDENTIFIER => $"identifier {text}",
            Grammar.STRING_LITERAL => $"string {text}",
            Grammar.UNSIGNED_INTEGER or Grammar.EXACT_NUMERIC or Grammar.APPROXIMATE_NUMERIC or Grammar.HEXADECIMAL => $"number {text}",
            _ when IsKeyword(token.Type) || token.Type == Grammar.RESERVED_WORD => $"reserved word {text.ToUpperInvariant()}",
            _ => $"'{text}'",
        };
    }

    private static string? Expected(int type) => type switch
    {
        TokenConstants.EOF => "end of query",
        Grammar.REGULAR_IDENTIFIER or Grammar.DELIMITED_IDENTIFIER or Grammar.COT => "identifier",
        Grammar.STRING_LITERAL => "string",
        Grammar.UNSIGNED_INTEGER => "integer",
        Grammar.EXACT_NUMERIC or Grammar.APPROXIMATE_NUMERIC or Grammar.HEXADECIMAL => "number",
        Grammar.NOT_EQUALS => "'<>'",
        Grammar.RESERVED_WORD or Grammar.UNTERMINATED_STRING or Grammar.UNTERMINATED_IDENTIFIER or Grammar.INVALID_CHARACTER => null,
        _ when IsKeyword(type) => Grammar.DefaultVocabulary.GetSymbolicName(type),
        _ => Grammar.DefaultVocabulary.GetLiteralName(type),
    };
}
