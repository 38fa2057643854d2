using VoServices.Wcs.Spherical;

namespace VoServices.Wcs.Projections;

/// <summary>Gnomonic projection, Paper II §5.1.3: R_θ = r0 cot θ (eq. 54); the far hemisphere is invalid.</summary>
internal sealed class TanProjection : IProjection
{
    public ProjectionCode Code => ProjectionCode.Tan;

    public double Phi0 => 0.0;

    public double Theta0 => 90.0;

    public bool TryDeproject(double x, double y, out double phi, out double theta)
    {
        var r = Math.Sqrt((x * x) + (y * y));
        phi = ZenithalGeometry.Phi(x, y, r);
        theta = DegreeTrig.ATan2D(ZenithalGeometry.R0, r);
        return true;
    }

    public bool TryProject(double phi, double theta, out double x, out double y)
    {
        var s = DegreeTrig.SinD(theta);
        if (s <= 0.0)
        {
            x = y = double.NaN;
            return false;
        }
        var r = ZenithalGeometry.R0 * DegreeTrig.CosD(theta) / s;
        ZenithalGeometry.ToPlane(phi, r, out x, out y);
        return true;
    }
}
