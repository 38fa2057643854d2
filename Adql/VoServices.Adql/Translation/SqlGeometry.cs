using VoServices.Adql.Ast;
using VoServices.Adql.Semantics;

namespace VoServices.Adql.Translation;

/// <summary>The ADQL geometry types a dialect builds (ADQL 2.1 §4.2; BOX follows STC, see architecture.md §7).</summary>
public enum SqlGeometryKind
{
    /// <summary>POINT.</summary>
    Point,

    /// <summary>CIRCLE.</summary>
    Circle,

    /// <summary>POLYGON (great-circle edges; the smaller of the two regions, whatever the winding).</summary>
    Polygon,

    /// <summary>BOX: centre plus full width and height along great circles (STC), not a longitude/latitude range.</summary>
    Box,
}

/// <summary>
/// A geometry value handed to a dialect, with its parts translated separately so that the dialect can choose index-friendly
/// SQL: all coordinates and sizes are SQL expressions in degrees. A geometry is <see cref="IsConstant"/> when every number
/// is a literal (dialects then precompute index ranges or literals).
/// </summary>
public abstract record SqlGeometry
{
    /// <summary>Which geometry.</summary>
    public abstract SqlGeometryKind Kind { get; }

    /// <summary>True when every coordinate is a numeric literal.</summary>
    public abstract bool IsConstant { get; }

    /// <summary>The SQL correlation names the geometry reads.</summary>
    public abstract IReadOnlySet<string> Correlations { get; }
}

/// <summary>
/// The position of a catalogue table whose store keeps a spatial index on it (<see cref="AdqlTable.RaColumn"/>): PostgreSQL
/// has an indexed <c>spoint</c> column, SQLite an indexed HEALPix column.
/// </summary>
/// <param name="Correlation">The SQL correlation name of the FROM item (<c>t1</c>).</param>
/// <param name="Table">The table.</param>
public sealed record IndexedPosition(string Correlation, AdqlTable Table);

/// <summary><c>POINT(ra, dec)</c>.</summary>
/// <param name="Ra">Longitude in degrees.</param>
/// <param name="Dec">Latitude in degrees.</param>
public sealed record SqlPoint(SqlExpression Ra, SqlExpression Dec) : SqlGeometry
{
    /// <inheritdoc/>
    public override SqlGeometryKind Kind => SqlGeometryKind.Point;

    /// <inheritdoc/>
    public override bool IsConstant => Ra.Constant is not null && Dec.Constant is not null;

    /// <inheritdoc/>
    public override IReadOnlySet<string> Correlations => SqlExpression.Union([Ra, Dec]);

    /// <summary>
    /// True when the point is evaluated on the groups of a grouped query (its select list, GROUP BY, HAVING or ORDER BY),
    /// where only grouped columns may be read (SQL-92 §7.9; PostgreSQL SQLSTATE 42803): the store's hidden indexed
    /// position column is not one of them, so <see cref="Position"/> is null and dialects build the point from
    /// <see cref="Ra"/> and <see cref="Dec"/>. Set by the translator.
    /// </summary>
    public bool EvaluatedAfterGrouping { get; init; }

    /// <summary>
    /// Set when the point is exactly the indexed position columns of one FROM item (<c>POINT(t.ra, t.dec)</c>) and may be
    /// read per row (not <see cref="EvaluatedAfterGrouping"/>), so that a dialect may use the store's spatial index (or its
    /// stored position column) instead of the two columns.
    /// </summary>
    public IndexedPosition? Position =>
        !EvaluatedAfterGrouping
        && Ra.Source is { Table: { RaColumn: { } ra, DecColumn: { } dec } table } raSource
        && Dec.Source is { } decSource
        && raSource.Correlation == decSource.Correlation
        && SameName(raSource.Column.Name, ra) && SameName(decSource.Column.Name, dec)
            ? new IndexedPosition(raSource.Correlation, table)
            : null;

    private static bool SameName(string columnName, string positionName) =>
        string.Equals(Unquote(columnName), Unquote(positionName), StringComparison.OrdinalIgnoreCase);

    private static string Unquote(string name) =>
        name.Length >= 2 && name[0] == '"' && name[^1] == '"' ? name[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : name;
}

/// <summary><c>CIRCLE(center, radius)</c>.</summary>
/// <param name="Center">The centre, a point geometry.</param>
/// <param name="Radius">Radius in degrees.</param>
public sealed record SqlCircle(SqlGeometry Center, SqlExpression Radius) : SqlGeometry
{
    /// <inheritdoc/>
    public override SqlGeometryKind Kind => SqlGeometryKind.Circle;

    /// <inheritdoc/>
    public override bool IsConstant => Center.IsConstant && Radius.Constant is not null;

    /// <inheritdoc/>
    public override IReadOnlySet<string> Correlations => SqlExpression.UnionOf([Center.Correlations, Radius.Correlations]);
}

/// <summary><c>POLYGON(v1, v2, v3, …)</c>: three or more point geometries.</summary>
/// <param name="Vertices">The vertices in order.</param>
public sealed record SqlPolygon(IReadOnlyList<SqlGeometry> Vertices) : SqlGeometry
{
    /// <inheritdoc/>
    public override SqlGeometryKind Kind => SqlGeometryKind.Polygon;

    /// <inheritdoc/>
    public override bool IsConstant => Vertices.All(v => v.IsConstant);

    /// <inheritdoc/>
    public override IReadOnlySet<string> Correlations => SqlExpression.UnionOf(Vertices.Select(v => v.Correlations));
}

/// <summary><c>BOX(center, width, height)</c> (deprecated in ADQL 2.1; STC semantics).</summary>
/// <param name="Center">The centre, a point geometry.</param>
/// <param name="Width">Full width in degrees.</param>
/// <param name="Height">Full height in degrees.</param>
public sealed record SqlBox(SqlGeometry Center, SqlExpression Width, SqlExpression Height) : SqlGeometry
{
    /// <inheritdoc/>
    public override SqlGeometryKind Kind => SqlGeometryKind.Box;

    /// <inheritdoc/>
    public override bool IsConstant => Center.IsConstant && Width.Constant is not null && Height.Constant is not null;

    /// <inheritdoc/>
    public override IReadOnlySet<string> Correlations =>
        SqlExpression.UnionOf([Center.Correlations, Width.Correlations, Height.Correlations]);
}

/// <summary>
/// A geometry held as a DALI value: a geometry-typed column of a table, derived table or upload (DALI 1.1 §3.3: double
/// arrays with xtype point/circle/polygon; PostgreSQL <c>double precision[]</c>, SQLite DALI text).
/// </summary>
/// <param name="GeometryKind">Point, circle or polygon.</param>
/// <param name="Value">The column.</param>
public sealed record SqlStoredGeometry(SqlGeometryKind GeometryKind, SqlExpression Value) : SqlGeometry
{
    /// <inheritdoc/>
    public override SqlGeometryKind Kind => GeometryKind;

    /// <inheritdoc/>
    public override bool IsConstant => false;

    /// <inheritdoc/>
    public override IReadOnlySet<string> Correlations => Value.Correlations;
}

/// <summary>A geometry in the dialect's own representation (e.g. the result of CENTROID: <c>center(c)</c> in pg_sphere).</summary>
/// <param name="GeometryKind">Which geometry.</param>
/// <param name="Sql">The SQL giving the native value.</param>
/// <param name="Reads">The SQL correlation names it reads.</param>
public sealed record SqlNativeGeometry(SqlGeometryKind GeometryKind, string Sql, IReadOnlySet<string> Reads) : SqlGeometry
{
    /// <inheritdoc/>
    public override SqlGeometryKind Kind => GeometryKind;

    /// <inheritdoc/>
    public override bool IsConstant => false;

    /// <inheritdoc/>
    public override IReadOnlySet<string> Correlations => Reads;
}

/// <summary>The spatial relations a condition can test (ADQL 2.1 §4.2.3 CONTAINS, §4.2.7 INTERSECTS, §4.2.4 DISTANCE).</summary>
public enum SpatialRelation
{
    /// <summary><c>1 = CONTAINS(First, Second)</c>: Second contains First.</summary>
    Contains,

    /// <summary><c>1 = INTERSECTS(First, Second)</c> (neither is a point: the translator turns point forms into CONTAINS).</summary>
    Intersects,

    /// <summary><c>DISTANCE(First, Second) op Limit</c>, both points.</summary>
    Distance,
}

/// <summary>
/// A spatial condition recognised in WHERE, ON, HAVING or CASE: the form that dialects turn into index scans (GiST on
/// pg_sphere, HEALPix ranges on SQLite) followed by the exact test.
/// </summary>
/// <param name="Relation">Which relation.</param>
/// <param name="First">The first argument as written in ADQL.</param>
/// <param name="Second">The second argument.</param>
/// <param name="Operator">For <see cref="SpatialRelation.Distance"/>: the comparison, normalised so DISTANCE is on the left.</param>
/// <param name="Limit">For <see cref="SpatialRelation.Distance"/>: the compared value in degrees.</param>
public sealed record SpatialPredicate(SpatialRelation Relation, SqlGeometry First, SqlGeometry Second,
    ComparisonOperator? Operator = null, SqlExpression? Limit = null);
