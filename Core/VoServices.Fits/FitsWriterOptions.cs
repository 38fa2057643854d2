namespace VoServices.Fits;

/// <summary>Options of <see cref="FitsWriter"/>.</summary>
public sealed record FitsWriterOptions
{
    /// <summary>
    /// Write DATASUM and CHECKSUM in every HDU (FITS Checksum convention); default true. The values carry no
    /// timestamp, so the same input gives the same bytes.
    /// </summary>
    public bool Checksums { get; init; } = true;
}
