namespace VoServices.Sphere.Tests;

/// <summary>Shapes checked against values from astropy, healpy and mpmath (Fixtures/make_geometry_reference.py).</summary>
public sealed class ReferenceGeometryTests
{
    public static TheoryData<string> ShapeNames => GeometryReference.ShapeNames();

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Contains_ReferencePoints_MatchesReferenceTools(string name)
    {
        var entry = GeometryReference.Shape(name);
        var shape = GeometryReference.Build(entry);
        var failures = new List<string>();
        foreach (var point in entry.GetProperty("points").EnumerateArray())
        {
            var p = GeometryReference.Doubles(point);
            var expected = p[2] == 1;
            if (shape.Contains(p[0], p[1]) != expected || shape.Contains(new SkyPoint(p[0], p[1])) != expected)
            {
                failures.Add(FormattableString.Invariant($"({p[0]:R}, {p[1]:R}) expected {expected}"));
            }
        }
        Assert.True(failures.Count == 0, $"{name}: {failures.Count} wrong: {string.Join("; ", failures.Take(5))}");
        Assert.True(entry.GetProperty("points").GetArrayLength() >= 60);
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Area_ReferenceShape_MatchesExactValue(string name)
    {
        var entry = GeometryReference.Shape(name);
        var expected = entry.GetProperty("area_deg2").GetDouble();
        var actual = GeometryReference.Build(entry).Area;
        // Below ~1 arcsec the vertices' own rounding (1e-16 rad on a 1e-8 rad side) limits the relative area to ~1e-8.
        var relative = expected < 1e-6 ? 1e-7 : 1e-9;
        Assert.True(Math.Abs(actual - expected) <= relative * expected, $"{name}: area {actual:R}, expected {expected:R}");
        if (entry.TryGetProperty("healpy_area_deg2", out var pixelArea))
        {
            // Pixel counting: the error is of the order of the perimeter times the pixel size; 1% covers all cases.
            Assert.True(Math.Abs(actual - pixelArea.GetDouble()) <= 0.01 * expected, $"{name}: healpy area {pixelArea}");
        }
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Centroid_ReferenceShape_MatchesExactAndPixelCentroid(string name)
    {
        var entry = GeometryReference.Shape(name);
        var shape = GeometryReference.Build(entry);
        var expected = GeometryReference.Doubles(entry.GetProperty("centroid"));
        var size = Math.Sqrt(shape.Area);
        var exactOffset = SkyDistance.Degrees(shape.Centroid.Lon, shape.Centroid.Lat, expected[0], expected[1]);
        Assert.True(exactOffset <= Math.Max(1e-9 * size, 1e-12), $"{name}: centroid {shape.Centroid} is {exactOffset:R} deg off");
        if (entry.TryGetProperty("healpy_centroid", out var pixelCentroid))
        {
            var c = GeometryReference.Doubles(pixelCentroid);
            var pixelOffset = SkyDistance.Degrees(shape.Centroid.Lon, shape.Centroid.Lat, c[0], c[1]);
            Assert.True(pixelOffset <= 0.01 * size, $"{name}: {pixelOffset:R} deg from the healpy pixel-centre mean");
        }
    }

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void BoundingCircle_ReferenceShape_HoldsEveryInsidePoint(string name)
    {
        var entry = GeometryReference.Shape(name);
        var shape = GeometryReference.Build(entry);
        foreach (var point in entry.GetProperty("points").EnumerateArray())
        {
            var p = GeometryReference.Doubles(point);
            if (p[2] == 1)
            {
                Assert.True(shape.BoundingCircle.Contains(p[0], p[1]), $"{name}: ({p[0]}, {p[1]}) outside the bounding circle");
            }
        }
    }

    public static TheoryData<string, string, bool, bool> RelationCases()
    {
        var data = new TheoryData<string, string, bool, bool>();
        foreach (var r in GeometryReference.Relations)
        {
            data.Add(r.GetProperty("a").GetString()!, r.GetProperty("b").GetString()!,
                r.GetProperty("intersects").GetInt32() == 1, r.GetProperty("b_contains_a").GetInt32() == 1);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RelationCases))]
    public void IntersectsAndContains_ShapePair_MatchHealpySampling(string a, string b, bool intersects, bool bContainsA)
    {
        var shapeA = GeometryReference.Build(a);
        var shapeB = GeometryReference.Build(b);
        Assert.Equal(intersects, shapeA.Intersects(shapeB));
        Assert.Equal(intersects, shapeB.Intersects(shapeA));
        Assert.Equal(bContainsA, shapeB.Contains(shapeA));
    }

    public static TheoryData<double, double, double, double, double> DistanceCases()
    {
        var data = new TheoryData<double, double, double, double, double>();
        foreach (var d in GeometryReference.Distances)
        {
            var v = GeometryReference.Doubles(d);
            data.Add(v[0], v[1], v[2], v[3], v[4]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DistanceCases))]
    public void Degrees_PointPair_MatchesAstropySeparation(double lon1, double lat1, double lon2, double lat2, double expected)
    {
        var actual = SkyDistance.Degrees(lon1, lat1, lon2, lat2);
        Assert.True(Math.Abs(actual - expected) <= 1e-12 + (1e-12 * expected), $"{actual:R} vs {expected:R}");
        Assert.Equal(actual, SkyDistance.Degrees(lon2, lat2, lon1, lat1), 1e-13);
    }
}
