using VoServices.Wcs.Spherical;

namespace VoServices.Wcs.Frames;

/// <summary>
/// The E-terms of aberration that FK4 mean places include (Standish 1982; Aoki et al. 1983), computed at the
/// equinox as astropy's <c>fk4_e_terms</c> does: k = 20.496″ (0.0056932°), the eccentricity and mean longitude of
/// perigee of the Explanatory Supplement (1992) and the IAU 1980 obliquity.
/// </summary>
internal static class ETerms
{
    /// <summary>The E-term vector A for a Besselian equinox.</summary>
    public static Vector3D Vector(double besselianEquinox)
    {
        var jd = Epochs.BesselianEpochToJd(besselianEquinox);
        var t = (jd - Epochs.BesselianEpochToJd(1950.0)) / Epochs.JulianCentury;
        var e = (((-0.000000126 * t) - 0.00004193) * t) + 0.01673011;
        var g = ((((((0.012 * t) + 1.65) * t) + 6190.67) * t) + 1015489.951) / 3600.0;
        var tj = (jd - Epochs.J2000) / Epochs.JulianCentury;
        // ERFA obl80.
        var o = (84381.448 + ((-46.8150 + ((-0.00059 + (0.001813 * tj)) * tj)) * tj)) / 3600.0;
        var k = 0.0056932 * DegreeTrig.D2R;
        var (sg, cg) = Math.SinCos(g * DegreeTrig.D2R);
        var (so, co) = Math.SinCos(o * DegreeTrig.D2R);
        return new Vector3D(e * k * sg, -e * k * cg * co, -e * k * cg * so);
    }

    /// <summary>FK4 → FK4-NO-E: r' ∝ r − A + (A·r) r (astropy fk4_to_fk4_no_e), for a unit vector.</summary>
    public static Vector3D Remove(Vector3D r, Vector3D a) =>
        r.Subtract(a).Add(r.Scale(a.Dot(r))).Normalized();

    /// <summary>
    /// FK4-NO-E → FK4: the exact inverse of <see cref="Remove"/>, r = unit(k r' + A) where k = |r(1 + A·r) − A|,
    /// solved by fixed-point iteration that contracts by |A| ≈ 1e-6 per step.
    /// </summary>
    public static Vector3D Add(Vector3D rPrime, Vector3D a)
    {
        var r = rPrime.Add(a).Normalized();
        // Start error ~|A|² ≈ 1e-12; two steps leave ~1e-24.
        for (var i = 0; i < 2; i++)
        {
            var k = r.Scale(1.0 + a.Dot(r)).Subtract(a).Norm;
            r = rPrime.Scale(k).Add(a).Normalized();
        }
        return r;
    }
}
