namespace VoServices.Adql.Semantics;

/// <summary>The kinds of value ADQL distinguishes when checking types (ADQL 2.1 data types, mapped to VOTable as TAP 1.1 does).</summary>
public enum ValueCategory
{
    /// <summary>The NULL literal: compatible with every type.</summary>
    Null,

    /// <summary>SMALLINT, INTEGER, BIGINT, REAL, DOUBLE (VOTable unsignedByte, short, int, long, float, double scalars).</summary>
    Numeric,

    /// <summary>CHAR, VARCHAR, CLOB (VOTable char, unicodeChar).</summary>
    String,

    /// <summary>TIMESTAMP (xtype <c>timestamp</c>).</summary>
    Timestamp,

    /// <summary>VOTable boolean.</summary>
    Boolean,

    /// <summary>POINT (xtype <c>point</c>).</summary>
    Point,

    /// <summary>CIRCLE (xtype <c>circle</c>).</summary>
    Circle,

    /// <summary>POLYGON and BOX (xtype <c>polygon</c>).</summary>
    Polygon,

    /// <summary>Other geometries: REGION, MOC, shape.</summary>
    Region,

    /// <summary>Anything else: arrays without geometry xtype, bit, complex numbers, BLOB.</summary>
    Other,
}

/// <summary>
/// The inferred type and metadata of a value expression, as a result column would carry them in a VOTable FIELD
/// (VOTable 1.4 FIELD: datatype, arraysize, xtype, unit, ucd, utype, DESCRIPTION).
/// </summary>
/// <param name="Category">The kind of value.</param>
/// <param name="Datatype">VOTable datatype (<c>double</c>, <c>long</c>, <c>char</c>...).</param>
/// <param name="ArraySize">VOTable arraysize; null for scalars (a single char included).</param>
/// <param name="XType">DALI xtype (<c>timestamp</c>, <c>point</c>, <c>circle</c>, <c>polygon</c>) or null.</param>
/// <param name="Unit">VOUnit or null.</param>
/// <param name="Ucd">UCD1+ or null.</param>
/// <param name="Utype">Utype or null.</param>
/// <param name="Description">Description or null.</param>
public sealed record ExpressionType(
    ValueCategory Category,
    string Datatype,
    string? ArraySize = null,
    string? XType = null,
    string? Unit = null,
    string? Ucd = null,
    string? Utype = null,
    string? Description = null)
{
    /// <summary>
    /// The type of the NULL literal: <c>char</c> arraysize <c>*</c>, because every VOTable serialisation writes a NULL
    /// string as an empty cell, whatever the other operands of a UNION or CASE turn out to be (standards.md §5 "A NULL
    /// literal in the select list must get a VOTable type").
    /// </summary>
    public static ExpressionType Null { get; } = new(ValueCategory.Null, "char", "*");

    /// <summary>True for SMALLINT, INTEGER and BIGINT values (VOTable unsignedByte, short, int, long).</summary>
    public bool IsInteger => Category == ValueCategory.Numeric && NumericRank(Datatype) is >= 1 and <= 3;

    /// <summary>True for POINT, CIRCLE, POLYGON and REGION values.</summary>
    public bool IsGeometry => Category is ValueCategory.Point or ValueCategory.Circle or ValueCategory.Polygon or ValueCategory.Region;

    /// <summary>The type and all metadata of a schema column.</summary>
    public static ExpressionType Of(AdqlColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return new ExpressionType(CategoryOf(column.Datatype, column.ArraySize, column.XType), column.Datatype, column.ArraySize,
            column.XType, column.Unit, column.Ucd, column.Utype, column.Description);
    }

    /// <summary>
    /// The category of a VOTable type: the xtype decides first (DALI 1.1 §3: timestamp, point, circle, polygon; the
    /// TAP 1.0 <c>adql:</c> forms too), then the datatype; arrays of numbers without a geometry xtype are
    /// <see cref="ValueCategory.Other"/>.
    /// </summary>
    public static ValueCategory CategoryOf(string datatype, string? arraySize, string? xtype)
    {
        ArgumentNullException.ThrowIfNull(datatype);
        var x = xtype?.ToUpperInvariant();
        if (x is not null && x.StartsWith("ADQL:", StringComparison.Ordinal))
        {
            x = x[5..];
        }
        switch (x)
        {
            case "TIMESTAMP":
                return ValueCategory.Timestamp;
            case "POINT":
                return ValueCategory.Point;
            case "CIRCLE":
                return ValueCategory.Circle;
            case "POLYGON" or "BOX":
                return ValueCategory.Polygon;
            case "REGION" or "MOC" or "SHAPE" or "MULTISHAPE":
                return ValueCategory.Region;
        }
        if (datatype is "char" or "unicodeChar")
        {
            return ValueCategory.String;
        }
        var scalar = arraySize is null or "1";
        return datatype switch
        {
            "boolean" when scalar => ValueCategory.Boolean,
            _ when scalar && NumericRank(datatype) > 0 => ValueCategory.Numeric,
            _ => ValueCategory.Other,
        };
    }

    /// <summary>SQL widening order: 1 SMALLINT, 2 INTEGER, 3 BIGINT, 4 REAL, 5 DOUBLE; 0 for non-numeric datatypes.</summary>
    internal static int NumericRank(string datatype) => datatype switch
    {
        "unsignedByte" or "short" => 1,
        "int" => 2,
        "long" => 3,
        "float" => 4,
        "double" => 5,
        _ => 0,
    };

    /// <summary>This type as a result column named <paramref name="name"/>.</summary>
    public OutputColumn ToOutputColumn(string name) =>
        new(name, Datatype, ArraySize, XType, Unit, Ucd, Utype, Description);

    /// <summary>This type as a column of a derived table or common table named <paramref name="storedName"/>.</summary>
    public AdqlColumn ToColumn(string storedName) =>
        new(storedName, Datatype, ArraySize, XType, Unit, Ucd, Utype, Description);

    /// <summary>The same value without unit, UCD, utype and description (a computed value).</summary>
    public ExpressionType Bare() => this with { Unit = null, Ucd = null, Utype = null, Description = null };
}
