namespace VoServices.Healpix;

/// <summary>
/// A position on the sphere as longitude and latitude in degrees (ICRS RA/Dec for the services, but HEALPix itself is
/// frame-agnostic). <see cref="Lon"/> is any finite value (taken modulo 360); <see cref="Lat"/> is in [-90, 90].
/// </summary>
/// <param name="Lon">Longitude (RA) in degrees.</param>
/// <param name="Lat">Latitude (Dec) in degrees.</param>
public readonly record struct LonLat(double Lon, double Lat)
{
    /// <summary>The unit vector (x towards lon 0 lat 0, z towards the north pole).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Non-finite longitude, or latitude outside [-90, 90].</exception>
    public UnitVector ToVector()
    {
        Validate(Lon, Lat);
        double lon = Lon * SphereMath.DegToRad, lat = Lat * SphereMath.DegToRad;
        double cosLat = Math.Cos(lat);
        return new UnitVector(cosLat * Math.Cos(lon), cosLat * Math.Sin(lon), Math.Sin(lat));
    }

    internal static void Validate(double lon, double lat)
    {
        if (!double.IsFinite(lon))
        {
            throw new ArgumentOutOfRangeException(nameof(lon), lon, "Longitude must be a finite number of degrees.");
        }
        if (!(lat >= -90.0 && lat <= 90.0))
        {
            throw new ArgumentOutOfRangeException(nameof(lat), lat, "Latitude must be in [-90, 90] degrees.");
        }
    }
}
