namespace VoServices.Wcs.Spherical;

/// <summary>A Cartesian 3-vector (unit vectors for directions on the sky).</summary>
internal readonly record struct Vector3D(double X, double Y, double Z)
{
    public double Norm => Math.Sqrt((X * X) + (Y * Y) + (Z * Z));

    public static Vector3D FromLonLat(double lonDeg, double latDeg)
    {
        DegreeTrig.SinCosD(lonDeg, out var sl, out var cl);
        DegreeTrig.SinCosD(latDeg, out var sb, out var cb);
        return new Vector3D(cb * cl, cb * sl, sb);
    }

    /// <summary>Longitude in [0, 360) and latitude in degrees; the vector need not be normalised.</summary>
    public void ToLonLat(out double lonDeg, out double latDeg)
    {
        var rho = Math.Sqrt((X * X) + (Y * Y));
        lonDeg = rho == 0.0 ? 0.0 : DegreeTrig.NormalizeLongitude(Math.Atan2(Y, X) * DegreeTrig.R2D);
        // atan2 keeps full precision near the poles, unlike asin(z).
        latDeg = Math.Atan2(Z, rho) * DegreeTrig.R2D;
    }

    public double Dot(Vector3D o) => (X * o.X) + (Y * o.Y) + (Z * o.Z);

    public Vector3D Cross(Vector3D o) =>
        new((Y * o.Z) - (Z * o.Y), (Z * o.X) - (X * o.Z), (X * o.Y) - (Y * o.X));

    public Vector3D Scale(double s) => new(X * s, Y * s, Z * s);

    public Vector3D Add(Vector3D o) => new(X + o.X, Y + o.Y, Z + o.Z);

    public Vector3D Subtract(Vector3D o) => new(X - o.X, Y - o.Y, Z - o.Z);

    public Vector3D Normalized()
    {
        var n = Norm;
        return new Vector3D(X / n, Y / n, Z / n);
    }
}
