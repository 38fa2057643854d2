namespace VoServices.Healpix.Tests;

public sealed class QueryDiscTests
{
    public static TheoryData<int, double, double, double> FixtureDiscs()
    {
        var data = new TheoryData<int, double, double, double>();
        foreach (var row in HealpyFixture.Rows("disc.csv").Where(r => r[4] == "exact"))
        {
            data.Add(HealpyFixture.Int(row[0]), HealpyFixture.Double(row[1]), HealpyFixture.Double(row[2]), HealpyFixture.Double(row[3]));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureDiscs))]
    public void QueryDisc_Exact_EqualsHealpy(int order, double lon, double lat, double radius)
    {
        var actual = new HealpixOrder(order).QueryDisc(lon, lat, radius, inclusive: false);
        RangeAlgebra.AssertCanonical(actual);
        Assert.Equal(Expected(order, lon, lat, radius, "exact"), actual);
    }

    // Inclusive contract: never miss an intersecting pixel, never add one that cannot intersect.
    //  ⊇ healpy exact (centres inside); ⊇ the parents of healpy's exact set 3 orders deeper (each of those parents
    //  holds a point of the disc); ⊆ "bound" (centre within r + 1.01·max_pixrad: anything else cannot touch the disc);
    //  ⊆ healpy inclusive with the loosest fact = 1. Tests down to order+2 give exactly healpy's fact = 4 set.
    [Theory]
    [MemberData(nameof(FixtureDiscs))]
    public void QueryDisc_Inclusive_ContainsEveryIntersectingPixelAndMatchesHealpyFact4(int order, double lon, double lat, double radius)
    {
        var actual = new HealpixOrder(order).QueryDisc(lon, lat, radius, inclusive: true);
        RangeAlgebra.AssertCanonical(actual);
        Assert.Empty(RangeAlgebra.Subtract(Expected(order, lon, lat, radius, "exact"), actual));
        if (order <= 12)
        {
            var touched = RangeAlgebra.Parents(Expected(order, lon, lat, radius, "deep"), 3);
            Assert.Empty(RangeAlgebra.Subtract(touched, actual));
        }
        Assert.Empty(RangeAlgebra.Subtract(actual, Expected(order, lon, lat, radius, "bound")));
        Assert.Empty(RangeAlgebra.Subtract(actual, Expected(order, lon, lat, radius, "inclusive1")));
        Assert.Equal(Expected(order, lon, lat, radius, "inclusive4"), actual);
    }

    [Theory]
    [InlineData(0.0, 90.0, true)]
    [InlineData(0.0, 90.0, false)]
    [InlineData(201.69, -47.48, false)]
    [InlineData(359.9999999, 0.0, true)]
    [InlineData(45.0, 41.810314895778596, false)]
    public void QueryDisc_Order29OneArcsecond_MatchesAreaWithoutEnumeratingPixels(double lon, double lat, bool inclusive)
    {
        var grid = new HealpixOrder(29);
        double radius = 1.0 / 3600.0, r = radius * Math.PI / 180.0;
        var ranges = grid.QueryDisc(lon, lat, radius, inclusive);
        RangeAlgebra.AssertCanonical(ranges);
        // ~2.1e7 pixels in a few thousand ranges; the count must match the cap area to within the boundary band.
        double area = 2 * Math.PI * (1 - Math.Cos(r)) / grid.PixelAreaSr;
        double band = 2 * Math.PI * r * (inclusive ? 4 : 2) * grid.MaxPixelRadius / grid.PixelAreaSr;
        Assert.InRange(RangeAlgebra.Count(ranges), area - band, area + band);
        Assert.InRange(ranges.Count, 100, 50_000);
        Assert.Contains(ranges, x => x.Contains(grid.AngToPix(lon, lat)));
        var centre = new LonLat(lon, lat).ToVector();
        foreach (var range in ranges.Where((_, i) => i % 97 == 0))
        {
            foreach (long pix in new[] { range.Start, range.EndExclusive - 1 })
            {
                double d = centre.AngleTo(grid.PixToVec(pix));
                Assert.True(d <= (inclusive ? r + grid.MaxPixelRadius : r), $"pixel {pix} at {d} rad");
            }
        }
    }

    [Fact]
    public void QueryDisc_Order29ExactVersusNeighbours_BoundaryIsSharp()
    {
        // Every pixel just outside the exact result has its centre outside the disc.
        var grid = new HealpixOrder(29);
        double r = 0.2 / 3600.0 * Math.PI / 180.0;
        var centre = new LonLat(123.456, -89.99).ToVector();
        var ranges = grid.QueryDisc(centre, r, inclusive: false);
        Span<long> around = stackalloc long[8];
        foreach (var range in ranges.Take(200))
        {
            grid.Neighbours(range.Start, around);
            foreach (long n in around)
            {
                bool inside = ranges.Any(x => x.Contains(n));
                Assert.Equal(inside, centre.AngleTo(grid.PixToVec(n)) <= r);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(29)]
    public void QueryDisc_Radius180_WholeSphere(int order)
    {
        var grid = new HealpixOrder(order);
        Assert.Equal([new HealpixRange(0, grid.NPix)], grid.QueryDisc(12.0, -3.0, 180.0, inclusive: false));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(29)]
    public void QueryDisc_RadiusZeroInclusive_HoldsThePointsPixel(int order)
    {
        var grid = new HealpixOrder(order);
        var ranges = grid.QueryDisc(33.3, 44.4, 0.0, inclusive: true);
        Assert.Contains(ranges, x => x.Contains(grid.AngToPix(33.3, 44.4)));
        Assert.InRange(RangeAlgebra.Count(ranges), 1, 4);
    }

    [Theory]
    [InlineData(0.0, 0.0, -1.0)]
    [InlineData(0.0, 0.0, double.NaN)]
    [InlineData(0.0, 0.0, double.PositiveInfinity)]
    [InlineData(0.0, 95.0, 1.0)]
    [InlineData(double.NaN, 0.0, 1.0)]
    public void QueryDisc_InvalidArguments_ThrowsArgumentOutOfRange(double lon, double lat, double radius) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HealpixOrder(8).QueryDisc(lon, lat, radius, inclusive: true));

    private static List<HealpixRange> Expected(int order, double lon, double lat, double radius, string kind) =>
        HealpyFixture.Ranges(HealpyFixture.Rows("disc.csv").Single(r =>
            HealpyFixture.Int(r[0]) == order && HealpyFixture.Double(r[1]) == lon && HealpyFixture.Double(r[2]) == lat
            && HealpyFixture.Double(r[3]) == radius && r[4] == kind)[5]);
}
