namespace VoServices.Dali.Tests;

public sealed class DaliGeometryTests
{
    [Theory]
    [InlineData("12.3 45.6", 12.3, 45.6)]
    [InlineData("0 -90", 0.0, -90.0)]
    [InlineData("360 90", 360.0, 90.0)]
    [InlineData("  10\t20  ", 10.0, 20.0)]
    [InlineData("1e1 -2.5E+1", 10.0, -25.0)]
    [InlineData("-0 0", 0.0, 0.0)]
    public void PointParse_Valid_ReturnsCoordinates(string text, double lon, double lat)
    {
        var p = DaliPoint.Parse(text);
        Assert.Equal(lon, p.Lon);
        Assert.Equal(lat, p.Lat);
    }

    [Theory]
    [InlineData("10", "expected 2 numbers")]
    [InlineData("10 20 30", "expected 2 numbers")]
    [InlineData("", "expected 2 numbers")]
    [InlineData("10,5 20", "'10,5' is not a number")]
    [InlineData("ten 20", "'ten' is not a number")]
    [InlineData("-0.1 20", "longitude -0.1 is outside [0, 360]")]
    [InlineData("360.0001 20", "longitude 360.0001 is outside [0, 360]")]
    [InlineData("10 90.5", "latitude 90.5 is outside [-90, 90]")]
    [InlineData("10 -91", "latitude -91 is outside [-90, 90]")]
    [InlineData("NaN 0", "longitude NaN is outside")]
    [InlineData("+Inf 0", "longitude +Inf is outside")]
    [InlineData("10 1e999", "'1e999' is not a number")]
    public void PointParse_Invalid_ThrowsNamingXType(string text, string why)
    {
        var e = Assert.Throws<DaliFormatException>(() => DaliPoint.Parse(text));
        Assert.Equal("point", e.XType);
        Assert.Contains("DALI point", e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
        Assert.Equal(400, e.HttpStatus);
    }

    [Fact]
    public void PointWith_OutOfRange_Throws()
    {
        var p = new DaliPoint(10, 20);
        Assert.Throws<DaliFormatException>(() => p with { Lat = 100 });
    }

    [Theory]
    [InlineData(10.0, 20.0, "10 20")]
    [InlineData(0.1, -0.2, "0.1 -0.2")]
    [InlineData(359.99999999999994, 89.99999999999999, "359.99999999999994 89.99999999999999")]
    [InlineData(1e-7, 1e-300, "1E-07 1E-300")]
    public void PointToString_Values_WritesShortestRoundTrip(double lon, double lat, string expected)
    {
        Assert.Equal(expected, new DaliPoint(lon, lat).ToString());
    }

    [Theory]
    [InlineData("12.3 45.6 0.5", 12.3, 45.6, 0.5)]
    [InlineData("0 0 180", 0.0, 0.0, 180.0)]
    [InlineData("359 -89 1e-10", 359.0, -89.0, 1e-10)]
    public void CircleParse_Valid_ReturnsValues(string text, double lon, double lat, double r)
    {
        var c = DaliCircle.Parse(text);
        Assert.Equal(new DaliCircle(new DaliPoint(lon, lat), r), c);
        Assert.Equal([lon, lat, r], c.ToValues());
    }

    [Theory]
    [InlineData("10 20", "expected 3 numbers")]
    [InlineData("10 20 1 2", "expected 3 numbers")]
    [InlineData("10 20 0", "radius 0 is outside (0, 180]")]
    [InlineData("10 20 -1", "radius -1 is outside (0, 180]")]
    [InlineData("10 20 180.5", "radius 180.5 is outside (0, 180]")]
    [InlineData("10 20 NaN", "radius NaN is outside")]
    [InlineData("10 20 +Inf", "radius +Inf is outside")]
    [InlineData("400 20 1", "longitude 400 is outside")]
    [InlineData("10 -95 1", "latitude -95 is outside")]
    [InlineData("10 20 1deg", "'1deg' is not a number")]
    public void CircleParse_Invalid_ThrowsNamingXType(string text, string why)
    {
        var e = Assert.Throws<DaliFormatException>(() => DaliCircle.Parse(text));
        Assert.Equal("circle", e.XType);
        Assert.Contains("DALI circle", e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PolygonParse_DaliExample_ReturnsFourVertices()
    {
        // DALI 1.1 §3.7 example.
        var p = DaliPolygon.Parse("10.0 10.0 10.2 10.0 10.2 10.2 10.0 10.2");
        Assert.Equal(4, p.Vertices.Count);
        Assert.Equal(new DaliPoint(10.2, 10.0), p.Vertices[1]);
        Assert.Equal("10 10 10.2 10 10.2 10.2 10 10.2", p.ToString());
    }

    [Theory]
    [InlineData("10 10 11 10", "got 4")]
    [InlineData("10 10 11 10 11", "got 5")]
    [InlineData("10 10 11 10 11 11 12", "got 7")]
    [InlineData("", "got 0")]
    [InlineData("10 10 11 10 11 91", "latitude 91 is outside")]
    [InlineData("10 10 -11 10 11 11", "longitude -11 is outside")]
    [InlineData("10 10 11 10 11 x", "'x' is not a number")]
    public void PolygonParse_Invalid_ThrowsNamingXType(string text, string why)
    {
        var e = Assert.Throws<DaliFormatException>(() => DaliPolygon.Parse(text));
        Assert.Equal("polygon", e.XType);
        Assert.Contains("DALI polygon", e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PolygonEquals_SameVertices_EqualAndSameHash()
    {
        var a = DaliPolygon.Parse("1 1 2 1 2 2");
        var b = new DaliPolygon([new DaliPoint(1, 1), new DaliPoint(2, 1), new DaliPoint(2, 2)]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, DaliPolygon.Parse("1 1 2 2 2 1"));
    }

    [Fact]
    public void PolygonConstructor_SourceListChangedLater_KeepsCopy()
    {
        var list = new List<DaliPoint> { new(1, 1), new(2, 1), new(2, 2) };
        var polygon = new DaliPolygon(list);
        list[0] = new DaliPoint(5, 5);
        Assert.Equal(new DaliPoint(1, 1), polygon.Vertices[0]);
    }

    [Fact]
    public void PolygonConstructor_NullVertex_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new DaliPolygon([new DaliPoint(1, 1), null!, new DaliPoint(2, 2)]));
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => DaliPoint.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => DaliCircle.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => DaliPolygon.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => DaliInterval.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => DaliTimestamp.Parse(null!));
    }

    [Fact]
    public void FromValues_ToValues_RoundTrips()
    {
        double[] polygon = [0, -90, 360, 0, 180.5, 90];
        Assert.Equal(polygon, DaliPolygon.FromValues(polygon).ToValues());
        Assert.Equal([1.0, 2.0], DaliPoint.FromValues([1, 2]).ToValues());
    }
}
