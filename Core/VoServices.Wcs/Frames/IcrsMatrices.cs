using VoServices.Wcs.Spherical;

namespace VoServices.Wcs.Frames;

/// <summary>
/// The linear part of each frame's conversion to ICRS, built exactly as astropy 5.2's transform graph composes it
/// (builtin_frames/icrs_fk5_transforms.py, fk4_fk5_transforms.py, galactic_transforms.py).
/// </summary>
internal static class IcrsMatrices
{
    /// <summary>ICRS → FK5 J2000 frame bias from USNO Circular 179 (η0 = −19.9 mas, ξ0 = 9.1 mas, dα0 = −22.9 mas).</summary>
    public static Matrix3 IcrsToFk5J2000 { get; } =
        Matrix3.Rotation(0, 19.9 / 3.6e6) * Matrix3.Rotation(1, 9.1 / 3.6e6) * Matrix3.Rotation(2, -22.9 / 3.6e6);

    /// <summary>
    /// FK5 J2000 → galactic: R3(180° − l_NCP) · R2(90° − δ_NGP) · R3(α_NGP) with the J2000 pole (192.8594812065348,
    /// 27.12825118085622) and l0 = 122.9319185680026 that astropy derives from the IAU 1958 B1950 definition.
    /// </summary>
    public static Matrix3 Fk5J2000ToGalactic { get; } =
        Matrix3.Rotation(2, 180.0 - 122.9319185680026) * Matrix3.Rotation(1, 90.0 - 27.12825118085622)
        * Matrix3.Rotation(2, 192.8594812065348);

    // Murray 1989 (A&A 218, 325) eq. 28: the B1950 → J2000 matrix for FK4 without E-terms.
    private static readonly Matrix3 B1950ToJ2000 = new(
        0.9999256794956877, -0.0111814832204662, -0.0048590038153592,
        0.0111814832391717, +0.9999374848933135, -0.0000271625947142,
        0.0048590037723143, -0.0000271702937440, +0.9999881946023742);

    // Murray 1989 eq. 29: the correction per Julian century because FK4 is a rotating system.
    private static readonly Matrix3 Fk4Correction = new Matrix3(
        -0.0026455262, -1.1539918689, +2.1111346190,
        +1.1540628161, -0.0129042997, +0.0236021478,
        -2.1112979048, -0.0056024448, +0.0102587734).Scale(1.0e-6);

    /// <summary>The matrix from a frame's (E-term free) vector to ICRS.</summary>
    public static Matrix3 ToIcrs(CelestialFrame frame) => frame.Kind switch
    {
        CelestialFrameKind.Icrs => Matrix3.Identity,
        CelestialFrameKind.Fk5 => IcrsToFk5J2000.Transpose() * Precession.Julian(frame.Equinox ?? 2000.0, 2000.0),
        CelestialFrameKind.Galactic => IcrsToFk5J2000.Transpose() * Fk5J2000ToGalactic.Transpose(),
        _ => IcrsToFk5J2000.Transpose() * Fk4ToFk5(frame),
    };

    /// <summary>astropy fk4_no_e_to_fk5: B(obstime) · P_Newcomb(equinox → B1950).</summary>
    private static Matrix3 Fk4ToFk5(CelestialFrame frame)
    {
        var equinox = frame.Equinox ?? 1950.0;
        var epoch = frame.ObservationEpoch ?? Epochs.JdToJulianEpoch(Epochs.BesselianEpochToJd(equinox));
        var t = (epoch - 1950.0) / 100.0; // Julian centuries, as astropy (not Besselian)
        var b = B1950ToJ2000 + Fk4Correction.Scale(t);
        return b * Precession.Besselian(equinox, 1950.0);
    }
}
