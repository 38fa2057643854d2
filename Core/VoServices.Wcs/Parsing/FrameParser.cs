using VoServices.Wcs.Frames;

namespace VoServices.Wcs.Parsing;

/// <summary>
/// RADESYS and EQUINOX with the defaults of Paper II §3.1 as astropy's <c>wcs_to_celestial_frame</c> applies them:
/// GLON/GLAT axes are galactic; for RA/DEC without RADESYS (or the deprecated RADECSYS), no EQUINOX means ICRS,
/// EQUINOX &lt; 1984 means FK4 and otherwise FK5. EPOCH stands in for a missing EQUINOX (as WCSLIB reads it). FK5
/// defaults to J2000 and FK4 to B1950. DATE-OBS/MJD-OBS are not used: astropy leaves the FK4 observation epoch at
/// the equinox.
/// </summary>
internal static class FrameParser
{
    /// <exception cref="WcsNotSupportedException">RADESYS is GAPPT or unknown.</exception>
    public static CelestialFrame Parse(KeywordSet k, string lonType)
    {
        if (lonType == "GLON")
        {
            return CelestialFrame.Galactic;
        }
        var radesysKey = k.Has("RADESYS") ? "RADESYS" : "RADECSYS";
        var radesys = k.String(radesysKey)?.Trim().ToUpperInvariant();
        var equinox = k.Double("EQUINOX") ?? k.Double("EPOCH");
        return radesys switch
        {
            null or "" => equinox switch
            {
                null => CelestialFrame.Icrs,
                < 1984.0 => CelestialFrame.Fk4(equinox.Value),
                _ => CelestialFrame.Fk5(equinox.Value),
            },
            "ICRS" => CelestialFrame.Icrs,
            "FK5" => CelestialFrame.Fk5(equinox ?? 2000.0),
            "FK4" => CelestialFrame.Fk4(equinox ?? 1950.0),
            "FK4-NO-E" => CelestialFrame.Fk4NoETerms(equinox ?? 1950.0),
            _ => throw new WcsNotSupportedException(
                $"RADESYS '{radesys}' is not supported (ICRS, FK5, FK4, FK4-NO-E)", radesysKey),
        };
    }
}
