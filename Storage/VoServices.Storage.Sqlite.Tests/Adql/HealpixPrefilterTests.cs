using System.Globalization;
using VoServices.Healpix;
using VoServices.Sphere;
using VoServices.Storage.Sqlite.Adql;
using VoServices.Testing;

namespace VoServices.Storage.Sqlite.Tests.Adql;

/// <summary>The HEALPix ranges never miss a row of the cone (the exact test only removes rows), whatever the cap.</summary>
public sealed class HealpixPrefilterTests
{
    private static readonly Lazy<(double Ra, double Dec)[]> Stars = new(() =>
    {
        using var reader = new StreamReader(new System.IO.Compression.GZipStream(
            File.OpenRead(Path.Combine(SharedData.RepoRoot, "demo", "data", "hipparcos_vmag_lt7.csv.gz")),
            System.IO.Compression.CompressionMode.Decompress));
        reader.ReadLine();
        var stars = new List<(double, double)>();
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split(',');
            stars.Add((double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)));
        }
        return [.. stars];
    });

    [Theory]
    [InlineData(83.8221, -5.3911, 3.0, 32)]
    [InlineData(0.0, 0.0, 5.0, 32)]
    [InlineData(359.9, 45.0, 2.0, 8)]
    [InlineData(0.0, 90.0, 6.0, 8)]
    [InlineData(123.4, -90.0, 10.0, 4)]
    [InlineData(266.4, -29.0, 60.0, 32)]
    [InlineData(10.0, 20.0, 0.01, 8)]
    [InlineData(201.7, -47.5, 1.0, 1)]
    public void Ranges_Cone_CoverEveryStarWithinTheRadius(double ra, double dec, double radius, int maxRanges)
    {
        var ranges = HealpixPrefilter.Ranges(ra, dec, radius, SqliteHealpixIndex.Order, maxRanges, cellsPerRadius: 16);
        Assert.InRange(ranges.Count, 1, maxRanges);
        var grid = new HealpixOrder(SqliteHealpixIndex.Order);
        var inside = Stars.Value.Where(s => SkyDistance.Degrees(ra, dec, s.Ra, s.Dec) <= radius).ToList();
        Assert.All(inside, s => Assert.Contains(ranges, r => r.Contains(grid.AngToPix(s.Ra, s.Dec))));
        // Sorted and disjoint.
        Assert.All(ranges.Zip(ranges.Skip(1)), p => Assert.True(p.First.EndExclusive < p.Second.Start));
    }

    /// <summary>
    /// Discs smaller than a cell (crossmatch radii) take the neighbour walk: points anywhere within the radius, including
    /// near the poles, at RA 0 and on the disc's edge, fall in the ranges.
    /// </summary>
    [Theory]
    [InlineData(1.0 / 3600)]
    [InlineData(10.0 / 3600)]
    [InlineData(0.014)]
    public void Ranges_DiscSmallerThanACell_CoverPointsOnAndInsideTheEdge(double radius)
    {
        var random = new Random(12345);
        var grid = new HealpixOrder(SqliteHealpixIndex.Order);
        (double Ra, double Dec)[] fixedCentres = [(0, 0), (359.9999, 0.0001), (0, 90), (45, 89.999), (123, -89.9999), (90, 41.8103149)];
        var centres = fixedCentres.Concat(Enumerable.Range(0, 300).Select(_ =>
            (Ra: random.NextDouble() * 360, Dec: double.RadiansToDegrees(Math.Asin((2 * random.NextDouble()) - 1)))));
        foreach (var (ra, dec) in centres)
        {
            var ranges = HealpixPrefilter.Ranges(ra, dec, radius, SqliteHealpixIndex.Order, 8, cellsPerRadius: 2);
            for (var i = 0; i < 40; i++)
            {
                var distance = i < 20 ? radius * (1 - 1e-12) : radius * random.NextDouble();
                var (pr, pd) = Destination(ra, dec, random.NextDouble() * 360, distance);
                Assert.True(SkyDistance.Degrees(ra, dec, pr, pd) <= radius * (1 + 1e-6), "test point outside the disc");
                var cell = grid.AngToPix(pr, pd);
                Assert.True(ranges.Any(r => r.Contains(cell)), $"({pr}, {pd}) at {distance} deg from ({ra}, {dec}) is outside the ranges");
            }
        }
    }

    /// <summary>The point at <paramref name="distance"/> degrees from (ra, dec) along <paramref name="bearing"/>, by
    /// vectors (cos d·p + sin d·(cos b·north + sin b·east)), which stays accurate for tiny distances and at the poles.</summary>
    private static (double Ra, double Dec) Destination(double ra, double dec, double bearing, double distance)
    {
        var (sinL, cosL) = Math.SinCos(double.DegreesToRadians(ra));
        var (sinP, cosP) = Math.SinCos(double.DegreesToRadians(dec));
        var (sinB, cosB) = Math.SinCos(double.DegreesToRadians(bearing));
        var (sinD, cosD) = Math.SinCos(double.DegreesToRadians(distance));
        double[] p = [cosP * cosL, cosP * sinL, sinP];
        double[] north = [-sinP * cosL, -sinP * sinL, cosP];
        double[] east = [-sinL, cosL, 0];
        var q = Enumerable.Range(0, 3).Select(i => (cosD * p[i]) + (sinD * ((cosB * north[i]) + (sinB * east[i])))).ToArray();
        var lon = double.RadiansToDegrees(Math.Atan2(q[1], q[0]));
        return (lon < 0 ? lon + 360 : lon, double.RadiansToDegrees(Math.Atan2(q[2], Math.Sqrt((q[0] * q[0]) + (q[1] * q[1])))));
    }

    [Fact]
    public void Ranges_SmallCone_PrunesMostOfTheSky()
    {
        var ranges = HealpixPrefilter.Ranges(83.8, -5.4, 1, SqliteHealpixIndex.Order, 32, cellsPerRadius: 16);
        var covered = ranges.Sum(r => r.Length) * new HealpixOrder(SqliteHealpixIndex.Order).PixelAreaSr;
        Assert.InRange(covered, 0, 4 * SquareDegrees.ToSteradians(Math.PI));
    }

    [Theory]
    [InlineData(-1.0, 0)]
    [InlineData(180.0, 1)]
    public void Ranges_DegenerateRadius_NoneOrAll(double radius, int count)
    {
        var ranges = HealpixPrefilter.Ranges(10, 20, radius, 12, 8, 2);
        Assert.Equal(count, ranges.Count);
    }

    [Fact]
    public void MergeSmallestGaps_KeepsTheLargestGapsOpen()
    {
        HealpixRange[] ranges = [new(0, 2), new(3, 4), new(10, 11), new(12, 13), new(40, 41)];
        Assert.Equal([new HealpixRange(0, 13), new HealpixRange(40, 41)], HealpixPrefilter.MergeSmallestGaps(ranges, 2));
        Assert.Equal([new HealpixRange(0, 4), new HealpixRange(10, 13), new HealpixRange(40, 41)], HealpixPrefilter.MergeSmallestGaps(ranges, 3));
        Assert.Equal(ranges, HealpixPrefilter.MergeSmallestGaps(ranges, 5));
    }
}
