namespace VoServices.Wcs;

/// <summary>
/// The header declares a celestial WCS but its keywords are missing, of the wrong type or inconsistent: a
/// non-numeric CRVAL, a singular CD/PC matrix, a lone RA axis without DEC, an impossible LONPOLE/LATPOLE
/// (Calabretta &amp; Greisen 2002, Paper II §2.4), a CTYPE whose projection differs between the two axes.
/// </summary>
public sealed class WcsFormatException : FormatException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What is wrong, citing the rule.</param>
    /// <param name="keyword">The offending keyword, when there is one.</param>
    public WcsFormatException(string message, string? keyword = null)
        : base(keyword is null ? message : $"{keyword}: {message}")
    {
        Keyword = keyword;
    }

    /// <summary>The keyword concerned, or null.</summary>
    public string? Keyword { get; }
}
