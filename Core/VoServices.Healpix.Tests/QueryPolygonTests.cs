namespace VoServices.Healpix.Tests;

public sealed class QueryPolygonTests
{
    public static TheoryData<int, string> FixturePolygons()
    {
        var data = new TheoryData<int, string>();
        foreach (var row in HealpyFixture.Rows("polygon.csv").Where(r => r[2] == "exact"))
        {
            data.Add(HealpyFixture.Int(row[0]), row[1]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FixturePolygons))]
    public void QueryPolygon_Exact_EqualsHealpy(int order, string vertices)
    {
        var actual = new HealpixOrder(order).QueryPolygon(HealpyFixture.Vertices(vertices), inclusive: false);
        RangeAlgebra.AssertCanonical(actual);
        Assert.Equal(Expected(order, vertices, "exact"), actual);
    }

    // Same contract as QueryDisc_Inclusive_…: ⊇ exact, ⊇ parents of the exact set 3 orders deeper, ⊆ the grown
    // polygon, ⊆ healpy fact = 1.
    [Theory]
    [MemberData(nameof(FixturePolygons))]
    public void QueryPolygon_Inclusive_ContainsEveryIntersectingPixel(int order, string vertices)
    {
        var actual = new HealpixOrder(order).QueryPolygon(HealpyFixture.Vertices(vertices), inclusive: true);
        RangeAlgebra.AssertCanonical(actual);
        Assert.Empty(RangeAlgebra.Subtract(Expected(order, vertices, "exact"), actual));
        Assert.Empty(RangeAlgebra.Subtract(RangeAlgebra.Parents(Expected(order, vertices, "deep"), 3), actual));
        Assert.Empty(RangeAlgebra.Subtract(actual, Expected(order, vertices, "bound")));
        Assert.Empty(RangeAlgebra.Subtract(actual, Expected(order, vertices, "inclusive1")));
    }

    [Theory]
    [MemberData(nameof(FixturePolygons))]
    public void QueryPolygon_ReversedWinding_SameResult(int order, string vertices)
    {
        var grid = new HealpixOrder(order);
        var v = HealpyFixture.Vertices(vertices);
        var reversed = Enumerable.Reverse(v).ToList();
        Assert.Equal(grid.QueryPolygon(v, inclusive: false), grid.QueryPolygon(reversed, inclusive: false));
    }

    [Fact]
    public void QueryPolygon_Order29TinyTriangle_FastAndInside()
    {
        var grid = new HealpixOrder(29);
        var v = new List<LonLat> { new(10.0, 20.0), new(10.0003, 20.0), new(10.0, 20.0003) };
        var ranges = grid.QueryPolygon(v, inclusive: false);
        RangeAlgebra.AssertCanonical(ranges);
        // A right triangle of ~1.08″ × 1.08″ legs (lon scaled by cos 20°): ~4.8e6 order-29 pixels.
        double legLat = 0.0003 * Math.PI / 180, legLon = legLat * Math.Cos(20.0 * Math.PI / 180);
        double expected = legLat * legLon / 2 / grid.PixelAreaSr;
        Assert.InRange(RangeAlgebra.Count(ranges), expected * 0.99, expected * 1.01);
    }

    [Fact]
    public void QueryPolygon_NotConvex_ThrowsArgument()
    {
        var dart = new List<LonLat> { new(0, 0), new(10, 5), new(0, 10), new(3, 5) };
        var e = Assert.Throws<ArgumentException>(() => new HealpixOrder(5).QueryPolygon(dart, inclusive: false));
        Assert.Contains("convex", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QueryPolygon_Pentagram_ThrowsArgument()
    {
        // Vertices of a convex pentagon visited in star order: healpy's next-but-one test accepts it, we do not.
        var star = Enumerable.Range(0, 5).Select(i => new LonLat(((i * 2) % 5) * 72.0, 60.0)).ToList();
        Assert.Throws<ArgumentException>(() => new HealpixOrder(5).QueryPolygon(star, inclusive: false));
    }

    [Theory]
    [InlineData("0:0;10:0")]
    [InlineData("0:0;10:0;10:0;5:5")]
    [InlineData("0:0;5:0;10:0;5:5")]
    [InlineData("0:0;180:0;90:45")]
    public void QueryPolygon_Degenerate_ThrowsArgument(string vertices) =>
        Assert.Throws<ArgumentException>(() => new HealpixOrder(5).QueryPolygon(HealpyFixture.Vertices(vertices), inclusive: true));

    [Fact]
    public void QueryPolygon_BadLatitude_ThrowsArgumentOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new HealpixOrder(5).QueryPolygon([new LonLat(0, 0), new LonLat(10, 0), new LonLat(5, 100)], inclusive: true));

    private static List<HealpixRange> Expected(int order, string vertices, string kind) =>
        HealpyFixture.Ranges(HealpyFixture.Rows("polygon.csv").Single(r => HealpyFixture.Int(r[0]) == order && r[1] == vertices && r[2] == kind)[3]);
}
