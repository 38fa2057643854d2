using VoServices.Wcs.Spherical;

namespace VoServices.Wcs.Projections;

/// <summary>The polar part shared by all zenithal projections (Paper II eqs. 12–15 and 17).</summary>
internal static class ZenithalGeometry
{
    /// <summary>R0 = 180/π: the radius of the generating sphere that makes x, y come out in degrees.</summary>
    public const double R0 = 180.0 / Math.PI;

    /// <summary>Tolerance used by WCSLIB's projection bounds checks.</summary>
    public const double Tolerance = 1.0e-13;

    /// <summary>Paper II eq. 14: φ = arg(−y, x), with φ = 0 at the origin.</summary>
    public static double Phi(double x, double y, double r) => r == 0.0 ? 0.0 : DegreeTrig.ATan2D(x, -y);

    /// <summary>Paper II eqs. 12–13: x = R sin φ, y = −R cos φ.</summary>
    public static void ToPlane(double phi, double r, out double x, out double y)
    {
        DegreeTrig.SinCosD(phi, out var s, out var c);
        x = r * s;
        y = -r * c;
    }
}
