namespace VoServices.Fits;

/// <summary>
/// The bytes do not follow the FITS 4.0 standard (or the tiled-image-compression convention) closely enough to be
/// read: not a FITS file, a missing END card, a mandatory keyword missing or of the wrong type, a truncated data unit,
/// a corrupt compressed tile. The message names the HDU and keyword when they are known.
/// </summary>
public sealed class FitsFormatException : FormatException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What was wrong, citing the rule (e.g. "FITS 4.0 §4.4.1.1").</param>
    /// <param name="hduIndex">0-based index of the HDU being read, when known.</param>
    /// <param name="keyword">The offending keyword, when there is one.</param>
    /// <param name="innerException">The underlying failure, e.g. an <see cref="InvalidDataException"/> from GZIP.</param>
    public FitsFormatException(string message, int? hduIndex = null, string? keyword = null,
        Exception? innerException = null)
        : base(Describe(message, hduIndex, keyword), innerException)
    {
        HduIndex = hduIndex;
        Keyword = keyword;
    }

    /// <summary>0-based index of the HDU in the file, or null.</summary>
    public int? HduIndex { get; }

    /// <summary>The keyword concerned, or null.</summary>
    public string? Keyword { get; }

    private static string Describe(string message, int? hduIndex, string? keyword)
    {
        var where = (hduIndex, keyword) switch
        {
            (null, null) => "",
            ({ } i, null) => $"HDU {i.ToString(System.Globalization.CultureInfo.InvariantCulture)}: ",
            (null, { } k) => $"{k}: ",
            ({ } i, { } k) => $"HDU {i.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {k}: ",
        };
        return where + message;
    }
}
