using VoServices.Adql.Ast;

namespace VoServices.Adql.Printing;

internal sealed partial class AdqlTextWriter
{
    // Binding strength of search conditions, loosest first: OR, AND, NOT, predicates.
    private const int OrLevel = 1;
    private const int AndLevel = 2;
    private const int NotLevel = 3;
    private const int PredicateLevel = 4;

    private static int Precedence(SearchCondition condition) => condition switch
    {
        OrCondition => OrLevel,
        AndCondition => AndLevel,
        NotCondition => NotLevel,
        _ => PredicateLevel,
    };

    private void WriteCondition(SearchCondition condition, int minimum)
    {
        var parenthesize = Precedence(condition) < minimum;
        if (parenthesize)
        {
            output.Append('(');
        }
        switch (condition)
        {
            case OrCondition or:
                WriteList(or.Operands, c => WriteCondition(c, AndLevel), " OR ");
                break;
            case AndCondition and:
                WriteList(and.Operands, c => WriteCondition(c, NotLevel), " AND ");
                break;
            case NotCondition not:
                output.Append("NOT ");
                WriteCondition(not.Operand, PredicateLevel);
                break;
            default:
                WritePredicate(condition);
                break;
        }
        if (parenthesize)
        {
            output.Append(')');
        }
    }

    private void WritePredicate(SearchCondition predicate)
    {
        switch (predicate)
        {
            case ComparisonPredicate comparison:
                WriteValue(comparison.Left);
                output.Append(comparison.Operator switch
                {
                    ComparisonOperator.Equal => " = ",
                    ComparisonOperator.NotEqual => " <> ",
                    ComparisonOperator.LessThan => " < ",
                    ComparisonOperator.GreaterThan => " > ",
                    ComparisonOperator.LessThanOrEqual => " <= ",
                    _ => " >= ",
                });
                WriteValue(comparison.Right);
                break;
            case BetweenPredicate between:
                WriteValue(between.Operand);
                output.Append(between.Negated ? " NOT BETWEEN " : " BETWEEN ");
                WriteValue(between.Lower);
                output.Append(" AND ");
                WriteValue(between.Upper);
                break;
            case InListPredicate inList:
                WriteValue(inList.Operand);
                output.Append(inList.Negated ? " NOT IN (" : " IN (");
                WriteList(inList.Values, WriteValue);
                output.Append(')');
                break;
            case InSubqueryPredicate inSubquery:
                WriteValue(inSubquery.Operand);
                output.Append(inSubquery.Negated ? " NOT IN (" : " IN (");
                WriteQueryExpression(inSubquery.Subquery);
                output.Append(')');
                break;
            case LikePredicate like:
                WriteLike(like);
                break;
            case NullPredicate isNull:
                WriteExpression(isNull.Column);
                output.Append(isNull.Negated ? " IS NOT NULL" : " IS NULL");
                break;
            case ExistsPredicate exists:
                output.Append("EXISTS (");
                WriteQueryExpression(exists.Subquery);
                output.Append(')');
                break;
            default:
                throw new ArgumentException($"cannot print a {predicate.GetType().Name}", nameof(predicate));
        }
    }

    private void WriteLike(LikePredicate like)
    {
        WriteValue(like.Operand);
        output.Append(like.Negated ? " NOT" : "");
        output.Append(like.CaseInsensitive ? " ILIKE " : " LIKE ");
        WriteValue(like.Pattern);
        if (like.Escape is { } escape)
        {
            output.Append(" ESCAPE ");
            WriteString(escape);
        }
    }
}
