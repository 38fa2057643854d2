using VoServices.Wcs.Spherical;

namespace VoServices.Wcs.Projections;

/// <summary>Stereographic projection, Paper II §5.1.4: R_θ = 2 r0 tan((90° − θ)/2) (eq. 58); the antipode is
/// at infinity.</summary>
internal sealed class StgProjection : IProjection
{
    private const double TwoR0 = 2.0 * ZenithalGeometry.R0;

    public ProjectionCode Code => ProjectionCode.Stg;

    public double Phi0 => 0.0;

    public double Theta0 => 90.0;

    public bool TryDeproject(double x, double y, out double phi, out double theta)
    {
        var r = Math.Sqrt((x * x) + (y * y));
        phi = ZenithalGeometry.Phi(x, y, r);
        theta = 90.0 - (2.0 * DegreeTrig.ATanD(r / TwoR0));
        return true;
    }

    public bool TryProject(double phi, double theta, out double x, out double y)
    {
        var s = 1.0 + DegreeTrig.SinD(theta);
        if (s == 0.0)
        {
            x = y = double.NaN;
            return false;
        }
        // R = 2 r0 cos θ / (1 + sin θ), the same quantity as eq. 58 without a tangent near 90°.
        ZenithalGeometry.ToPlane(phi, TwoR0 * DegreeTrig.CosD(theta) / s, out x, out y);
        return true;
    }
}
