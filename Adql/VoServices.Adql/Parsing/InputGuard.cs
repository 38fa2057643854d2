using System.Globalization;
using Antlr4.Runtime;
using VoServices.Dali;
using Grammar = VoServices.Adql.Generated.AdqlParser;

namespace VoServices.Adql.Parsing;

/// <summary>
/// Cheap checks that run before the parser so hostile input fails fast with a typed error: length, characters
/// no database accepts (NUL, unpaired surrogates), emptiness, and nesting depth (the parser is recursive, so a
/// 10 000-deep <c>((((</c> must never reach it).
/// </summary>
internal static class InputGuard
{
    public static void CheckText(string adql, AdqlParserOptions options)
    {
        if (adql.Length > options.MaxQueryLength)
        {
            throw new AdqlSyntaxException(
                AdqlErrorCode.QueryTooLong, 1, 1, 0,
                $"the query is {adql.Length.ToString(CultureInfo.InvariantCulture)} characters long; this service accepts at most "
                + $"{options.MaxQueryLength.ToString(CultureInfo.InvariantCulture)} (upload large value lists as a table instead)",
                kind: DaliErrorKind.TooLarge);
        }
        var bad = adql.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        var nul = adql.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0 && (bad < 0 || nul < bad))
        {
            throw At(adql, nul, AdqlErrorCode.InvalidCharacter, "the NUL character (U+0000) is not allowed in a query");
        }
        if (bad >= 0)
        {
            CheckSurrogates(adql, bad);
        }
    }

    public static void CheckTokens(IList<IToken> tokens, AdqlParserOptions options)
    {
        if (tokens.Count == 0 || tokens[0].Type == TokenConstants.EOF)
        {
            throw new AdqlSyntaxException(AdqlErrorCode.EmptyQuery, 1, 1, 0, "the query is empty (only whitespace and comments)");
        }
        var depth = 0;
        var prefixRun = 0;
        foreach (var token in tokens)
        {
            switch (token.Type)
            {
                case Grammar.LEFT_PAREN or Grammar.CASE:
                    if (++depth > options.MaxNestingDepth)
                    {
                        throw TooDeep(token, $"parentheses, subqueries and CASE are nested more than {Max(options)} levels deep");
                    }
                    break;
                case Grammar.RIGHT_PAREN or Grammar.END:
                    depth--;
                    break;
            }
            prefixRun = token.Type is Grammar.PLUS or Grammar.MINUS or Grammar.TILDE ? prefixRun + 1 : 0;
            if (prefixRun > options.MaxNestingDepth)
            {
                throw TooDeep(token, $"more than {Max(options)} consecutive sign or ~ operators");
            }
        }
    }

    private static string Max(AdqlParserOptions options) => options.MaxNestingDepth.ToString(CultureInfo.InvariantCulture);

    private static AdqlSyntaxException TooDeep(IToken token, string detail) =>
        new(AdqlErrorCode.NestingTooDeep, token.Line, token.Column + 1, token.StartIndex, detail);

    private static void CheckSurrogates(string adql, int from)
    {
        for (var i = from; i < adql.Length; i++)
        {
            if (char.IsHighSurrogate(adql[i]) && i + 1 < adql.Length && char.IsLowSurrogate(adql[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(adql[i]))
            {
                throw At(adql, i, AdqlErrorCode.InvalidCharacter, "the query is not valid Unicode (unpaired surrogate code unit)");
            }
        }
    }

    /// <summary>An error at character offset <paramref name="offset"/>, with its line and column computed.</summary>
    public static AdqlSyntaxException At(string adql, int offset, string code, string detail)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (adql[i] == '\n' || (adql[i] == '\r' && (i + 1 >= adql.Length || adql[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }
        return new AdqlSyntaxException(code, line, offset - lineStart + 1, offset, detail);
    }
}
