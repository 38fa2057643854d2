using System.Globalization;

namespace VoServices.Wcs.Tests;

/// <summary>
/// The acceptance criterion: on every image with a celestial WCS (and synthetic headers for projections no image
/// uses), world coordinates agree with astropy/WCSLIB to &lt; 1 mas and the inverse returns the pixel to &lt; 1e-6 px.
/// </summary>
public sealed class CelestialWcsAstropyTests
{
    private const double OneMasDeg = 1.0 / 3.6e6;
    private const double PixelTolerance = 1e-6;

    public static TheoryData<string> Cases => AstropyFixture.All();

    [Theory]
    [MemberData(nameof(Cases))]
    public void PixelToWorld_AstropyGrid_AgreesWithin1Mas(string name)
    {
        var f = AstropyFixture.Load(name);
        var wcs = f.Wcs();
        for (var i = 0; i < f.Pixels.Length; i++)
        {
            AssertSky(f.World[i], wcs.PixelToWorld(f.Pixels[i].X, f.Pixels[i].Y), f, i);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PixelToIcrs_AstropyGrid_AgreesWithin1Mas(string name)
    {
        var f = AstropyFixture.Load(name);
        var wcs = f.Wcs();
        for (var i = 0; i < f.Pixels.Length; i++)
        {
            AssertSky(f.Icrs[i], wcs.PixelToIcrs(f.Pixels[i].X, f.Pixels[i].Y), f, i);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WorldToPixel_AstropyWorld_ReturnsGridPixelWithin1e6(string name)
    {
        var f = AstropyFixture.Load(name);
        var wcs = f.Wcs();
        for (var i = 0; i < f.Pixels.Length; i++)
        {
            if (f.World[i] is { } w)
            {
                AssertPixel(f.Pixels[i], wcs.WorldToPixel(w.Lon, w.Lat), f, i);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void IcrsToPixel_AstropyIcrs_ReturnsGridPixelWithin1e6(string name)
    {
        var f = AstropyFixture.Load(name);
        var wcs = f.Wcs();
        for (var i = 0; i < f.Pixels.Length; i++)
        {
            if (f.Icrs[i] is { } w)
            {
                AssertPixel(f.Pixels[i], wcs.IcrsToPixel(w.Lon, w.Lat), f, i);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BatchPixelToIcrs_Grid_EqualsSinglePointResults(string name)
    {
        var f = AstropyFixture.Load(name);
        var wcs = f.Wcs();
        var x = f.Pixels.Select(p => p.X).ToArray();
        var y = f.Pixels.Select(p => p.Y).ToArray();
        var ra = new double[x.Length];
        var dec = new double[x.Length];
        wcs.PixelToIcrs(x, y, ra, dec);
        wcs.IcrsToPixel(ra, dec, ra, dec); // in place: outputs may alias inputs
        for (var i = 0; i < x.Length; i++)
        {
            var single = wcs.IcrsToPixel(wcs.PixelToIcrs(x[i], y[i]).Lon, wcs.PixelToIcrs(x[i], y[i]).Lat);
            Assert.Equal(single.X, ra[i]);
            Assert.Equal(single.Y, dec[i]);
        }
    }

    private static void AssertSky(SkyPoint? expected, SkyPoint actual, AstropyFixture f, int i)
    {
        var at = string.Create(CultureInfo.InvariantCulture, $"{f.Name} pixel {f.Pixels[i]}");
        if (expected is not { } e)
        {
            Assert.False(actual.IsValid, $"{at}: astropy says invalid, got {actual}");
            return;
        }
        Assert.True(actual.IsValid, $"{at}: expected {e}, got NaN");
        Assert.InRange(actual.Lon, 0.0, 360.0);
        var sep = e.SeparationTo(actual);
        Assert.True(sep < OneMasDeg, string.Create(CultureInfo.InvariantCulture,
            $"{at}: expected {e}, got {actual}, off by {sep * 3.6e6:0.000} mas"));
    }

    private static void AssertPixel(PixelPoint expected, PixelPoint actual, AstropyFixture f, int i)
    {
        var d = Math.Max(Math.Abs(expected.X - actual.X), Math.Abs(expected.Y - actual.Y));
        Assert.True(d < PixelTolerance, string.Create(CultureInfo.InvariantCulture,
            $"{f.Name} world {f.World[i]}: expected pixel {expected}, got {actual} (off by {d:e2} px)"));
    }
}
