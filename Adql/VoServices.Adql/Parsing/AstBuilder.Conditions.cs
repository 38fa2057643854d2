using System.Collections.Immutable;
using VoServices.Adql.Ast;
using G = VoServices.Adql.Generated.AdqlParser;

namespace VoServices.Adql.Parsing;

internal sealed partial class AstBuilder
{
    /// <summary><c>a OR b OR ...</c>; ORs nested through parentheses are flattened (OR is associative).</summary>
    private SearchCondition BuildCondition(G.SearchConditionContext context)
    {
        using var scope = Nest(context);
        var terms = context.booleanTerm();
        if (terms.Length == 1)
        {
            return BuildTerm(terms[0]);
        }
        var operands = ImmutableArray.CreateBuilder<SearchCondition>(terms.Length);
        foreach (var term in terms)
        {
            var condition = BuildTerm(term);
            if (condition is OrCondition nested)
            {
                operands.AddRange(nested.Operands.AsImmutableArray());
            }
            else
            {
                operands.Add(condition);
            }
        }
        return new OrCondition(operands.ToImmutable()) { Span = SpanOf(context) };
    }

    /// <summary><c>a AND b AND ...</c>, flattened like OR.</summary>
    private SearchCondition BuildTerm(G.BooleanTermContext context)
    {
        var factors = context.booleanFactor();
        if (factors.Length == 1)
        {
            return BuildFactor(factors[0]);
        }
        var operands = ImmutableArray.CreateBuilder<SearchCondition>(factors.Length);
        foreach (var factor in factors)
        {
            var condition = BuildFactor(factor);
            if (condition is AndCondition nested)
            {
                operands.AddRange(nested.Operands.AsImmutableArray());
            }
            else
            {
                operands.Add(condition);
            }
        }
        return new AndCondition(operands.ToImmutable()) { Span = SpanOf(context) };
    }

    private SearchCondition BuildFactor(G.BooleanFactorContext context)
    {
        var primary = BuildBooleanPrimary(context.booleanPrimary());
        return context.NOT() is null ? primary : new NotCondition(primary) { Span = SpanOf(context) };
    }

    private SearchCondition BuildBooleanPrimary(G.BooleanPrimaryContext context) => context switch
    {
        G.ParenthesizedConditionContext parenthesized => BuildCondition(parenthesized.searchCondition()),
        G.ValuePredicateContext predicate => BuildPredicate(predicate.valueExpression(), predicate.predicateTail(), predicate),
        G.ExistsPredicateContext exists => new ExistsPredicate(BuildSubquery(exists.subquery())) { Span = SpanOf(exists) },
        _ => throw new InvalidOperationException($"unknown condition {context.GetType().Name}"),
    };

    private SearchCondition BuildPredicate(G.ValueExpressionContext left, G.PredicateTailContext tail, G.ValuePredicateContext context)
    {
        var span = SpanOf(context);
        switch (tail)
        {
            case G.ComparisonTailContext comparison:
                return new ComparisonPredicate(BuildValue(left), ComparisonOf(comparison.comparisonOperator()), BuildValue(comparison.valueExpression()))
                {
                    Span = span,
                };
            case G.BetweenTailContext between:
                return new BetweenPredicate(
                    BuildValue(left), BuildValue(between.valueExpression(0)), BuildValue(between.valueExpression(1)), between.NOT() is not null)
                {
                    Span = span,
                };
            case G.InSubqueryTailContext inSubquery:
                return new InSubqueryPredicate(BuildValue(left), BuildSubquery(inSubquery.subquery()), inSubquery.NOT() is not null) { Span = span };
            case G.InListTailContext inList:
                return new InListPredicate(BuildValue(left), Map(inList.valueExpression(), BuildValue), inList.NOT() is not null) { Span = span };
            case G.LikeTailContext like:
                return BuildLike(left, like, span);
            case G.NullTailContext isNull:
                if (ColumnOf(left) is not { } column)
                {
                    throw Error(AdqlErrorCode.InvalidConstruct, left,
                        "IS [NOT] NULL applies to a column reference in ADQL 2.1 (<null_predicate>); compare an expression with COALESCE instead");
                }
                return new NullPredicate(BuildColumnReference(column), isNull.NOT() is not null) { Span = span };
            default:
                throw new InvalidOperationException($"unknown predicate {tail.GetType().Name}");
        }
    }

    private LikePredicate BuildLike(G.ValueExpressionContext left, G.LikeTailContext like, SourceSpan span)
    {
        StringLiteral? escape = null;
        if (like.characterStringLiteral() is { } escapeLiteral)
        {
            escape = BuildString(escapeLiteral);
            if (escape.Value.Length != 1)
            {
                throw Error(AdqlErrorCode.InvalidConstruct, escapeLiteral, "the ESCAPE of LIKE must be a single character");
            }
        }
        return new LikePredicate(BuildValue(left), BuildValue(like.valueExpression()), like.like.Type == G.ILIKE, like.NOT() is not null, escape)
        {
            Span = span,
        };
    }

    private static ComparisonOperator ComparisonOf(G.ComparisonOperatorContext context) => context.Start.Type switch
    {
        G.EQUALS => ComparisonOperator.Equal,
        G.NOT_EQUALS => ComparisonOperator.NotEqual,
        G.LESS_THAN => ComparisonOperator.LessThan,
        G.GREATER_THAN => ComparisonOperator.GreaterThan,
        G.LESS_THAN_OR_EQUALS => ComparisonOperator.LessThanOrEqual,
        _ => ComparisonOperator.GreaterThanOrEqual,
    };

    /// <summary>The column reference a value expression consists of, if that is all it is.</summary>
    private static G.QualifiedNameContext? ColumnOf(G.ValueExpressionContext context) =>
        context is G.OperatorValueContext { } value
        && value.expression() is G.PrimaryExpressionContext { } expression
        && expression.primary() is G.ColumnPrimaryContext { } column
            ? column.qualifiedName()
            : null;
}
