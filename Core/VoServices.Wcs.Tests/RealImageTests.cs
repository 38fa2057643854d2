using System.Globalization;
using VoServices.Fits;
using VoServices.Testing;

namespace VoServices.Wcs.Tests;

/// <summary>
/// The same astropy grids, but with the header read from the real file in ../shared/data/images by the FITS
/// reader (compressed and gzipped files included), and a census that every image HDU with a celestial WCS has a
/// reference fixture.
/// </summary>
public sealed class RealImageTests
{
    private const double OneMasDeg = 1.0 / 3.6e6;

    public static TheoryData<string> Cases => AstropyFixture.RealImages();

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void FromHeader_RealFile_PixelToIcrsMatchesAstropyWithin1Mas(string name)
    {
        var f = AstropyFixture.Load(name);
        using var fits = FitsFile.Open(SharedData.File(f.File!.Split('/')));
        var image = fits[f.Hdu].AsImage();
        var wcs = WcsParser.FromHeader(image.Header);
        Assert.Equal((f.Naxis1, f.Naxis2), (image.Width, image.Height));
        for (var i = 0; i < f.Pixels.Length; i++)
        {
            var actual = wcs.PixelToIcrs(f.Pixels[i].X, f.Pixels[i].Y);
            var sep = f.Icrs[i]!.Value.SeparationTo(actual);
            Assert.True(sep < OneMasDeg, string.Create(CultureInfo.InvariantCulture,
                $"{name} pixel {f.Pixels[i]}: off by {sep * 3.6e6:0.000} mas"));
        }
    }

    [SkippableFact]
    public void TryFromHeader_EveryImageHdu_HasWcsExactlyWhereAFixtureExists()
    {
        var root = SharedData.File("images");
        var withFixture = AstropyFixture.Names().Where(n => !n.StartsWith("synthetic_", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var found = new List<string>();
        foreach (var path in Directory.EnumerateFiles(root, "*.fit*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            using var fits = FitsFile.Open(path);
            foreach (var hdu in fits.Hdus.Where(h => h.HasImage))
            {
                if (WcsParser.TryFromHeader(hdu.AsImage().Header, out _))
                {
                    found.Add(relative.Replace("/", "__", StringComparison.Ordinal).Replace(".", "_", StringComparison.Ordinal)
                        + "__hdu" + hdu.Index.ToString(CultureInfo.InvariantCulture));
                }
            }
        }
        // Every HDU with a WCS is checked against astropy, except the duplicates of checked ones (the ERR/DQ
        // extensions of the 47 Tuc files carry the SCI header's WCS).
        var unchecked_ = found.Where(n => !withFixture.Contains(n)).ToList();
        Assert.All(unchecked_, n => Assert.Matches("^(tuc47_acs_hrc|fz)__j8bt06nyq_flt.*__hdu[23]$", n));
        // ... and every real-image fixture is found (its HDU parses).
        Assert.Subset(found.ToHashSet(StringComparer.Ordinal), withFixture);
    }

    [SkippableFact]
    public void TryFromHeader_LinearUnitlessAxes_ReturnsFalse()
    {
        using var fits = FitsFile.Open(SharedData.File("images", "misc", "astropy_test0_mef.fits"));
        Assert.Equal("UNITLESS", fits[1].Header.GetString("CTYPE1"));
        Assert.False(WcsParser.TryFromHeader(fits[1].Header, out var wcs));
        Assert.Null(wcs);
        Assert.Throws<WcsFormatException>(() => WcsParser.FromHeader(fits[0].Header));
    }

    [SkippableFact]
    public void FromHeader_Ngc1316B1950_LandsOnNgc1316()
    {
        // NGC 1316 is at ICRS 03h22m41.7s −37°12′30″ (50.674, −37.208): the FK4 header must be converted.
        using var fits = FitsFile.Open(SharedData.File("images", "ngc1316", "ngc1316o.fit"));
        var wcs = WcsParser.FromHeader(fits[0].Header);
        var centre = wcs.PixelToIcrs(wcs.ReferencePixel.X, wcs.ReferencePixel.Y);
        Assert.Equal(Frames.CelestialFrameKind.Fk4, wcs.Frame.Kind);
        Assert.True(centre.SeparationTo(new SkyPoint(50.674, -37.208)) < 0.01, centre.ToString());
    }
}
