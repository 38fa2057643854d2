using System.Globalization;
using System.Text;
using VoServices.Adql.Ast;

namespace VoServices.Adql.Translation;

internal sealed partial class TranslationSession
{
    /// <summary>Marks values that read a subquery: never treated as constant or row-independent.</summary>
    private static readonly IReadOnlySet<string> SubqueryReads = new HashSet<string>(StringComparer.Ordinal) { "?" };

    /// <summary>A value as a result column, ORDER BY or GROUP BY key: bare columns as stored, geometries as DALI arrays.</summary>
    private SqlExpression SelectValue(ValueExpression value, Scope scope) =>
        value is GeometryValueFunction || value is CastExpression { Target.Type: CastType.Point or CastType.Circle or CastType.Polygon }
            ? GeometryOutput(value, scope)
            : Expression(value, scope);

    /// <summary>A value used as an operand: bare columns go through <see cref="ISqlDialect.ColumnValue"/>.</summary>
    private SqlExpression Operand(ValueExpression value, Scope scope) => AsOperand(Expression(value, scope));

    private SqlExpression AsOperand(SqlExpression value) =>
        value.Source is null || IsGeometry(value.Kind) ? value : value with { Sql = dialect.ColumnValue(value) };

    private static bool IsGeometry(SqlValueKind kind) => kind is SqlValueKind.Point or SqlValueKind.Circle or SqlValueKind.Polygon;

    private SqlExpression Expression(ValueExpression value, Scope scope) => value switch
    {
        NullLiteral => new SqlExpression("NULL", SqlValueKind.Null),
        NumericLiteral number => Number(number),
        StringLiteral text => StringParameter(text.Value, text),
        ColumnReference column => Lookup(column, scope, throwIfMissing: true)!.Value,
        UnaryExpression unary => Unary(unary, scope),
        BinaryExpression binary => Binary(binary, scope),
        FunctionCall call => Function(call, scope),
        UserDefinedFunctionCall call => UserFunction(call, scope),
        SetFunction aggregate => Aggregate(aggregate, scope),
        GeometryValueFunction or CastExpression { Target.Type: CastType.Point or CastType.Circle or CastType.Polygon } =>
            GeometryOutput(value, scope),
        CastExpression cast => Cast(cast, scope),
        CoalesceExpression coalesce => Coalesce(coalesce, scope),
        InUnitExpression inUnit => InUnit(inUnit, scope),
        SimpleCaseExpression simple => SimpleCase(simple, scope),
        SearchedCaseExpression searched => SearchedCase(searched, scope),
        ScalarSubquery subquery => Subquery(subquery, scope),
        _ => throw Unsupported($"unknown expression {value.GetType().Name}", value),
    };

    /// <summary>
    /// A numeric literal re-written from its value with the invariant culture (never the user's text): integers as
    /// integers, exact decimals with a decimal point (so 12./5 stays a decimal division), approximate numbers in
    /// round-trip form. Values beyond double precision range are errors (<c>1e400</c>).
    /// </summary>
    private static SqlExpression Number(NumericLiteral literal)
    {
        if (literal.TryGetInt64(out var integer))
        {
            return new SqlExpression(integer.ToString(CultureInfo.InvariantCulture), SqlValueKind.Integer) { Constant = integer };
        }
        if (literal.Kind == NumericLiteralKind.Hexadecimal)
        {
            throw new AdqlTranslationException(TranslationErrorCode.NumberOutOfRange,
                $"{literal.Text} does not fit a 64-bit integer", literal);
        }
        if (literal.Kind == NumericLiteralKind.Decimal
            && decimal.TryParse(literal.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var exact))
        {
            var text = exact.ToString(CultureInfo.InvariantCulture);
            return new SqlExpression(text.Contains('.', StringComparison.Ordinal) ? text : text + ".0", SqlValueKind.Real)
            {
                Constant = (double)exact,
            };
        }
        if (!double.TryParse(literal.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new AdqlTranslationException(TranslationErrorCode.NumberOutOfRange,
                $"{literal.Text} is outside the range of double precision numbers", literal);
        }
        return ConstantValue(value);
    }

    /// <summary>A computed constant (parsed REGION or DALI text, folded arithmetic) as a literal.</summary>
    private static SqlExpression ConstantValue(double value)
    {
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal))
        {
            text += ".0";
        }
        return new SqlExpression(value < 0 ? "(-" + text + ")" : text, SqlValueKind.Real) { Constant = value };
    }

    private SqlExpression Unary(UnaryExpression unary, Scope scope)
    {
        if (unary.Operator == UnaryOperator.Plus)
        {
            return Expression(unary.Operand, scope);
        }
        var operand = Operand(unary.Operand, scope);
        RequireNumber(operand, unary);
        return unary.Operator == UnaryOperator.Minus
            ? new SqlExpression("(-" + operand.Sql + ")", operand.Kind)
            {
                Constant = -operand.Constant,
                Unit = operand.Unit,
                Correlations = operand.Correlations,
            }
            : new SqlExpression("(~" + operand.Sql + ")", SqlValueKind.Integer) { Correlations = operand.Correlations };
    }

    private SqlExpression Binary(BinaryExpression binary, Scope scope)
    {
        var left = Operand(binary.Left, scope);
        var right = Operand(binary.Right, scope);
        var op = binary.Operator;
        if (op != BinaryOperator.Concatenate)
        {
            RequireNumber(left, binary.Left);
            RequireNumber(right, binary.Right);
        }
        var kind = op switch
        {
            BinaryOperator.Concatenate => SqlValueKind.String,
            BinaryOperator.BitwiseAnd or BinaryOperator.BitwiseOr or BinaryOperator.BitwiseXor => SqlValueKind.Integer,
            _ when left.Kind == SqlValueKind.Null || right.Kind == SqlValueKind.Null => SqlValueKind.Null,
            _ => left.Kind == SqlValueKind.Integer && right.Kind == SqlValueKind.Integer ? SqlValueKind.Integer : SqlValueKind.Real,
        };
        return new SqlExpression(dialect.Operator(op, left, right), kind)
        {
            Constant = Fold(op, left, right, kind, binary),
            Unit = op is BinaryOperator.Add or BinaryOperator.Subtract && left.Unit == right.Unit ? left.Unit : null,
            Correlations = SqlExpression.Union([left, right]),
        };
    }

    /// <summary>
    /// Value of arithmetic on literals (so that <c>CIRCLE(10, 20, 5/60.)</c> is still a constant circle). A division by
    /// zero or an overflow is an error now rather than a backend-dependent NULL, infinity or failure later.
    /// </summary>
    private static double? Fold(BinaryOperator op, SqlExpression left, SqlExpression right, SqlValueKind kind, AdqlNode node)
    {
        if (op == BinaryOperator.Divide && right.Constant == 0)
        {
            throw new AdqlTranslationException(TranslationErrorCode.NumberOutOfRange, "division by zero", node);
        }
        if (left.Constant is not { } a || right.Constant is not { } b)
        {
            return null;
        }
        double? value = op switch
        {
            BinaryOperator.Add => a + b,
            BinaryOperator.Subtract => a - b,
            BinaryOperator.Multiply => a * b,
            BinaryOperator.Divide => kind == SqlValueKind.Integer ? Math.Truncate(a / b) : a / b,
            _ => null,
        };
        return value is { } v && !double.IsFinite(v)
            ? throw new AdqlTranslationException(TranslationErrorCode.NumberOutOfRange,
                "the result is outside the range of double precision numbers", node)
            : value;
    }

    private static void RequireNumber(SqlExpression value, AdqlNode node)
    {
        if (value.Kind is not (SqlValueKind.Integer or SqlValueKind.Real or SqlValueKind.Null or SqlValueKind.Unknown
            or SqlValueKind.Boolean))
        {
            throw new AdqlTranslationException(TranslationErrorCode.Unsupported,
                $"a number is expected here, not a {value.Kind.ToString().ToLowerInvariant()}", node);
        }
    }

    private SqlExpression Function(FunctionCall call, Scope scope)
    {
        if (GeometryFunctionNames.Contains(call.Name))
        {
            return GeometryFunctionValue(call, scope);
        }
        var arguments = call.Arguments.Select(a => Operand(a, scope)).ToArray();
        if (call.Name is not ("LOWER" or "UPPER"))
        {
            foreach (var (argument, node) in arguments.Zip(call.Arguments))
            {
                RequireNumber(argument, node);
            }
        }
        var result = dialect.Function(call.Name, arguments);
        return result with
        {
            Kind = FunctionKind(call.Name, arguments),
            Unit = call.Name switch
            {
                "DEGREES" => "deg",
                "RADIANS" => "rad",
                "ABS" or "CEILING" or "FLOOR" or "ROUND" or "TRUNCATE" => arguments[0].Unit,
                _ => null,
            },
            Correlations = call.Name == "RAND" ? SubqueryReads : SqlExpression.Union(arguments),
        };
    }

    /// <summary>Result types of the ADQL functions (FunctionCatalog: double, except that ABS, CEILING, FLOOR, ROUND,
    /// TRUNCATE and MOD keep integers).</summary>
    private static SqlValueKind FunctionKind(string name, IReadOnlyList<SqlExpression> arguments) => name switch
    {
        "LOWER" or "UPPER" => SqlValueKind.String,
        "ABS" or "CEILING" or "FLOOR" or "ROUND" or "TRUNCATE" =>
            arguments[0].Kind == SqlValueKind.Integer ? SqlValueKind.Integer : SqlValueKind.Real,
        "MOD" => arguments.All(a => a.Kind == SqlValueKind.Integer) ? SqlValueKind.Integer : SqlValueKind.Real,
        _ => SqlValueKind.Real,
    };

    private SqlExpression UserFunction(UserDefinedFunctionCall call, Scope scope)
    {
        if (IsCrossmatch(call))
        {
            var relation = CrossmatchRelation(call, scope);
            return Spatial("CONTAINS", [relation.First, relation.Second], SqlValueKind.Integer, null);
        }
        var arguments = call.Arguments.Select(a => Operand(a, scope)).ToArray();
        var result = dialect.Function(call.Name.ToLowerInvariant(), arguments);
        return result with { Correlations = SqlExpression.Union(arguments) };
    }

    private SqlExpression Aggregate(SetFunction aggregate, Scope scope)
    {
        var name = aggregate.Function.ToString().ToLowerInvariant();
        if (aggregate.Argument is null)
        {
            return new SqlExpression("count(*)", SqlValueKind.Integer) { Correlations = SubqueryReads };
        }
        var argument = Operand(aggregate.Argument, scope);
        if (IsGeometry(argument.Kind))
        {
            throw Unsupported($"{name.ToUpperInvariant()} of a geometry", aggregate);
        }
        var distinct = aggregate.Quantifier == SetQuantifier.Distinct ? "DISTINCT " : "";
        var kind = aggregate.Function switch
        {
            AggregateFunction.Count => SqlValueKind.Integer,
            AggregateFunction.Avg => SqlValueKind.Real,
            _ => argument.Kind,
        };
        return new SqlExpression($"{name}({distinct}{argument.Sql})", kind)
        {
            Unit = aggregate.Function == AggregateFunction.Count ? null : argument.Unit,
            Correlations = SubqueryReads,
        };
    }

    private SqlExpression Cast(CastExpression cast, Scope scope)
    {
        var operand = Operand(cast.Operand, scope);
        if (IsGeometry(operand.Kind))
        {
            throw Unsupported($"CAST of a geometry to {cast.Target.Type}", cast);
        }
        var kind = cast.Target.Type switch
        {
            CastType.SmallInt or CastType.Integer or CastType.BigInt => SqlValueKind.Integer,
            CastType.Real or CastType.DoublePrecision => SqlValueKind.Real,
            CastType.Timestamp => SqlValueKind.Timestamp,
            _ => SqlValueKind.String,
        };
        return new SqlExpression(dialect.Cast(operand, cast.Target), kind)
        {
            Constant = kind == SqlValueKind.Real ? operand.Constant : null,
            Correlations = operand.Correlations,
        };
    }

    private SqlExpression Coalesce(CoalesceExpression coalesce, Scope scope)
    {
        var arguments = coalesce.Arguments.Select(a => Operand(a, scope)).ToArray();
        if (arguments.Any(a => IsGeometry(a.Kind)))
        {
            throw Unsupported("COALESCE of geometries", coalesce);
        }
        return new SqlExpression($"COALESCE({string.Join(", ", arguments.Select(a => a.Sql))})", CommonKind(arguments))
        {
            Unit = arguments.Select(a => a.Unit).Distinct().Count() == 1 ? arguments[0].Unit : null,
            Correlations = SqlExpression.Union(arguments),
        };
    }

    private static SqlValueKind CommonKind(IEnumerable<SqlExpression> values)
    {
        var kinds = values.Select(v => v.Kind).Where(k => k != SqlValueKind.Null).Distinct().ToList();
        return kinds.Count == 0 ? SqlValueKind.Null
            : kinds.All(k => k is SqlValueKind.Integer or SqlValueKind.Real) && kinds.Contains(SqlValueKind.Real) ? SqlValueKind.Real
            : kinds[0];
    }

    private SqlExpression InUnit(InUnitExpression inUnit, Scope scope)
    {
        var operand = Operand(inUnit.Operand, scope);
        RequireNumber(operand, inUnit.Operand);
        if (operand.Unit is null)
        {
            throw new AdqlTranslationException(TranslationErrorCode.InvalidUnit,
                "IN_UNIT needs an operand of known unit (a column with a unit, or DISTANCE, DEGREES, …)", inUnit);
        }
        var factor = UnitConversion.Factor(operand.Unit, inUnit.Unit.Value, inUnit);
        var sql = factor == 1.0 ? operand.Sql : $"({operand.Sql} * {ConstantValue(factor).Sql})";
        return new SqlExpression(sql, SqlValueKind.Real)
        {
            Constant = operand.Constant * factor,
            Unit = inUnit.Unit.Value,
            Correlations = operand.Correlations,
        };
    }

    private SqlExpression SimpleCase(SimpleCaseExpression simple, Scope scope)
    {
        var operand = Operand(simple.Operand, scope);
        var sql = new StringBuilder("CASE ").Append(operand.Sql);
        var results = new List<SqlExpression>();
        var reads = new List<SqlExpression> { operand };
        foreach (var when in simple.Whens)
        {
            var value = Operand(when.When, scope);
            var result = Operand(when.Then, scope);
            sql.Append(" WHEN ").Append(value.Sql).Append(" THEN ").Append(result.Sql);
            results.Add(result);
            reads.Add(value);
        }
        return EndCase(sql, simple.Else, scope, results, reads);
    }

    private SqlExpression SearchedCase(SearchedCaseExpression searched, Scope scope)
    {
        var sql = new StringBuilder("CASE");
        var results = new List<SqlExpression>();
        foreach (var when in searched.Whens)
        {
            var result = Operand(when.Then, scope);
            sql.Append(" WHEN ").Append(Condition(when.When, scope)).Append(" THEN ").Append(result.Sql);
            results.Add(result);
        }
        // Conditions may read anything: the CASE is never taken for a constant.
        return EndCase(sql, searched.Else, scope, results, [new SqlExpression("", SqlValueKind.Unknown) { Correlations = SubqueryReads }]);
    }

    private SqlExpression EndCase(StringBuilder sql, ValueExpression? otherwise, Scope scope, List<SqlExpression> results,
        List<SqlExpression> reads)
    {
        if (otherwise is not null)
        {
            var value = Operand(otherwise, scope);
            sql.Append(" ELSE ").Append(value.Sql);
            results.Add(value);
        }
        if (results.Any(r => IsGeometry(r.Kind)))
        {
            throw Unsupported("CASE returning geometries", otherwise);
        }
        return new SqlExpression(sql.Append(" END").ToString(), CommonKind(results))
        {
            Correlations = SqlExpression.Union(results.Concat(reads)),
        };
    }

    private SqlExpression Subquery(ScalarSubquery subquery, Scope scope)
    {
        var query = QueryExpression(subquery.Query, scope, null);
        if (query.Outputs.Count != 1)
        {
            throw Unsupported("a scalar subquery must return exactly one column", subquery);
        }
        return new SqlExpression("(" + query.Sql + ")", query.Outputs[0].Kind) { Correlations = SubqueryReads };
    }
}
