using Antlr4.Runtime.Tree;
using VoServices.Adql.Ast;
using G = VoServices.Adql.Generated.AdqlParser;

namespace VoServices.Adql.Parsing;

internal sealed partial class AstBuilder
{
    private CommonTableExpression BuildCommonTableExpression(G.WithQueryContext context) =>
        new(BuildIdentifier(context.identifier()), BuildSelectExpression(context.selectExpression())) { Span = SpanOf(context) };

    /// <summary><c>&lt;query_set_expression&gt; [ORDER BY ...] [OFFSET n]</c>.</summary>
    private QueryExpression BuildSelectExpression(G.SelectExpressionContext context)
    {
        using var scope = Nest(context);
        var body = BuildSetExpression(context.querySetExpression());
        var orderBy = context.orderByClause();
        var offset = context.offsetClause();
        if (orderBy is null && offset is null)
        {
            return body;
        }
        if (body.HasOrderByOrOffset)
        {
            // (SELECT ... ORDER BY a) ORDER BY b: both orderings exist, keep the parentheses in the tree.
            body = new ParenthesizedQuery(body) { Span = body.Span };
        }
        return body with
        {
            OrderBy = orderBy is null ? EquatableArray<SortSpecification>.Empty : Map(orderBy.sortSpecification(), BuildSortSpecification),
            Offset = offset is null ? null : ParseCount(offset.UNSIGNED_INTEGER(), "OFFSET"),
            Span = SpanOf(context),
        };
    }

    private SortSpecification BuildSortSpecification(G.SortSpecificationContext context)
    {
        SortDirection? direction = context.direction?.Type switch
        {
            G.ASC => SortDirection.Ascending,
            G.DESC => SortDirection.Descending,
            _ => null,
        };
        return new SortSpecification(BuildValue(context.valueExpression()), direction) { Span = SpanOf(context) };
    }

    /// <summary>UNION / EXCEPT chain, left-associative.</summary>
    private QueryExpression BuildSetExpression(G.QuerySetExpressionContext context)
    {
        var levels = 0;
        try
        {
            var result = BuildSetTerm(context.querySetTerm(0));
            var op = SetOperator.Union;
            var all = false;
            for (var i = 1; i < context.ChildCount; i++)
            {
                switch (context.GetChild(i))
                {
                    case ITerminalNode { Symbol.Type: G.UNION }:
                        op = SetOperator.Union;
                        break;
                    case ITerminalNode { Symbol.Type: G.EXCEPT }:
                        op = SetOperator.Except;
                        break;
                    case ITerminalNode { Symbol.Type: G.ALL }:
                        all = true;
                        break;
                    case G.QuerySetTermContext term:
                        EnterLevel(term);
                        levels++;
                        result = new SetOperation(op, all, result, BuildSetTerm(term)) { Span = SpanOf(context.Start, term.Stop) };
                        all = false;
                        break;
                }
            }
            return result;
        }
        finally
        {
            depth -= levels;
        }
    }

    /// <summary>INTERSECT chain, left-associative.</summary>
    private QueryExpression BuildSetTerm(G.QuerySetTermContext context)
    {
        var levels = 0;
        try
        {
            var result = BuildSetPrimary(context.querySetPrimary(0));
            var all = false;
            for (var i = 1; i < context.ChildCount; i++)
            {
                switch (context.GetChild(i))
                {
                    case ITerminalNode { Symbol.Type: G.ALL }:
                        all = true;
                        break;
                    case G.QuerySetPrimaryContext primary:
                        EnterLevel(primary);
                        levels++;
                        result = new SetOperation(SetOperator.Intersect, all, result, BuildSetPrimary(primary))
                        {
                            Span = SpanOf(context.Start, primary.Stop),
                        };
                        all = false;
                        break;
                }
            }
            return result;
        }
        finally
        {
            depth -= levels;
        }
    }

    private QueryExpression BuildSetPrimary(G.QuerySetPrimaryContext context) =>
        context.selectQuery() is { } select ? BuildSelectQuery(select) : BuildSelectExpression(context.selectExpression());

    private SelectStatement BuildSelectQuery(G.SelectQueryContext context)
    {
        using var scope = Nest(context);
        SetQuantifier? quantifier = context.setQuantifier()?.Start.Type switch
        {
            G.DISTINCT => SetQuantifier.Distinct,
            G.ALL => SetQuantifier.All,
            _ => null,
        };
        var top = context.setLimit() is { } limit ? ParseCount(limit.UNSIGNED_INTEGER(), "TOP") : (long?)null;
        return new SelectStatement(
            quantifier,
            top,
            BuildSelectList(context.selectList()),
            Map(context.fromClause().tableReference(), BuildTableReference),
            context.whereClause() is { } where ? BuildCondition(where.searchCondition()) : null,
            context.groupByClause() is { } groupBy ? Map(groupBy.valueExpression(), BuildValue) : EquatableArray<ValueExpression>.Empty,
            context.havingClause() is { } having ? BuildCondition(having.searchCondition()) : null)
        {
            Span = SpanOf(context),
        };
    }

    private EquatableArray<SelectItem> BuildSelectList(G.SelectListContext context)
    {
        if (context.ASTERISK() is { } star)
        {
            return [new AllColumns { Span = SpanOf(star) }];
        }
        return Map(context.selectSublist(), BuildSelectItem);
    }

    private SelectItem BuildSelectItem(G.SelectSublistContext context) => context switch
    {
        G.QualifiedAsteriskContext star => new QualifiedAllColumns(BuildTableName(star.qualifiedName())) { Span = SpanOf(star) },
        G.DerivedColumnContext column => new DerivedColumn(
            BuildValue(column.valueExpression()),
            column.asClause() is { } alias ? BuildIdentifier(alias.identifier()) : null)
        {
            Span = SpanOf(column),
        },
        _ => throw new InvalidOperationException($"unknown select item {context.GetType().Name}"),
    };

    private QueryExpression BuildSubquery(G.SubqueryContext context) => BuildSelectExpression(context.selectExpression());
}
