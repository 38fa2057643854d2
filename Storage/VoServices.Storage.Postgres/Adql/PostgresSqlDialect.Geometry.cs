using System.Globalization;
using VoServices.Adql.Ast;
using VoServices.Adql.Translation;

namespace VoServices.Storage.Postgres.Adql;

public sealed partial class PostgresSqlDialect
{
    /// <summary>pg_sphere circles have radius ≤ 90° ("radius must be not greater than 90 degrees").</summary>
    private const double MaxCircleRadius = 90;

    /// <inheritdoc/>
    /// <remarks>
    /// <c>1 = CONTAINS(POINT(t.ra, t.dec), CIRCLE(…))</c> and <c>DISTANCE(POINT(t.ra, t.dec), p) &lt; r</c> become
    /// <c>t.pos @ scircle(…)</c> on the GiST-indexed point column (DISTANCE adds the exact distance test, since
    /// <c>@</c> is closed); crossmatches put the indexed side on the left of <c>@</c>.
    /// </remarks>
    public string SpatialCondition(SpatialPredicate predicate, bool negated)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var condition = predicate.Relation switch
        {
            SpatialRelation.Contains => ContainsCondition(predicate.First, predicate.Second),
            SpatialRelation.Intersects => $"({Native(predicate.First)} && {Native(predicate.Second)})",
            _ => DistanceCondition(predicate),
        };
        return negated ? $"(NOT {condition})" : condition;
    }

    private string ContainsCondition(SqlGeometry inner, SqlGeometry outer)
    {
        if (outer is SqlCircle circle)
        {
            // CONTAINS(POINT(u), CIRCLE(t, r)) with t indexed: t lies within r of u, which the index on t answers.
            var (point, center) = inner is SqlPoint { Position: null } p && circle.Center is SqlPoint { Position: { } position } c
                && !p.Correlations.Contains(position.Correlation) && !circle.Radius.Correlations.Contains(position.Correlation)
                ? ((SqlGeometry)c, (SqlGeometry)p)
                : (inner, circle.Center);
            if (point.Kind == SqlGeometryKind.Point)
            {
                return WithinRadius(Native(point), Native(center), circle.Radius, ComparisonOperator.LessThanOrEqual, exact: false);
            }
        }
        return (inner.Kind, outer.Kind) switch
        {
            (SqlGeometryKind.Point, SqlGeometryKind.Point) => $"({Native(inner)} = {Native(outer)})",
            (_, SqlGeometryKind.Point) => throw new AdqlTranslationException(TranslationErrorCode.Unsupported,
                "CONTAINS of a circle or polygon in a point"),
            _ => $"({Native(inner)} @ {Native(outer)})",
        };
    }

    private string DistanceCondition(SpatialPredicate p)
    {
        var op = p.Operator!.Value;
        var limit = p.Limit!;
        if (op is ComparisonOperator.LessThan or ComparisonOperator.LessThanOrEqual)
        {
            // Put the indexed position (if any, and not read by the other side) left of @.
            var (first, second) = Indexed(p.Second, p.First, limit) && !Indexed(p.First, p.Second, limit)
                ? (p.Second, p.First)
                : (p.First, p.Second);
            return WithinRadius(Native(first), Native(second), limit, op, exact: true);
        }
        return $"(degrees({Native(p.First)} <-> {Native(p.Second)}) {PortableSql.ComparisonSymbol(op)} {limit.Sql})";
    }

    private static bool Indexed(SqlGeometry point, SqlGeometry other, SqlExpression limit) =>
        point is SqlPoint { Position: { } position }
        && !other.Correlations.Contains(position.Correlation) && !limit.Correlations.Contains(position.Correlation);

    /// <summary>
    /// <c>point</c> within <c>radius</c> degrees of <c>center</c>: <c>point @ scircle(center, radius)</c> (GiST), plus the
    /// exact distance comparison when <paramref name="exact"/>. A constant radius beyond pg_sphere's 90° limit on circles
    /// gives the distance test alone; a radius read from rows must stay within 90° (pg_sphere rejects the statement
    /// otherwise: a per-row radius keeps the index usable, which a fallback test would not).
    /// </summary>
    private static string WithinRadius(string point, string center, SqlExpression radius, ComparisonOperator op, bool exact)
    {
        var distance = $"(degrees({point} <-> {center}) {PortableSql.ComparisonSymbol(op)} {radius.Sql})";
        if (radius.Constant is > MaxCircleRadius or < 0)
        {
            return distance;
        }
        var circle = $"({point} @ scircle({center}, radians({radius.Sql})))";
        return exact ? $"({circle} AND {distance})" : circle;
    }

    /// <inheritdoc/>
    public SqlExpression GeometryFunction(string name, IReadOnlyList<SqlGeometry> arguments) =>
        PortableSql.GeometryFunction(name, arguments, GeometryFunctionSql);

    private string? GeometryFunctionSql(string name, IReadOnlyList<SqlGeometry> g) => name switch
    {
        "CONTAINS" => $"CAST({ContainsCondition(g[0], g[1])} AS integer)",
        "INTERSECTS" => $"CAST(({Native(g[0])} && {Native(g[1])}) AS integer)",
        "DISTANCE" => $"degrees({Native(g[0])} <-> {Native(g[1])})",
        "COORD1" => $"degrees(long({Native(g[0])}))",
        "COORD2" => $"degrees(lat({Native(g[0])}))",
        "AREA" when g[0].Kind == SqlGeometryKind.Point => $"(CASE WHEN {Native(g[0])} IS NULL THEN NULL ELSE 0.0 END)",
        // area() is in steradians.
        "AREA" => $"degrees(degrees(area({Native(g[0])})))",
        _ => null,
    };

    /// <inheritdoc/>
    /// <remarks>pg_sphere has no polygon centroid: CENTROID of a polygon is not supported on this backend.</remarks>
    public SqlGeometry Centroid(SqlGeometry geometry) => PortableSql.ConstructedCentroid(geometry) ?? geometry switch
    {
        { Kind: SqlGeometryKind.Point } => geometry,
        { Kind: SqlGeometryKind.Circle } => new SqlNativeGeometry(SqlGeometryKind.Point, $"center({Native(geometry)})", geometry.Correlations),
        _ => throw new AdqlTranslationException(TranslationErrorCode.Unsupported,
            "CENTROID of a polygon is not supported by the PostgreSQL backend (pg_sphere has no polygon centroid)"),
    };

    /// <inheritdoc/>
    /// <remarks><c>double precision[]</c> in degrees: constructors give their coordinates as written, other values
    /// (CENTROID) as pg_sphere normalises them; NULL when a coordinate is NULL.</remarks>
    public string GeometryValue(SqlGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (geometry is SqlStoredGeometry stored)
        {
            return stored.Value.Sql;
        }
        var values = DaliValues(geometry);
        var array = $"CAST(ARRAY[{string.Join(", ", values.Select(v => v.Sql))}] AS double precision[])";
        // ARRAY[NULL, …] is an array, not NULL: a geometry with a NULL coordinate is NULL, as in the embedded store.
        var nullable = values.Where(v => v.Constant is null).Select(v => v.Sql + " IS NULL").ToList();
        return nullable.Count == 0 ? array : $"(CASE WHEN {string.Join(" OR ", nullable)} THEN NULL ELSE {array} END)";
    }

    private List<SqlExpression> DaliValues(SqlGeometry geometry) => geometry switch
    {
        SqlPoint p => [p.Ra, p.Dec],
        SqlCircle c => [.. DaliValues(c.Center), c.Radius],
        SqlPolygon polygon => [.. polygon.Vertices.SelectMany(DaliValues)],
        SqlBox box => [.. BoxCorners(box).SelectMany(DaliValues)],
        { Kind: SqlGeometryKind.Point } => [Value($"degrees(long({Native(geometry)}))"), Value($"degrees(lat({Native(geometry)}))")],
        { Kind: SqlGeometryKind.Circle } => [Value($"degrees(long(center({Native(geometry)})))"),
            Value($"degrees(lat(center({Native(geometry)})))"), Value($"degrees(radius({Native(geometry)}))")],
        _ => throw new AdqlTranslationException(TranslationErrorCode.Unsupported, "this polygon value on the PostgreSQL backend"),
    };

    private static SqlExpression Value(string sql) => new(sql, SqlValueKind.Real);

    /// <summary>
    /// The pg_sphere value of a geometry (radians). A point on the indexed position columns reads the stored
    /// <c>spoint</c> column; on the groups of a grouped query the translator leaves <see cref="SqlPoint.Position"/> unset
    /// (<see cref="SqlPoint.EvaluatedAfterGrouping"/>), since that column is not grouped (SQLSTATE 42803), and the point is
    /// built from ra and dec.
    /// </summary>
    private string Native(SqlGeometry geometry) => geometry switch
    {
        SqlPoint { Position: { } position } => QuoteIdentifier(position.Correlation) + "." + pointColumn,
        SqlPoint p => $"spoint(radians({p.Ra.Sql}), radians({p.Dec.Sql}))",
        SqlCircle { Radius.Constant: > MaxCircleRadius } => throw new AdqlTranslationException(TranslationErrorCode.Unsupported,
            "pg_sphere circles have radius of at most 90 degrees; use DISTANCE for larger cones"),
        SqlCircle circle => $"scircle({Native(circle.Center)}, radians({circle.Radius.Sql}))",
        SqlPolygon polygon => Polygon(polygon.Vertices),
        SqlBox box => Polygon(BoxCorners(box)),
        SqlStoredGeometry stored => Stored(stored),
        SqlNativeGeometry native => native.Sql,
        _ => throw new AdqlTranslationException(TranslationErrorCode.Unsupported, $"geometry {geometry.GetType().Name}"),
    };

    /// <summary>
    /// An spoly from its vertices: a literal in radians when constant, else the same text built from the values (float8
    /// to text is exact since PostgreSQL 12). pg_sphere takes either winding and keeps the smaller region, as ADQL does.
    /// </summary>
    private string Polygon(IReadOnlyList<SqlGeometry> vertices)
    {
        if (vertices.All(v => v.IsConstant))
        {
            var points = vertices.Cast<SqlPoint>().Select(v =>
                $"({Radians(v.Ra.Constant!.Value)},{Radians(v.Dec.Constant!.Value)})");
            return $"CAST('{{{string.Join(",", points)}}}' AS spoly)";
        }
        var parts = vertices.Select(v => v is SqlPoint p
            ? $"'(' || radians({p.Ra.Sql}) || ',' || radians({p.Dec.Sql}) || ')'"
            : $"'(' || long({Native(v)}) || ',' || lat({Native(v)}) || ')'");
        return $"CAST(('{{' || {string.Join(" || ',' || ", parts)} || '}}') AS spoly)";
    }

    private static string Radians(double degrees) => double.DegreesToRadians(degrees).ToString("R", CultureInfo.InvariantCulture);

    private static string Stored(SqlStoredGeometry stored)
    {
        var v = $"({stored.Value.Sql})";
        return stored.GeometryKind switch
        {
            SqlGeometryKind.Point => $"spoint(radians({v}[1]), radians({v}[2]))",
            SqlGeometryKind.Circle => $"scircle(spoint(radians({v}[1]), radians({v}[2])), radians({v}[3]))",
            _ => $"(SELECT spoly(spoint(radians({v}[2 * i - 1]), radians({v}[2 * i])) ORDER BY i) " +
                 $"FROM generate_series(1, array_length({v}, 1) / 2) AS g(i))",
        };
    }

    /// <summary>The corners of a constant BOX (STC: ±tan(w/2), ±tan(h/2) in the gnomonic plane at the centre), in the
    /// order NE, NW, SW, SE as VoServices.Sphere's SkyBox; pg_sphere's sbox is a longitude/latitude range, not this.</summary>
    private static SqlPoint[] BoxCorners(SqlBox box)
    {
        if (!box.IsConstant || box.Center is not SqlPoint center)
        {
            throw new AdqlTranslationException(TranslationErrorCode.Unsupported,
                "BOX with non-constant arguments is not supported by the PostgreSQL backend");
        }
        var lon = double.DegreesToRadians(center.Ra.Constant!.Value);
        var lat = double.DegreesToRadians(center.Dec.Constant!.Value);
        var (sinLon, cosLon) = Math.SinCos(lon);
        var (sinLat, cosLat) = Math.SinCos(lat);
        double[] east = [-sinLon, cosLon, 0];
        double[] north = [-sinLat * cosLon, -sinLat * sinLon, cosLat];
        double[] c = [cosLat * cosLon, cosLat * sinLon, sinLat];
        var tx = Math.Tan(double.DegreesToRadians(box.Width.Constant!.Value) / 2);
        var ty = Math.Tan(double.DegreesToRadians(box.Height.Constant!.Value) / 2);
        SqlPoint Corner(double sx, double sy)
        {
            var x = (sx * tx * east[0]) + (sy * ty * north[0]) + c[0];
            var y = (sx * tx * east[1]) + (sy * ty * north[1]) + c[1];
            var z = (sx * tx * east[2]) + (sy * ty * north[2]) + c[2];
            var ra = double.RadiansToDegrees(Math.Atan2(y, x));
            var dec = double.RadiansToDegrees(Math.Atan2(z, Math.Sqrt((x * x) + (y * y))));
            return new SqlPoint(Constant(ra < 0 ? ra + 360 : ra), Constant(dec));
        }
        return [Corner(1, 1), Corner(-1, 1), Corner(-1, -1), Corner(1, -1)];
    }

    private static SqlExpression Constant(double value)
    {
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        text = text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
        return new SqlExpression(value < 0 ? "(-" + text + ")" : text, SqlValueKind.Real) { Constant = value };
    }
}
