using System.Globalization;
using VoServices.Wcs.PixelMaps;

namespace VoServices.Wcs.Parsing;

/// <summary>
/// Reads the linear part of Paper I §2.1.2 for the celestial axis pair with WCSLIB's precedence: PCi_j (also the
/// deprecated PC00i00j form) with CDELTi, else CDi_j (an axis with no CD element at all gets CDi_i = 1, WCSLIB
/// cdfix), else CDELTi with CROTA of the latitude axis (Paper II §6.1, eq. 188), else CDELTi alone. CUNIT of a
/// celestial axis may be deg (default), arcmin, arcsec, mas or rad; values are converted to degrees.
/// </summary>
internal static class LinearTransformParser
{
    /// <summary>The map with rows (longitude, latitude); CRVAL in degrees comes back through <paramref name="crval"/>.</summary>
    /// <exception cref="WcsFormatException">Singular matrix or unknown CUNIT.</exception>
    /// <exception cref="WcsNotSupportedException">The celestial axes are coupled to another pixel axis.</exception>
    public static LinearPixelMap Parse(KeywordSet k, CelestialAxes axes, out SkyPoint crval)
    {
        var n = axes.AxisCount;
        var form = DetectForm(k, n);
        var (px, py) = axes.PixelAxes;
        double Element(int i, int j) => form switch
        {
            MatrixForm.Pc => k.Double(KeywordSet.Key("CDELT", i), 1.0) * Pc(k, i, j),
            MatrixForm.Cd => Cd(k, i, j, n),
            MatrixForm.Crota => CrotaElement(k, axes, i, j),
            _ => i == j ? k.Double(KeywordSet.Key("CDELT", i), 1.0) : 0.0,
        };
        foreach (var i in new[] { axes.LonAxis, axes.LatAxis })
        {
            for (var j = 1; j <= n; j++)
            {
                if (j != px && j != py && Element(i, j) != 0.0)
                {
                    throw new WcsNotSupportedException(
                        "the celestial axes are coupled to a non-celestial pixel axis by the PC/CD matrix",
                        KeywordSet.Key(form == MatrixForm.Cd ? "CD" : "PC", i, j));
                }
            }
        }
        var lonScale = UnitScale(k, axes.LonAxis);
        var latScale = UnitScale(k, axes.LatAxis);
        crval = new SkyPoint(k.Double(KeywordSet.Key("CRVAL", axes.LonAxis), 0.0) * lonScale,
            k.Double(KeywordSet.Key("CRVAL", axes.LatAxis), 0.0) * latScale);
        if (crval.Lat is > 90.0 or < -90.0)
        {
            throw new WcsFormatException("the reference latitude must be within [-90, 90]",
                KeywordSet.Key("CRVAL", axes.LatAxis));
        }
        return new LinearPixelMap(
            k.Double(KeywordSet.Key("CRPIX", px), 0.0), k.Double(KeywordSet.Key("CRPIX", py), 0.0),
            Element(axes.LonAxis, px) * lonScale, Element(axes.LonAxis, py) * lonScale,
            Element(axes.LatAxis, px) * latScale, Element(axes.LatAxis, py) * latScale);
    }

    private enum MatrixForm
    {
        Cdelt,
        Pc,
        Cd,
        Crota,
    }

    private static MatrixForm DetectForm(KeywordSet k, int n)
    {
        bool AnyKey(Func<int, int, string> key)
        {
            for (var i = 1; i <= n; i++)
            {
                for (var j = 1; j <= n; j++)
                {
                    if (k.Has(key(i, j)))
                    {
                        return true;
                    }
                }
            }
            return false;
        }
        if (AnyKey((i, j) => KeywordSet.Key("PC", i, j)) || AnyKey(OldPcKey))
        {
            return MatrixForm.Pc;
        }
        if (AnyKey((i, j) => KeywordSet.Key("CD", i, j)))
        {
            return MatrixForm.Cd;
        }
        for (var i = 1; i <= n; i++)
        {
            if (k.Has(KeywordSet.Key("CROTA", i)))
            {
                return MatrixForm.Crota;
            }
        }
        return MatrixForm.Cdelt;
    }

    private static string OldPcKey(int i, int j) =>
        string.Create(CultureInfo.InvariantCulture, $"PC{i:000}{j:000}");

    private static double Pc(KeywordSet k, int i, int j) =>
        k.Double(KeywordSet.Key("PC", i, j)) ?? k.Double(OldPcKey(i, j)) ?? (i == j ? 1.0 : 0.0);

    private static double Cd(KeywordSet k, int i, int j, int n)
    {
        if (k.Double(KeywordSet.Key("CD", i, j)) is { } v)
        {
            return v;
        }
        if (i != j)
        {
            return 0.0;
        }
        // WCSLIB cdfix: an axis with no CD element in its row or column gets CDi_i = 1.
        for (var m = 1; m <= n; m++)
        {
            if (k.Has(KeywordSet.Key("CD", i, m)) || k.Has(KeywordSet.Key("CD", m, i)))
            {
                return 0.0;
            }
        }
        return 1.0;
    }

    /// <summary>Paper II eq. 188 as WCSLIB applies it: ρ = CROTA of the latitude axis.</summary>
    private static double CrotaElement(KeywordSet k, CelestialAxes axes, int i, int j)
    {
        var cdeltI = k.Double(KeywordSet.Key("CDELT", i), 1.0);
        var isCelestial = (i == axes.LonAxis || i == axes.LatAxis) && (j == axes.LonAxis || j == axes.LatAxis);
        if (!isCelestial)
        {
            return i == j ? cdeltI : 0.0;
        }
        var rho = k.Double(KeywordSet.Key("CROTA", axes.LatAxis), 0.0);
        var (s, c) = (Spherical.DegreeTrig.SinD(rho), Spherical.DegreeTrig.CosD(rho));
        if (i == j)
        {
            return cdeltI * c;
        }
        var cdeltJ = k.Double(KeywordSet.Key("CDELT", j), 1.0);
        // CD_lon,lat = −CDELT_lat sin ρ; CD_lat,lon = CDELT_lon sin ρ.
        return i == axes.LonAxis ? -cdeltJ * s : cdeltJ * s;
    }

    private static double UnitScale(KeywordSet k, int axis)
    {
        var key = KeywordSet.Key("CUNIT", axis);
        return k.String(key)?.Trim().ToLowerInvariant() switch
        {
            null or "" or "deg" or "degree" or "degrees" => 1.0,
            "arcmin" => 1.0 / 60.0,
            "arcsec" => 1.0 / 3600.0,
            "mas" => 1.0 / 3.6e6,
            "rad" => 180.0 / Math.PI,
            var u => throw new WcsFormatException($"'{u}' is not an angular unit for a celestial axis (Paper I §2.1.3)",
                key),
        };
    }
}
