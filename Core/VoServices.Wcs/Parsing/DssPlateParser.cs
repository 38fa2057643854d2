using System.Globalization;
using VoServices.Wcs.PixelMaps;

namespace VoServices.Wcs.Parsing;

/// <summary>
/// Recognises a Digitized Sky Survey plate solution: plate centre PLTRAH/M/S and PLTDECSN/D/M/S, plate offsets
/// PPO3/PPO6, pixel size XPIXELSZ/YPIXELSZ (microns), corner CNPIX1/2 and the AMDXn/AMDYn polynomial. WCSLIB (and
/// so astropy) uses it in preference to any CTYPE/CD keywords in the same header, so this library does too.
/// </summary>
internal static class DssPlateParser
{
    private static readonly string[] Required =
    [
        "PLTRAH", "PLTRAM", "PLTRAS", "PLTDECD", "PLTDECM", "PLTDECS", "PPO3", "PPO6", "XPIXELSZ", "YPIXELSZ",
        "AMDX1", "AMDY1",
    ];

    public static bool IsPresent(KeywordSet k) => Required.All(k.Has);

    /// <summary>The plate map and the plate centre (RA, Dec) in degrees.</summary>
    /// <exception cref="WcsFormatException">A DSS keyword has the wrong type, or the solution is singular.</exception>
    public static DssPlateMap Parse(KeywordSet k, out SkyPoint centre)
    {
        var ra = 15.0 * (k.Double("PLTRAH", 0) + (k.Double("PLTRAM", 0) / 60.0) + (k.Double("PLTRAS", 0) / 3600.0));
        var dec = k.Double("PLTDECD", 0) + (k.Double("PLTDECM", 0) / 60.0) + (k.Double("PLTDECS", 0) / 3600.0);
        if (k.String("PLTDECSN")?.Trim() == "-")
        {
            dec = -dec;
        }
        if (dec is > 90.0 or < -90.0)
        {
            throw new WcsFormatException("the plate centre declination is outside [-90, 90]", "PLTDECD");
        }
        centre = new SkyPoint(ra, dec);
        var ax = new double[13];
        var ay = new double[13];
        for (var i = 0; i < 13; i++)
        {
            ax[i] = k.Double("AMDX" + (i + 1).ToString(CultureInfo.InvariantCulture), 0.0);
            ay[i] = k.Double("AMDY" + (i + 1).ToString(CultureInfo.InvariantCulture), 0.0);
        }
        return new DssPlateMap(ax, ay, k.Double("CNPIX1", 0.0), k.Double("CNPIX2", 0.0), k.Double("PPO3", 0.0),
            k.Double("PPO6", 0.0), k.Double("XPIXELSZ", 0.0), k.Double("YPIXELSZ", 0.0));
    }
}
