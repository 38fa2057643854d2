using VoServices.Wcs.Spherical;

namespace VoServices.Wcs.Projections;

/// <summary>
/// Hammer-Aitoff projection, Paper II §5.3.3 (eqs. 148–151) with (φ0, θ0) = (0, 0). Points outside the bounding
/// ellipse (X/4)² + (Y/2)² ≤ 1/2 (X, Y in radians) are invalid.
/// </summary>
internal sealed class AitProjection : IProjection
{
    private const double R0 = ZenithalGeometry.R0;
    private const double TwoR0Squared = 2.0 * R0 * R0;

    public ProjectionCode Code => ProjectionCode.Ait;

    public double Phi0 => 0.0;

    public double Theta0 => 0.0;

    public bool TryDeproject(double x, double y, out double phi, out double theta)
    {
        phi = theta = double.NaN;
        // Z² = 1 − (X/4)² − (Y/2)² (eq. 150).
        var t = 1.0 - (x * x / (16.0 * R0 * R0)) - (y * y / (4.0 * R0 * R0));
        if (t < 0.5)
        {
            if (t < 0.5 - ZenithalGeometry.Tolerance)
            {
                return false;
            }
            t = 0.5;
        }
        var z = Math.Sqrt(t);
        var x0 = (2.0 * z * z) - 1.0;
        var y0 = z * x / (2.0 * R0);
        phi = x0 == 0.0 && y0 == 0.0 ? 0.0 : 2.0 * DegreeTrig.ATan2D(y0, x0);
        var s = z * y / R0;
        if (Math.Abs(s) > 1.0)
        {
            if (Math.Abs(s) > 1.0 + ZenithalGeometry.Tolerance)
            {
                return false;
            }
            theta = Math.CopySign(90.0, s);
        }
        else
        {
            theta = DegreeTrig.ASinD(s);
        }
        return NativeBounds.Check(ref phi, ref theta);
    }

    public bool TryProject(double phi, double theta, out double x, out double y)
    {
        DegreeTrig.SinCosD(theta, out var sinTheta, out var cosTheta);
        DegreeTrig.SinCosD(phi / 2.0, out var sinHalfPhi, out var cosHalfPhi);
        var d = 1.0 + (cosTheta * cosHalfPhi);
        if (d == 0.0)
        {
            x = y = double.NaN;
            return false;
        }
        // γ = r0 sqrt(2 / (1 + cos θ cos(φ/2))) (eq. 149).
        var gamma = Math.Sqrt(TwoR0Squared / d);
        x = 2.0 * gamma * cosTheta * sinHalfPhi;
        y = gamma * sinTheta;
        return true;
    }
}
