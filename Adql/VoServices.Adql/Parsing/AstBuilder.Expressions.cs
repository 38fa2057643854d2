using VoServices.Adql.Ast;
using G = VoServices.Adql.Generated.AdqlParser;

namespace VoServices.Adql.Parsing;

internal sealed partial class AstBuilder
{
    /// <summary>A whole value expression: NULL, a geometry-valued function, or a numeric/string expression.</summary>
    private ValueExpression BuildValue(G.ValueExpressionContext context) => context switch
    {
        G.NullValueContext nullValue => new NullLiteral { Span = SpanOf(nullValue) },
        G.GeometryValueContext geometry => BuildGeometry(geometry.geometryValueFunction()),
        G.OperatorValueContext value => BuildExpression(value.expression()),
        _ => throw new InvalidOperationException($"unknown value expression {context.GetType().Name}"),
    };

    private ValueExpression BuildExpression(G.ExpressionContext context)
    {
        using var scope = Nest(context);
        return context switch
        {
            G.PrimaryExpressionContext primary => BuildPrimary(primary.primary()),
            G.UnaryExpressionContext unary => new UnaryExpression(
                unary.op.Type switch
                {
                    G.PLUS => UnaryOperator.Plus,
                    G.MINUS => UnaryOperator.Minus,
                    _ => UnaryOperator.BitwiseNot,
                },
                BuildExpression(unary.expression()))
            {
                Span = SpanOf(unary),
            },
            G.MultiplicativeExpressionContext multiplicative => Binary(
                multiplicative.op.Type == G.ASTERISK ? BinaryOperator.Multiply : BinaryOperator.Divide, multiplicative.expression(), multiplicative),
            G.AdditiveExpressionContext additive => Binary(
                additive.op.Type == G.PLUS ? BinaryOperator.Add : BinaryOperator.Subtract, additive.expression(), additive),
            G.BitAndExpressionContext bitAnd => Binary(BinaryOperator.BitwiseAnd, bitAnd.expression(), bitAnd),
            G.BitXorExpressionContext bitXor => Binary(BinaryOperator.BitwiseXor, bitXor.expression(), bitXor),
            G.BitOrExpressionContext bitOr => Binary(BinaryOperator.BitwiseOr, bitOr.expression(), bitOr),
            G.ConcatenationExpressionContext concatenation => Binary(BinaryOperator.Concatenate, concatenation.expression(), concatenation),
            _ => throw new InvalidOperationException($"unknown expression {context.GetType().Name}"),
        };
    }

    private BinaryExpression Binary(BinaryOperator op, G.ExpressionContext[] operands, G.ExpressionContext context) =>
        new(op, BuildExpression(operands[0]), BuildExpression(operands[1])) { Span = SpanOf(context) };

    private ValueExpression BuildPrimary(G.PrimaryContext context) => context switch
    {
        G.LiteralPrimaryContext literal => BuildLiteral(literal.unsignedLiteral()),
        G.ColumnPrimaryContext column => BuildColumnReference(column.qualifiedName()),
        G.AggregatePrimaryContext aggregate => BuildSetFunction(aggregate.setFunction()),
        G.CastPrimaryContext cast => new CastExpression(BuildValue(cast.valueExpression()), BuildCastTarget(cast.castTarget()))
        {
            Span = SpanOf(cast),
        },
        G.CoalescePrimaryContext coalesce => new CoalesceExpression(Map(coalesce.valueExpression(), BuildValue)) { Span = SpanOf(coalesce) },
        G.InUnitPrimaryContext inUnit => new InUnitExpression(BuildValue(inUnit.valueExpression()), BuildString(inUnit.characterStringLiteral()))
        {
            Span = SpanOf(inUnit),
        },
        G.CasePrimaryContext caseExpression => BuildCase(caseExpression.caseExpression()),
        G.BuiltinFunctionPrimaryContext builtin => BuildBuiltinFunction(builtin.builtinFunction()),
        G.UserDefinedFunctionContext udf => BuildUserDefinedFunction(udf),
        G.ScalarSubqueryContext subquery => new ScalarSubquery(BuildSubquery(subquery.subquery())) { Span = SpanOf(subquery) },
        G.ParenthesizedValueContext parenthesized => BuildValue(parenthesized.valueExpression()),
        _ => throw new InvalidOperationException($"unknown primary {context.GetType().Name}"),
    };

    private ValueExpression BuildLiteral(G.UnsignedLiteralContext context) =>
        context.characterStringLiteral() is { } literal ? BuildString(literal) : BuildNumber(context.Start);

    private SetFunction BuildSetFunction(G.SetFunctionContext context)
    {
        if (context is G.CountAllContext countAll)
        {
            return new SetFunction(AggregateFunction.Count, null, null) { Span = SpanOf(countAll) };
        }
        var general = (G.GeneralSetFunctionContext)context;
        var function = general.name.Type switch
        {
            G.AVG => AggregateFunction.Avg,
            G.COUNT => AggregateFunction.Count,
            G.MAX => AggregateFunction.Max,
            G.MIN => AggregateFunction.Min,
            _ => AggregateFunction.Sum,
        };
        SetQuantifier? quantifier = general.setQuantifier()?.Start.Type switch
        {
            G.DISTINCT => SetQuantifier.Distinct,
            G.ALL => SetQuantifier.All,
            _ => null,
        };
        return new SetFunction(function, quantifier, BuildValue(general.valueExpression())) { Span = SpanOf(general) };
    }

    private static CastTarget BuildCastTarget(G.CastTargetContext context) => context switch
    {
        G.DoublePrecisionCastTargetContext => new CastTarget(CastType.DoublePrecision, null),
        G.CharacterCastTargetContext character => new CastTarget(
            character.type.Type == G.CHAR ? CastType.Char : CastType.VarChar,
            character.UNSIGNED_INTEGER() is { } length ? CharacterLength(length) : null),
        G.SimpleCastTargetContext simple => new CastTarget(
            simple.type.Type switch
            {
                G.SMALLINT => CastType.SmallInt,
                G.INTEGER => CastType.Integer,
                G.BIGINT => CastType.BigInt,
                G.REAL => CastType.Real,
                G.TIMESTAMP => CastType.Timestamp,
                G.POINT => CastType.Point,
                G.CIRCLE => CastType.Circle,
                _ => CastType.Polygon,
            },
            null),
        _ => throw new InvalidOperationException($"unknown cast target {context.GetType().Name}"),
    };

    private static int CharacterLength(Antlr4.Runtime.Tree.ITerminalNode node)
    {
        var value = ParseCount(node, "length");
        if (value is < 1 or > int.MaxValue)
        {
            throw Error(AdqlErrorCode.NumberOutOfRange, node.Symbol, $"a character length must be between 1 and {int.MaxValue}");
        }
        return (int)value;
    }

    private ValueExpression BuildCase(G.CaseExpressionContext context)
    {
        if (context is G.SimpleCaseContext simple)
        {
            var values = simple.valueExpression();
            return new SimpleCaseExpression(
                BuildValue(values[0]),
                Map(simple.simpleWhen(), w => new SimpleCaseWhen(BuildValue(w.valueExpression(0)), BuildValue(w.valueExpression(1))) { Span = SpanOf(w) }),
                values.Length > 1 ? BuildValue(values[1]) : null)
            {
                Span = SpanOf(simple),
            };
        }
        var searched = (G.SearchedCaseContext)context;
        return new SearchedCaseExpression(
            Map(searched.searchedWhen(), w => new SearchedCaseWhen(BuildCondition(w.searchCondition()), BuildValue(w.valueExpression())) { Span = SpanOf(w) }),
            searched.valueExpression() is { } otherwise ? BuildValue(otherwise) : null)
        {
            Span = SpanOf(searched),
        };
    }

    /// <summary>A user-defined function call (ADQL 2.1 "User Defined Functions"), checked against the service's policy.</summary>
    private UserDefinedFunctionCall BuildUserDefinedFunction(G.UserDefinedFunctionContext context)
    {
        var name = context.REGULAR_IDENTIFIER().Symbol;
        if (options.UserDefinedFunctions is { } allowed && !allowed.Allows(name.Text))
        {
            throw Error(AdqlErrorCode.UnknownFunction, name,
                $"unknown function '{name.Text}': it is neither an ADQL 2.1 function nor a user-defined function of this service");
        }
        return new UserDefinedFunctionCall(name.Text, Map(context.valueExpression(), BuildValue)) { Span = SpanOf(context) };
    }
}
