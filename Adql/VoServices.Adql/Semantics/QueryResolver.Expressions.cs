using System.Runtime.CompilerServices;
using VoServices.Adql.Ast;

namespace VoServices.Adql.Semantics;

internal sealed partial class QueryResolver
{
    /// <summary>Resolves and types a value expression; records its type.</summary>
    private ExpressionType ResolveValue(ValueExpression expression, ExpressionContext context)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var type = expression switch
        {
            NullLiteral => ExpressionType.Null,
            NumericLiteral number => TypeRules.OfLiteral(number),
            StringLiteral => TypeRules.VarChar,
            ColumnReference reference => ResolveColumn(reference, context.Scope).Type,
            UnaryExpression unary => ResolveUnary(unary, context),
            BinaryExpression binary => ResolveBinary(binary, context),
            ScalarSubquery subquery => SingleColumn(subquery.Query, context, "a scalar subquery"),
            SetFunction aggregate => ResolveAggregate(aggregate, context),
            FunctionCall call => ResolveFunction(call, call.Name, call.Arguments, context),
            UserDefinedFunctionCall udf => ResolveFunction(udf, udf.Name, udf.Arguments, context),
            GeometryValueFunction geometry => ResolveGeometry(geometry, context),
            CastExpression cast => ResolveCast(cast, context),
            CoalesceExpression coalesce => ResolveCoalesce(coalesce, context),
            InUnitExpression inUnit => ResolveInUnit(inUnit, context),
            SimpleCaseExpression simple => ResolveSimpleCase(simple, context),
            SearchedCaseExpression searched => ResolveSearchedCase(searched, context),
            _ => throw new InvalidOperationException($"unknown value expression {expression.GetType().Name}"),
        };
        details.Types[expression] = type;
        return type;
    }

    /// <summary>+x and -x need a number (the unit stays; a negated quantity is not the same UCD); ~x an integer.</summary>
    private ExpressionType ResolveUnary(UnaryExpression unary, ExpressionContext context)
    {
        var operand = ResolveValue(unary.Operand, context);
        if (unary.Operator == UnaryOperator.BitwiseNot)
        {
            RequireInteger(operand, unary.Operand, "~");
            return operand.Bare();
        }
        RequireNumber(operand, unary.Operand, unary.Operator == UnaryOperator.Minus ? "-" : "+");
        return unary.Operator == UnaryOperator.Plus ? operand : operand.Bare() with { Unit = operand.Unit };
    }

    /// <summary>
    /// Arithmetic on numbers (the unit survives + and - of two values with the same unit), bitwise operators on
    /// integers (ADQL 2.1 "Bitwise operators"), <c>||</c> on strings and numbers (lyonetia gavo additionaltests).
    /// </summary>
    private ExpressionType ResolveBinary(BinaryExpression binary, ExpressionContext context)
    {
        var left = ResolveValue(binary.Left, context);
        var right = ResolveValue(binary.Right, context);
        var symbol = Symbol(binary.Operator);
        switch (binary.Operator)
        {
            case BinaryOperator.Concatenate:
                RequireConcatenable(left, binary.Left);
                RequireConcatenable(right, binary.Right);
                return TypeRules.VarChar;
            case BinaryOperator.BitwiseAnd or BinaryOperator.BitwiseOr or BinaryOperator.BitwiseXor:
                RequireInteger(left, binary.Left, symbol);
                RequireInteger(right, binary.Right, symbol);
                return TypeRules.Widen(left, right);
            default:
                RequireNumber(left, binary.Left, symbol);
                RequireNumber(right, binary.Right, symbol);
                var sameUnit = binary.Operator is BinaryOperator.Add or BinaryOperator.Subtract
                    && left.Unit is not null && string.Equals(left.Unit, right.Unit, StringComparison.Ordinal);
                return TypeRules.Widen(left, right) with { Unit = sameUnit ? left.Unit : null };
        }
    }

    /// <summary>A subquery used as one value: one column, whose type it has.</summary>
    private ExpressionType SingleColumn(QueryExpression query, ExpressionContext context, string what)
    {
        var outputs = ResolveQuery(query, context.Scope, context.Scope.CommonTables);
        if (outputs.Count != 1)
        {
            throw Error(AdqlErrorCode.TypeMismatch, query,
                Invariant($"{what} must return one column; this one returns {outputs.Count}"));
        }
        return outputs[0].Type;
    }

    private ExpressionType ResolveSimpleCase(SimpleCaseExpression expression, ExpressionContext context)
    {
        var operand = ResolveValue(expression.Operand, context);
        var results = new List<ExpressionType>();
        foreach (var when in expression.Whens)
        {
            var value = ResolveValue(when.When, context);
            RequireComparable(operand, value, expression.Operand, when.When, when);
            results.Add(ResolveValue(when.Then, context));
        }
        if (expression.Else is { } otherwise)
        {
            results.Add(ResolveValue(otherwise, context));
        }
        return CommonResult(results, expression, "CASE");
    }

    private ExpressionType ResolveSearchedCase(SearchedCaseExpression expression, ExpressionContext context)
    {
        var results = new List<ExpressionType>();
        foreach (var when in expression.Whens)
        {
            ResolveCondition(when.When, context);
            results.Add(ResolveValue(when.Then, context));
        }
        if (expression.Else is { } otherwise)
        {
            results.Add(ResolveValue(otherwise, context));
        }
        return CommonResult(results, expression, "CASE");
    }

    private static ExpressionType CommonResult(List<ExpressionType> results, AdqlNode node, string what) =>
        TypeRules.Common(results) ?? throw Error(AdqlErrorCode.TypeMismatch, node,
            $"the results of {what} cannot be combined: {string.Join(", ", results.Select(TypeRules.Describe).Distinct())}");

    private static void RequireNumber(ExpressionType type, ValueExpression operand, string symbol)
    {
        if (type.Category is not (ValueCategory.Numeric or ValueCategory.Null))
        {
            throw Error(AdqlErrorCode.TypeMismatch, operand,
                $"operator {symbol} needs numbers, but {Quote(operand)} is {TypeRules.Describe(type)}");
        }
    }

    private static void RequireInteger(ExpressionType type, ValueExpression operand, string symbol)
    {
        if (!type.IsInteger && type.Category != ValueCategory.Null)
        {
            throw Error(AdqlErrorCode.TypeMismatch, operand,
                $"operator {symbol} needs integers (SMALLINT, INTEGER, BIGINT), but {Quote(operand)} is {TypeRules.Describe(type)}");
        }
    }

    private static void RequireConcatenable(ExpressionType type, ValueExpression operand)
    {
        if (type.Category is not (ValueCategory.String or ValueCategory.Numeric or ValueCategory.Timestamp or ValueCategory.Null))
        {
            throw Error(AdqlErrorCode.TypeMismatch, operand, $"operator || needs strings, but {Quote(operand)} is {TypeRules.Describe(type)}");
        }
    }

    private static void RequireComparable(ExpressionType left, ExpressionType right, ValueExpression leftNode, ValueExpression rightNode, AdqlNode at)
    {
        if (!TypeRules.Comparable(left, right))
        {
            var hint = left.IsGeometry || right.IsGeometry ? "; compare geometries with CONTAINS, INTERSECTS or DISTANCE" : "";
            throw Error(AdqlErrorCode.TypeMismatch, at,
                $"{Quote(leftNode)} is {TypeRules.Describe(left)} and cannot be compared with {Quote(rightNode)}, {TypeRules.Describe(right)}{hint}");
        }
    }

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.BitwiseAnd => "&",
        BinaryOperator.BitwiseXor => "^",
        BinaryOperator.BitwiseOr => "|",
        _ => "||",
    };

    /// <summary>The value expressions directly inside <paramref name="expression"/> (subqueries excluded).</summary>
    private static IEnumerable<ValueExpression> ValueChildren(ValueExpression expression) => expression switch
    {
        UnaryExpression unary => [unary.Operand],
        BinaryExpression binary => [binary.Left, binary.Right],
        SetFunction { Argument: { } argument } => [argument],
        FunctionCall call => call.Arguments,
        UserDefinedFunctionCall udf => udf.Arguments,
        GeometryValueFunction geometry => geometry.Arguments,
        CastExpression cast => [cast.Operand],
        CoalesceExpression coalesce => coalesce.Arguments,
        InUnitExpression inUnit => [inUnit.Operand],
        SimpleCaseExpression simple => [simple.Operand, .. simple.Whens.SelectMany(w => new[] { w.When, w.Then }), .. Optional(simple.Else)],
        SearchedCaseExpression searched =>
            [.. searched.Whens.SelectMany(w => ConditionValues(w.When).Append(w.Then)), .. Optional(searched.Else)],
        _ => [],
    };

    /// <summary>The value expressions of a condition's predicates (subqueries excluded).</summary>
    private static IEnumerable<ValueExpression> ConditionValues(SearchCondition condition) => condition switch
    {
        OrCondition or => or.Operands.SelectMany(ConditionValues),
        AndCondition and => and.Operands.SelectMany(ConditionValues),
        NotCondition not => ConditionValues(not.Operand),
        ComparisonPredicate comparison => [comparison.Left, comparison.Right],
        BetweenPredicate between => [between.Operand, between.Lower, between.Upper],
        InListPredicate inList => [inList.Operand, .. inList.Values],
        InSubqueryPredicate inSubquery => [inSubquery.Operand],
        LikePredicate like => [like.Operand, like.Pattern],
        NullPredicate isNull => [isNull.Column],
        _ => [],
    };

    private static IEnumerable<ValueExpression> Optional(ValueExpression? value) => value is null ? [] : [value];
}
