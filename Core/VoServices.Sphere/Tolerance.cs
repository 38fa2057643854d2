namespace VoServices.Sphere;

/// <summary>
/// Numerical tolerances. Positions are double unit vectors, whose rounding is ~1e-16 rad (2e-11 arcsec); the
/// tolerances sit two orders of magnitude above that and far below the milliarcsecond scale (4.8e-9 rad) the
/// shapes must resolve.
/// </summary>
internal static class Tolerance
{
    /// <summary>Angles below this (radians, ~2 nas) are treated as zero: boundary hits, coincident points.</summary>
    public const double Angle = 1e-14;

    /// <summary>The squared chord of <see cref="Angle"/>.</summary>
    public const double CoincidentChordSquared = Angle * Angle;

    /// <summary>Relative tolerance between the two regions' areas of a polygon that would make it ambiguous.</summary>
    public const double HemisphereArea = 1e-9;
}
