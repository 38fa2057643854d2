namespace VoServices.Sphere.Tests;

public sealed class SkyPolygonTests
{
    [Theory]
    [InlineData(new double[] { 10, 10, 20, 10 }, "at least 6 coordinates")]
    [InlineData(new double[] { 10, 10, 20, 10, 10, 10 }, "at least 3 distinct vertices")]
    [InlineData(new double[] { 10, 10, 10, 10, 20, 10, 20, 10 }, "at least 3 distinct vertices")]
    [InlineData(new double[] { 0, 0, 180, 0, 90, 45 }, "antipodal")]
    [InlineData(new double[] { 0, 0, 10, 10, 10, 0, 0, 10 }, "cross each other")]
    [InlineData(new double[] { 0, 0, 10, 0, 20, 0, 5, 0 }, "fold back")]
    [InlineData(new double[] { 0, 0, 10, 0, 10, 10, 5, 0, 0, 10 }, "lies on edge")]
    [InlineData(new double[] { 0, 0, 90, 0, 180, 0, 270, 0 }, "two halves of equal area")]
    [InlineData(new double[] { 0, 0, 10, 95, 20, 0 }, "latitude")]
    [InlineData(new double[] { 0, 0, double.NaN, 5, 20, 0 }, "longitude")]
    public void FromCoordinates_InvalidPolygon_ThrowsSkyShapeException(double[] coordinates, string message)
    {
        var e = Assert.Throws<SkyShapeException>(() => SkyPolygon.FromCoordinates(coordinates));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ArgumentException>(e);
    }

    [Fact]
    public void Constructor_ClosingVertexRepeated_IsDropped()
    {
        var polygon = SkyPolygon.FromCoordinates(10, 10, 20, 10, 15, 20, 10, 10);
        Assert.Equal(3, polygon.Vertices.Count);
    }

    [Fact]
    public void Constructor_ClockwiseInput_IsNormalisedNotInverted()
    {
        var ccw = SkyPolygon.FromCoordinates(10, 10, 20, 10, 15, 20);
        var cw = SkyPolygon.FromCoordinates(15, 20, 20, 10, 10, 10);
        Assert.False(ccw.IsReversed);
        Assert.True(cw.IsReversed);
        Assert.Equal(ccw.Area, cw.Area, 12);
        Assert.True(cw.Contains(15, 13));
        Assert.False(cw.Contains(195, -13));
        Assert.Equal(cw.Vertices[0], new SkyPoint(15, 20));
    }

    [Theory]
    [InlineData(new double[] { 10, 10, 20, 10, 15, 20 }, true)]
    [InlineData(new double[] { 0, 0, 20, 0, 20, 5, 5, 5, 5, 15, 0, 15 }, false)]
    [InlineData(new double[] { 0, 0, 10, 0, 20, 0, 20, 10, 0, 10 }, true)]
    public void IsConvex_Polygon_ReportsShape(double[] coordinates, bool convex)
    {
        Assert.Equal(convex, SkyPolygon.FromCoordinates(coordinates).IsConvex);
    }

    [Fact]
    public void Contains_MilliarcsecondSquare_ResolvesFractionsOfAMilliarcsecond()
    {
        const double mas = 1 / 3.6e6;
        var square = SkyPolygon.FromCoordinates(100, -30, 100 + (2 * mas), -30, 100 + (2 * mas), -30 + (2 * mas), 100, -30 + (2 * mas));
        Assert.True(square.Contains(100 + mas, -30 + mas));
        Assert.True(square.Contains(100 + (0.01 * mas), -30 + (1.99 * mas)));
        Assert.False(square.Contains(100 - (0.01 * mas), -30 + mas));
        Assert.False(square.Contains(100 + mas, -30 + (2.01 * mas)));
        Assert.Equal(4 * mas * mas * Math.Cos(double.DegreesToRadians(-30)), square.Area, 1e-17);
    }

    [Fact]
    public void Contains_ConcavePolygonAroundPole_HandlesPointsNearEveryReference()
    {
        // A crown around the north pole: 12 notches, the boundary zigzags between latitude 75 (even multiples of 15°)
        // and 50 (odd multiples).
        var coordinates = Enumerable.Range(0, 24).SelectMany(k => new double[] { k * 15, k % 2 == 0 ? 75 : 50 }).ToArray();
        var crown = SkyPolygon.FromCoordinates(coordinates);
        Assert.False(crown.IsConvex);
        Assert.True(crown.Contains(0, 90));
        Assert.False(crown.Contains(0, 70));
        Assert.True(crown.Contains(15, 70));
        Assert.True(crown.Contains(15, 52));
        Assert.False(crown.Contains(7.5, 55));
        Assert.False(crown.Contains(7.5, 30));
        Assert.False(crown.Contains(200, -89));
        for (var lon = 0.5; lon < 360; lon += 1)
        {
            Assert.True(!crown.Contains(lon, 49.9) && crown.Contains(lon, 76));
        }
    }

    [Fact]
    public void ContainsAndIntersects_IdenticalAndTouchingPolygons_TreatBoundaryAsInside()
    {
        var a = SkyPolygon.FromCoordinates(0, 0, 10, 0, 10, 10, 0, 10);
        var same = SkyPolygon.FromCoordinates(10, 10, 0, 10, 0, 0, 10, 0);
        var corner = SkyPolygon.FromCoordinates(10, 10, 20, 10, 20, 20, 10, 20);
        Assert.True(a.Contains(same) && same.Contains(a));
        Assert.True(a.Intersects(corner));
        Assert.False(a.Contains(corner));
        Assert.False(corner.Contains(a));
    }

    [Fact]
    public void Contains_PolygonCrossingThroughReflexVertex_IsNotContained()
    {
        // The U's notch vertex (20, 10) lies on the box's lower edge: no proper crossing, yet the box leaves the U.
        var u = SkyPolygon.FromCoordinates(0, 0, 40, 0, 40, 30, 30, 30, 30, 10, 20, 10, 10, 30, 0, 30);
        var box = SkyPolygon.FromCoordinates(12, 10, 28, 10, 28, 12, 12, 12);
        Assert.True(u.Intersects(box));
        Assert.False(u.Contains(box));
    }

    [Fact]
    public void Contains_ManyCalls_AllocateNothing()
    {
        var convex = SkyPolygon.FromCoordinates(10, 10, 20, 10, 15, 20);
        var concave = SkyPolygon.FromCoordinates(0, 0, 20, 0, 20, 5, 5, 5, 5, 15, 0, 15);
        var circle = new SkyCircle(10, 10, 3);
        var box = new SkyBox(10, 10, 3, 2);
        var hits = 0;
        var warm = convex.Contains(1, 1) | concave.Contains(1, 1) | circle.Contains(1, 1) | box.Contains(1, 1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            double lon = i % 360, lat = (i % 170) - 85;
            hits += (convex.Contains(lon, lat) ? 1 : 0) + (concave.Contains(lon, lat) ? 1 : 0)
                + (circle.Contains(lon, lat) ? 1 : 0) + (box.Contains(lon, lat) ? 1 : 0);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(hits > 0 || warm);
    }
}
