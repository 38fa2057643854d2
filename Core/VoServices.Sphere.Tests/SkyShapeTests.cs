namespace VoServices.Sphere.Tests;

public sealed class SkyShapeTests
{
    [Theory]
    [InlineData(-10, 350)]
    [InlineData(360, 0)]
    [InlineData(720.5, 0.5)]
    [InlineData(-0.0, 0)]
    [InlineData(359.999999999, 359.999999999)]
    public void SkyPoint_Longitude_IsWrappedInto0To360(double lon, double expected)
    {
        Assert.Equal(expected, new SkyPoint(lon, 0).Lon, 9);
    }

    [Theory]
    [InlineData(0, 90.000001)]
    [InlineData(0, double.NaN)]
    [InlineData(double.PositiveInfinity, 0)]
    public void SkyPoint_BadCoordinates_ThrowSkyShapeException(double lon, double lat)
    {
        Assert.Throws<SkyShapeException>(() => new SkyPoint(lon, lat));
    }

    [Theory]
    [InlineData(0, 0, 359.5, 0, 0.6, true)]
    [InlineData(0, 89.5, 180, 89.5, 1.0, true)]
    [InlineData(0, 89.5, 180, 89.5, 0.99, false)]
    [InlineData(0, -90, 123, -89, 1.0, true)]
    [InlineData(10, 20, 10, 20, 0, true)]
    public void SkyCircle_Contains_HandlesWrapAndPoles(double lon, double lat, double plon, double plat, double r, bool expected)
    {
        Assert.Equal(expected, new SkyCircle(lon, lat, r).Contains(plon, plat));
    }

    [Fact]
    public void SkyCircle_Radius180_IsTheWholeSky()
    {
        var all = new SkyCircle(0, 0, 180);
        Assert.True(all.Contains(180, 0) && all.Contains(SkyPolygon.FromCoordinates(10, 10, 20, 10, 15, 20)));
        Assert.Equal(SquareDegrees.FullSky, all.Area, 9);
        Assert.Throws<SkyShapeException>(() => new SkyCircle(0, 0, 180.5));
        Assert.Throws<SkyShapeException>(() => new SkyCircle(0, 0, -1));
    }

    [Theory]
    [InlineData(0, 0, 1, 359, 0, 0.5, true, false)]
    [InlineData(0, 0, 1, 359.5, 0, 0.5, true, true)]
    [InlineData(0, 89, 2, 180, 89, 0.5, true, false)]
    [InlineData(0, 89, 2.6, 180, 89, 0.5, true, true)]
    [InlineData(0, 89, 1, 180, 89, 0.9, false, false)]
    [InlineData(0, 0, 100, 180, 0, 79.5, false, false)]
    [InlineData(0, 0, 100, 180, 0, 80.5, true, false)]
    public void SkyCircle_IntersectsAndContainsCircle_MatchDistances(
        double lon1, double lat1, double r1, double lon2, double lat2, double r2, bool intersects, bool contains)
    {
        var big = new SkyCircle(lon1, lat1, r1);
        var small = new SkyCircle(lon2, lat2, r2);
        Assert.Equal(intersects, big.Intersects(small));
        Assert.Equal(intersects, small.Intersects(big));
        Assert.Equal(contains, big.Contains(small));
    }

    [Fact]
    public void SkyCircle_ContainsPolygon_LargeRadiusUsesFarthestEdgePoint()
    {
        // Radius above 90°: the cap is not convex, so the test must use each edge's farthest point from the centre.
        var circle = new SkyCircle(0, 0, 95);
        Assert.True(circle.Contains(SkyPolygon.FromCoordinates(80, -5, 90, -5, 90, 5, 80, 5)));
        Assert.False(circle.Contains(SkyPolygon.FromCoordinates(80, -5, 120, -5, 120, 5, 80, 5)));
        Assert.False(new SkyCircle(0, 90, 100).Contains(SkyPolygon.FromCoordinates(0, -20, 120, -20, 240, -20)));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(180, 10)]
    [InlineData(181)]
    [InlineData(10, double.NaN)]
    public void SkyBox_BadSizes_ThrowSkyShapeException(double width, double height = 1)
    {
        Assert.Throws<SkyShapeException>(() => new SkyBox(10, 10, width, height));
    }

    [Fact]
    public void SkyBox_AtEquator_CornersFollowGnomonicDefinition()
    {
        var corners = SkyBox.Corners(new SkyPoint(0, 0), 2, 2);
        // (tan 1°, tan 1°, 1) normalised: lon = 1°, lat = atan(tan 1° cos 1°).
        var expectedLat = double.RadiansToDegrees(Math.Atan(Math.Tan(double.DegreesToRadians(1)) * Math.Cos(double.DegreesToRadians(1))));
        Assert.Equal(1, corners[0].Lon, 12);
        Assert.Equal(expectedLat, corners[0].Lat, 12);
        Assert.Equal(359, corners[1].Lon, 12);
        Assert.Equal(-expectedLat, corners[2].Lat, 12);
    }

    [Fact]
    public void SkyPoint_ContainsShape_OnlyTheSamePoint()
    {
        var p = new SkyPoint(10, 20);
        Assert.True(p.Contains(new SkyPoint(370, 20)));
        Assert.False(p.Contains(new SkyPoint(10, 20.0001)));
        Assert.True(p.Intersects(new SkyCircle(10, 21, 1)));
        Assert.True(new SkyCircle(10, 21, 1).Contains((ISkyShape)p));
        Assert.Equal(0, p.Area);
        Assert.Equal(p, p.Centroid);
    }
}
