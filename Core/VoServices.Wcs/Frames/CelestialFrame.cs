using System.Globalization;

namespace VoServices.Wcs.Frames;

/// <summary>
/// A celestial reference frame with its equinox: ICRS, FK5 (Julian equinox, default J2000), FK4 or FK4-NO-E
/// (Besselian equinox, default B1950) or galactic. Conversions to and from ICRS follow astropy 5.2 (see
/// <see cref="CelestialFrameTransform"/>).
/// </summary>
public sealed record CelestialFrame
{
    private CelestialFrame(CelestialFrameKind kind, double? equinox, double? observationEpoch)
    {
        if (equinox is { } e && !double.IsFinite(e))
        {
            throw new ArgumentOutOfRangeException(nameof(equinox), "the equinox must be a finite year");
        }
        if (observationEpoch is { } o && !double.IsFinite(o))
        {
            throw new ArgumentOutOfRangeException(nameof(observationEpoch), "the epoch must be a finite year");
        }
        Kind = kind;
        Equinox = equinox;
        ObservationEpoch = observationEpoch;
    }

    /// <summary>ICRS.</summary>
    public static CelestialFrame Icrs { get; } = new(CelestialFrameKind.Icrs, null, null);

    /// <summary>Galactic (IAU 1958, realised as in astropy from the FK5 J2000 pole and origin).</summary>
    public static CelestialFrame Galactic { get; } = new(CelestialFrameKind.Galactic, null, null);

    /// <summary>The frame kind.</summary>
    public CelestialFrameKind Kind { get; }

    /// <summary>The equinox as a year: Julian for FK5, Besselian for FK4 and FK4-NO-E; null for ICRS and galactic.</summary>
    public double? Equinox { get; }

    /// <summary>
    /// FK4 only: the epoch of observation as a Julian year, which enters the FK4→FK5 matrix because FK4 rotates
    /// (Murray 1989 eq. 29). Null means "the equinox", which is what astropy uses for a WCS (it does not read
    /// DATE-OBS or MJD-OBS into the frame); the parser therefore leaves it null.
    /// </summary>
    public double? ObservationEpoch { get; }

    /// <summary>FK5 at a Julian equinox (default J2000).</summary>
    public static CelestialFrame Fk5(double equinox = 2000.0) => new(CelestialFrameKind.Fk5, equinox, null);

    /// <summary>FK4 at a Besselian equinox (default B1950) and an optional Julian epoch of observation.</summary>
    public static CelestialFrame Fk4(double equinox = 1950.0, double? observationEpoch = null) =>
        new(CelestialFrameKind.Fk4, equinox, observationEpoch);

    /// <summary>FK4 without E-terms at a Besselian equinox (default B1950) and an optional Julian epoch.</summary>
    public static CelestialFrame Fk4NoETerms(double equinox = 1950.0, double? observationEpoch = null) =>
        new(CelestialFrameKind.Fk4NoETerms, equinox, observationEpoch);

    /// <summary>e.g. "ICRS", "FK5(J2000)", "FK4(B1950)", "FK4(B1950, epoch J1986.77)", "Galactic".</summary>
    public override string ToString()
    {
        var eq = Equinox?.ToString("0.###", CultureInfo.InvariantCulture);
        var epoch = ObservationEpoch is { } o ? ", epoch J" + o.ToString("0.###", CultureInfo.InvariantCulture) : "";
        return Kind switch
        {
            CelestialFrameKind.Icrs => "ICRS",
            CelestialFrameKind.Galactic => "Galactic",
            CelestialFrameKind.Fk5 => $"FK5(J{eq})",
            CelestialFrameKind.Fk4 => $"FK4(B{eq}{epoch})",
            _ => $"FK4-NO-E(B{eq}{epoch})",
        };
    }
}
