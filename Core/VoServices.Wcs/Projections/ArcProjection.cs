using VoServices.Wcs.Spherical;

namespace VoServices.Wcs.Projections;

/// <summary>Zenithal equidistant projection, Paper II §5.1.6: R_θ = 90° − θ (eq. 65, r0 = 180/π).</summary>
internal sealed class ArcProjection : IProjection
{
    public ProjectionCode Code => ProjectionCode.Arc;

    public double Phi0 => 0.0;

    public double Theta0 => 90.0;

    public bool TryDeproject(double x, double y, out double phi, out double theta)
    {
        var r = Math.Sqrt((x * x) + (y * y));
        phi = ZenithalGeometry.Phi(x, y, r);
        theta = 90.0 - r;
        // Beyond the antipode (R > 180°) there is no point on the sphere (WCSLIB prjbchk).
        return theta >= -90.0 - ZenithalGeometry.Tolerance;
    }

    public bool TryProject(double phi, double theta, out double x, out double y)
    {
        ZenithalGeometry.ToPlane(phi, 90.0 - theta, out x, out y);
        return true;
    }
}
