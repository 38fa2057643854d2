using System.Globalization;
using VoServices.Adql.Ast;
using VoServices.Adql.Translation;
using VoServices.Healpix;
using VoServices.Sphere;

namespace VoServices.Storage.Sqlite.Adql;

public sealed partial class SqliteSqlDialect
{
    /// <summary>At most this many HEALPix ranges in a constant cone's prefilter.</summary>
    private const int MaxConstantRanges = 32;

    /// <summary>Ranges per row of a crossmatch prefilter (slots of adql_hpx_lo/hi).</summary>
    private const int CrossmatchSlots = 8;

    /// <inheritdoc/>
    public string SpatialCondition(SpatialPredicate predicate, bool negated)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var exact = Exact(predicate);
        if (negated)
        {
            return $"(NOT {exact})";
        }
        return Prefilter(predicate) is { } prefilter ? $"({prefilter} AND {exact})" : exact;
    }

    private string Exact(SpatialPredicate p) => p.Relation switch
    {
        SpatialRelation.Contains => $"({ContainsValue(p.First, p.Second)} = 1)",
        SpatialRelation.Intersects => $"(adql_intersects({Native(p.First)}, {Native(p.Second)}) = 1)",
        _ => $"({DistanceValue(p.First, p.Second)} {PortableSql.ComparisonSymbol(p.Operator!.Value)} {p.Limit!.Sql})",
    };

    private string ContainsValue(SqlGeometry inner, SqlGeometry outer) => (inner, outer) switch
    {
        (SqlPoint p, SqlCircle { Center: SqlPoint c } circle) when !outer.IsConstant =>
            $"adql_in_circle({p.Ra.Sql}, {p.Dec.Sql}, {c.Ra.Sql}, {c.Dec.Sql}, {circle.Radius.Sql})",
        (SqlPoint p, _) => $"adql_contains_point({p.Ra.Sql}, {p.Dec.Sql}, {Native(outer)})",
        _ => $"adql_contains({Native(inner)}, {Native(outer)})",
    };

    private string DistanceValue(SqlGeometry first, SqlGeometry second) => (first, second) switch
    {
        (SqlPoint p, SqlPoint q) => $"adql_distance({p.Ra.Sql}, {p.Dec.Sql}, {q.Ra.Sql}, {q.Dec.Sql})",
        _ => $"adql_distance_of({Native(first)}, {Native(second)})",
    };

    /// <summary>
    /// The HEALPix condition implied by a cone or crossmatch on an indexed position: the indexed point must lie within a
    /// radius of a centre that does not depend on its own row. Null when no index helps.
    /// </summary>
    private string? Prefilter(SpatialPredicate p)
    {
        // When both points of a crossmatch are indexed, both conditions are written: SQLite then probes the index of
        // whichever table it puts in the inner loop.
        var conditions = new List<string?>();
        switch (p.Relation)
        {
            case SpatialRelation.Contains when p.First is SqlPoint point:
                if (point.Position is { } position && !p.Second.Correlations.Contains(position.Correlation))
                {
                    conditions.Add(ConePrefilter(position, p.Second));
                }
                if (p.Second is SqlCircle { Center: SqlPoint { Position: { } centerPosition } } circle
                    && !point.Correlations.Contains(centerPosition.Correlation)
                    && !circle.Radius.Correlations.Contains(centerPosition.Correlation))
                {
                    // CONTAINS(POINT(u), CIRCLE(t, r)): t lies within r of u.
                    conditions.Add(Ranges(centerPosition, point, circle.Radius));
                }
                break;
            case SpatialRelation.Distance when p.Operator is ComparisonOperator.LessThan or ComparisonOperator.LessThanOrEqual:
                conditions.Add(DistancePrefilter(p.First, p.Second, p.Limit!));
                conditions.Add(DistancePrefilter(p.Second, p.First, p.Limit!));
                break;
        }
        var written = conditions.OfType<string>().ToList();
        return written.Count == 0 ? null : string.Join(" AND ", written);
    }

    private string? DistancePrefilter(SqlGeometry indexed, SqlGeometry other, SqlExpression radius) =>
        indexed is SqlPoint { Position: { } position } && other is SqlPoint center
        && !center.Correlations.Contains(position.Correlation) && !radius.Correlations.Contains(position.Correlation)
            ? Ranges(position, center, radius)
            : null;

    private string? ConePrefilter(IndexedPosition position, SqlGeometry region)
    {
        if (region is SqlCircle { Center: SqlPoint center } circle)
        {
            return Ranges(position, center, circle.Radius);
        }
        if (!region.IsConstant)
        {
            return null;
        }
        var bound = ConstantShape(region).BoundingCircle;
        return ConstantRanges(position, bound.Center.Lon, bound.Center.Lat, bound.Radius);
    }

    private string? Ranges(IndexedPosition position, SqlPoint center, SqlExpression radius)
    {
        if (center.Ra.Constant is { } ra && center.Dec.Constant is { } dec && radius.Constant is { } r)
        {
            return ConstantRanges(position, ra, dec, r);
        }
        var column = HealpixColumn(position);
        var terms = Enumerable.Range(0, CrossmatchSlots).Select(k =>
        {
            var args = $"{center.Ra.Sql}, {center.Dec.Sql}, {radius.Sql}, {k.ToString(CultureInfo.InvariantCulture)}";
            return $"{column} BETWEEN adql_hpx_lo({args}) AND adql_hpx_hi({args})";
        });
        return "(" + string.Join(" OR ", terms) + ")";
    }

    private string? ConstantRanges(IndexedPosition position, double ra, double dec, double radius)
    {
        if (radius >= 180 || double.IsNaN(radius))
        {
            return null;
        }
        var ranges = HealpixPrefilter.Ranges(ra, dec, Math.Max(radius, 0), SqliteHealpixIndex.Order, MaxConstantRanges,
            cellsPerRadius: 16);
        var column = HealpixColumn(position);
        return "(" + string.Join(" OR ", ranges.Select(r => Range(column, r))) + ")";
    }

    private static string Range(string column, HealpixRange range) => range.Length == 1
        ? $"{column} = {range.Start.ToString(CultureInfo.InvariantCulture)}"
        : $"{column} BETWEEN {range.Start.ToString(CultureInfo.InvariantCulture)} AND " +
          $"{(range.EndExclusive - 1).ToString(CultureInfo.InvariantCulture)}";

    private string HealpixColumn(IndexedPosition position) =>
        QuoteIdentifier(position.Correlation) + "." + QuoteIdentifier(SqliteHealpixIndex.ColumnName);

    /// <inheritdoc/>
    public SqlExpression GeometryFunction(string name, IReadOnlyList<SqlGeometry> arguments) =>
        PortableSql.GeometryFunction(name, arguments, GeometryFunctionSql);

    private string? GeometryFunctionSql(string name, IReadOnlyList<SqlGeometry> g) => name switch
    {
        "CONTAINS" => ContainsValue(g[0], g[1]),
        "INTERSECTS" => $"adql_intersects({Native(g[0])}, {Native(g[1])})",
        "DISTANCE" => DistanceValue(g[0], g[1]),
        "COORD1" => $"adql_coord1({Native(g[0])})",
        "COORD2" => $"adql_coord2({Native(g[0])})",
        "AREA" => $"adql_area({Native(g[0])})",
        _ => null,
    };

    /// <inheritdoc/>
    public SqlGeometry Centroid(SqlGeometry geometry) => PortableSql.ConstructedCentroid(geometry)
        ?? new SqlNativeGeometry(SqlGeometryKind.Point, $"adql_centroid({Native(geometry)})", geometry.Correlations);

    /// <inheritdoc/>
    /// <remarks>DALI text: constructors write their coordinates as given; other values (columns, CENTROID) as stored.</remarks>
    public string GeometryValue(SqlGeometry geometry) => geometry switch
    {
        SqlStoredGeometry stored => stored.Value.Sql,
        SqlPoint p => $"adql_dali({p.Ra.Sql}, {p.Dec.Sql})",
        SqlCircle { Center: SqlPoint c } circle => $"adql_dali({c.Ra.Sql}, {c.Dec.Sql}, {circle.Radius.Sql})",
        SqlPolygon polygon when polygon.Vertices.All(v => v is SqlPoint) =>
            $"adql_dali({string.Join(", ", polygon.Vertices.Cast<SqlPoint>().Select(v => $"{v.Ra.Sql}, {v.Dec.Sql}"))})",
        _ => $"adql_dali_of({Native(geometry)})",
    };

    /// <summary>The <see cref="SqliteGeometryCodec"/> BLOB of a geometry: a literal when constant (checked now), else a call.</summary>
    private string Native(SqlGeometry geometry)
    {
        if (geometry.IsConstant)
        {
            ConstantShape(geometry);
            var (kind, values) = Coordinates(geometry);
            return "X'" + Convert.ToHexString(SqliteGeometryCodec.Encode(kind, values)) + "'";
        }
        return geometry switch
        {
            SqlPoint p => $"adql_point({p.Ra.Sql}, {p.Dec.Sql})",
            SqlCircle { Center: SqlPoint c } circle => $"adql_circle({c.Ra.Sql}, {c.Dec.Sql}, {circle.Radius.Sql})",
            SqlCircle circle => $"adql_circle_at({Native(circle.Center)}, {circle.Radius.Sql})",
            SqlBox { Center: SqlPoint c } box => $"adql_box({c.Ra.Sql}, {c.Dec.Sql}, {box.Width.Sql}, {box.Height.Sql})",
            SqlBox box => $"adql_box_at({Native(box.Center)}, {box.Width.Sql}, {box.Height.Sql})",
            SqlPolygon polygon when polygon.Vertices.All(v => v is SqlPoint) =>
                $"adql_polygon({string.Join(", ", polygon.Vertices.Cast<SqlPoint>().Select(v => $"{v.Ra.Sql}, {v.Dec.Sql}"))})",
            SqlPolygon polygon => $"adql_polygon_of({string.Join(", ", polygon.Vertices.Select(Native))})",
            SqlStoredGeometry stored =>
                $"adql_dali_geometry('{stored.GeometryKind.ToString().ToLowerInvariant()}', {stored.Value.Sql})",
            SqlNativeGeometry native => native.Sql,
            _ => throw new AdqlTranslationException(TranslationErrorCode.Unsupported, $"geometry {geometry.GetType().Name}"),
        };
    }

    private static (SqliteGeometryKind, double[]) Coordinates(SqlGeometry geometry) => geometry switch
    {
        SqlPoint p => (SqliteGeometryKind.Point, [p.Ra.Constant!.Value, p.Dec.Constant!.Value]),
        SqlCircle c => (SqliteGeometryKind.Circle, [.. Coordinates(c.Center).Item2, c.Radius.Constant!.Value]),
        SqlBox b => (SqliteGeometryKind.Box, [.. Coordinates(b.Center).Item2, b.Width.Constant!.Value, b.Height.Constant!.Value]),
        SqlPolygon polygon => (SqliteGeometryKind.Polygon, [.. polygon.Vertices.SelectMany(v => Coordinates(v).Item2)]),
        _ => throw new AdqlTranslationException(TranslationErrorCode.Unsupported, "constant geometry"),
    };

    /// <summary>The shape of a constant geometry, checked by Sphere (typed error for an invalid polygon or box).</summary>
    private static ISkyShape ConstantShape(SqlGeometry geometry)
    {
        try
        {
            var (kind, values) = Coordinates(geometry);
            return SqliteGeometryCodec.Shape(kind, values);
        }
        catch (SkyShapeException e)
        {
            throw new AdqlTranslationException(TranslationErrorCode.InvalidGeometry, e.Message);
        }
    }
}
