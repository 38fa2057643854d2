namespace VoServices.Wcs.Tests;

public sealed class ImageFootprintTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var n in AstropyFixture.Names().Where(n => n != "synthetic_ait_allsky_galactic"))
        {
            data.Add(n);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_Fixture_CornersAreAstropyOuterCornersCounterClockwiseFromInside(string name)
    {
        var f = AstropyFixture.Load(name);
        var polygon = ImageFootprint.Compute(f.Wcs(), f.Naxis1, f.Naxis2);
        // The grid's corner points are the outer pixel edges (−0.5 and NAXISn − 0.5).
        var corners = f.Pixels.Select((p, i) => (p, i))
            .Where(t => (t.p.X == -0.5 || t.p.X == f.Naxis1 - 0.5) && (t.p.Y == -0.5 || t.p.Y == f.Naxis2 - 0.5))
            .Select(t => f.Icrs[t.i]!.Value).ToList();
        Assert.Equal(4, corners.Count);
        Assert.Equal(4, polygon.Vertices.Count);
        foreach (var v in polygon.Vertices)
        {
            Assert.Contains(corners, c => c.SeparationTo(v) < 1.0 / 3.6e6);
        }
        Assert.True(ImageFootprint.Orientation(polygon.Vertices) < 0, "clockwise seen from inside");
    }

    [Fact]
    public void Orientation_DaliExampleSquare_IsCounterClockwiseFromInside()
    {
        // Seen from inside with north up, east (increasing RA) is on the left, so the walk
        // (10,10) → (10,20) → (20,20) → (20,10) goes right-bottom → right-top → left-top → left-bottom: counter-clockwise.
        SkyPoint[] square = [new(10, 10), new(10, 20), new(20, 20), new(20, 10)];
        Assert.True(ImageFootprint.Orientation(square) < 0);
        Assert.True(ImageFootprint.Orientation([.. square.Reverse()]) > 0);
    }

    [Fact]
    public void Compute_FlippedParity_IsReversedToCounterClockwise()
    {
        // CDELT1 > 0 mirrors the image (RA grows with x): walking the pixel corners in order is clockwise.
        var wcs = WcsParser.FromKeywords(new Dictionary<string, object>
        {
            ["CTYPE1"] = "RA---TAN", ["CTYPE2"] = "DEC--TAN", ["CRVAL1"] = 10.0, ["CRVAL2"] = -30.0,
            ["CRPIX1"] = 20.0, ["CRPIX2"] = 10.0, ["CDELT1"] = 0.01, ["CDELT2"] = 0.01,
        });
        var polygon = ImageFootprint.Compute(wcs, 40, 20);
        Assert.True(ImageFootprint.Orientation(polygon.Vertices) < 0);
        Assert.Equal(wcs.PixelToIcrs(-0.5, 19.5), polygon.Vertices[0]);
        Assert.Equal(wcs.PixelToIcrs(-0.5, -0.5), polygon.Vertices[3]);
    }

    [Fact]
    public void Compute_NormalParity_StartsAtFirstPixelCorner()
    {
        var f = AstropyFixture.Load("ngc1316__ngc1316o_fit__hdu0");
        var wcs = f.Wcs();
        var polygon = ImageFootprint.Compute(wcs, f.Naxis1, f.Naxis2);
        Assert.Equal(wcs.PixelToIcrs(-0.5, -0.5), polygon.Vertices[0]);
        Assert.Equal(wcs.PixelToIcrs(f.Naxis1 - 0.5, -0.5), polygon.Vertices[1]);
    }

    [Fact]
    public void Compute_PointsPerEdge_AddsEdgePointsAndKeepsCorners()
    {
        var f = AstropyFixture.Load("misc__fermi_lat_counts_gc_car_fits_gz__hdu1");
        var wcs = f.Wcs();
        var polygon = ImageFootprint.Compute(wcs, f.Naxis1, f.Naxis2, pointsPerEdge: 5);
        Assert.Equal(20, polygon.Vertices.Count);
        Assert.Contains(wcs.PixelToIcrs(f.Naxis1 - 0.5, f.Naxis2 - 0.5), polygon.Vertices);
        Assert.True(ImageFootprint.Orientation(polygon.Vertices) < 0);
        Assert.All(polygon.Vertices, v => Assert.InRange(v.Lon, 0.0, 360.0));
    }

    [Fact]
    public void Compute_AllSkyAitoff_ThrowsWcsNotSupportedException()
    {
        var f = AstropyFixture.Load("synthetic_ait_allsky_galactic");
        Assert.Throws<WcsNotSupportedException>(() => ImageFootprint.Compute(f.Wcs(), f.Naxis1, f.Naxis2));
    }

    [Theory]
    [InlineData(0, 10, 1)]
    [InlineData(10, -1, 1)]
    [InlineData(10, 10, 0)]
    [InlineData(10, 10, 1001)]
    public void Compute_BadSizes_ThrowArgumentOutOfRange(long n1, long n2, int perEdge)
    {
        var wcs = AstropyFixture.Load("ngc1316__ngc1316o_fit__hdu0").Wcs();
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageFootprint.Compute(wcs, n1, n2, perEdge));
        Assert.Throws<ArgumentNullException>(() => ImageFootprint.Compute(null!, 1, 1));
    }

    [Fact]
    public void ToDaliValues_Polygon_InterleavesLonLat()
    {
        var f = AstropyFixture.Load("ngc1316__ngc1316o_fit__hdu0");
        var polygon = ImageFootprint.Compute(f.Wcs(), f.Naxis1, f.Naxis2);
        var values = polygon.ToDaliValues();
        Assert.Equal(8, values.Length);
        Assert.Equal(polygon.Vertices[2].Lon, values[4]);
        Assert.Equal(polygon.Vertices[2].Lat, values[5]);
    }
}
