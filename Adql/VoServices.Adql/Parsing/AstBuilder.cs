using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using VoServices.Adql.Ast;
using G = VoServices.Adql.Generated.AdqlParser;

namespace VoServices.Adql.Parsing;

/// <summary>
/// Walks the ANTLR parse tree and builds the immutable AST. It also enforces the rules the grammar leaves to it:
/// geometry argument forms, name part counts, user-defined function policy, string literal continuation, and
/// the tree depth limit (so later recursive stages cannot overflow the stack).
/// </summary>
internal sealed partial class AstBuilder
{
    private readonly string text;
    private readonly AdqlParserOptions options;
    private int depth;

    public AstBuilder(string text, AdqlParserOptions options)
    {
        this.text = text;
        this.options = options;
    }

    public Query Build(G.QueryContext context)
    {
        var with = context.withClause() is { } clause
            ? Map(clause.withQuery(), BuildCommonTableExpression)
            : EquatableArray<CommonTableExpression>.Empty;
        return new Query(with, BuildSelectExpression(context.selectExpression())) { Span = SpanOf(context) };
    }

    // ------------------------------------------------------------------------------------------- depth

    /// <summary>Counts one tree level; throws when the tree gets deeper than the options allow.</summary>
    private DepthScope Nest(ParserRuleContext context)
    {
        EnterLevel(context);
        return new DepthScope(this, 1);
    }

    private void EnterLevel(ParserRuleContext context)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (++depth > options.MaxExpressionDepth)
        {
            throw Error(AdqlErrorCode.NestingTooDeep, context.Start,
                "the query is nested too deeply (more than "
                + options.MaxExpressionDepth.ToString(CultureInfo.InvariantCulture) + " levels of expressions, joins or set operations)");
        }
    }

    private readonly struct DepthScope(AstBuilder builder, int levels) : IDisposable
    {
        public void Dispose() => builder.depth -= levels;
    }

    // ------------------------------------------------------------------------------------------ errors

    private static AdqlSyntaxException Error(string code, IToken token, string detail) =>
        new(code, token.Line, token.Column + 1, token.StartIndex, detail);

    private static AdqlSyntaxException Error(string code, ParserRuleContext context, string detail) =>
        Error(code, context.Start, detail);

    // ------------------------------------------------------------------------------------------- spans

    private static SourceSpan SpanOf(ParserRuleContext context) => SpanOf(context.Start, context.Stop ?? context.Start);

    private static SourceSpan SpanOf(IToken start, IToken stop) =>
        new(start.StartIndex, Math.Max(stop.StopIndex - start.StartIndex + 1, 0), start.Line, start.Column + 1);

    private static SourceSpan SpanOf(ITerminalNode node) => SpanOf(node.Symbol, node.Symbol);

    // ------------------------------------------------------------------------------------- collections

    private static EquatableArray<TResult> Map<TSource, TResult>(TSource[] items, Func<TSource, TResult> map)
    {
        var builder = ImmutableArray.CreateBuilder<TResult>(items.Length);
        foreach (var item in items)
        {
            builder.Add(map(item));
        }
        return builder.MoveToImmutable();
    }

    // ------------------------------------------------------------------------------ names and literals

    private static Identifier BuildIdentifier(G.IdentifierContext context)
    {
        var token = context.Start;
        var value = token.Type == G.DELIMITED_IDENTIFIER
            ? token.Text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal)
            : token.Text;
        return new Identifier(value, token.Type == G.DELIMITED_IDENTIFIER) { Span = SpanOf(token, token) };
    }

    /// <summary><c>[[catalog.]schema.]table</c>: at most three parts (ADQL 2.1 <c>&lt;table_name&gt;</c>).</summary>
    private static TableName BuildTableName(G.QualifiedNameContext context)
    {
        var parts = context.identifier();
        if (parts.Length > 3)
        {
            throw Error(AdqlErrorCode.InvalidName, context,
                $"'{context.GetText()}' has {parts.Length.ToString(CultureInfo.InvariantCulture)} parts; a table name has at most three (catalog.schema.table)");
        }
        return TableNameOf(parts, parts.Length, context);
    }

    private static TableName TableNameOf(G.IdentifierContext[] parts, int count, ParserRuleContext context)
    {
        var name = BuildIdentifier(parts[count - 1]);
        var schema = count >= 2 ? BuildIdentifier(parts[count - 2]) : null;
        var catalog = count >= 3 ? BuildIdentifier(parts[count - 3]) : null;
        return new TableName(catalog, schema, name) { Span = SpanOf(context.Start, parts[count - 1].Stop) };
    }

    /// <summary><c>[qualifier.]column</c>: at most four parts (ADQL 2.1 <c>&lt;column_reference&gt;</c>).</summary>
    private static ColumnReference BuildColumnReference(G.QualifiedNameContext context)
    {
        var parts = context.identifier();
        if (parts.Length > 4)
        {
            throw Error(AdqlErrorCode.InvalidName, context,
                $"'{context.GetText()}' has {parts.Length.ToString(CultureInfo.InvariantCulture)} parts; a column reference has at most four (catalog.schema.table.column)");
        }
        var qualifier = parts.Length > 1 ? TableNameOf(parts, parts.Length - 1, context) : null;
        return new ColumnReference(qualifier, BuildIdentifier(parts[^1])) { Span = SpanOf(context) };
    }

    /// <summary>
    /// A string literal; SQL-92 §5.3 lets a literal continue in the next one when only a separator holding a
    /// newline (and comments) comes between them.
    /// </summary>
    private StringLiteral BuildString(G.CharacterStringLiteralContext context)
    {
        var parts = context.STRING_LITERAL();
        if (parts.Length == 1)
        {
            return new StringLiteral(Unquote(parts[0].Symbol.Text)) { Span = SpanOf(context) };
        }
        var value = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0 && !SeparatedByNewline(parts[i - 1].Symbol, parts[i].Symbol))
            {
                throw Error(AdqlErrorCode.InvalidConstruct, parts[i].Symbol,
                    "two string literals in a row must be separated by a line break to be read as one literal (SQL-92 §5.3); use || to concatenate strings");
            }
            value.Append(Unquote(parts[i].Symbol.Text));
        }
        return new StringLiteral(value.ToString()) { Span = SpanOf(context) };
    }

    private bool SeparatedByNewline(IToken first, IToken second) =>
        text.AsSpan(first.StopIndex + 1, second.StartIndex - first.StopIndex - 1).IndexOfAny('\n', '\r') >= 0;

    private static string Unquote(string literal) => literal[1..^1].Replace("''", "'", StringComparison.Ordinal);

    private static NumericLiteral BuildNumber(IToken token) => new(token.Text) { Span = SpanOf(token, token) };

    /// <summary>An unsigned integer of TOP, OFFSET or a type length.</summary>
    private static long ParseCount(ITerminalNode node, string clause)
    {
        if (!long.TryParse(node.Symbol.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(AdqlErrorCode.NumberOutOfRange, node.Symbol, $"the {clause} value {node.Symbol.Text} is too large");
        }
        return value;
    }
}
