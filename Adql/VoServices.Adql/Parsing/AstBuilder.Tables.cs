using VoServices.Adql.Ast;
using G = VoServices.Adql.Generated.AdqlParser;

namespace VoServices.Adql.Parsing;

internal sealed partial class AstBuilder
{
    private TableReference BuildTableReference(G.TableReferenceContext context) =>
        BuildJoins(BuildTablePrimary(context.tablePrimary()), context.joinPart(), context.Start);

    /// <summary>Folds <c>a JOIN b JOIN c</c> into a left-deep tree; each join is one tree level.</summary>
    private TableReference BuildJoins(TableReference left, G.JoinPartContext[] parts, Antlr4.Runtime.IToken start)
    {
        var levels = 0;
        try
        {
            foreach (var part in parts)
            {
                EnterLevel(part);
                levels++;
                left = BuildJoin(left, part) with { Span = SpanOf(start, part.Stop) };
            }
            return left;
        }
        finally
        {
            depth -= levels;
        }
    }

    private JoinedTable BuildJoin(TableReference left, G.JoinPartContext context)
    {
        if (context is G.CrossJoinContext cross)
        {
            return new JoinedTable(left, JoinKind.Cross, BuildTablePrimary(cross.tablePrimary()), false, null);
        }
        var join = (G.QualifiedJoinContext)context;
        var kind = join.joinType()?.outer?.Type switch
        {
            G.LEFT => JoinKind.LeftOuter,
            G.RIGHT => JoinKind.RightOuter,
            G.FULL => JoinKind.FullOuter,
            _ => JoinKind.Inner,
        };
        var right = BuildTablePrimary(join.tablePrimary());
        JoinCondition? condition = join.joinSpecification() switch
        {
            G.JoinConditionContext on => new JoinOn(BuildCondition(on.searchCondition())) { Span = SpanOf(on) },
            G.NamedColumnsJoinContext usingColumns => new JoinUsing(Map(usingColumns.identifier(), BuildIdentifier)) { Span = SpanOf(usingColumns) },
            _ => null,
        };
        return new JoinedTable(left, kind, right, join.NATURAL() is not null, condition);
    }

    private TableReference BuildTablePrimary(G.TablePrimaryContext context)
    {
        using var scope = Nest(context);
        return context switch
        {
            G.NamedTableContext named => new NamedTable(
                BuildTableName(named.qualifiedName()),
                named.correlationSpecification() is { } alias ? BuildIdentifier(alias.identifier()) : null)
            {
                Span = SpanOf(named),
            },
            G.DerivedTableContext derived => new DerivedTable(
                BuildSubquery(derived.subquery()),
                BuildIdentifier(derived.correlationSpecification().identifier()))
            {
                Span = SpanOf(derived),
            },
            G.ParenthesizedJoinContext parenthesized => BuildJoins(
                BuildTablePrimary(parenthesized.tablePrimary()), parenthesized.joinPart(), parenthesized.tablePrimary().Start),
            _ => throw new InvalidOperationException($"unknown table reference {context.GetType().Name}"),
        };
    }
}
