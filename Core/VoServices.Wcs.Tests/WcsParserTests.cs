using VoServices.Fits;
using VoServices.Wcs.Frames;
using VoServices.Wcs.Projections;

namespace VoServices.Wcs.Tests;

public sealed class WcsParserTests
{
    private static Dictionary<string, object?> Tan(params (string Key, object? Value)[] changes)
    {
        var k = new Dictionary<string, object?>
        {
            ["NAXIS"] = 2L, ["CTYPE1"] = "RA---TAN", ["CTYPE2"] = "DEC--TAN", ["CRVAL1"] = 10.0, ["CRVAL2"] = 20.0,
            ["CRPIX1"] = 50.0, ["CRPIX2"] = 50.0, ["CDELT1"] = -0.01, ["CDELT2"] = 0.01,
        };
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                k.Remove(key);
            }
            else
            {
                k[key] = value;
            }
        }
        return k;
    }

    [Theory]
    [InlineData("CTYPE2", "FREQ", "CTYPE1")] // RA without DEC
    [InlineData("CTYPE2", "DEC--SIN", "CTYPE2")] // projection codes differ
    [InlineData("CTYPE2", "GLAT-TAN", "CTYPE2")] // RA paired with GLAT
    [InlineData("CRVAL1", "ten", "CRVAL1")] // not a number
    [InlineData("CRVAL2", 95.0, "CRVAL2")] // latitude beyond the pole
    [InlineData("CTYPE1", 5L, "CTYPE1")] // CTYPE must be a string
    [InlineData("CUNIT1", "Hz", "CUNIT1")] // not an angle
    [InlineData("A_ORDER", 3L, "B_ORDER")] // SIP A without B
    [InlineData("PV2_1", 0.0, "PV2_1")] // with CTYPE ZPN below: no polynomial
    [InlineData("CDELT1", 0.0, null)] // singular matrix
    [InlineData("NAXIS", 2.5, "NAXIS")] // not an integer
    public void FromKeywords_InvalidKeyword_ThrowsWcsFormatException(string key, object value, string? keyword)
    {
        var k = Tan((key, value));
        if (key == "PV2_1")
        {
            (k["CTYPE1"], k["CTYPE2"]) = ("RA---ZPN", "DEC--ZPN");
        }
        var e = Assert.Throws<WcsFormatException>(() => WcsParser.FromKeywords(k));
        Assert.Equal(keyword, e.Keyword);
    }

    [Theory]
    [InlineData("CTYPE1", "RA---MER", "CTYPE1")] // projection not implemented
    [InlineData("CTYPE1", "RA---TAN-TPV", "CTYPE1")] // unknown suffix
    [InlineData("RADESYS", "GAPPT", "RADESYS")]
    [InlineData("CPDIS1", "Lookup", "CPDIS1")] // Paper IV distortion
    [InlineData("PV1_1", 10.0, "PV1_1")] // moved fiducial point
    [InlineData("PC1_3", 0.5, "PC1_3")] // celestial axis coupled to axis 3
    public void FromKeywords_UnsupportedFeature_ThrowsWcsNotSupportedException(string key, object value, string keyword)
    {
        var k = Tan((key, value));
        if (key == "PC1_3")
        {
            (k["NAXIS"], k["CTYPE3"]) = (3L, "FREQ");
        }
        if (key == "CTYPE1")
        {
            k["CTYPE2"] = "DEC--" + ((string)value)[5..];
        }
        var e = Assert.Throws<WcsNotSupportedException>(() => WcsParser.FromKeywords(k));
        Assert.Equal(keyword, e.Keyword);
    }

    [Fact]
    public void FromKeywords_EclipticAxes_ThrowsWcsNotSupportedException() =>
        Assert.Throws<WcsNotSupportedException>(() =>
            WcsParser.FromKeywords(Tan(("CTYPE1", "ELON-TAN"), ("CTYPE2", "ELAT-TAN"))));

    [Fact]
    public void FromKeywords_CarWithLonpoleInconsistentWithCrval_ThrowsWcsFormatException()
    {
        // Paper II eq. 9 has no solution: CAR with δ0 ≠ 0 and φp − φ0 = 90°.
        var k = Tan(("CTYPE1", "RA---CAR"), ("CTYPE2", "DEC--CAR"), ("LONPOLE", 90.0));
        Assert.Equal("LONPOLE", Assert.Throws<WcsFormatException>(() => WcsParser.FromKeywords(k)).Keyword);
    }

    [Theory]
    [InlineData("LINEAR")]
    [InlineData("RA")] // no projection code: a linear axis (as WCSLIB)
    public void TryFromKeywords_NoCelestialAxes_ReturnsFalse(string ctype)
    {
        var k = Tan(("CTYPE1", ctype), ("CTYPE2", ctype + "2"));
        Assert.False(WcsParser.TryFromKeywords(k, out var wcs));
        Assert.Null(wcs);
        Assert.Throws<WcsFormatException>(() => WcsParser.FromKeywords(k));
    }

    [Fact]
    public void FromKeywords_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => WcsParser.FromKeywords<object?>(null!));
        Assert.Throws<ArgumentNullException>(() => WcsParser.FromHeader(null!));
    }

    [Theory]
    [InlineData(null, null, null, "ICRS")]
    [InlineData(null, 1950.0, null, "FK4(B1950)")]
    [InlineData(null, 1983.9, null, "FK4(B1983.9)")]
    [InlineData(null, 1984.0, null, "FK5(J1984)")]
    [InlineData(null, 2000.0, null, "FK5(J2000)")]
    [InlineData(null, null, 1950.0, "FK4(B1950)")] // EPOCH stands in for EQUINOX
    [InlineData("FK5", null, null, "FK5(J2000)")]
    [InlineData("FK4", null, null, "FK4(B1950)")]
    [InlineData("FK4-NO-E", 1950.0, null, "FK4-NO-E(B1950)")]
    [InlineData("ICRS", 1950.0, null, "ICRS")]
    [InlineData("fk5 ", 2000.0, null, "FK5(J2000)")]
    public void FromKeywords_RadesysEquinoxEpoch_PaperIIDefaults(string? radesys, double? equinox, double? epoch,
        string expected)
    {
        var k = Tan(("RADESYS", radesys), ("EQUINOX", equinox), ("EPOCH", epoch));
        Assert.Equal(expected, WcsParser.FromKeywords(k).Frame.ToString());
    }

    [Fact]
    public void FromKeywords_DeprecatedRadecsys_IsRead() =>
        Assert.Equal(CelestialFrameKind.Fk5, WcsParser.FromKeywords(Tan(("RADECSYS", "FK5"))).Frame.Kind);

    [Fact]
    public void FromKeywords_GalacticAxes_AreGalacticWhateverTheEquinox()
    {
        var wcs = WcsParser.FromKeywords(Tan(("CTYPE1", "GLON-CAR"), ("CTYPE2", "GLAT-CAR"), ("EQUINOX", 1950.0)));
        Assert.Equal(CelestialFrame.Galactic, wcs.Frame);
        Assert.Equal(ProjectionCode.Car, wcs.Projection);
    }

    [Fact]
    public void FromKeywords_StringValuesAndLowerCaseKeys_ParsedWithInvariantCulture()
    {
        var text = new Dictionary<string, string>
        {
            ["ctype1"] = "RA---TAN", ["ctype2"] = "DEC--TAN", ["crval1"] = "10", ["crval2"] = "20.0",
            ["crpix1"] = "50", ["crpix2"] = "5.0E1", ["cdelt1"] = "-1.0D-2", ["cdelt2"] = "0.01",
        };
        var fromText = WcsParser.FromKeywords(text);
        var fromNumbers = WcsParser.FromKeywords(Tan());
        Assert.Equal(fromNumbers.PixelToWorld(3, 7), fromText.PixelToWorld(3, 7));
    }

    [Fact]
    public void FromHeader_FitsHeaderCards_SameAsKeywords()
    {
        var k = Tan(("CD1_1", -0.001), ("CD2_2", 0.001), ("CD1_2", 1e-5), ("RADESYS", "FK5"));
        var header = new FitsHeader(k.Select(kv => new FitsCard(kv.Key, kv.Value)));
        var a = WcsParser.FromHeader(header);
        var b = WcsParser.FromKeywords(k);
        Assert.Equal(b.PixelToIcrs(-3, 99), a.PixelToIcrs(-3, 99));
        Assert.Equal(b.ToString(), a.ToString());
    }

    [Fact]
    public void FromKeywords_Tan_ExposesReferenceAndPoles()
    {
        var wcs = WcsParser.FromKeywords(Tan());
        Assert.Equal(new SkyPoint(10, 20), wcs.ReferenceWorld);
        Assert.Equal(new PixelPoint(49, 49), wcs.ReferencePixel);
        Assert.Equal(180.0, wcs.LonPole);
        Assert.Equal(20.0, wcs.LatPole);
        Assert.Equal(WcsDistortion.None, wcs.Distortion);
        Assert.Equal(0.01, wcs.PixelScale, 9);
        Assert.Equal(wcs.ReferenceWorld.Lon, wcs.PixelToWorld(49, 49).Lon, 12);
    }

    [Fact]
    public void PixelToWorld_SpansOfDifferentLength_ThrowsArgumentException()
    {
        var wcs = WcsParser.FromKeywords(Tan());
        Assert.Throws<ArgumentException>(() => wcs.PixelToWorld(new double[2], new double[2], new double[2], new double[1]));
    }

    [Theory]
    [InlineData(double.NaN, 0.0)]
    [InlineData(0.0, 91.0)]
    [InlineData(190.0, -20.0)] // the far hemisphere of TAN
    public void WorldToPixel_NoPixel_ReturnsNaN(double lon, double lat) =>
        Assert.False(WcsParser.FromKeywords(Tan()).WorldToPixel(lon, lat).IsValid);
}
