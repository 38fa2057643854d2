namespace VoServices.Fits;

/// <summary>
/// The file is valid FITS but uses a feature this library does not implement, e.g. the PLIO_1 or HCOMPRESS_1 tile
/// compression algorithms, random-groups data read as an image, or an image axis longer than 2^31-1 pixels.
/// </summary>
public sealed class FitsNotSupportedException : NotSupportedException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">The unsupported feature.</param>
    /// <param name="hduIndex">0-based index of the HDU, when known.</param>
    public FitsNotSupportedException(string message, int? hduIndex = null)
        : base(hduIndex is { } i ? $"HDU {i.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {message}" : message)
    {
        HduIndex = hduIndex;
    }

    /// <summary>0-based index of the HDU in the file, or null.</summary>
    public int? HduIndex { get; }
}
