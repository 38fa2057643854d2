using VoServices.Adql.Ast;

namespace VoServices.Adql.Translation;

/// <summary>
/// The SQL that every <see cref="ISqlDialect"/> writes alike: SQL-92 infix operators and comparison symbols, the ADQL
/// functions whose SQL is the same on PostgreSQL and SQLite, the error for an unknown function and the centroid of a
/// constructed geometry. A dialect passes in only the pieces that differ (a static helper rather than a base class:
/// architecture.md §5.2). Stateless; thread-safe.
/// </summary>
public static class PortableSql
{
    /// <summary>The SQL symbol of a comparison (<c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>=</c>, <c>&lt;&gt;</c>; SQL-92 §8.2).</summary>
    public static string ComparisonSymbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.LessThan => "<",
        ComparisonOperator.LessThanOrEqual => "<=",
        ComparisonOperator.GreaterThan => ">",
        ComparisonOperator.GreaterThanOrEqual => ">=",
        ComparisonOperator.Equal => "=",
        _ => "<>",
    };

    /// <summary>
    /// An infix operation, parenthesised: <c>+ - * / &amp; |</c> are written as in SQL-92; bitwise XOR and <c>||</c>
    /// come from the dialect (<paramref name="xor"/> gets the operands' SQL, <paramref name="concatenate"/> the operands).
    /// </summary>
    /// <exception cref="ArgumentNullException">An operand or delegate is null.</exception>
    public static string Operator(BinaryOperator op, SqlExpression left, SqlExpression right,
        Func<string, string, string> xor, Func<SqlExpression, SqlExpression, string> concatenate)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(xor);
        ArgumentNullException.ThrowIfNull(concatenate);
        var (l, r) = (left.Sql, right.Sql);
        return op switch
        {
            BinaryOperator.Add => $"({l} + {r})",
            BinaryOperator.Subtract => $"({l} - {r})",
            BinaryOperator.Multiply => $"({l} * {r})",
            BinaryOperator.Divide => $"({l} / {r})",
            BinaryOperator.BitwiseAnd => $"({l} & {r})",
            BinaryOperator.BitwiseOr => $"({l} | {r})",
            BinaryOperator.BitwiseXor => xor(l, r),
            _ => concatenate(left, right),
        };
    }

    /// <summary>
    /// A function call for <see cref="ISqlDialect.Function"/>: the portable functions (CEILING and FLOOR of an integer,
    /// ABS … UPPER except COT as the lower-case SQL function, LOG as <c>ln</c> (ADQL 2.1 erratum 2), PI, and the
    /// <c>vo_nanojansky_to_abmag</c> user functions) are written here; any other is asked of <paramref name="dialectSql"/>
    /// with the name, the arguments and their SQL. The result is an integer for <c>ivo_healpix_index</c>, else real.
    /// </summary>
    /// <exception cref="AdqlTranslationException"><see cref="TranslationErrorCode.Unsupported"/> when the dialect answers null.</exception>
    public static SqlExpression Function(string name, IReadOnlyList<SqlExpression> arguments,
        Func<string, IReadOnlyList<SqlExpression>, string[], string?> dialectSql)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(dialectSql);
        var a = arguments.Select(x => x.Sql).ToArray();
        var sql = PortableFunction(name, arguments, a) ?? dialectSql(name, arguments, a);
        return sql is null
            ? throw new AdqlTranslationException(TranslationErrorCode.Unsupported,
                name == "RAND" ? "RAND with a seed is not supported by this service" : $"function {name} is not supported by this service")
            : new SqlExpression(sql, name == "ivo_healpix_index" ? SqlValueKind.Integer : SqlValueKind.Real);
    }

    /// <summary><c>function(a, b, …)</c>.</summary>
    public static string Call(string function, IEnumerable<string> arguments) => $"{function}({string.Join(", ", arguments)})";

    private static string? PortableFunction(string name, IReadOnlyList<SqlExpression> arguments, string[] a) => name switch
    {
        // Integers keep their type (FunctionCatalog): CEILING and FLOOR of one are itself.
        "CEILING" or "FLOOR" when arguments.Count > 0 && arguments[0].Kind == SqlValueKind.Integer => a[0],
        "ABS" or "ACOS" or "ASIN" or "ATAN" or "ATAN2" or "CEILING" or "COS" or "DEGREES" or "EXP" or "FLOOR" or "LOG10"
            or "POWER" or "RADIANS" or "SIN" or "SQRT" or "TAN" or "LOWER" or "UPPER" => Call(name.ToLowerInvariant(), a),
        "LOG" => Call("ln", a),
        "PI" => "pi()",
        "vo_nanojansky_to_abmag" when a.Length == 1 => $"(CASE WHEN {a[0]} > 0 THEN -2.5 * log10({a[0]}) + 31.4 END)",
        "vo_nanojansky_to_abmag_sigma" when a.Length == 2 =>
            $"(CASE WHEN {a[0]} <> 0 THEN 1.0857362047581294 * {a[1]} / {a[0]} END)",
        _ => null,
    };

    /// <summary>
    /// A numeric geometry function for <see cref="ISqlDialect.GeometryFunction"/>: the SQL from
    /// <paramref name="dialectSql"/> (null for a name it does not know), as a real value.
    /// </summary>
    /// <exception cref="AdqlTranslationException"><see cref="TranslationErrorCode.Unsupported"/> when the dialect answers null.</exception>
    public static SqlExpression GeometryFunction(string name, IReadOnlyList<SqlGeometry> arguments,
        Func<string, IReadOnlyList<SqlGeometry>, string?> dialectSql)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(dialectSql);
        var sql = dialectSql(name, arguments)
            ?? throw new AdqlTranslationException(TranslationErrorCode.Unsupported, $"geometry function {name}");
        return new SqlExpression(sql, SqlValueKind.Real);
    }

    /// <summary>
    /// CENTROID of a constructed geometry (ADQL 2.1 §4.2.5): a point is itself, a CIRCLE or BOX its centre; null for any
    /// other geometry (polygons, stored and native values), which the dialect computes.
    /// </summary>
    public static SqlGeometry? ConstructedCentroid(SqlGeometry geometry) => geometry switch
    {
        SqlPoint => geometry,
        SqlCircle circle => circle.Center,
        SqlBox box => box.Center,
        _ => null,
    };
}
