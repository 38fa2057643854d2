namespace VoServices.Fits.IO;

/// <summary>
/// Positioned, thread-safe reads of the bytes of a FITS file: every read says where it starts, so HDUs, rows and
/// tiles can be fetched independently without reading the rest of the file.
/// </summary>
internal abstract class ByteSource : IDisposable
{
    /// <summary>Total length in bytes.</summary>
    public abstract long Length { get; }

    /// <summary>Reads up to <paramref name="destination"/>.Length bytes at <paramref name="offset"/>.</summary>
    /// <returns>The number of bytes read: less than asked only at the end of the source.</returns>
    public abstract int Read(long offset, Span<byte> destination);

    /// <summary>Fills <paramref name="destination"/> from <paramref name="offset"/>.</summary>
    /// <exception cref="FitsFormatException">The source ends first (a truncated file).</exception>
    public void ReadExactly(long offset, Span<byte> destination, int? hduIndex = null)
    {
        var done = 0;
        while (done < destination.Length)
        {
            var n = Read(offset + done, destination[done..]);
            if (n <= 0)
            {
                throw new FitsFormatException(
                    $"the file ends at byte {Length} but data is needed up to byte {offset + destination.Length} " +
                    "(truncated file?)", hduIndex);
            }
            done += n;
        }
    }

    public abstract void Dispose();
}
