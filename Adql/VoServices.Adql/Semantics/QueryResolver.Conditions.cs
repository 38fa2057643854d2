using System.Runtime.CompilerServices;
using VoServices.Adql.Ast;

namespace VoServices.Adql.Semantics;

internal sealed partial class QueryResolver
{
    /// <summary>Resolves a search condition: operands must be comparable, LIKE needs strings, subqueries one column.</summary>
    private void ResolveCondition(SearchCondition condition, ExpressionContext context)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (condition)
        {
            case OrCondition or:
                or.Operands.ToList().ForEach(c => ResolveCondition(c, context));
                break;
            case AndCondition and:
                and.Operands.ToList().ForEach(c => ResolveCondition(c, context));
                break;
            case NotCondition not:
                ResolveCondition(not.Operand, context);
                break;
            case ComparisonPredicate comparison:
                RequireComparable(ResolveValue(comparison.Left, context), ResolveValue(comparison.Right, context),
                    comparison.Left, comparison.Right, comparison);
                break;
            case BetweenPredicate between:
                var operand = ResolveValue(between.Operand, context);
                RequireComparable(operand, ResolveValue(between.Lower, context), between.Operand, between.Lower, between);
                RequireComparable(operand, ResolveValue(between.Upper, context), between.Operand, between.Upper, between);
                break;
            case InListPredicate inList:
                var tested = ResolveValue(inList.Operand, context);
                foreach (var value in inList.Values)
                {
                    RequireComparable(tested, ResolveValue(value, context), inList.Operand, value, value);
                }
                break;
            case InSubqueryPredicate inSubquery:
                var left = ResolveValue(inSubquery.Operand, context);
                var right = SingleColumn(inSubquery.Subquery, context, "the subquery of IN");
                if (!TypeRules.Comparable(left, right))
                {
                    throw Error(AdqlErrorCode.TypeMismatch, inSubquery,
                        $"{Quote(inSubquery.Operand)} is {TypeRules.Describe(left)} "
                        + $"and cannot be compared with the subquery's column, {TypeRules.Describe(right)}");
                }
                break;
            case LikePredicate like:
                ResolveLike(like, context);
                break;
            case NullPredicate isNull:
                ResolveValue(isNull.Column, context);
                break;
            case ExistsPredicate exists:
                ResolveQuery(exists.Subquery, context.Scope, context.Scope.CommonTables);
                break;
            default:
                throw new InvalidOperationException($"unknown condition {condition.GetType().Name}");
        }
    }

    /// <summary>LIKE and ILIKE (feature adql-string) match strings against string patterns.</summary>
    private void ResolveLike(LikePredicate like, ExpressionContext context)
    {
        var keyword = like.CaseInsensitive ? "ILIKE" : "LIKE";
        if (like.CaseInsensitive)
        {
            RequireSyntax("ILIKE", like);
        }
        foreach (var (value, role) in new[] { (like.Operand, "matched value"), (like.Pattern, "pattern") })
        {
            var type = ResolveValue(value, context);
            if (type.Category is not (ValueCategory.String or ValueCategory.Null))
            {
                throw Error(AdqlErrorCode.TypeMismatch, value,
                    $"{keyword} needs strings, but its {role} {Quote(value)} is {TypeRules.Describe(type)}");
            }
        }
    }
}
