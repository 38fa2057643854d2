namespace VoServices.Wcs.PixelMaps;

/// <summary>
/// One SIP polynomial f(u, v) = Σ_{p+q ≤ order} c_pq u^p v^q (Shupe et al. 2005, eqs. 1–2) with its partial
/// derivatives, evaluated without allocation.
/// </summary>
internal sealed class SipPolynomial
{
    private const int MaxOrder = 9;
    private readonly double[] c; // c[p * (Order + 1) + q]

    /// <param name="order">A_ORDER etc., 0…9.</param>
    /// <param name="coefficients">Indexed [p * (order + 1) + q]; entries with p + q &gt; order are ignored.</param>
    public SipPolynomial(int order, double[] coefficients)
    {
        if (order is < 0 or > MaxOrder)
        {
            throw new WcsFormatException($"SIP order must be 0..{MaxOrder} (Shupe et al. 2005)", "A_ORDER");
        }
        Order = order;
        c = coefficients;
    }

    public int Order { get; }

    public double Evaluate(double u, double v)
    {
        var n = Order + 1;
        var sum = 0.0;
        var up = 1.0;
        for (var p = 0; p <= Order; p++)
        {
            // Horner in v for this power of u.
            var inner = 0.0;
            for (var q = Order - p; q >= 0; q--)
            {
                inner = (inner * v) + c[(p * n) + q];
            }
            sum += up * inner;
            up *= u;
        }
        return sum;
    }

    /// <summary>f, ∂f/∂u and ∂f/∂v at (u, v) by nested Horner schemes (no allocation).</summary>
    public double Evaluate(double u, double v, out double du, out double dv)
    {
        var n = Order + 1;
        double f = 0.0, fu = 0.0, fv = 0.0;
        for (var p = Order; p >= 0; p--)
        {
            // P_p(v) = Σ_q c_pq v^q and its derivative, by Horner in v.
            double pv = 0.0, dpv = 0.0;
            for (var q = Order - p; q >= 0; q--)
            {
                dpv = (dpv * v) + pv;
                pv = (pv * v) + c[(p * n) + q];
            }
            // Horner in u over the P_p, carrying ∂/∂u alongside.
            fu = (fu * u) + f;
            f = (f * u) + pv;
            fv = (fv * u) + dpv;
        }
        du = fu;
        dv = fv;
        return f;
    }
}
