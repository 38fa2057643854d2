using System.Buffers;
using System.Globalization;
using VoServices.Fits.IO;

namespace VoServices.Fits;

/// <summary>
/// One header-and-data unit of a <see cref="FitsFile"/> (FITS 4.0 §3.3): its parsed header and where its data unit
/// lies. Data are read only when asked, by positioned reads; the object is thread-safe.
/// </summary>
public sealed class FitsHdu
{
    private readonly ByteSource source;
    private readonly Lazy<FitsImage> image;
    private readonly Lazy<FitsBinaryTable> table;

    internal FitsHdu(ByteSource source, int index, FitsHeader header, long headerOffset, long dataOffset,
        long dataLength, FitsHduKind kind)
    {
        this.source = source;
        Index = index;
        Header = header;
        HeaderOffset = headerOffset;
        DataOffset = dataOffset;
        DataLength = dataLength;
        Kind = kind;
        image = new Lazy<FitsImage>(() => new FitsImage(this));
        table = new Lazy<FitsBinaryTable>(() => new FitsBinaryTable(this));
    }

    /// <summary>0-based position in the file (0 is the primary HDU).</summary>
    public int Index { get; }

    /// <summary>What the HDU holds.</summary>
    public FitsHduKind Kind { get; }

    /// <summary>The header as stored (for a compressed image: the BINTABLE header; see <see cref="FitsImage.Header"/>).</summary>
    public FitsHeader Header { get; }

    /// <summary>Byte offset of the header in the file.</summary>
    public long HeaderOffset { get; }

    /// <summary>Byte offset of the data unit (a multiple of 2880).</summary>
    public long DataOffset { get; }

    /// <summary>Size of the data unit in bytes without padding (FITS 4.0 §4.4.1.1 Eq. 1, §7.1.1 Eq. 2).</summary>
    public long DataLength { get; }

    /// <summary>EXTNAME, or null.</summary>
    public string? Name => Header.GetValue("EXTNAME") as string;

    /// <summary>EXTVER (default 1, FITS 4.0 §4.4.2.6).</summary>
    public long Version => Header.GetValue("EXTVER") is long v ? v : 1;

    /// <summary>True when the HDU holds pixels: a non-empty image or a compressed image.</summary>
    public bool HasImage => Kind == FitsHduKind.CompressedImage
        || Kind == FitsHduKind.Image && Header.GetInt64("NAXIS", 0) > 0 && DataLength > 0;

    /// <summary>The pixel view of this HDU (created once).</summary>
    /// <exception cref="InvalidOperationException">The HDU holds no image (<see cref="HasImage"/> is false).</exception>
    /// <exception cref="FitsFormatException">The image header is malformed.</exception>
    /// <exception cref="FitsNotSupportedException">E.g. an axis longer than 2^31-1 or an unknown ZCMPTYPE.</exception>
    public FitsImage AsImage()
    {
        if (!HasImage)
        {
            throw new InvalidOperationException(
                $"HDU {Index.ToString(CultureInfo.InvariantCulture)} ({Kind}) holds no image data");
        }
        return image.Value;
    }

    /// <summary>The binary-table view (for a compressed image: the table of compressed tiles).</summary>
    /// <exception cref="InvalidOperationException">The HDU is not a BINTABLE.</exception>
    /// <exception cref="FitsFormatException">The table header is malformed.</exception>
    public FitsBinaryTable AsBinaryTable()
    {
        if (Kind is not (FitsHduKind.BinaryTable or FitsHduKind.CompressedImage))
        {
            throw new InvalidOperationException(
                $"HDU {Index.ToString(CultureInfo.InvariantCulture)} ({Kind}) is not a binary table");
        }
        return table.Value;
    }

    /// <summary>Reads bytes of the data unit starting <paramref name="offset"/> bytes into it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range leaves the data unit.</exception>
    /// <exception cref="FitsFormatException">The file is truncated.</exception>
    public void ReadData(long offset, Span<byte> destination)
    {
        if (offset < 0 || offset + destination.Length > DataLength)
        {
            throw new ArgumentOutOfRangeException(nameof(offset),
                $"bytes {offset}..{offset + destination.Length} are outside the data unit of {DataLength} bytes");
        }
        source.ReadExactly(DataOffset + offset, destination, Index);
    }

    /// <summary>
    /// Checks DATASUM and CHECKSUM (FITS Checksum convention §4) by reading the header blocks and the padded data.
    /// </summary>
    /// <exception cref="FitsFormatException">The file is truncated.</exception>
    public FitsChecksumResult VerifyChecksum()
    {
        var hasChecksum = Header.Contains("CHECKSUM");
        var datasumText = Header.GetValue("DATASUM") as string;
        if (!hasChecksum && datasumText is null)
        {
            return new FitsChecksumResult(null, null);
        }
        var dataSum = SumRange(DataOffset, PaddedLength(DataLength));
        bool? dataOk = datasumText is null
            ? null
            : ulong.TryParse(datasumText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var expected)
              && expected == dataSum;
        bool? hduOk = null;
        if (hasChecksum)
        {
            var total = FitsChecksum.Add(SumRange(HeaderOffset, DataOffset - HeaderOffset), dataSum);
            hduOk = total is 0xFFFFFFFF or 0;
        }
        return new FitsChecksumResult(dataOk, hduOk);
    }

    /// <summary><paramref name="length"/> rounded up to whole 2880-byte blocks.</summary>
    internal static long PaddedLength(long length) =>
        (length + FitsHeader.BlockSize - 1) / FitsHeader.BlockSize * FitsHeader.BlockSize;

    internal ByteSource Source => source;

    private uint SumRange(long offset, long length)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(FitsHeader.BlockSize * 364);
        try
        {
            uint sum = 0;
            for (long done = 0; done < length;)
            {
                var n = (int)Math.Min(buffer.Length - buffer.Length % 4, length - done);
                var span = buffer.AsSpan(0, n);
                // Padding missing at the end of a file counts as zeros, which add nothing to the sum.
                var got = source.Read(offset + done, span);
                span[got..].Clear();
                sum = FitsChecksum.Accumulate(sum, span);
                done += n;
            }
            return sum;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
