namespace VoServices.Healpix;

/// <summary>
/// A direction as Cartesian coordinates (x towards lon 0 lat 0, y towards lon 90 lat 0, z towards the north pole).
/// Values returned by this library have unit length; methods taking a vector accept any finite non-zero length.
/// </summary>
public readonly record struct UnitVector(double X, double Y, double Z)
{
    /// <summary>Euclidean length.</summary>
    public double Length => Math.Sqrt((X * X) + (Y * Y) + (Z * Z));

    /// <summary>Scalar product.</summary>
    public double Dot(UnitVector other) => (X * other.X) + (Y * other.Y) + (Z * other.Z);

    /// <summary>Vector product.</summary>
    public UnitVector Cross(UnitVector other) =>
        new((Y * other.Z) - (Z * other.Y), (Z * other.X) - (X * other.Z), (X * other.Y) - (Y * other.X));

    /// <summary>The same direction with unit length.</summary>
    /// <exception cref="ArgumentException">The vector is zero or not finite.</exception>
    public UnitVector Normalize()
    {
        double length = Length;
        if (!(length > 0.0) || !double.IsFinite(length))
        {
            throw new ArgumentException($"A direction needs a finite non-zero vector, got ({X}, {Y}, {Z}).");
        }
        return new UnitVector(X / length, Y / length, Z / length);
    }

    /// <summary>Longitude in [0, 360) and latitude in [-90, 90], degrees.</summary>
    /// <exception cref="ArgumentException">The vector is zero or not finite.</exception>
    public LonLat ToLonLat()
    {
        var u = Normalize();
        double lon = Math.Atan2(u.Y, u.X) * SphereMath.RadToDeg;
        if (lon < 0.0)
        {
            lon += 360.0;
        }
        return new LonLat(lon >= 360.0 ? 0.0 : lon, Math.Atan2(u.Z, Math.Sqrt((u.X * u.X) + (u.Y * u.Y))) * SphereMath.RadToDeg);
    }

    /// <summary>Angle between two directions in radians, accurate at all separations (atan2 form).</summary>
    public double AngleTo(UnitVector other) => Math.Atan2(Cross(other).Length, Dot(other));
}
