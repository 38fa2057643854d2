using VoServices.Wcs.Spherical;

namespace VoServices.Wcs.Projections;

/// <summary>Zenithal equal-area projection, Paper II §5.1.8: R_θ = 2 r0 sin((90° − θ)/2) (eq. 69).</summary>
internal sealed class ZeaProjection : IProjection
{
    private const double TwoR0 = 2.0 * ZenithalGeometry.R0;

    public ProjectionCode Code => ProjectionCode.Zea;

    public double Phi0 => 0.0;

    public double Theta0 => 90.0;

    public bool TryDeproject(double x, double y, out double phi, out double theta)
    {
        var r = Math.Sqrt((x * x) + (y * y));
        phi = ZenithalGeometry.Phi(x, y, r);
        var s = r / TwoR0;
        if (Math.Abs(s) > 1.0)
        {
            // Only the antipode itself, within rounding, lies on the boundary circle R = 2 r0.
            if (Math.Abs(r - TwoR0) >= ZenithalGeometry.Tolerance)
            {
                theta = double.NaN;
                return false;
            }
            theta = -90.0;
            return true;
        }
        theta = 90.0 - (2.0 * DegreeTrig.ASinD(s));
        return true;
    }

    public bool TryProject(double phi, double theta, out double x, out double y)
    {
        ZenithalGeometry.ToPlane(phi, TwoR0 * DegreeTrig.SinD((90.0 - theta) / 2.0), out x, out y);
        return true;
    }
}
