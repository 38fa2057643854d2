using VoServices.Sphere.Moc;

namespace VoServices.Sphere.Tests.Moc;

public sealed class SkyMocShapeTests
{
    public static TheoryData<string> ShapeNames => MocReference.ShapeNames();

    // healpy bounds: every cell whose centre is inside must be there; no cell farther than max_pixrad may be.
    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void FromShape_ReferenceShape_LiesBetweenHealpyBounds(string name)
    {
        var entry = MocReference.Shape(name);
        var order = entry.GetProperty("order").GetInt32();
        var p = entry.GetProperty("params").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        ISkyShape shape = entry.GetProperty("kind").GetString() == "circle"
            ? new SkyCircle(p[0], p[1], p[2])
            : SkyPolygon.FromCoordinates(p);
        var moc = SkyMoc.FromShape(shape, order);
        var lower = SkyMoc.FromUniq(MocReference.Longs(entry.GetProperty("lower_uniq")), order);
        var upper = SkyMoc.FromUniq(MocReference.Longs(entry.GetProperty("upper_uniq")), order);
        Assert.Equal(order, moc.Order);
        Assert.True(moc.Contains(lower), $"{name}: missing cells {lower.Difference(moc)}");
        Assert.True(upper.Contains(moc), $"{name}: extra cells {moc.Difference(upper)}");
    }

    [Fact]
    public void Contains_Order29Pixels_MatchHealpyVec2Pix()
    {
        foreach (var point in MocReference.Root.GetProperty("order29_pixels").EnumerateArray())
        {
            var lon = point[0].GetDouble();
            var lat = point[1].GetDouble();
            var pixel = point[2].GetInt64();
            var moc = SkyMoc.FromCells(29, [new MocCell(29, pixel)]);
            Assert.True(moc.Contains(lon, lat), $"({lon}, {lat}) should be in 29/{pixel}");
            Assert.Equal(moc, SkyMoc.FromShape(new SkyPoint(lon, lat), 29));
            var parent = SkyMoc.FromCells(10, [new MocCell(10, pixel >> 38)]);
            Assert.True(parent.Contains(lon, lat));
            Assert.False(parent.Complement().Contains(lon, lat));
        }
    }

    [Fact]
    public void FromFootprint_OmegaCenMosaic_CoversEveryChipCorner()
    {
        // Corners near the WFPC2 chips (images/omegacen_wfpc2, README): a 2.4' x 2.4' footprint at order 13.
        SkyPoint[] corners = [new(201.79, -47.53), new(201.84, -47.53), new(201.84, -47.49), new(201.79, -47.49)];
        var moc = SkyMoc.FromFootprint(corners, 13);
        foreach (var c in corners)
        {
            Assert.True(moc.Contains(c));
        }
        Assert.False(moc.Contains(201.9, -47.5));
        Assert.InRange(moc.Area, new SkyPolygon(corners).Area, new SkyPolygon(corners).Area * 2.5);
    }

    [Fact]
    public void FromShapes_TwoDisjointCircles_IsTheUnion()
    {
        var a = new SkyCircle(10, 10, 1);
        var b = new SkyCircle(200, -30, 2);
        var union = SkyMoc.FromShapes([a, b], 7);
        Assert.Equal(SkyMoc.FromShape(a, 7).Union(SkyMoc.FromShape(b, 7)), union);
        Assert.True(union.Contains(a.Center) && union.Contains(b.Center));
    }
}
