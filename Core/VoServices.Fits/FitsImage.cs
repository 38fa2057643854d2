using System.Buffers;
using System.Globalization;
using System.Numerics;
using VoServices.Fits.Compression;
using VoServices.Fits.Pixels;

namespace VoServices.Fits;

/// <summary>
/// The pixels of an image HDU (primary array or IMAGE extension, FITS 4.0 §5 and §7.1) or of a tile-compressed
/// image (tiled image compression convention), read region by region: only the rows (or compressed tiles) a
/// region needs are read and decoded. Thread-safe.
/// </summary>
/// <remarks>
/// <para>Coordinates are 0-based pixel indices: x along NAXIS1 (FITS pixel 1 is x = 0), y along NAXIS2; a "plane"
/// numbers the combinations of the further axes, NAXIS3 fastest. Results are row-major with x fastest and rows in
/// increasing y, i.e. the C order of numpy's <c>data[plane][y][x]</c>.</para>
/// <para>Physical values are BZERO + BSCALE × stored (FITS 4.0 §5.3); stored values equal to BLANK (integer
/// images) become NaN. Quantized floating-point tiles are restored with the convention's dithering, giving
/// bit for bit the values CFITSIO reads.</para>
/// </remarks>
public sealed class FitsImage
{
    private const int ChunkBytes = 4 << 20;
    private readonly PixelStore store;
    private readonly int[] axes;

    internal FitsImage(FitsHdu hdu)
    {
        Hdu = hdu;
        if (hdu.Kind == FitsHduKind.CompressedImage)
        {
            var tiled = new TiledPixelStore(hdu);
            Header = tiled.ImageHeader;
            Compression = tiled.Description;
            store = tiled;
        }
        else
        {
            Header = hdu.Header;
        }
        Bitpix = Header.GetInt32("BITPIX");
        axes = ReadAxes(Header, hdu.Index);
        Bscale = Header.GetDouble("BSCALE", 1.0);
        Bzero = Header.GetDouble("BZERO", 0.0);
        Blank = Bitpix > 0 && Header.TryGetInt64("BLANK", out var blank) ? blank : null;
        PlaneCount = axes.Skip(2).Aggregate(1L, (a, n) => a * n);
        store ??= new UncompressedPixelStore(hdu, BytesPerPixel, Width, Height);
    }

    /// <summary>The HDU holding the image.</summary>
    public FitsHdu Hdu { get; }

    /// <summary>
    /// The image header: for an uncompressed HDU its header; for a compressed one the header of the image it
    /// stands for (ZBITPIX→BITPIX, ZNAXISn→NAXISn, …, table and compression keywords removed, convention §4).
    /// </summary>
    public FitsHeader Header { get; }

    /// <summary>BITPIX of the stored values: 8, 16, 32, 64, -32 or -64 (FITS 4.0 Table 8).</summary>
    public int Bitpix { get; }

    /// <summary>NAXIS1, NAXIS2, …: the length of each axis.</summary>
    public IReadOnlyList<int> Naxis => axes;

    /// <summary>NAXIS1.</summary>
    public int Width => axes[0];

    /// <summary>NAXIS2 (1 for a one-dimensional image).</summary>
    public int Height => axes.Length > 1 ? axes[1] : 1;

    /// <summary>NAXIS3 × NAXIS4 × … (1 for a 2-D image).</summary>
    public long PlaneCount { get; }

    /// <summary>BSCALE (default 1).</summary>
    public double Bscale { get; }

    /// <summary>BZERO (default 0).</summary>
    public double Bzero { get; }

    /// <summary>BLANK for integer images, or null.</summary>
    public long? Blank { get; }

    /// <summary>How the image is tile-compressed, or null for an uncompressed image.</summary>
    public FitsTileCompression? Compression { get; }

    /// <summary>Compressed tiles decoded so far (0 for uncompressed images); tests use it to prove locality.</summary>
    internal long TilesDecoded => store is TiledPixelStore tiled ? tiled.TilesDecoded : 0;

    /// <summary>Bytes per stored value (|BITPIX| / 8).</summary>
    public int BytesPerPixel => Math.Abs(Bitpix) / 8;

    /// <summary>Physical values of a sub-rectangle as doubles (layout in the class remarks).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rectangle or plane is not inside the image.</exception>
    /// <exception cref="FitsFormatException">Truncated file or corrupt compressed tile.</exception>
    public double[] ReadRegion(int x0, int y0, int width, int height, long plane = 0)
    {
        var result = new double[CheckRegion(x0, y0, width, height, plane)];
        ReadRegion(x0, y0, width, height, plane, result.AsSpan());
        return result;
    }

    /// <summary>Physical values of a sub-rectangle as floats (a double result rounded to single precision).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rectangle or plane is not inside the image.</exception>
    /// <exception cref="FitsFormatException">Truncated file or corrupt compressed tile.</exception>
    public float[] ReadRegionSingle(int x0, int y0, int width, int height, long plane = 0)
    {
        var result = new float[CheckRegion(x0, y0, width, height, plane)];
        ReadRegion(x0, y0, width, height, plane, result.AsSpan());
        return result;
    }

    /// <summary>Physical values of a sub-rectangle into a caller's buffer of width × height elements.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Bad rectangle, plane or buffer length.</exception>
    /// <exception cref="FitsFormatException">Truncated file or corrupt compressed tile.</exception>
    public void ReadRegion(int x0, int y0, int width, int height, long plane, Span<double> destination) =>
        ReadCore(x0, y0, width, height, plane, destination);

    /// <inheritdoc cref="ReadRegion(int, int, int, int, long, Span{double})"/>
    public void ReadRegion(int x0, int y0, int width, int height, long plane, Span<float> destination) =>
        ReadCore(x0, y0, width, height, plane, destination);

    /// <summary>All physical values of one plane (Width × Height doubles).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such plane.</exception>
    public double[] ReadPlane(long plane = 0) => ReadRegion(0, 0, Width, Height, plane);

    /// <summary>All physical values of one plane as floats.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such plane.</exception>
    public float[] ReadPlaneSingle(long plane = 0) => ReadRegionSingle(0, 0, Width, Height, plane);

    /// <summary>
    /// The stored values of a sub-rectangle as big-endian bytes in <see cref="Bitpix"/> encoding, exactly as an
    /// uncompressed data unit of that shape would hold them (ready to write as a cut-out with the same BSCALE,
    /// BZERO and BLANK). For quantized compressed images these are the restored floating-point values.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rectangle or plane is not inside the image.</exception>
    public byte[] ReadRegionRaw(int x0, int y0, int width, int height, long plane = 0)
    {
        var count = CheckRegion(x0, y0, width, height, plane);
        var result = new byte[checked(count * BytesPerPixel)];
        var rowBytes = width * BytesPerPixel;
        foreach (var (y, rows) in Bands(y0, height, rowBytes))
        {
            store.ReadRaw(x0, y, width, rows, plane, result.AsSpan((y - y0) * rowBytes, rows * rowBytes));
        }
        return result;
    }

    private void ReadCore<T>(int x0, int y0, int width, int height, long plane, Span<T> destination)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var count = CheckRegion(x0, y0, width, height, plane);
        if (destination.Length != count)
        {
            throw new ArgumentOutOfRangeException(nameof(destination),
                $"the buffer holds {destination.Length} values but the region has {count}");
        }
        if (count == 0)
        {
            return;
        }
        var rowBytes = width * BytesPerPixel;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(height, MaxBandRows(rowBytes)) * rowBytes);
        try
        {
            foreach (var (y, rows) in Bands(y0, height, rowBytes))
            {
                var raw = buffer.AsSpan(0, rows * rowBytes);
                store.ReadRaw(x0, y, width, rows, plane, raw);
                PixelConverter.Convert(raw, Bitpix, Bscale, Bzero, Blank,
                    destination.Slice((y - y0) * width, rows * width));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private int MaxBandRows(int rowBytes) => Math.Max(Math.Max(1, ChunkBytes / rowBytes), store.BandAlignment);

    /// <summary>
    /// Splits rows y0..y0+height-1 into bands of at most about 4 MB of stored values, ending on tile-row boundaries
    /// so that each compressed tile is decoded once.
    /// </summary>
    private IEnumerable<(int Y, int Rows)> Bands(int y0, int height, int rowBytes)
    {
        var align = store.BandAlignment;
        var maxRows = Math.Max(1, ChunkBytes / Math.Max(rowBytes, 1));
        for (var y = y0; y < y0 + height;)
        {
            var end = Math.Min(y0 + height, y + maxRows);
            if (align > 1 && end < y0 + height)
            {
                var aligned = end / align * align;
                end = aligned > y ? aligned : Math.Min(y0 + height, (y / align + 1) * align);
            }
            yield return (y, end - y);
            y = end;
        }
    }

    private int CheckRegion(int x0, int y0, int width, int height, long plane)
    {
        if (x0 < 0 || y0 < 0 || width < 0 || height < 0 || (long)x0 + width > Width || (long)y0 + height > Height)
        {
            throw new ArgumentOutOfRangeException(nameof(x0), string.Create(CultureInfo.InvariantCulture,
                $"region x {x0}..{(long)x0 + width - 1}, y {y0}..{(long)y0 + height - 1} is not inside the " +
                $"{Width} x {Height} image"));
        }
        if (plane < 0 || plane >= PlaneCount)
        {
            throw new ArgumentOutOfRangeException(nameof(plane), string.Create(CultureInfo.InvariantCulture,
                $"plane {plane} is not in 0..{PlaneCount - 1}"));
        }
        var count = (long)width * height;
        return count <= Array.MaxLength
            ? (int)count
            : throw new ArgumentOutOfRangeException(nameof(width), "the region has more pixels than an array holds");
    }

    private static int[] ReadAxes(FitsHeader header, int hduIndex)
    {
        var naxis = header.GetInt32("NAXIS");
        if (naxis < 1)
        {
            throw new FitsFormatException("an image needs NAXIS >= 1", hduIndex, "NAXIS");
        }
        var result = new int[naxis];
        for (var n = 1; n <= naxis; n++)
        {
            var key = "NAXIS" + n.ToString(CultureInfo.InvariantCulture);
            var length = header.GetInt64(key);
            if (length > int.MaxValue)
            {
                throw new FitsNotSupportedException($"{key} = {length.ToString(CultureInfo.InvariantCulture)} " +
                    "exceeds 2^31-1 pixels", hduIndex);
            }
            if (length < 1)
            {
                throw new FitsFormatException("an image axis must have at least one pixel", hduIndex, key);
            }
            result[n - 1] = (int)length;
        }
        return result;
    }
}
