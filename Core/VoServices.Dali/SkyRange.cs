namespace VoServices.Dali;

/// <summary>Range checks shared by the spherical xtypes (DALI 1.1 §3.5–3.7: lon in [0,360], lat in [-90,90]).</summary>
internal static class SkyRange
{
    /// <summary>Returns <paramref name="lon"/> (with -0 turned into 0) or throws.</summary>
    /// <exception cref="DaliFormatException">Not finite or outside [0, 360].</exception>
    public static double Longitude(double lon, string xtype)
    {
        if (!(lon >= 0 && lon <= 360))
        {
            throw new DaliFormatException(xtype,
                $"Invalid DALI {xtype}: longitude {DaliNumber.Format(lon)} is outside [0, 360]");
        }
        return lon + 0.0;
    }

    /// <summary>Returns <paramref name="lat"/> or throws.</summary>
    /// <exception cref="DaliFormatException">Not finite or outside [-90, 90].</exception>
    public static double Latitude(double lat, string xtype)
    {
        if (!(lat >= -90 && lat <= 90))
        {
            throw new DaliFormatException(xtype,
                $"Invalid DALI {xtype}: latitude {DaliNumber.Format(lat)} is outside [-90, 90]");
        }
        return lat;
    }
}
