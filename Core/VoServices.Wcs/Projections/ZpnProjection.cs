using VoServices.Wcs.Spherical;

namespace VoServices.Wcs.Projections;

/// <summary>
/// Zenithal polynomial projection, Paper II §5.1.7: R_θ = r0 Σ PV2_m (π/180 (90° − θ))^m (eq. 68). The domain ends
/// at the first turning point of the polynomial (where dR/du = 0), found as WCSLIB's zpnset does; the inverse
/// solves the polynomial by Newton steps safeguarded by bisection inside that domain.
/// </summary>
internal sealed class ZpnProjection : IProjection
{
    private readonly double[] coefficients;
    private readonly double maxZenithDistance;
    private readonly double maxRadius;

    /// <param name="coefficients">PV2_0 … PV2_n, trailing zeros removed, n ≥ 1.</param>
    public ZpnProjection(double[] coefficients)
    {
        var n = coefficients.Length - 1;
        while (n >= 0 && coefficients[n] == 0.0)
        {
            n--;
        }
        if (n < 1)
        {
            throw new WcsFormatException("ZPN needs a non-zero coefficient of degree >= 1 (Paper II §5.1.7)", "PV2_1");
        }
        this.coefficients = coefficients[..(n + 1)];
        maxZenithDistance = FindTurningPoint();
        maxRadius = Polynomial(maxZenithDistance);
    }

    public ProjectionCode Code => ProjectionCode.Zpn;

    public double Phi0 => 0.0;

    public double Theta0 => 90.0;

    public bool TryDeproject(double x, double y, out double phi, out double theta)
    {
        var rDeg = Math.Sqrt((x * x) + (y * y));
        phi = ZenithalGeometry.Phi(x, y, rDeg);
        var r = rDeg / ZenithalGeometry.R0;
        var r1 = coefficients[0];
        if (r < r1 - ZenithalGeometry.Tolerance || r > maxRadius + ZenithalGeometry.Tolerance)
        {
            theta = double.NaN;
            return false;
        }
        var zd = r <= r1 ? 0.0 : r >= maxRadius ? maxZenithDistance : Solve(r);
        theta = 90.0 - (zd * DegreeTrig.R2D);
        return true;
    }

    public bool TryProject(double phi, double theta, out double x, out double y)
    {
        var zd = (90.0 - theta) * DegreeTrig.D2R;
        if (zd > maxZenithDistance)
        {
            x = y = double.NaN;
            return false;
        }
        ZenithalGeometry.ToPlane(phi, ZenithalGeometry.R0 * Polynomial(zd), out x, out y);
        return true;
    }

    private double Polynomial(double u)
    {
        var r = 0.0;
        for (var m = coefficients.Length - 1; m >= 0; m--)
        {
            r = (r * u) + coefficients[m];
        }
        return r;
    }

    private double Derivative(double u)
    {
        var d = 0.0;
        for (var m = coefficients.Length - 1; m > 0; m--)
        {
            d = (d * u) + (m * coefficients[m]);
        }
        return d;
    }

    /// <summary>The zenith distance (radians) where R stops increasing, or π when it never does (zpnset).</summary>
    private double FindTurningPoint()
    {
        if (Derivative(0.0) <= 0.0)
        {
            throw new WcsFormatException("ZPN: dR/dθ at the pole must be positive (PV2_1 > 0, Paper II §5.1.7)",
                "PV2_1");
        }
        if (coefficients.Length < 3)
        {
            return Math.PI;
        }
        double lo = 0.0, hi = double.NaN;
        for (var j = 1; j <= 180; j++)
        {
            var u = j * DegreeTrig.D2R;
            if (Derivative(u) <= 0.0)
            {
                hi = u;
                break;
            }
            lo = u;
        }
        if (double.IsNaN(hi))
        {
            return Math.PI;
        }
        for (var i = 0; i < 200 && hi - lo > 1e-15; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (Derivative(mid) > 0.0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>Solves R(u) = r for u in [0, maxZenithDistance], where R is increasing.</summary>
    private double Solve(double r)
    {
        double lo = 0.0, hi = maxZenithDistance;
        var u = coefficients.Length == 2 ? (r - coefficients[0]) / coefficients[1] : 0.5 * (lo + hi);
        for (var i = 0; i < 100; i++)
        {
            var f = Polynomial(u) - r;
            if (f == 0.0)
            {
                return u;
            }
            if (f < 0.0)
            {
                lo = u;
            }
            else
            {
                hi = u;
            }
            var next = u - (f / Derivative(u));
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }
            if (Math.Abs(next - u) <= 1e-16 * Math.Max(1.0, Math.Abs(u)))
            {
                return next;
            }
            u = next;
        }
        return u;
    }
}
