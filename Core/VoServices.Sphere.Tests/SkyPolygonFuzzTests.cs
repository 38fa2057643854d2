namespace VoServices.Sphere.Tests;

/// <summary>
/// Random star-shaped polygons (convex or not, either winding, anywhere including the poles and RA 0) checked
/// against an independent algorithm: the winding number, the sum of the angles the edges subtend at the point
/// (+2π inside for the interior-on-the-left order; 0 or −2π outside), which shares no code with the crossing-parity
/// and half-space tests of <see cref="SkyPolygon"/>.
/// </summary>
public sealed class SkyPolygonFuzzTests
{
    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 20.0)]
    [InlineData(3, 80.0)]
    [InlineData(4, 1e-5)]
    [InlineData(5, 1e-7)]
    public void Contains_RandomStarPolygons_AgreesWithWindingNumber(int seed, double maxRadius)
    {
        var random = new Random(seed);
        var checkedPoints = 0;
        for (var shape = 0; shape < 60; shape++)
        {
            var center = RandomPoint(random);
            var n = random.Next(3, 13);
            var radius = maxRadius * (0.2 + (0.8 * random.NextDouble()));
            var vertices = StarVertices(random, center, n, radius, clockwise: random.Next(2) == 0);
            var polygon = new SkyPolygon(vertices);
            var oriented = vertices.Select(v => v.Vector).ToArray();
            if (polygon.IsReversed)
            {
                Array.Reverse(oriented);
            }
            for (var k = 0; k < 150; k++)
            {
                var p = Offset(center, double.DegreesToRadians(radius * 1.3 * Math.Sqrt(random.NextDouble())), random.NextDouble() * 2 * Math.PI);
                if (BoundaryDistance(p.Vector, oriented) < Math.Max(1e-9 * double.DegreesToRadians(radius), 1e-13))
                {
                    continue;
                }
                Assert.True(Winding(p.Vector, oriented) == polygon.Contains(p), $"seed {seed} shape {shape} point {p}");
                checkedPoints++;
            }
        }
        Assert.True(checkedPoints > 8000);
    }

    private static SkyPoint RandomPoint(Random random) =>
        new(random.NextDouble() * 360, double.RadiansToDegrees(Math.Asin((2 * random.NextDouble()) - 1)));

    // Vertices at increasing position angles around the centre with random distances: a star-shaped polygon.
    private static SkyPoint[] StarVertices(Random random, SkyPoint center, int n, double radius, bool clockwise)
    {
        var angles = Enumerable.Range(0, n).Select(i => (i + (0.8 * random.NextDouble())) * 2 * Math.PI / n).ToArray();
        var points = angles.Select(a => Offset(center, double.DegreesToRadians(radius * (0.3 + (0.7 * random.NextDouble()))), a)).ToArray();
        if (clockwise)
        {
            Array.Reverse(points);
        }
        return points;
    }

    private static SkyPoint Offset(SkyPoint center, double distance, double angle)
    {
        var c = center.Vector;
        var (sinLon, cosLon) = Math.SinCos(double.DegreesToRadians(center.Lon));
        var (sinLat, cosLat) = Math.SinCos(double.DegreesToRadians(center.Lat));
        var east = new SkyVector(-sinLon, cosLon, 0);
        var north = new SkyVector(-sinLat * cosLon, -sinLat * sinLon, cosLat);
        var direction = (Math.Cos(angle) * east) + (Math.Sin(angle) * north);
        return SkyPoint.FromVector((Math.Cos(distance) * c) + (Math.Sin(distance) * direction));
    }

    private static bool Winding(SkyVector p, SkyVector[] v)
    {
        var total = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            var pa = p.Cross(v[i]);
            var pb = p.Cross(v[(i + 1) % v.Length]);
            total += Math.Atan2(pa.Cross(pb).Dot(p), pa.Dot(pb));
        }
        return total > Math.PI;
    }

    private static double BoundaryDistance(SkyVector p, SkyVector[] v)
    {
        var best = double.PositiveInfinity;
        for (var i = 0; i < v.Length; i++)
        {
            var a = v[i];
            var b = v[(i + 1) % v.Length];
            var n = (a + b).Cross(b - a).Normalize();
            var s = n.Dot(p);
            var q = p - (s * n);
            var within = n.Cross(a).Dot(q) >= 0 && n.Cross(b).Dot(q) <= 0;
            var d = within ? Math.Asin(Math.Min(1, Math.Abs(s))) : Math.Min(p.AngleTo(a), p.AngleTo(b));
            best = Math.Min(best, d);
        }
        return best;
    }
}
