namespace VoServices.Wcs;

/// <summary>
/// The header is a valid celestial WCS that this library does not implement: a projection other than TAN, SIN,
/// ARC, ZEA, STG, ZPN, CAR and AIT (with TAN-SIP and the DSS plate solution), ecliptic/helioecliptic or
/// supergalactic axes, RADESYS GAPPT, Paper IV distortions, or celestial axes coupled to a spectral axis.
/// </summary>
public sealed class WcsNotSupportedException : NotSupportedException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">The unsupported feature.</param>
    /// <param name="keyword">The keyword concerned, when there is one.</param>
    public WcsNotSupportedException(string message, string? keyword = null)
        : base(keyword is null ? message : $"{keyword}: {message}")
    {
        Keyword = keyword;
    }

    /// <summary>The keyword concerned, or null.</summary>
    public string? Keyword { get; }
}
