namespace VoServices.Wcs.Frames;

/// <summary>The celestial reference systems supported (Greisen &amp; Calabretta 2002 Paper I §3.1; Paper II §3.1).</summary>
public enum CelestialFrameKind
{
    /// <summary>International Celestial Reference System (RADESYS = 'ICRS').</summary>
    Icrs,

    /// <summary>IAU 1976 FK5 mean place at a Julian equinox (RADESYS = 'FK5').</summary>
    Fk5,

    /// <summary>Bessel-Newcomb FK4 mean place at a Besselian equinox, with E-terms of aberration (RADESYS = 'FK4').</summary>
    Fk4,

    /// <summary>FK4 with the E-terms of aberration removed (RADESYS = 'FK4-NO-E').</summary>
    Fk4NoETerms,

    /// <summary>IAU 1958 galactic coordinates (CTYPE GLON/GLAT).</summary>
    Galactic,
}
