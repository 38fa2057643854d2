using System.Collections.Immutable;
using System.Globalization;

namespace VoServices.Adql.Functions;

/// <summary>What a function computes; groups the catalogue for documentation and capabilities.</summary>
public enum FunctionKind
{
    /// <summary>ADQL 2.1 mathematical functions (<c>&lt;math_function&gt;</c>), core language.</summary>
    Math,

    /// <summary>ADQL 2.1 trigonometric functions (<c>&lt;trig_function&gt;</c>), in radians, core language.</summary>
    Trigonometric,

    /// <summary>Aggregates (<c>&lt;set_function_specification&gt;</c>), core language.</summary>
    Aggregate,

    /// <summary>LOWER, UPPER (feature <c>adql-string</c>).</summary>
    String,

    /// <summary>Geometry functions (feature <c>adqlgeo</c>); coordinates, sizes and distances in degrees.</summary>
    Geometry,

    /// <summary>CAST and IN_UNIT (features <c>adql-type</c>, <c>adql-unit</c>).</summary>
    Conversion,

    /// <summary>COALESCE (feature <c>adql-conditional</c>).</summary>
    Conditional,

    /// <summary>A user-defined function of this service (feature <c>udf</c>).</summary>
    UserDefined,
}

/// <summary>The kind of value an argument must have.</summary>
public enum ParameterType
{
    /// <summary>Any value.</summary>
    Any,

    /// <summary>A number (SMALLINT, INTEGER, BIGINT, REAL, DOUBLE).</summary>
    Numeric,

    /// <summary>An exact integer (SMALLINT, INTEGER, BIGINT).</summary>
    Integer,

    /// <summary>A character string.</summary>
    String,

    /// <summary>A POINT.</summary>
    Point,

    /// <summary>Any geometry: POINT, CIRCLE, POLYGON (BOX), REGION.</summary>
    Geometry,
}

/// <summary>
/// One parameter of a function signature.
/// </summary>
/// <param name="Name">Name shown in signatures and messages (e.g. <c>hpxOrder</c>).</param>
/// <param name="Type">What the argument must be.</param>
/// <param name="Minimum">For integer parameters: the smallest value a literal argument may have; null for no limit.</param>
/// <param name="Maximum">For integer parameters: the largest value a literal argument may have; null for no limit.</param>
public sealed record FunctionParameter(string Name, ParameterType Type, long? Minimum = null, long? Maximum = null)
{
    /// <summary>The parameter as written in a signature: <c>name TYPE</c>.</summary>
    public override string ToString() => $"{Name} {AdqlTypeName(Type)}";

    internal static string AdqlTypeName(ParameterType type) => type switch
    {
        ParameterType.Numeric => "DOUBLE",
        ParameterType.Integer => "INTEGER",
        ParameterType.String => "VARCHAR",
        ParameterType.Point => "POINT",
        ParameterType.Geometry => "REGION",
        _ => "ANY",
    };
}

/// <summary>How the datatype of a function result is found.</summary>
public enum ResultTypeRule
{
    /// <summary>Always <see cref="FunctionResult.Datatype"/>/<see cref="FunctionResult.ArraySize"/>/<see cref="FunctionResult.XType"/>.</summary>
    Fixed,

    /// <summary>The type of the first argument (ABS, MIN, MAX, LOWER, UPPER).</summary>
    FirstArgument,

    /// <summary>The type of an integer first argument; <c>double</c> otherwise (CEILING, FLOOR, ROUND, TRUNCATE).</summary>
    IntegerKeptElseDouble,

    /// <summary>The widest numeric type of the arguments, integers staying integers (MOD).</summary>
    WidestNumeric,

    /// <summary><c>long</c> for integer arguments, <c>double</c> otherwise (SUM, as PostgreSQL widens it).</summary>
    Sum,

    /// <summary>The common type of all arguments (COALESCE).</summary>
    CommonType,

    /// <summary>Computed by the resolver from the syntax (CAST target, IN_UNIT unit, geometry constructors).</summary>
    Special,
}

/// <summary>How a metadata item (unit or UCD) of a function result is found.</summary>
public enum MetadataRule
{
    /// <summary>The result has none.</summary>
    None,

    /// <summary>Always the declared value.</summary>
    Fixed,

    /// <summary>That of the first argument.</summary>
    FirstArgument,

    /// <summary>That of the arguments when they all have the same one; none otherwise (COALESCE).</summary>
    SharedByArguments,
}

/// <summary>
/// The result of a function: its VOTable type (VOTable 1.4 §2.1 datatype, arraysize; DALI 1.1 §3 xtype) and how its
/// unit and UCD follow from the arguments (TAP 1.1 §2.9: every result column carries its metadata).
/// </summary>
/// <param name="TypeRule">How the datatype is found.</param>
/// <param name="Datatype">VOTable datatype for <see cref="ResultTypeRule.Fixed"/> (<c>double</c>, <c>long</c>, <c>char</c>...).</param>
/// <param name="ArraySize">VOTable arraysize for <see cref="ResultTypeRule.Fixed"/>; null for scalars.</param>
/// <param name="XType">DALI xtype for <see cref="ResultTypeRule.Fixed"/> (<c>point</c>, <c>circle</c>, <c>polygon</c>).</param>
/// <param name="UnitRule">How the unit is found.</param>
/// <param name="Unit">VOUnit for <see cref="MetadataRule.Fixed"/>, e.g. <c>deg</c>, <c>deg2</c>, <c>rad</c>, <c>mag</c>.</param>
/// <param name="UcdRule">How the UCD is found.</param>
/// <param name="Ucd">UCD1+ for <see cref="MetadataRule.Fixed"/>, e.g. <c>pos.angDistance</c>.</param>
/// <param name="AdqlType">The ADQL type name used in signatures (<c>DOUBLE</c>, <c>BIGINT</c>, <c>POINT</c>...).</param>
public sealed record FunctionResult(
    ResultTypeRule TypeRule,
    string? Datatype = null,
    string? ArraySize = null,
    string? XType = null,
    MetadataRule UnitRule = MetadataRule.None,
    string? Unit = null,
    MetadataRule UcdRule = MetadataRule.None,
    string? Ucd = null,
    string AdqlType = "DOUBLE")
{
    /// <summary>A <c>double</c> (DOUBLE PRECISION) with an optional fixed unit and UCD.</summary>
    public static FunctionResult Double(string? unit = null, string? ucd = null) =>
        new(ResultTypeRule.Fixed, "double", UnitRule: Fixed(unit), Unit: unit, UcdRule: Fixed(ucd), Ucd: ucd);

    /// <summary>An <c>int</c> (INTEGER) with an optional fixed UCD.</summary>
    public static FunctionResult Integer(string? ucd = null) =>
        new(ResultTypeRule.Fixed, "int", UcdRule: Fixed(ucd), Ucd: ucd, AdqlType: "INTEGER");

    /// <summary>A <c>long</c> (BIGINT) with an optional fixed UCD.</summary>
    public static FunctionResult Long(string? ucd = null) =>
        new(ResultTypeRule.Fixed, "long", UcdRule: Fixed(ucd), Ucd: ucd, AdqlType: "BIGINT");

    /// <summary>A variable-length string, <c>char</c> arraysize <c>*</c> (VARCHAR).</summary>
    public static FunctionResult String() => new(ResultTypeRule.Fixed, "char", "*", AdqlType: "VARCHAR");

    /// <summary>A DALI geometry: <c>double</c> with the given arraysize and xtype, in degrees.</summary>
    public static FunctionResult Geometry(string arraySize, string xtype) =>
        new(ResultTypeRule.Fixed, "double", arraySize, xtype, MetadataRule.Fixed, "deg", AdqlType: xtype.ToUpperInvariant());

    /// <summary>A result typed by <paramref name="rule"/> that keeps the first argument's unit and, optionally, UCD.</summary>
    public static FunctionResult LikeFirstArgument(ResultTypeRule rule, bool keepUcd, string adqlType) =>
        new(rule, UnitRule: MetadataRule.FirstArgument, UcdRule: keepUcd ? MetadataRule.FirstArgument : MetadataRule.None, AdqlType: adqlType);

    private static MetadataRule Fixed(string? value) => value is null ? MetadataRule.None : MetadataRule.Fixed;
}

/// <summary>One accepted form of a function: its parameters and result.</summary>
/// <param name="Parameters">The parameters in order.</param>
/// <param name="Result">The result.</param>
/// <param name="IsVariadic">True when the last parameter may be repeated (COALESCE, POLYGON).</param>
public sealed record FunctionSignature(ImmutableArray<FunctionParameter> Parameters, FunctionResult Result, bool IsVariadic = false)
{
    /// <summary>Whether <paramref name="count"/> arguments fit this signature.</summary>
    public bool Accepts(int count) => IsVariadic ? count >= Parameters.Length : count == Parameters.Length;

    /// <summary>The signature as TAPRegExt writes a UDF form: <c>name(a DOUBLE, b DOUBLE) -&gt; DOUBLE</c>.</summary>
    public string Format(string name)
    {
        var arguments = string.Join(", ", Parameters.Select(p => p.ToString()));
        var more = IsVariadic ? ", ..." : "";
        return string.Create(CultureInfo.InvariantCulture, $"{name}({arguments}{more}) -> {Result.AdqlType}");
    }
}
