namespace VoServices.Wcs.Projections;

/// <summary>
/// The celestial projections implemented, by their three-letter FITS code (Calabretta &amp; Greisen 2002,
/// Paper II §5). TAN-SIP is <see cref="Tan"/> with a SIP distortion (Shupe et al. 2005) and the DSS plate
/// solution is <see cref="Tan"/> with a plate polynomial.
/// </summary>
public enum ProjectionCode
{
    /// <summary>Gnomonic (Paper II §5.1.3).</summary>
    Tan,

    /// <summary>Orthographic / synthesis, with optional PV2_1, PV2_2 = ξ, η (Paper II §5.1.5).</summary>
    Sin,

    /// <summary>Zenithal equidistant (Paper II §5.1.6).</summary>
    Arc,

    /// <summary>Zenithal equal-area (Paper II §5.1.8).</summary>
    Zea,

    /// <summary>Stereographic (Paper II §5.1.4).</summary>
    Stg,

    /// <summary>Zenithal polynomial, PV2_0…PV2_20 (Paper II §5.1.7).</summary>
    Zpn,

    /// <summary>Plate carrée (Paper II §5.2.3).</summary>
    Car,

    /// <summary>Hammer-Aitoff (Paper II §5.3.3).</summary>
    Ait,
}
