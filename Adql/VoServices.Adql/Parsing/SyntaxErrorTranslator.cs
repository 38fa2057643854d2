using System.Globalization;
using Antlr4.Runtime;
using Grammar = VoServices.Adql.Generated.AdqlParser;

namespace VoServices.Adql.Parsing;

/// <summary>
/// Turns the first ANTLR recognition error of the LL pass into an <see cref="AdqlSyntaxException"/>: the
/// offending token's position, a readable detail and the expected tokens; lexical error tokens and misused
/// reserved words get their own codes.
/// </summary>
internal static class SyntaxErrorTranslator
{
    public static AdqlSyntaxException Translate(RecognitionException error, ITokenStream tokens)
    {
        var offending = error.OffendingToken ?? tokens.LT(1);
        var expectedTypes = SafeExpected(error);
        var expected = TokenNames.Describe(expectedTypes);
        var nameExpected = expectedTypes?.Contains(Grammar.REGULAR_IDENTIFIER) == true;
        var lexical = Lexical(offending);
        if (lexical is not null)
        {
            return lexical;
        }
        var previous = offending.TokenIndex > 0 ? tokens.Get(offending.TokenIndex - 1) : null;
        var next = offending.Type == TokenConstants.EOF ? null : tokens.Get(offending.TokenIndex + 1);
        if (GeometryOperand(offending, previous, next, tokens) is { } geometry)
        {
            return geometry;
        }
        // A reserved word after AS, or a name-like one (DISTANCE, SIZE, REAL, ...) where a name could stand: the user
        // meant a name. Clause keywords (FROM, WHERE, ...) there rather mean that something is missing before them.
        var reserved = TokenNames.IsKeyword(offending.Type) || offending.Type == Grammar.RESERVED_WORD;
        if (reserved && nameExpected && (previous?.Type == Grammar.AS
            || (TokenNames.IsNameLikeReservedWord(offending.Type) && next?.Type != Grammar.LEFT_PAREN)))
        {
            return ReservedWord(offending);
        }
        if (previous is not null && TokenNames.IsFunctionKeyword(previous.Type) && offending.Type != Grammar.LEFT_PAREN)
        {
            return ReservedWord(previous);
        }
        var detail = $"unexpected {TokenNames.Describe(offending)}";
        if (offending.Type == Grammar.ASTERISK && previous?.Type == Grammar.COMMA)
        {
            detail += ": a bare * must be the whole select list (ADQL 2.1 <select_list>); write table.* to add the columns of a table";
        }
        return new AdqlSyntaxException(
            AdqlErrorCode.UnexpectedToken, offending.Line, offending.Column + 1, Offset(offending), detail, expected);
    }

    /// <summary>
    /// A geometry-valued function used as an operand (<c>'a' || POINT(...)</c>, <c>POINT(...) + 1</c>): ADQL 2.1
    /// allows geometries only as whole value expressions (<c>&lt;value_expression&gt;</c>).
    /// </summary>
    private static AdqlSyntaxException? GeometryOperand(IToken offending, IToken? previous, IToken? next, ITokenStream tokens)
    {
        IToken? function = null;
        if (TokenNames.IsGeometryFunction(offending.Type) && next?.Type == Grammar.LEFT_PAREN)
        {
            function = offending;
        }
        else if (previous?.Type == Grammar.RIGHT_PAREN && TokenNames.IsOperator(offending.Type))
        {
            var opening = MatchingParenthesis(tokens, previous.TokenIndex);
            if (opening > 0 && TokenNames.IsGeometryFunction(tokens.Get(opening - 1).Type))
            {
                function = tokens.Get(opening - 1);
            }
        }
        if (function is null)
        {
            return null;
        }
        var name = function.Text.ToUpperInvariant();
        return new AdqlSyntaxException(
            AdqlErrorCode.InvalidConstruct, function.Line, function.Column + 1, function.StartIndex,
            $"{name}(...) is a geometry value: it can be selected, compared or passed to a geometry function, but not "
            + "be an operand of arithmetic, bitwise or || operators (ADQL 2.1 <value_expression>)");
    }

    private static int MatchingParenthesis(ITokenStream tokens, int closing)
    {
        var depth = 0;
        for (var i = closing; i >= 0; i--)
        {
            var type = tokens.Get(i).Type;
            if (type == Grammar.RIGHT_PAREN)
            {
                depth++;
            }
            else if (type == Grammar.LEFT_PAREN && --depth == 0)
            {
                return i;
            }
        }
        return -1;
    }

    private static Antlr4.Runtime.Misc.IntervalSet? SafeExpected(RecognitionException error)
    {
        try
        {
            return error.GetExpectedTokens();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static AdqlSyntaxException? Lexical(IToken token)
    {
        var text = token.Text ?? "";
        return token.Type switch
        {
            Grammar.UNTERMINATED_STRING => new AdqlSyntaxException(
                AdqlErrorCode.UnterminatedString, token.Line, token.Column + 1, token.StartIndex,
                "string literal without its closing quote (write '' for a quote inside a string)"),
            Grammar.UNTERMINATED_IDENTIFIER => new AdqlSyntaxException(
                AdqlErrorCode.UnterminatedIdentifier, token.Line, token.Column + 1, token.StartIndex,
                text == "\"" ? "delimited identifier without its closing double quote, or empty (\"\")"
                    : "delimited identifier without its closing double quote (write \"\" for a quote inside a name)"),
            Grammar.INVALID_CHARACTER => new AdqlSyntaxException(
                AdqlErrorCode.InvalidCharacter, token.Line, token.Column + 1, token.StartIndex, InvalidCharacter(text)),
            _ => null,
        };
    }

    private static string InvalidCharacter(string text)
    {
        var c = text.Length > 0 ? text[0] : '\0';
        var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        var hint = c == '_' || char.IsLetter(c)
            ? "; regular identifiers start with a letter A-Z and use only A-Z, 0-9 and _ (ADQL 2.1 <regular_identifier>): write other names in double quotes"
            : c == ';' ? "; a query is a single statement without a terminating ';'" : "";
        var shown = char.IsControl(c) ? "" : $"'{text}' ";
        return $"invalid character {shown}(U+{code}){hint}";
    }

    private static AdqlSyntaxException ReservedWord(IToken token)
    {
        var text = token.Text ?? "";
        return new AdqlSyntaxException(
            AdqlErrorCode.ReservedWord, token.Line, token.Column + 1, token.StartIndex,
            $"'{text}' is a reserved word in ADQL 2.1 and cannot be used as a name; "
            + $"to use it as an identifier write it in double quotes: \"{text}\"");
    }

    private static int Offset(IToken token) => token.Type == TokenConstants.EOF ? token.StartIndex : Math.Max(token.StartIndex, 0);
}
