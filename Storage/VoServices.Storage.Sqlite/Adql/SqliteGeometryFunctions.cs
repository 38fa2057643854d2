using Microsoft.Data.Sqlite;
using VoServices.Sphere;

namespace VoServices.Storage.Sqlite.Adql;

/// <summary>
/// The ADQL geometry functions of the embedded backend (ADQL 2.1 §4.2), evaluated with <see cref="VoServices.Sphere"/>:
/// constructors give <see cref="SqliteGeometryCodec"/> BLOBs, predicates 1/0, measures degrees and square degrees, and
/// <c>adql_dali</c>/<c>adql_dali_of</c> the DALI text of results. Part of <see cref="SqliteAdqlFunctions.Register"/>.
/// </summary>
internal static class SqliteGeometryFunctions
{
    public static void Register(SqliteConnection c)
    {
        var shapes = new ShapeCache();
        c.CreateFunction("adql_point", (double? ra, double? dec) => Make(SqliteGeometryKind.Point, ra, dec), true);
        c.CreateFunction("adql_circle", (double? ra, double? dec, double? r) => Make(SqliteGeometryKind.Circle, ra, dec, r), true);
        c.CreateFunction("adql_circle_at", (byte[]? p, double? r) => At(SqliteGeometryKind.Circle, p, r), true);
        c.CreateFunction("adql_box", (double? ra, double? dec, double? w, double? h) => Make(SqliteGeometryKind.Box, ra, dec, w, h), true);
        c.CreateFunction("adql_box_at", (byte[]? p, double? w, double? h) => At(SqliteGeometryKind.Box, p, w, h), true);
        c.CreateFunction("adql_polygon", (object?[] args) => Make(SqliteGeometryKind.Polygon, [.. args.Select(Number)]), true);
        c.CreateFunction("adql_polygon_of", (object?[] args) => PolygonOf(args), true);
        c.CreateFunction("adql_dali_geometry", (string? kind, string? text) =>
            kind is null || text is null ? null : SqliteGeometryCodec.FromDali(Enum.Parse<SqliteGeometryKind>(kind, true), text), true);
        c.CreateFunction("adql_contains", (byte[]? a, byte[]? b) =>
            a is null || b is null ? null : Flag(shapes.Get(b).Contains(shapes.GetOther(a))), true);
        c.CreateFunction("adql_contains_point", (double? ra, double? dec, byte[]? b) =>
            ra is null || dec is null || b is null ? null : Flag(shapes.Get(b).Contains(new SkyPoint(ra.Value, dec.Value))), true);
        c.CreateFunction("adql_in_circle", (double? ra, double? dec, double? cra, double? cdec, double? r) =>
            ra is null || dec is null || cra is null || cdec is null || r is null ? null
                : Flag(new SkyCircle(cra.Value, cdec.Value, r.Value).Contains(new SkyPoint(ra.Value, dec.Value))), true);
        c.CreateFunction("adql_intersects", (byte[]? a, byte[]? b) =>
            a is null || b is null ? null : Flag(shapes.Get(b).Intersects(shapes.GetOther(a))), true);
        c.CreateFunction("adql_distance", (double? ra1, double? dec1, double? ra2, double? dec2) =>
            ra1 is null || dec1 is null || ra2 is null || dec2 is null ? null
                : (double?)SkyDistance.Degrees(new SkyPoint(ra1.Value, dec1.Value), new SkyPoint(ra2.Value, dec2.Value)), true);
        c.CreateFunction("adql_distance_of", (byte[]? p, byte[]? q) =>
            p is null || q is null ? null : (double?)SkyDistance.Degrees(PointOf(p), PointOf(q)), true);
        c.CreateFunction("adql_coord1", (byte[]? p) => p is null ? null : (double?)PointOf(p).Lon, true);
        c.CreateFunction("adql_coord2", (byte[]? p) => p is null ? null : (double?)PointOf(p).Lat, true);
        c.CreateFunction("adql_area", (byte[]? g) => g is null ? null : (double?)shapes.Get(g).Area, true);
        c.CreateFunction("adql_centroid", (byte[]? g) => g is null ? null : Centroid(shapes.Get(g)), true);
        c.CreateFunction("adql_dali", (object?[] args) => Dali(args), true);
        c.CreateFunction("adql_dali_of", (byte[]? g) => g is null ? null : DaliOf(g), true);
    }

    private static long? Flag(bool value) => value ? 1 : 0;

    private static double? Number(object? value) => value switch
    {
        null => null,
        long l => l,
        double d => d,
        _ => throw new SkyShapeException("a geometry coordinate must be a number"),
    };

    private static byte[]? Make(SqliteGeometryKind kind, params double?[] values)
    {
        if (values.Any(v => v is null))
        {
            return null;
        }
        var numbers = values.Select(v => v!.Value).ToArray();
        SqliteGeometryCodec.Shape(kind, numbers); // validates now: a bad constructor fails where it is written
        return SqliteGeometryCodec.Encode(kind, numbers);
    }

    private static byte[]? At(SqliteGeometryKind kind, byte[]? point, params double?[] sizes)
    {
        if (point is null)
        {
            return null;
        }
        var center = PointOf(point);
        return Make(kind, [center.Lon, center.Lat, .. sizes]);
    }

    private static byte[]? PolygonOf(object?[] args)
    {
        var coordinates = new List<double?>();
        foreach (var arg in args)
        {
            if (arg is null)
            {
                return null;
            }
            var p = PointOf(arg as byte[] ?? throw new SkyShapeException("a polygon vertex must be a point"));
            coordinates.Add(p.Lon);
            coordinates.Add(p.Lat);
        }
        return Make(SqliteGeometryKind.Polygon, [.. coordinates]);
    }

    private static SkyPoint PointOf(byte[] blob)
    {
        var (kind, values) = SqliteGeometryCodec.Read(blob);
        return kind == SqliteGeometryKind.Point && values.Length == 2
            ? new SkyPoint(values[0], values[1])
            : throw new SkyShapeException($"a point is expected, not a {kind.ToString().ToLowerInvariant()}");
    }

    private static byte[] Centroid(ISkyShape shape)
    {
        var c = shape.Centroid;
        return SqliteGeometryCodec.Encode(SqliteGeometryKind.Point, [c.Lon, c.Lat]);
    }

    private static string? Dali(object?[] args)
    {
        var values = args.Select(Number).ToArray();
        return values.Any(v => v is null) ? null : SqliteGeometryCodec.Dali(values.Select(v => v!.Value).ToArray());
    }

    private static string DaliOf(byte[] blob)
    {
        var (kind, values) = SqliteGeometryCodec.Read(blob);
        return SqliteGeometryCodec.Dali(kind, values);
    }

    /// <summary>
    /// The decoded shapes of the last two distinct BLOBs seen, per connection: a constant shape (a cone, a polygon) is
    /// decoded once per statement, not once per row (building a polygon is O(n²)).
    /// </summary>
    private sealed class ShapeCache
    {
        private byte[]? firstKey;
        private ISkyShape? first;
        private byte[]? secondKey;
        private ISkyShape? second;

        public ISkyShape Get(byte[] blob)
        {
            if (firstKey is not null && blob.AsSpan().SequenceEqual(firstKey))
            {
                return first!;
            }
            var (kind, values) = SqliteGeometryCodec.Read(blob);
            first = SqliteGeometryCodec.Shape(kind, values);
            firstKey = blob;
            return first;
        }

        public ISkyShape GetOther(byte[] blob)
        {
            if (secondKey is not null && blob.AsSpan().SequenceEqual(secondKey))
            {
                return second!;
            }
            var (kind, values) = SqliteGeometryCodec.Read(blob);
            second = SqliteGeometryCodec.Shape(kind, values);
            secondKey = blob;
            return second;
        }
    }
}
