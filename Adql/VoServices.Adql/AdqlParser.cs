using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using VoServices.Adql.Ast;
using VoServices.Adql.Generated;
using VoServices.Adql.Parsing;

namespace VoServices.Adql;

/// <summary>
/// Parses ADQL 2.1 text (IVOA Recommendation, grammar in <c>Adql/Grammar/Adql.g4</c>) into an immutable
/// <see cref="Query"/>. Syntax only: names are not resolved and types not checked (later stages do that).
/// Thread-safe and stateless; the ANTLR prediction cache is shared process-wide.
/// </summary>
public static class AdqlParser
{
    /// <summary>Parses a query with <see cref="AdqlParserOptions.Default"/>.</summary>
    /// <param name="adql">The query text (a single statement, no trailing <c>;</c>).</param>
    /// <returns>The syntax tree; <see cref="AdqlPrinter.Print(AdqlNode)"/> turns it back into canonical ADQL.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="adql"/> is null.</exception>
    /// <exception cref="AdqlSyntaxException">
    /// The text is not ADQL 2.1, or exceeds a limit of the options; it carries a stable code, the line and column,
    /// and the tokens expected there.
    /// </exception>
    public static Query Parse(string adql) => Parse(adql, AdqlParserOptions.Default);

    /// <summary>Parses a query.</summary>
    /// <param name="adql">The query text.</param>
    /// <param name="options">Limits and the user-defined function policy.</param>
    /// <returns>The syntax tree.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="AdqlSyntaxException">The text is not ADQL 2.1 or exceeds a limit.</exception>
    public static Query Parse(string adql, AdqlParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(adql);
        ArgumentNullException.ThrowIfNull(options);
        InputGuard.CheckText(adql, options);

        var lexer = new AdqlLexer(new AntlrInputStream(adql), TextWriter.Null, TextWriter.Null);
        lexer.RemoveErrorListeners();
        var tokens = new CommonTokenStream(lexer);
        tokens.Fill();
        InputGuard.CheckTokens(tokens.GetTokens(), options);

        try
        {
            return new AstBuilder(adql, options).Build(ParseTree(tokens));
        }
        catch (InsufficientExecutionStackException)
        {
            throw new AdqlSyntaxException(AdqlErrorCode.NestingTooDeep, 1, 1, 0, "the query is nested too deeply to be parsed");
        }
    }

    /// <summary>
    /// Two-stage parse (toolchain.md §1b): SLL prediction with bail-out, which is fast and right for nearly all
    /// queries; on failure the LL pass decides, and its first error is the one reported.
    /// </summary>
    private static Generated.AdqlParser.QueryContext ParseTree(CommonTokenStream tokens)
    {
        var parser = new GuardedGrammarParser(tokens)
        {
            ErrorHandler = new BailErrorStrategy(),
        };
        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        try
        {
            return parser.query();
        }
        catch (ParseCanceledException)
        {
            tokens.Seek(0);
            parser.Reset();
            parser.Interpreter.PredictionMode = PredictionMode.LL;
        }
        try
        {
            return parser.query();
        }
        catch (ParseCanceledException canceled) when (canceled.InnerException is RecognitionException error)
        {
            throw SyntaxErrorTranslator.Translate(error, tokens);
        }
    }
}
