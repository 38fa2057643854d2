using VoServices.Adql.Ast;

namespace VoServices.Adql.Translation;

internal sealed partial class TranslationSession
{
    private string Condition(SearchCondition condition, Scope scope) => condition switch
    {
        OrCondition or => "(" + string.Join(" OR ", or.Operands.Select(o => Condition(o, scope))) + ")",
        AndCondition and => "(" + string.Join(" AND ", and.Operands.Select(o => Condition(o, scope))) + ")",
        NotCondition not => "(NOT " + Condition(not.Operand, scope) + ")",
        ComparisonPredicate comparison => Comparison(comparison, scope),
        BetweenPredicate between => Between(between, scope),
        InListPredicate inList => InList(inList, scope),
        InSubqueryPredicate inSubquery => InSubquery(inSubquery, scope),
        LikePredicate like => Like(like, scope),
        NullPredicate isNull => $"({Expression(isNull.Column, scope).Sql} IS {(isNull.Negated ? "NOT " : "")}NULL)",
        ExistsPredicate exists => $"(EXISTS ({QueryExpression(exists.Subquery, scope, null).Sql}))",
        _ => throw Unsupported($"unknown condition {condition.GetType().Name}", condition),
    };

    private string Comparison(ComparisonPredicate comparison, Scope scope)
    {
        if (SpatialComparison(comparison, scope) is { } spatial)
        {
            return spatial;
        }
        var left = Expression(comparison.Left, scope);
        var right = Expression(comparison.Right, scope);
        if (IsGeometry(left.Kind) || IsGeometry(right.Kind))
        {
            throw Unsupported("geometries cannot be compared with " + PortableSql.ComparisonSymbol(comparison.Operator), comparison);
        }
        var (l, r) = Comparable(left, right);
        return $"({l} {PortableSql.ComparisonSymbol(comparison.Operator)} {r})";
    }

    /// <summary>
    /// The SQL of two compared values. A bare column compared with a numeric constant stays bare (its index stays usable)
    /// and the constant takes the column's type; otherwise both are operands (<see cref="ISqlDialect.ColumnValue"/>).
    /// </summary>
    private (string Left, string Right) Comparable(SqlExpression left, SqlExpression right)
    {
        if (left.Source is not null && right.Constant is not null && left.IsNumeric)
        {
            return (left.Sql, dialect.ComparableConstant(left, right));
        }
        if (right.Source is not null && left.Constant is not null && right.IsNumeric)
        {
            return (dialect.ComparableConstant(right, left), right.Sql);
        }
        if (left.Source is { } a && right.Source is { } b && a.Column.Datatype == b.Column.Datatype)
        {
            return (left.Sql, right.Sql);
        }
        return (AsOperand(left).Sql, AsOperand(right).Sql);
    }

    /// <summary>Comparison of one value with several: as bare column and constants when all are constants.</summary>
    private List<string> ComparableList(SqlExpression operand, IReadOnlyList<SqlExpression> values, out string operandSql)
    {
        if (operand.Source is not null && operand.IsNumeric && values.All(v => v.Constant is not null))
        {
            operandSql = operand.Sql;
            return values.Select(v => dialect.ComparableConstant(operand, v)).ToList();
        }
        operandSql = AsOperand(operand).Sql;
        return values.Select(v => AsOperand(v).Sql).ToList();
    }

    private string Between(BetweenPredicate between, Scope scope)
    {
        var operand = Expression(between.Operand, scope);
        var bounds = ComparableList(operand, [Expression(between.Lower, scope), Expression(between.Upper, scope)], out var sql);
        return $"({sql} {(between.Negated ? "NOT " : "")}BETWEEN {bounds[0]} AND {bounds[1]})";
    }

    private string InList(InListPredicate inList, Scope scope)
    {
        var operand = Expression(inList.Operand, scope);
        var values = ComparableList(operand, inList.Values.Select(v => Expression(v, scope)).ToList(), out var sql);
        return $"({sql} {(inList.Negated ? "NOT " : "")}IN ({string.Join(", ", values)}))";
    }

    private string InSubquery(InSubqueryPredicate inSubquery, Scope scope)
    {
        var operand = Operand(inSubquery.Operand, scope);
        var query = QueryExpression(inSubquery.Subquery, scope, null);
        return $"({operand.Sql} {(inSubquery.Negated ? "NOT " : "")}IN ({query.Sql}))";
    }

    private string Like(LikePredicate like, Scope scope)
    {
        var operand = Operand(like.Operand, scope);
        var pattern = Operand(like.Pattern, scope);
        SqlExpression? escape = null;
        if (like.Escape is { } escapeLiteral)
        {
            if (escapeLiteral.Value.Length != 1)
            {
                throw new AdqlTranslationException(TranslationErrorCode.InvalidString,
                    "the ESCAPE character must be a string of exactly one character (SQL-92 §8.5)", escapeLiteral);
            }
            escape = StringParameter(escapeLiteral.Value, escapeLiteral);
        }
        var sql = dialect.Like(operand, pattern, like.CaseInsensitive, escape);
        return like.Negated ? $"(NOT {sql})" : sql;
    }

    /// <summary>
    /// Recognises the spatial conditions (ADQL 2.1 §4.2): <c>1 = CONTAINS(a, b)</c>, <c>INTERSECTS(a, b) = 1</c> (also
    /// <c>= 0</c>, <c>&lt;&gt;</c>, either side) and <c>DISTANCE(p, q) &lt; r</c> (any of &lt; &lt;= &gt; &gt;=, either
    /// side), which dialects turn into index scans. Null for any other comparison.
    /// </summary>
    private string? SpatialComparison(ComparisonPredicate comparison, Scope scope)
    {
        var (call, other, op) = comparison switch
        {
            { Left: var f } when IsSpatialCall(f) => (f, comparison.Right, comparison.Operator),
            { Right: var f } when IsSpatialCall(f) => (f, comparison.Left, Flip(comparison.Operator)),
            _ => (null, null, comparison.Operator),
        };
        if (call is null || other is null)
        {
            return null;
        }
        var name = call is FunctionCall function ? function.Name : "CROSSMATCH";
        if (name is "CONTAINS" or "INTERSECTS" or "CROSSMATCH"
            && other is NumericLiteral { Kind: NumericLiteralKind.Integer } literal && literal.TryGetInt64(out var value)
            && value is 0 or 1 && op is ComparisonOperator.Equal or ComparisonOperator.NotEqual)
        {
            var negated = value == 1 == (op == ComparisonOperator.NotEqual);
            var relation = call is FunctionCall f ? Relation(f, scope) : CrossmatchRelation((UserDefinedFunctionCall)call, scope);
            return dialect.SpatialCondition(relation, negated);
        }
        if (call is FunctionCall { Name: "DISTANCE" } distance && op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
        {
            var (first, second) = DistancePoints(distance, scope);
            var limit = Operand(other, scope);
            RequireNumber(limit, other);
            return dialect.SpatialCondition(new SpatialPredicate(SpatialRelation.Distance, first, second, op, limit), negated: false);
        }
        return null;
    }

    private static bool IsSpatialCall(ValueExpression value) =>
        value is FunctionCall f && GeometryFunctionNames.Contains(f.Name) || value is UserDefinedFunctionCall u && IsCrossmatch(u);

    private static ComparisonOperator Flip(ComparisonOperator op) => op switch
    {
        ComparisonOperator.LessThan => ComparisonOperator.GreaterThan,
        ComparisonOperator.GreaterThan => ComparisonOperator.LessThan,
        ComparisonOperator.LessThanOrEqual => ComparisonOperator.GreaterThanOrEqual,
        ComparisonOperator.GreaterThanOrEqual => ComparisonOperator.LessThanOrEqual,
        _ => op,
    };
}
