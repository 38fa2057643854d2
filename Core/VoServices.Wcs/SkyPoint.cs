namespace VoServices.Wcs;

/// <summary>A direction on the sky: longitude and latitude in degrees in some <see cref="Frames.CelestialFrame"/>
/// (RA/Dec, or galactic l/b). Results of this library have <see cref="Lon"/> in [0, 360); a position that a
/// projection cannot represent is returned with both values NaN (see <see cref="IsValid"/>).</summary>
/// <param name="Lon">Longitude in degrees.</param>
/// <param name="Lat">Latitude in degrees, [-90, 90].</param>
public readonly record struct SkyPoint(double Lon, double Lat)
{
    /// <summary>The point with both coordinates NaN, returned for invalid positions.</summary>
    public static SkyPoint Invalid { get; } = new(double.NaN, double.NaN);

    /// <summary>True when both coordinates are finite.</summary>
    public bool IsValid => double.IsFinite(Lon) && double.IsFinite(Lat);

    /// <summary>Great-circle distance to <paramref name="other"/> in degrees (Vincenty's formula: accurate at all
    /// separations, including sub-milliarcsecond ones).</summary>
    public double SeparationTo(SkyPoint other)
    {
        var (sd, cd) = Math.SinCos((other.Lon - Lon) * Math.PI / 180.0);
        var (s1, c1) = Math.SinCos(Lat * Math.PI / 180.0);
        var (s2, c2) = Math.SinCos(other.Lat * Math.PI / 180.0);
        var num1 = c2 * sd;
        var num2 = (c1 * s2) - (s1 * c2 * cd);
        var den = (s1 * s2) + (c1 * c2 * cd);
        return Math.Atan2(Math.Sqrt((num1 * num1) + (num2 * num2)), den) * 180.0 / Math.PI;
    }
}
