using VoServices.Wcs.Spherical;

namespace VoServices.Wcs.Frames;

/// <summary>
/// Precession matrices as astropy 5.2 computes them: IAU 2006 (Capitaine et al. 2003; Hilton et al. 2006) via
/// the Fukushima-Williams angles of ERFA pfw06/fw2m/bp06 for FK5, and Newcomb's method (astropy
/// <c>_precession_matrix_besselian</c>, Andoyer's expressions) for FK4.
/// </summary>
internal static class Precession
{
    private const double ArcsecToDeg = 1.0 / 3600.0;

    /// <summary>FK5: the matrix taking a vector at Julian equinox <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static Matrix3 Julian(double from, double to)
    {
        if (from == to)
        {
            return Matrix3.Identity;
        }
        // astropy precession_matrix_Capitaine: P(to) · P(from)ᵀ through J2000, bias excluded.
        return PrecessionFromJ2000(to) * PrecessionFromJ2000(from).Transpose();
    }

    /// <summary>FK4: Newcomb precession from Besselian epoch <paramref name="epoch1"/> to <paramref name="epoch2"/>.</summary>
    public static Matrix3 Besselian(double epoch1, double epoch2)
    {
        if (epoch1 == epoch2)
        {
            return Matrix3.Identity;
        }
        var t1 = (epoch1 - 1850.0) / 1000.0;
        var dt = ((epoch2 - 1850.0) / 1000.0) - t1;
        var zeta1 = 23035.545 + (t1 * 139.720) + (0.060 * t1 * t1);
        var zeta = (((17.995 * dt) + (30.240 - (0.27 * t1))) * dt + zeta1) * dt * ArcsecToDeg;
        var z = (((18.325 * dt) + (109.480 + (0.39 * t1))) * dt + zeta1) * dt * ArcsecToDeg;
        var theta1 = 20051.12 - (85.29 * t1) - (0.37 * t1 * t1);
        var theta = (((-41.8 * dt) + (-42.65 - (0.37 * t1))) * dt + theta1) * dt * ArcsecToDeg;
        return Matrix3.Rotation(2, -z) * Matrix3.Rotation(1, theta) * Matrix3.Rotation(2, -zeta);
    }

    /// <summary>ERFA bp06's precession-only matrix rp = rbp · rbᵀ at Julian epoch <paramref name="epoch"/> (TT).</summary>
    private static Matrix3 PrecessionFromJ2000(double epoch)
    {
        var t = (Epochs.JulianEpochToJd(epoch) - Epochs.J2000) / Epochs.JulianCentury;
        return FukushimaWilliams(t) * FukushimaWilliams(0.0).Transpose();
    }

    /// <summary>ERFA pfw06 angles at <paramref name="t"/> Julian centuries from J2000, then fw2m.</summary>
    private static Matrix3 FukushimaWilliams(double t)
    {
        var gamb = (-0.052928 + ((10.556378 + ((0.4932044 + ((-0.00031238 + ((-0.000002788
            + (0.0000000260 * t)) * t)) * t)) * t)) * t)) * ArcsecToDeg;
        var phib = (84381.412819 + ((-46.811016 + ((0.0511268 + ((0.00053289 + ((-0.000000440
            + (-0.0000000176 * t)) * t)) * t)) * t)) * t)) * ArcsecToDeg;
        var psib = (-0.041775 + ((5038.481484 + ((1.5584175 + ((-0.00018522 + ((-0.000026452
            + (-0.0000000148 * t)) * t)) * t)) * t)) * t)) * ArcsecToDeg;
        // ERFA obl06: mean obliquity, IAU 2006.
        var epsa = (84381.406 + ((-46.836769 + ((-0.0001831 + ((0.00200340 + ((-0.000000576
            + (-0.0000000434 * t)) * t)) * t)) * t)) * t)) * ArcsecToDeg;
        // fw2m: R1(−ε_A) · R3(−ψ) · R1(φ) · R3(γ).
        return Matrix3.Rotation(0, -epsa) * Matrix3.Rotation(2, -psib) * Matrix3.Rotation(0, phib)
            * Matrix3.Rotation(2, gamb);
    }
}
