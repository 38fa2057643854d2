namespace VoServices.Sphere;

/// <summary>
/// A Cartesian vector (x, y, z) on or near the unit sphere: x towards (lon 0, lat 0), y towards (lon 90, lat 0),
/// z towards the north pole. All internal geometry works on these vectors, which have no singularity at the poles
/// or at longitude 0/360.
/// </summary>
/// <param name="X">Component towards (0°, 0°).</param>
/// <param name="Y">Component towards (90°, 0°).</param>
/// <param name="Z">Component towards the north pole.</param>
public readonly record struct SkyVector(double X, double Y, double Z)
{
    /// <summary>The unit vector of a position given in degrees (any finite longitude; latitude in [-90, 90]).</summary>
    public static SkyVector FromLonLat(double lonDeg, double latDeg)
    {
        var (sinLon, cosLon) = Math.SinCos(double.DegreesToRadians(lonDeg));
        var (sinLat, cosLat) = Math.SinCos(double.DegreesToRadians(latDeg));
        return new SkyVector(cosLat * cosLon, cosLat * sinLon, sinLat);
    }

    /// <summary>Longitude in degrees, [0, 360); 0 at the poles and for the zero vector.</summary>
    public double Lon
    {
        get
        {
            if (X == 0 && Y == 0)
            {
                return 0;
            }
            var lon = double.RadiansToDegrees(Math.Atan2(Y, X));
            lon = lon < 0 ? lon + 360 : lon;
            return lon >= 360 ? 0 : lon;
        }
    }

    /// <summary>Latitude in degrees, [-90, 90]; atan2 keeps full precision near the poles.</summary>
    public double Lat => double.RadiansToDegrees(Math.Atan2(Z, Math.Sqrt((X * X) + (Y * Y))));

    /// <summary>Euclidean length.</summary>
    public double Length => Math.Sqrt((X * X) + (Y * Y) + (Z * Z));

    /// <summary>Squared Euclidean length.</summary>
    public double LengthSquared => (X * X) + (Y * Y) + (Z * Z);

    /// <summary>Scalar product.</summary>
    public double Dot(in SkyVector other) => (X * other.X) + (Y * other.Y) + (Z * other.Z);

    /// <summary>Vector product (right-handed).</summary>
    public SkyVector Cross(in SkyVector other) =>
        new((Y * other.Z) - (Z * other.Y), (Z * other.X) - (X * other.Z), (X * other.Y) - (Y * other.X));

    /// <summary>This vector scaled to unit length; the zero vector stays zero.</summary>
    public SkyVector Normalize()
    {
        var length = Length;
        return length == 0 ? this : new SkyVector(X / length, Y / length, Z / length);
    }

    /// <summary>The squared chord between two unit vectors, |a − b|²; accurate for tiny separations.</summary>
    public double ChordSquared(in SkyVector other)
    {
        var dx = X - other.X;
        var dy = Y - other.Y;
        var dz = Z - other.Z;
        return (dx * dx) + (dy * dy) + (dz * dz);
    }

    /// <summary>
    /// Angle between two directions in radians, [0, π], from atan2(|a×b|, a·b): accurate at every separation,
    /// including tiny (mas) and nearly antipodal ones, where acos loses precision.
    /// </summary>
    public double AngleTo(in SkyVector other) => Math.Atan2(Cross(other).Length, Dot(other));

    /// <summary>Component-wise sum.</summary>
    public static SkyVector operator +(in SkyVector a, in SkyVector b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    /// <summary>Component-wise difference.</summary>
    public static SkyVector operator -(in SkyVector a, in SkyVector b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    /// <summary>Negation (the antipode of a unit vector).</summary>
    public static SkyVector operator -(in SkyVector a) => new(-a.X, -a.Y, -a.Z);

    /// <summary>Scaling.</summary>
    public static SkyVector operator *(double s, in SkyVector a) => new(s * a.X, s * a.Y, s * a.Z);

    /// <summary>
    /// The normal a×b of the great circle through a and b, computed as (a+b)×(b−a)/2, which is algebraically equal
    /// but keeps full relative precision when a and b are very close (the subtraction b−a is exact for nearby
    /// floats, while the direct a×b loses about |a−b|/ε of its digits). Not normalised.
    /// </summary>
    public static SkyVector RobustCross(in SkyVector a, in SkyVector b)
    {
        var sum = a + b;
        var diff = b - a;
        var c = sum.Cross(diff);
        return new SkyVector(0.5 * c.X, 0.5 * c.Y, 0.5 * c.Z);
    }
}
