using System.Globalization;
using VoServices.Adql.Ast;
using G = VoServices.Adql.Generated.AdqlParser;

namespace VoServices.Adql.Parsing;

internal sealed partial class AstBuilder
{
    private ValueExpression BuildBuiltinFunction(G.BuiltinFunctionContext context)
    {
        var span = SpanOf(context);
        switch (context)
        {
            case G.UnaryMathFunctionContext unary:
                return new FunctionCall(NameOf(unary.name), [BuildExpression(unary.expression())]) { Span = span };
            case G.BinaryMathFunctionContext binary:
                return new FunctionCall(NameOf(binary.name), [BuildExpression(binary.expression(0)), BuildExpression(binary.expression(1))]) { Span = span };
            case G.PiFunctionContext:
                return new FunctionCall("PI", []) { Span = span };
            case G.RandFunctionContext rand:
                return new FunctionCall("RAND", rand.UNSIGNED_INTEGER() is { } seed ? [BuildNumber(seed.Symbol)] : []) { Span = span };
            case G.RoundingFunctionContext rounding:
                return new FunctionCall(
                    NameOf(rounding.name),
                    rounding.signedInteger() is { } places ? [BuildExpression(rounding.expression()), BuildSignedInteger(places)] : [BuildExpression(rounding.expression())])
                {
                    Span = span,
                };
            case G.UnaryValueFunctionContext function:
                return BuildUnaryValueFunction(function, span);
            case G.GeometryPredicateFunctionContext predicate:
                RequireGeometry(predicate.valueExpression(0), NameOf(predicate.name));
                RequireGeometry(predicate.valueExpression(1), NameOf(predicate.name));
                return new FunctionCall(NameOf(predicate.name), Map(predicate.valueExpression(), BuildValue)) { Span = span };
            case G.DistanceFunctionContext distance:
                return BuildDistance(distance, span);
            default:
                throw new InvalidOperationException($"unknown function {context.GetType().Name}");
        }
    }

    private static string NameOf(Antlr4.Runtime.IToken token) => G.DefaultVocabulary.GetSymbolicName(token.Type);

    private static ValueExpression BuildSignedInteger(G.SignedIntegerContext context)
    {
        var number = BuildNumber(context.UNSIGNED_INTEGER().Symbol);
        return context.sign?.Type switch
        {
            G.MINUS => new UnaryExpression(UnaryOperator.Minus, number) { Span = SpanOf(context) },
            G.PLUS => new UnaryExpression(UnaryOperator.Plus, number) { Span = SpanOf(context) },
            _ => number,
        };
    }

    /// <summary>LOWER/UPPER take a string, COORDSYS/AREA a geometry, COORD1/COORD2 a point (<c>&lt;coord_value&gt;</c>).</summary>
    private FunctionCall BuildUnaryValueFunction(G.UnaryValueFunctionContext context, SourceSpan span)
    {
        var name = NameOf(context.name);
        var argument = context.valueExpression();
        switch (context.name.Type)
        {
            case G.LOWER or G.UPPER:
                RequireOperand(argument, name, "a string value");
                break;
            case G.COORD1 or G.COORD2:
                if (!IsCoordValue(argument))
                {
                    throw ArgumentError(argument, $"{name} takes a point: POINT(...), CENTROID(...), a column or a user-defined function");
                }
                break;
            default:
                RequireGeometry(argument, name);
                break;
        }
        return new FunctionCall(name, [BuildValue(argument)]) { Span = span };
    }

    /// <summary>DISTANCE(point, point) or DISTANCE(ra1, dec1, ra2, dec2) (<c>&lt;distance_function&gt;</c>).</summary>
    private FunctionCall BuildDistance(G.DistanceFunctionContext context, SourceSpan span)
    {
        var arguments = context.valueExpression();
        var valid = arguments.Length switch
        {
            2 => arguments.All(IsCoordValue),
            4 => arguments.All(IsOperand),
            _ => false,
        };
        if (!valid)
        {
            throw ArgumentError(context, $"DISTANCE takes two points or four numbers (ra1, dec1, ra2, dec2); got {Count(arguments.Length)}");
        }
        return new FunctionCall("DISTANCE", Map(arguments, BuildValue)) { Span = span };
    }

    private GeometryValueFunction BuildGeometry(G.GeometryValueFunctionContext context)
    {
        using var scope = Nest(context);
        var span = SpanOf(context);
        switch (context)
        {
            case G.RegionFunctionContext region:
                return new GeometryValueFunction(GeometryFunction.Region, null, [BuildString(region.characterStringLiteral())]) { Span = span };
            case G.CentroidFunctionContext centroid:
                RequireGeometry(centroid.valueExpression(), "CENTROID");
                return new GeometryValueFunction(GeometryFunction.Centroid, null, [BuildValue(centroid.valueExpression())]) { Span = span };
            case G.GeometryConstructorContext constructor:
                return BuildConstructor(constructor, span);
            default:
                throw new InvalidOperationException($"unknown geometry function {context.GetType().Name}");
        }
    }

    /// <summary>
    /// POINT, CIRCLE, BOX, POLYGON. A first argument that is a string literal or NULL is the deprecated coordinate
    /// system (<c>&lt;coord_sys&gt;</c>, erratum 3: only a literal); the rest must match one of the BNF forms.
    /// </summary>
    private GeometryValueFunction BuildConstructor(G.GeometryConstructorContext context, SourceSpan span)
    {
        var all = context.valueExpression();
        var hasCoordinateSystem = all.Length > 1 && IsCoordinateSystem(all[0]);
        var arguments = hasCoordinateSystem ? all[1..] : all;
        var (function, valid, forms) = context.name.Type switch
        {
            G.POINT => (GeometryFunction.Point, arguments.Length == 2 && arguments.All(IsOperand), "(ra, dec)"),
            G.CIRCLE => (GeometryFunction.Circle, IsShape(arguments, 3), "(ra, dec, radius) or (center point, radius)"),
            G.BOX => (GeometryFunction.Box, IsShape(arguments, 4), "(ra, dec, width, height) or (center point, width, height)"),
            _ => (GeometryFunction.Polygon, IsPolygon(arguments), "at least three vertices, as (ra1, dec1, ra2, dec2, ra3, dec3, ...) or as points"),
        };
        if (!valid)
        {
            var name = NameOf(context.name);
            var after = hasCoordinateSystem ? " after the coordinate system" : "";
            throw ArgumentError(context,
                $"{name} takes {forms}, optionally preceded by a coordinate system string; got {Count(arguments.Length)}{after}");
        }
        var coordinateSystem = hasCoordinateSystem ? BuildValue(all[0]) : null;
        return new GeometryValueFunction(function, coordinateSystem, Map(arguments, BuildValue)) { Span = span };
    }

    /// <summary>CIRCLE/BOX: <paramref name="pairArity"/> numbers, or a point followed by the remaining sizes.</summary>
    private static bool IsShape(G.ValueExpressionContext[] arguments, int pairArity) =>
        (arguments.Length == pairArity && arguments.All(IsOperand))
        || (arguments.Length == pairArity - 1 && IsCoordValue(arguments[0]) && arguments.Skip(1).All(IsOperand));

    private static bool IsPolygon(G.ValueExpressionContext[] arguments) =>
        (arguments.Length >= 6 && arguments.Length % 2 == 0 && arguments.All(IsOperand))
        || (arguments.Length >= 3 && arguments.All(IsCoordValue));

    private static string Count(int n) => n == 1 ? "1 argument" : $"{n.ToString(CultureInfo.InvariantCulture)} arguments";

    // ---------------------------------------------------------------------- argument forms of the BNF

    private static bool IsCoordinateSystem(G.ValueExpressionContext context) =>
        context is G.NullValueContext || PrimaryOf(context) is G.LiteralPrimaryContext { } literal && literal.unsignedLiteral().characterStringLiteral() is not null;

    /// <summary>A numeric or string expression (not NULL, not a geometry): <c>&lt;numeric_value_expression&gt;</c>.</summary>
    private static bool IsOperand(G.ValueExpressionContext context) => context is G.OperatorValueContext;

    /// <summary><c>&lt;coord_value&gt; ::= &lt;point_value&gt; | &lt;column_reference&gt;</c>, point_value = POINT | CENTROID | UDF.</summary>
    private static bool IsCoordValue(G.ValueExpressionContext context) => context switch
    {
        G.GeometryValueContext geometry => geometry.geometryValueFunction() is G.CentroidFunctionContext
            || geometry.geometryValueFunction() is G.GeometryConstructorContext { name.Type: G.POINT },
        _ => PrimaryOf(context) is G.ColumnPrimaryContext or G.UserDefinedFunctionContext,
    };

    /// <summary><c>&lt;geometry_value_expression&gt; ::= &lt;value_expression_primary&gt; | &lt;geometry_value_function&gt;</c>.</summary>
    private static void RequireGeometry(G.ValueExpressionContext context, string function)
    {
        if (context is not G.GeometryValueContext && PrimaryOf(context) is null)
        {
            throw ArgumentError(context, $"{function} takes a geometry: a geometry function, a column, a function call or a parenthesised expression");
        }
    }

    private static void RequireOperand(G.ValueExpressionContext context, string function, string what)
    {
        if (!IsOperand(context))
        {
            throw ArgumentError(context, $"{function} takes {what}");
        }
    }

    private static G.PrimaryContext? PrimaryOf(G.ValueExpressionContext context) =>
        context is G.OperatorValueContext { } value && value.expression() is G.PrimaryExpressionContext { } expression ? expression.primary() : null;

    private static AdqlSyntaxException ArgumentError(Antlr4.Runtime.ParserRuleContext context, string detail) =>
        Error(AdqlErrorCode.InvalidArguments, context, detail);
}
