namespace VoServices.Healpix;

/// <summary>Constants shared by the HEALPix code (the same literals as HEALPix C++ so results match healpy).</summary>
internal static class SphereMath
{
    public const double HalfPi = 1.570796326794896619231321691639751442099;
    public const double InvHalfPi = 0.6366197723675813430755350534900574;
    public const double TwoThirds = 2.0 / 3.0;

    /// <summary>numpy's deg2rad factor: healpy's lonlat=True path computes radians as deg·(π/180).</summary>
    public const double DegToRad = Math.PI / 180.0;

    public const double RadToDeg = 180.0 / Math.PI;

    /// <summary>v1 modulo v2 into [0, v2), as HEALPix C++ <c>fmodulo</c>.</summary>
    public static double FModulo(double v1, double v2)
    {
        if (v1 >= 0)
        {
            return v1 < v2 ? v1 : v1 % v2;
        }
        double tmp = (v1 % v2) + v2;
        return tmp == v2 ? 0.0 : tmp;
    }
}
