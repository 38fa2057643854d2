using VoServices.Wcs.Projections;
using VoServices.Wcs.Spherical;

namespace VoServices.Wcs.Tests;

/// <summary>Each projection's s2x and x2s are inverses over their whole domain (Paper II §5) and reject the rest.</summary>
public sealed class ProjectionTests
{
    public static TheoryData<string, double> Domains() => new()
    {
        { "TAN", 5.0 },
        { "SIN", 0.0 },
        { "SIN-slant", 30.0 },
        { "ARC", -89.0 },
        { "ZEA", -89.0 },
        { "STG", -80.0 },
        { "ZPN", 70.0 },
        { "CAR", -90.0 },
        { "AIT", -90.0 },
    };

    [Theory]
    [MemberData(nameof(Domains))]
    public void TryProjectThenDeproject_RandomNativePoints_ReturnsThemWithin1e9Deg(string name, double minTheta)
    {
        var projection = Create(name);
        var rng = new Random(2002);
        for (var i = 0; i < 5000; i++)
        {
            var phi = (rng.NextDouble() * 359.98) - 179.99;
            var theta = minTheta + (rng.NextDouble() * (90.0 - minTheta));
            Assert.True(projection.TryProject(phi, theta, out var x, out var y), $"{name} ({phi}, {theta})");
            Assert.True(projection.TryDeproject(x, y, out var phi2, out var theta2), $"{name} ({x}, {y})");
            Assert.Equal(theta, theta2, 1e-9);
            if (theta < 89.999)
            {
                Assert.True(Math.Abs(Math.IEEERemainder(phi - phi2, 360.0)) < 1e-9 / Math.Cos(theta * Math.PI / 180),
                    $"{name}: φ {phi} → {phi2}");
            }
        }
    }

    [Theory]
    [InlineData("TAN", 0.0, -10.0)] // far hemisphere
    [InlineData("SIN", 30.0, -1.0)] // far hemisphere of the orthographic projection
    [InlineData("ZPN", 0.0, 0.0)] // beyond the turning point of the polynomial
    public void TryProject_OutsideDomain_ReturnsFalse(string name, double phi, double theta) =>
        Assert.False(Create(name).TryProject(phi, theta, out _, out _));

    [Theory]
    [InlineData("ZEA", 0.0, 120.0)] // beyond R = 2 r0
    [InlineData("SIN", 60.0, 0.0)] // beyond R = r0
    [InlineData("AIT", 0.0, 100.0)] // outside the ellipse
    [InlineData("ARC", 190.0, 0.0)] // beyond the antipode
    [InlineData("CAR", 190.0, 0.0)] // φ beyond 180°
    [InlineData("ZPN", 0.0, 80.0)] // beyond the largest radius of the polynomial
    public void TryDeproject_OutsideDomain_ReturnsFalse(string name, double x, double y) =>
        Assert.False(Create(name).TryDeproject(x, y, out _, out _));

    [Theory]
    [InlineData(0.0, 0.0, 1.0)]
    [InlineData(90.0, 1.0, 0.0)]
    [InlineData(-90.0, -1.0, 0.0)]
    [InlineData(180.0, 0.0, -1.0)]
    [InlineData(-270.0, 1.0, 0.0)]
    [InlineData(450.0, 1.0, 0.0)]
    public void SinCosD_MultiplesOf90_AreExact(double angle, double sin, double cos)
    {
        DegreeTrig.SinCosD(angle, out var s, out var c);
        Assert.Equal(sin, s);
        Assert.Equal(cos, c);
    }

    private static IProjection Create(string name) => name switch
    {
        "TAN" => new TanProjection(),
        "SIN" => new SinProjection(0, 0),
        "SIN-slant" => new SinProjection(0.2, -0.3),
        "ARC" => new ArcProjection(),
        "ZEA" => new ZeaProjection(),
        "STG" => new StgProjection(),
        "ZPN" => new ZpnProjection([0.0, 1.0, 0.0, -0.4]),
        "CAR" => new CarProjection(),
        "AIT" => new AitProjection(),
        _ => throw new ArgumentException(name),
    };
}
