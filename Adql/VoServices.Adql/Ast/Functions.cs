namespace VoServices.Adql.Ast;

/// <summary>
/// A call of a function defined by ADQL 2.1 other than aggregates, CAST, COALESCE, IN_UNIT and the geometry
/// constructors: mathematical and trigonometric functions (<c>&lt;math_function&gt;</c>, <c>&lt;trig_function&gt;</c>), LOWER/UPPER, and the geometry functions
/// returning numbers or strings: AREA, CONTAINS, COORD1, COORD2, COORDSYS, DISTANCE, INTERSECTS.
/// </summary>
/// <param name="Name">
/// Upper-case function name: ABS, ACOS, AREA, ASIN, ATAN, ATAN2, CEILING, CONTAINS, COORD1, COORD2, COORDSYS, COS,
/// COT, DEGREES, DISTANCE, EXP, FLOOR, INTERSECTS, LOG, LOG10, LOWER, MOD, PI, POWER, RADIANS, RAND, ROUND, SIN,
/// SQRT, TAN, TRUNCATE, UPPER.
/// </param>
/// <param name="Arguments">
/// The arguments as written. The parser has checked their number and form: e.g. DISTANCE has two points or four
/// numbers, ROUND/TRUNCATE an optional signed integer, RAND an optional unsigned integer.
/// </param>
public sealed record FunctionCall(string Name, EquatableArray<ValueExpression> Arguments) : ValueExpression;

/// <summary>
/// A call of a user-defined function (ADQL 2.1 "User Defined Functions"): any regular identifier that is not an ADQL function. Names
/// SHOULD carry the provider's prefix (<c>gavo_</c>, <c>wfau_</c>); <c>ivo_</c> is reserved for IVOA-defined ones.
/// </summary>
/// <param name="Name">The function name as written (regular identifiers are case-insensitive).</param>
/// <param name="Arguments">The arguments.</param>
public sealed record UserDefinedFunctionCall(string Name, EquatableArray<ValueExpression> Arguments) : ValueExpression;

/// <summary><c>COUNT(*)</c> or <c>AVG|COUNT|MAX|MIN|SUM([ALL|DISTINCT] x)</c> (ADQL 2.1 <c>&lt;set_function_specification&gt;</c>).</summary>
/// <param name="Function">The aggregate.</param>
/// <param name="Quantifier">ALL or DISTINCT when written; null otherwise.</param>
/// <param name="Argument">The aggregated expression; null for <c>COUNT(*)</c>.</param>
public sealed record SetFunction(AggregateFunction Function, SetQuantifier? Quantifier, ValueExpression? Argument) : ValueExpression;

/// <summary>The aggregate functions.</summary>
public enum AggregateFunction
{
    /// <summary>AVG.</summary>
    Avg,

    /// <summary>COUNT.</summary>
    Count,

    /// <summary>MAX.</summary>
    Max,

    /// <summary>MIN.</summary>
    Min,

    /// <summary>SUM.</summary>
    Sum,
}

/// <summary>
/// A geometry-valued function (ADQL 2.1 <c>&lt;geometry_value_function&gt;</c>): POINT, CIRCLE, BOX, POLYGON,
/// REGION or CENTROID. All coordinates and sizes are in degrees.
/// </summary>
/// <param name="Function">Which function.</param>
/// <param name="CoordinateSystem">
/// The deprecated first argument of POINT, CIRCLE, BOX and POLYGON: a <see cref="StringLiteral"/> or
/// <see cref="NullLiteral"/> (erratum 3); null when not written.
/// </param>
/// <param name="Arguments">
/// The other arguments, checked by the parser: POINT (ra, dec); CIRCLE (ra, dec, radius) or (center, radius);
/// BOX (ra, dec, width, height) or (center, width, height); POLYGON (ra1, dec1, ra2, dec2, ra3, dec3, ...) or
/// three or more points; REGION (one <see cref="StringLiteral"/>); CENTROID (a geometry).
/// </param>
public sealed record GeometryValueFunction(GeometryFunction Function, ValueExpression? CoordinateSystem, EquatableArray<ValueExpression> Arguments)
    : ValueExpression
{
    /// <summary>
    /// True when CIRCLE, BOX or POLYGON gives its centre or vertices as point values (<c>&lt;coord_value&gt;</c>)
    /// rather than coordinate pairs. For POLYGON with an even number (≥ 6) of column references both readings
    /// are grammatical; this property then says false and the column types decide.
    /// </summary>
    public bool UsesPointArguments => Function switch
    {
        GeometryFunction.Circle => Arguments.Count == 2,
        GeometryFunction.Box => Arguments.Count == 3,
        GeometryFunction.Polygon => Arguments.Count % 2 == 1 || Arguments.Count < 6
            || Arguments.AsImmutableArray().Any(a => a is GeometryValueFunction),
        _ => false,
    };
}

/// <summary>The geometry-valued functions.</summary>
public enum GeometryFunction
{
    /// <summary>POINT.</summary>
    Point,

    /// <summary>CIRCLE.</summary>
    Circle,

    /// <summary>BOX (deprecated in ADQL 2.1).</summary>
    Box,

    /// <summary>POLYGON.</summary>
    Polygon,

    /// <summary>REGION (deprecated in ADQL 2.1): an STC-S string.</summary>
    Region,

    /// <summary>CENTROID.</summary>
    Centroid,
}

/// <summary><c>CAST(x AS type)</c> (ADQL 2.1 <c>&lt;cast_specification&gt;</c>, feature <c>adql-type</c>).</summary>
/// <param name="Operand">The value converted.</param>
/// <param name="Target">The target type.</param>
public sealed record CastExpression(ValueExpression Operand, CastTarget Target) : ValueExpression;

/// <summary>A CAST target type.</summary>
/// <param name="Type">The type.</param>
/// <param name="Length">Character length of CHAR(n)/VARCHAR(n); null when not written.</param>
public sealed record CastTarget(CastType Type, int? Length);

/// <summary>The CAST target types of ADQL 2.1 <c>&lt;cast_target&gt;</c>.</summary>
public enum CastType
{
    /// <summary>SMALLINT.</summary>
    SmallInt,

    /// <summary>INTEGER.</summary>
    Integer,

    /// <summary>BIGINT.</summary>
    BigInt,

    /// <summary>REAL.</summary>
    Real,

    /// <summary>DOUBLE PRECISION.</summary>
    DoublePrecision,

    /// <summary>CHAR[(n)].</summary>
    Char,

    /// <summary>VARCHAR[(n)].</summary>
    VarChar,

    /// <summary>TIMESTAMP.</summary>
    Timestamp,

    /// <summary>POINT (from a DALI string).</summary>
    Point,

    /// <summary>CIRCLE (from a DALI string).</summary>
    Circle,

    /// <summary>POLYGON (from a DALI string).</summary>
    Polygon,
}

/// <summary><c>COALESCE(a, b, ...)</c>, the first non-NULL argument (ADQL 2.1 <c>&lt;coalesce_expression&gt;</c>, feature <c>adql-conditional</c>).</summary>
/// <param name="Arguments">One or more arguments.</param>
public sealed record CoalesceExpression(EquatableArray<ValueExpression> Arguments) : ValueExpression;

/// <summary><c>IN_UNIT(x, 'unit')</c>: x converted to a VOUnit (ADQL 2.1 "Unit operations", feature <c>adql-unit</c>).</summary>
/// <param name="Operand">The value converted.</param>
/// <param name="Unit">The target unit, a string literal in VOUnit syntax.</param>
public sealed record InUnitExpression(ValueExpression Operand, StringLiteral Unit) : ValueExpression;

/// <summary><c>CASE operand WHEN v THEN r ... [ELSE e] END</c> (SQL-92 simple CASE).</summary>
/// <param name="Operand">The value compared with each WHEN value.</param>
/// <param name="Whens">One or more WHEN ... THEN ... pairs.</param>
/// <param name="Else">ELSE result; null when absent (NULL).</param>
public sealed record SimpleCaseExpression(ValueExpression Operand, EquatableArray<SimpleCaseWhen> Whens, ValueExpression? Else)
    : ValueExpression;

/// <summary>One <c>WHEN value THEN result</c> of a simple CASE.</summary>
/// <param name="When">The value compared with the operand.</param>
/// <param name="Then">The result.</param>
public sealed record SimpleCaseWhen(ValueExpression When, ValueExpression Then) : AdqlNode;

/// <summary><c>CASE WHEN condition THEN r ... [ELSE e] END</c> (SQL-92 searched CASE).</summary>
/// <param name="Whens">One or more WHEN ... THEN ... pairs.</param>
/// <param name="Else">ELSE result; null when absent (NULL).</param>
public sealed record SearchedCaseExpression(EquatableArray<SearchedCaseWhen> Whens, ValueExpression? Else) : ValueExpression;

/// <summary>One <c>WHEN condition THEN result</c> of a searched CASE.</summary>
/// <param name="When">The condition.</param>
/// <param name="Then">The result.</param>
public sealed record SearchedCaseWhen(SearchCondition When, ValueExpression Then) : AdqlNode;
