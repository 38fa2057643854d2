using VoServices.Wcs.Spherical;

namespace VoServices.Wcs.Projections;

/// <summary>
/// Orthographic/synthesis projection, Paper II §5.1.5 (eqs. 38–45 with ξ = PV2_1, η = PV2_2). With ξ = η = 0 it is
/// the plain orthographic projection whose far hemisphere (θ &lt; 0) is invalid. The numerics (small-angle forms near
/// the pole, the choice of root) follow WCSLIB's sins2x/sinx2s.
/// </summary>
internal sealed class SinProjection : IProjection
{
    private readonly double xi;
    private readonly double eta;
    private readonly double slant2;

    public SinProjection(double xi, double eta)
    {
        this.xi = xi;
        this.eta = eta;
        slant2 = (xi * xi) + (eta * eta);
    }

    public ProjectionCode Code => ProjectionCode.Sin;

    public double Phi0 => 0.0;

    public double Theta0 => 90.0;

    public bool TryDeproject(double x, double y, out double phi, out double theta)
    {
        var x0 = x / ZenithalGeometry.R0;
        var y0 = y / ZenithalGeometry.R0;
        var r2 = (x0 * x0) + (y0 * y0);
        if (slant2 == 0.0)
        {
            phi = r2 != 0.0 ? DegreeTrig.ATan2D(x0, -y0) : 0.0;
            // acos near the pole and asin near the limb keep full precision (eq. 41 written two ways).
            theta = r2 < 0.5 ? DegreeTrig.ACosD(Math.Sqrt(r2))
                : r2 <= 1.0 ? DegreeTrig.ASinD(Math.Sqrt(1.0 - r2))
                : double.NaN;
            return !double.IsNaN(theta);
        }
        if (!TrySlantSinTheta(x0, y0, r2, out theta, out var z))
        {
            phi = double.NaN;
            return false;
        }
        var x1 = -y0 + (eta * z);
        var y1 = x0 - (xi * z);
        phi = x1 == 0.0 && y1 == 0.0 ? 0.0 : DegreeTrig.ATan2D(y1, x1);
        return true;
    }

    public bool TryProject(double phi, double theta, out double x, out double y)
    {
        var t = (90.0 - Math.Abs(theta)) * DegreeTrig.D2R;
        double z;
        double cosTheta;
        if (t < 1.0e-5)
        {
            z = theta > 0.0 ? t * t / 2.0 : 2.0 - (t * t / 2.0);
            cosTheta = t;
        }
        else
        {
            z = 1.0 - DegreeTrig.SinD(theta);
            cosTheta = DegreeTrig.CosD(theta);
        }
        var r = ZenithalGeometry.R0 * cosTheta;
        DegreeTrig.SinCosD(phi, out var sinPhi, out var cosPhi);
        // Far-side limit: θ below −atan(ξ sin φ − η cos φ) is hidden (eq. 45); θ < 0 when ξ = η = 0.
        var limit = slant2 == 0.0 ? 0.0 : -DegreeTrig.ATanD((xi * sinPhi) - (eta * cosPhi));
        if (theta < limit)
        {
            x = y = double.NaN;
            return false;
        }
        z *= ZenithalGeometry.R0;
        x = (r * sinPhi) + (xi * z);
        y = (-r * cosPhi) + (eta * z);
        return true;
    }

    private bool TrySlantSinTheta(double x0, double y0, double r2, out double theta, out double z)
    {
        var xy = (x0 * xi) + (y0 * eta);
        if (r2 < 1.0e-10)
        {
            z = r2 / 2.0;
            theta = 90.0 - (DegreeTrig.R2D * Math.Sqrt(r2 / (1.0 + xy)));
            return true;
        }
        // Quadratic in sin θ (eq. 44); take the root nearer the native pole.
        var a = slant2 + 1.0;
        var b = xy - slant2;
        var c = r2 - xy - xy + slant2 - 1.0;
        var d = (b * b) - (a * c);
        theta = z = double.NaN;
        if (d < 0.0)
        {
            return false;
        }
        d = Math.Sqrt(d);
        var s1 = (-b + d) / a;
        var s2 = (-b - d) / a;
        var s = Math.Max(s1, s2);
        if (s > 1.0)
        {
            s = s - 1.0 < ZenithalGeometry.Tolerance ? 1.0 : Math.Min(s1, s2);
        }
        if (s < -1.0 && s + 1.0 > -ZenithalGeometry.Tolerance)
        {
            s = -1.0;
        }
        if (s is > 1.0 or < -1.0)
        {
            return false;
        }
        theta = DegreeTrig.ASinD(s);
        z = 1.0 - s;
        return true;
    }
}
