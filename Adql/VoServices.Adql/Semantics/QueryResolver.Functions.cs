using System.Globalization;
using VoServices.Adql.Ast;
using VoServices.Adql.Functions;

namespace VoServices.Adql.Semantics;

internal sealed partial class QueryResolver
{
    /// <summary>A call of an ADQL or user-defined function, typed by its catalogue declaration.</summary>
    private ExpressionType ResolveFunction(ValueExpression node, string name, EquatableArray<ValueExpression> arguments, ExpressionContext context)
    {
        var declaration = FindFunction(node, name);
        var types = arguments.Select(a => ResolveValue(a, context)).ToList();
        return Apply(node, declaration, arguments, types);
    }

    /// <summary>
    /// AVG, COUNT, MAX, MIN, SUM: only in the select list, HAVING and ORDER BY, never nested (SQL-92
    /// &lt;set function specification&gt;).
    /// </summary>
    private ExpressionType ResolveAggregate(SetFunction aggregate, ExpressionContext context)
    {
        var name = aggregate.Function.ToString().ToUpperInvariant();
        if (context.InAggregate)
        {
            throw Error(AdqlErrorCode.AggregateMisuse, aggregate, $"aggregate functions cannot be nested: {Quote(aggregate)} is inside another aggregate");
        }
        if (context.Select is null || context.Clause is not (ClauseKind.Select or ClauseKind.Having or ClauseKind.OrderBy))
        {
            var where = context.Clause switch
            {
                ClauseKind.Where => "WHERE",
                ClauseKind.GroupBy => "GROUP BY",
                _ => "a join condition (ON)",
            };
            throw Error(AdqlErrorCode.AggregateMisuse, aggregate,
                $"aggregate functions are not allowed in {where}: {Quote(aggregate)}; use HAVING or a subquery");
        }
        context.Select.HasAggregate = true;
        var declaration = FindFunction(aggregate, name);
        if (aggregate.Argument is null)
        {
            details.Functions[aggregate] = declaration;
            return ResultOf(declaration.Signatures[0].Result, [ExpressionType.Null], aggregate);
        }
        var type = ResolveValue(aggregate.Argument, context with { InAggregate = true });
        return Apply(aggregate, declaration, [aggregate.Argument], [type]);
    }

    /// <summary>POINT, CIRCLE, BOX, POLYGON, REGION, CENTROID: numbers for coordinates, points for vertices.</summary>
    private ExpressionType ResolveGeometry(GeometryValueFunction geometry, ExpressionContext context)
    {
        var declaration = FindFunction(geometry, geometry.Function.ToString().ToUpperInvariant());
        if (geometry.CoordinateSystem is { } coordinateSystem)
        {
            ResolveValue(coordinateSystem, context);
        }
        var types = geometry.Arguments.Select(a => ResolveValue(a, context)).ToList();
        var type = Apply(geometry, declaration, geometry.Arguments, types);
        if (geometry.Function == GeometryFunction.Polygon && types.All(t => t.Category == ValueCategory.Numeric) && types.Count % 2 == 1)
        {
            throw Error(AdqlErrorCode.InvalidFunctionArguments, geometry,
                Invariant($"POLYGON takes coordinate pairs (ra1, dec1, ra2, dec2, ...) or points; got {types.Count} numbers"));
        }
        return type;
    }

    /// <summary>CAST (feature adql-type): between numbers and strings, strings to TIMESTAMP, DALI strings to geometries.</summary>
    private ExpressionType ResolveCast(CastExpression cast, ExpressionContext context)
    {
        var declaration = FindFunction(cast, "CAST");
        var operand = ResolveValue(cast.Operand, context);
        var target = CastTargetType(cast.Target);
        var allowed = target.Category switch
        {
            ValueCategory.Numeric => operand.Category is ValueCategory.Numeric or ValueCategory.String or ValueCategory.Boolean or ValueCategory.Null,
            ValueCategory.String => operand.Category is ValueCategory.Numeric or ValueCategory.String or ValueCategory.Timestamp
                or ValueCategory.Boolean or ValueCategory.Null,
            ValueCategory.Timestamp => operand.Category is ValueCategory.String or ValueCategory.Timestamp or ValueCategory.Null,
            _ => operand.Category == target.Category || operand.Category is ValueCategory.String or ValueCategory.Null,
        };
        if (!allowed)
        {
            throw Error(AdqlErrorCode.TypeMismatch, cast,
                $"CAST cannot convert {Quote(cast.Operand)} ({TypeRules.Describe(operand)}) to {cast.Target.Type.ToString().ToUpperInvariant()}");
        }
        details.Functions[cast] = declaration;
        // A number stays the same quantity in another numeric type, a geometry in its own type.
        var sameQuantity = operand.Category == target.Category && target.Category != ValueCategory.String;
        return sameQuantity ? target with { Unit = operand.Unit ?? target.Unit, Ucd = operand.Ucd } : target;
    }

    private static ExpressionType CastTargetType(CastTarget target)
    {
        var length = target.Length?.ToString(CultureInfo.InvariantCulture);
        return target.Type switch
        {
            CastType.SmallInt => TypeRules.Short,
            CastType.Integer => TypeRules.Int,
            CastType.BigInt => TypeRules.Long,
            CastType.Real => TypeRules.Float,
            CastType.DoublePrecision => TypeRules.Double,
            CastType.Char => new ExpressionType(ValueCategory.String, "char", length),
            CastType.VarChar => new ExpressionType(ValueCategory.String, "char", length is null ? "*" : length + "*"),
            CastType.Timestamp => TypeRules.Timestamp,
            CastType.Point => new ExpressionType(ValueCategory.Point, "double", "2", "point", "deg"),
            CastType.Circle => new ExpressionType(ValueCategory.Circle, "double", "3", "circle", "deg"),
            _ => new ExpressionType(ValueCategory.Polygon, "double", "*", "polygon", "deg"),
        };
    }

    private ExpressionType ResolveCoalesce(CoalesceExpression coalesce, ExpressionContext context) =>
        ResolveFunction(coalesce, "COALESCE", coalesce.Arguments, context);

    /// <summary>IN_UNIT (feature adql-unit): a number converted to the VOUnit given, which becomes the result's unit.</summary>
    private ExpressionType ResolveInUnit(InUnitExpression inUnit, ExpressionContext context)
    {
        var declaration = FindFunction(inUnit, "IN_UNIT");
        var operand = ResolveValue(inUnit.Operand, context);
        ResolveValue(inUnit.Unit, context);
        if (operand.Category is not (ValueCategory.Numeric or ValueCategory.Null))
        {
            throw Error(AdqlErrorCode.TypeMismatch, inUnit.Operand, $"IN_UNIT converts numbers, but {Quote(inUnit.Operand)} is {TypeRules.Describe(operand)}");
        }
        var unit = inUnit.Unit.Value.Trim();
        if (unit.Length == 0)
        {
            throw Error(AdqlErrorCode.InvalidFunctionArguments, inUnit.Unit, "IN_UNIT needs a VOUnit string such as 'deg' or 'km/s'");
        }
        details.Functions[inUnit] = declaration;
        return TypeRules.Double with { Unit = unit, Ucd = operand.Ucd };
    }

    private FunctionDeclaration FindFunction(ValueExpression node, string name)
    {
        if (catalog.Find(name) is { } declaration)
        {
            return declaration;
        }
        if (node is UserDefinedFunctionCall)
        {
            throw Error(AdqlErrorCode.UndeclaredFunction, node,
                $"unknown function '{name}': it is neither an ADQL function nor a user-defined function of this service",
                NameSuggestions.For(name, catalog.Functions.Select(f => f.Name)));
        }
        throw Error(AdqlErrorCode.UnsupportedFeature, node, $"{name} is not supported by this service (see its capabilities)");
    }

    /// <summary>Picks the signature the arguments fit (by count, then types) and computes the result.</summary>
    private ExpressionType Apply(ValueExpression node, FunctionDeclaration declaration, IReadOnlyList<ValueExpression> arguments, List<ExpressionType> types)
    {
        var candidates = declaration.SignaturesFor(types.Count).ToList();
        if (candidates.Count == 0)
        {
            var count = types.Count == 1 ? "1 argument" : Invariant($"{types.Count} arguments");
            throw Error(AdqlErrorCode.InvalidFunctionArguments, node, $"{declaration.Name} expects {string.Join(" or ", declaration.Forms)}; got {count}");
        }
        var chosen = candidates.FirstOrDefault(s => Mismatch(s, types) is null);
        if (chosen is null)
        {
            var (index, parameter) = Mismatch(candidates[0], types)!.Value;
            throw Error(AdqlErrorCode.TypeMismatch, arguments[index],
                Invariant($"argument {index + 1} ({parameter.Name}) of {declaration.Name} must be {Expected(parameter.Type)}, ")
                + $"but {Quote(arguments[index])} is {TypeRules.Describe(types[index])}");
        }
        CheckLiteralRanges(declaration, chosen, arguments);
        details.Functions[node] = declaration;
        return ResultOf(chosen.Result, types, node);
    }

    private static (int Index, FunctionParameter Parameter)? Mismatch(FunctionSignature signature, List<ExpressionType> types)
    {
        for (var i = 0; i < types.Count; i++)
        {
            var parameter = i < signature.Parameters.Length ? signature.Parameters[i] : signature.Parameters[^1];
            if (!Accepts(parameter.Type, types[i]))
            {
                return (i, parameter);
            }
        }
        return null;
    }

    private static bool Accepts(ParameterType parameter, ExpressionType type) => type.Category == ValueCategory.Null || parameter switch
    {
        ParameterType.Numeric => type.Category == ValueCategory.Numeric,
        ParameterType.Integer => type.IsInteger,
        ParameterType.String => type.Category == ValueCategory.String,
        ParameterType.Point => type.Category == ValueCategory.Point,
        ParameterType.Geometry => type.IsGeometry,
        _ => true,
    };

    private static string Expected(ParameterType parameter) => parameter switch
    {
        ParameterType.Numeric => "a number",
        ParameterType.Integer => "an integer",
        ParameterType.String => "a string",
        ParameterType.Point => "a POINT",
        ParameterType.Geometry => "a geometry (POINT, CIRCLE, POLYGON, BOX or REGION)",
        _ => "a value",
    };

    /// <summary>Integer literals must lie within the parameter's declared range (e.g. a HEALPix order 0..29).</summary>
    private static void CheckLiteralRanges(FunctionDeclaration declaration, FunctionSignature signature, IReadOnlyList<ValueExpression> arguments)
    {
        for (var i = 0; i < arguments.Count && i < signature.Parameters.Length; i++)
        {
            var parameter = signature.Parameters[i];
            if ((parameter.Minimum is not null || parameter.Maximum is not null) && IntegerLiteral(arguments[i]) is { } value
                && (value < parameter.Minimum || value > parameter.Maximum))
            {
                throw Error(AdqlErrorCode.InvalidFunctionArguments, arguments[i],
                    Invariant($"argument {i + 1} ({parameter.Name}) of {declaration.Name} ")
                    + Invariant($"must be between {parameter.Minimum} and {parameter.Maximum}; got {value}"));
            }
        }
    }

    private static long? IntegerLiteral(ValueExpression expression) => expression switch
    {
        NumericLiteral literal when literal.TryGetInt64(out var value) => value,
        UnaryExpression { Operator: UnaryOperator.Minus, Operand: NumericLiteral literal } when literal.TryGetInt64(out var value) => -value,
        UnaryExpression { Operator: UnaryOperator.Plus, Operand: NumericLiteral literal } when literal.TryGetInt64(out var value) => value,
        _ => null,
    };

    /// <summary>The result type of a call from its declared rules (see <see cref="FunctionResult"/>).</summary>
    private static ExpressionType ResultOf(FunctionResult result, List<ExpressionType> types, ValueExpression node)
    {
        if (result is { TypeRule: ResultTypeRule.FirstArgument, UnitRule: MetadataRule.FirstArgument, UcdRule: MetadataRule.FirstArgument })
        {
            return types[0];
        }
        var type = result.TypeRule switch
        {
            // REGION has no DALI xtype; its ADQL type name still makes it a geometry.
            ResultTypeRule.Fixed => new ExpressionType(
                ExpressionType.CategoryOf(result.Datatype!, result.ArraySize, result.XType ?? result.AdqlType),
                result.Datatype!, result.ArraySize, result.XType),
            ResultTypeRule.FirstArgument => types[0].Bare(),
            ResultTypeRule.IntegerKeptElseDouble => types[0].IsInteger ? types[0].Bare() : TypeRules.Double,
            ResultTypeRule.WidestNumeric => types.Aggregate(TypeRules.Widen).Bare(),
            ResultTypeRule.Sum => types[0].IsInteger ? TypeRules.Long : TypeRules.Double,
            ResultTypeRule.CommonType => CommonResult(types, node, "COALESCE").Bare(),
            _ => TypeRules.Double,
        };
        return type with
        {
            Unit = Metadata(result.UnitRule, result.Unit, types, t => t.Unit),
            Ucd = Metadata(result.UcdRule, result.Ucd, types, t => t.Ucd),
        };
    }

    private static string? Metadata(MetadataRule rule, string? value, List<ExpressionType> types, Func<ExpressionType, string?> item) => rule switch
    {
        MetadataRule.Fixed => value,
        MetadataRule.FirstArgument => types.Count > 0 ? item(types[0]) : null,
        MetadataRule.SharedByArguments => types.Where(t => t.Category != ValueCategory.Null).Select(item).Distinct().Count() == 1
            ? types.Where(t => t.Category != ValueCategory.Null).Select(item).First()
            : null,
        _ => null,
    };
}
