using System.Globalization;
using System.Text.Json;
using VoServices.Wcs.Frames;

namespace VoServices.Wcs.Tests;

/// <summary>Frame conversions against astropy 5.2 SkyCoord (Fixtures/frames.json, made by make_fixtures.py).</summary>
public sealed class CelestialFrameTransformTests
{
    private const double OneMasDeg = 1.0 / 3.6e6;

    public static TheoryData<string> Frames()
    {
        var data = new TheoryData<string>();
        foreach (var e in Load().EnumerateArray())
        {
            data.Add(e.GetProperty("frame").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void Apply_ToIcrs_MatchesAstropyWithin1Mas(string frameName)
    {
        var (frame, points, toIcrs, _) = Case(frameName);
        var t = CelestialFrameTransform.Create(frame, CelestialFrame.Icrs);
        for (var i = 0; i < points.Length; i++)
        {
            AssertClose(toIcrs[i]!.Value, t.Apply(points[i]), OneMasDeg, frameName);
        }
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void Apply_FromIcrs_MatchesAstropy(string frameName)
    {
        var (frame, points, _, fromIcrs) = Case(frameName);
        var t = CelestialFrameTransform.Create(CelestialFrame.Icrs, frame);
        // astropy goes back with Bᵀ where we use B⁻¹ (fk5_to_fk4_no_e); the two differ by ~0.01 mas for FK4.
        for (var i = 0; i < points.Length; i++)
        {
            AssertClose(fromIcrs[i]!.Value, t.Apply(points[i]), OneMasDeg, frameName);
        }
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void Apply_ThereAndBack_ReturnsInputWithin1MicroArcsecond(string frameName)
    {
        var (frame, points, _, _) = Case(frameName);
        var there = CelestialFrameTransform.Create(frame, CelestialFrame.Galactic);
        var back = CelestialFrameTransform.Create(CelestialFrame.Galactic, frame);
        foreach (var p in points)
        {
            AssertClose(p, back.Apply(there.Apply(p)), 1e-3 * OneMasDeg, frameName);
        }
    }

    [Fact]
    public void Apply_SpanOverload_EqualsPointOverload()
    {
        var t = CelestialFrameTransform.Create(CelestialFrame.Fk4(), CelestialFrame.Galactic);
        double[] lon = [10, 200, 359.5];
        double[] lat = [-80, 0, 45];
        var expected = lon.Select((l, i) => t.Apply(new SkyPoint(l, lat[i]))).ToArray();
        t.Apply(lon, lat);
        Assert.Equal(expected, lon.Select((l, i) => new SkyPoint(l, lat[i])));
    }

    [Fact]
    public void Apply_NaN_StaysNaN()
    {
        var t = CelestialFrameTransform.Create(CelestialFrame.Fk4(), CelestialFrame.Icrs);
        Assert.False(t.Apply(SkyPoint.Invalid).IsValid);
    }

    [Fact]
    public void Apply_SpansOfDifferentLength_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() =>
            CelestialFrameTransform.Create(CelestialFrame.Icrs, CelestialFrame.Galactic).Apply(new double[2], new double[3]));

    [Theory]
    [InlineData(CelestialFrameKind.Icrs, "ICRS")]
    [InlineData(CelestialFrameKind.Fk5, "FK5(J2000)")]
    [InlineData(CelestialFrameKind.Fk4, "FK4(B1950)")]
    [InlineData(CelestialFrameKind.Fk4NoETerms, "FK4-NO-E(B1950)")]
    [InlineData(CelestialFrameKind.Galactic, "Galactic")]
    public void ToString_DefaultFrames_NamesKindAndEquinox(CelestialFrameKind kind, string expected)
    {
        var frame = kind switch
        {
            CelestialFrameKind.Icrs => CelestialFrame.Icrs,
            CelestialFrameKind.Fk5 => CelestialFrame.Fk5(),
            CelestialFrameKind.Fk4 => CelestialFrame.Fk4(),
            CelestialFrameKind.Fk4NoETerms => CelestialFrame.Fk4NoETerms(),
            _ => CelestialFrame.Galactic,
        };
        Assert.Equal(expected, frame.ToString());
    }

    [Fact]
    public void Fk4_NonFiniteEquinox_ThrowsArgumentOutOfRange() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CelestialFrame.Fk4(double.NaN));

    private static (CelestialFrame Frame, SkyPoint[] Points, SkyPoint?[] ToIcrs, SkyPoint?[] FromIcrs) Case(string name)
    {
        var e = Load().EnumerateArray().Single(x => x.GetProperty("frame").GetString() == name);
        var lon = e.GetProperty("lon").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var lat = e.GetProperty("lat").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var frame = name switch
        {
            "FK4 B1950" => CelestialFrame.Fk4(),
            "FK4 B1975" => CelestialFrame.Fk4(1975.0),
            // astropy Time(46710, format="mjd").jyear
            "FK4 B1950 epoch J1986.7666" => CelestialFrame.Fk4(1950.0, 2000.0 + ((46710.0 + 2400000.5 - 2451545.0) / 365.25)),
            "FK4-NO-E B1950" => CelestialFrame.Fk4NoETerms(),
            "FK5 J2000" => CelestialFrame.Fk5(),
            "FK5 J1975" => CelestialFrame.Fk5(1975.0),
            "FK5 J2050" => CelestialFrame.Fk5(2050.0),
            "Galactic" => CelestialFrame.Galactic,
            _ => throw new ArgumentException(name),
        };
        return (frame, [.. lon.Select((l, i) => new SkyPoint(l, lat[i]))],
            AstropyFixture.Points(e.GetProperty("toIcrs")), AstropyFixture.Points(e.GetProperty("fromIcrs")));
    }

    private static JsonElement Load() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AstropyFixture.Folder, "frames.json"))).RootElement;

    private static void AssertClose(SkyPoint expected, SkyPoint actual, double toleranceDeg, string what)
    {
        var sep = expected.SeparationTo(actual);
        Assert.True(sep < toleranceDeg, string.Create(CultureInfo.InvariantCulture,
            $"{what}: expected {expected}, got {actual}, off by {sep * 3.6e6:0.000000} mas"));
    }
}
