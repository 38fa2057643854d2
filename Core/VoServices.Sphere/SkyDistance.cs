namespace VoServices.Sphere;

/// <summary>
/// Great-circle distance (ADQL 2.1 DISTANCE). Uses the Vincenty form of the spherical law, atan2(√(..), ..), which
/// is accurate at every separation, unlike acos (fails for small angles) or plain haversine (fails near 180°).
/// </summary>
public static class SkyDistance
{
    /// <summary>Angular distance in degrees, [0, 180], between (lon1, lat1) and (lon2, lat2) given in degrees.</summary>
    /// <remarks>No range check: any finite longitude works; NaN in gives NaN out (SQL NULL semantics upstream).</remarks>
    public static double Degrees(double lon1, double lat1, double lon2, double lat2)
    {
        var (sinDLon, cosDLon) = Math.SinCos(double.DegreesToRadians(lon2 - lon1));
        var (sinLat1, cosLat1) = Math.SinCos(double.DegreesToRadians(lat1));
        var (sinLat2, cosLat2) = Math.SinCos(double.DegreesToRadians(lat2));
        var a = cosLat2 * sinDLon;
        var b = (cosLat1 * sinLat2) - (sinLat1 * cosLat2 * cosDLon);
        var y = Math.Sqrt((a * a) + (b * b));
        var x = (sinLat1 * sinLat2) + (cosLat1 * cosLat2 * cosDLon);
        return double.RadiansToDegrees(Math.Atan2(y, x));
    }

    /// <summary>Angular distance in degrees between two points.</summary>
    public static double Degrees(SkyPoint a, SkyPoint b) => Degrees(a.Lon, a.Lat, b.Lon, b.Lat);

    /// <summary>Angular distance in radians between two unit vectors.</summary>
    public static double Radians(in SkyVector a, in SkyVector b) => a.AngleTo(b);
}
