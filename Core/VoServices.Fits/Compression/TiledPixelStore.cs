using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using VoServices.Fits.Pixels;

namespace VoServices.Fits.Compression;

/// <summary>
/// Pixels of a tile-compressed image (tiled image compression convention): the image is cut into tiles of ZTILEn
/// pixels, tile k (axis 1 fastest) is row k+1 of the BINTABLE, its bytes in the heap via the COMPRESSED_DATA
/// descriptor. A region decodes only the tiles it overlaps, each once, and turns them into the big-endian
/// ZBITPIX values an uncompressed image would hold.
/// </summary>
internal sealed class TiledPixelStore : PixelStore
{
    private readonly FitsBinaryTable table;
    private readonly int hduIndex;
    private readonly TileCodec codec;
    private readonly int[] size;
    private readonly int[] tile;
    private readonly long[] tileCounts;
    private readonly int bitpix;
    private long tilesDecoded;

    public TiledPixelStore(FitsHdu hdu)
    {
        hduIndex = hdu.Index;
        table = hdu.AsBinaryTable();
        var h = hdu.Header;
        ImageHeader = CompressedImageHeader.Build(h);
        bitpix = h.GetInt32("ZBITPIX");
        if (bitpix is not (8 or 16 or 32 or 64 or -32 or -64))
        {
            throw new FitsFormatException("ZBITPIX must be a valid BITPIX (convention §4.1)", hduIndex, "ZBITPIX");
        }
        var naxis = h.GetInt32("ZNAXIS");
        if (naxis is < 1 or > 999)
        {
            throw new FitsFormatException("ZNAXIS must be 1..999 (convention §4.1)", hduIndex, "ZNAXIS");
        }
        size = new int[naxis];
        tile = new int[naxis];
        tileCounts = new long[naxis];
        for (var n = 0; n < naxis; n++)
        {
            var suffix = (n + 1).ToString(CultureInfo.InvariantCulture);
            size[n] = h.GetInt32("ZNAXIS" + suffix);
            // Default tiles are whole rows (convention §4.1: ZTILE1 = ZNAXIS1, the others 1).
            tile[n] = h.GetInt32("ZTILE" + suffix, n == 0 ? size[0] : 1);
            if (size[n] < 1 || tile[n] < 1)
            {
                throw new FitsFormatException("ZNAXISn and ZTILEn must be positive", hduIndex, "ZTILE" + suffix);
            }
            tile[n] = Math.Min(tile[n], size[n]);     // a tile longer than its axis is one (partial) tile
            tileCounts[n] = (size[n] + tile[n] - 1) / tile[n];
        }
        if (tile.Aggregate(1L, (a, t) => a * t) * 8 > Array.MaxLength)
        {
            throw new FitsNotSupportedException("tiles of more than 2^28 pixels are not supported", hduIndex);
        }
        var tileTotal = tileCounts.Aggregate(1L, (a, b) => a * b);
        if (tileTotal != table.RowCount)
        {
            throw new FitsFormatException(string.Create(CultureInfo.InvariantCulture,
                $"the image has {tileTotal} tiles but the table {table.RowCount} rows (convention §4)"),
                hduIndex, "NAXIS2");
        }
        codec = new TileCodec(table, h, bitpix);
        Description = new FitsTileCompression(codec.Algorithm, tile, codec.QuantizationName, codec.DitherSeed,
            codec.BlockSize, codec.BytePix);
    }

    /// <summary>The header of the uncompressed image.</summary>
    public FitsHeader ImageHeader { get; }

    public FitsTileCompression Description { get; }

    /// <summary>How many tiles have been decoded (for tests proving that a cut-out touches only its tiles).</summary>
    public long TilesDecoded => Interlocked.Read(ref tilesDecoded);

    public override int BandAlignment => tile.Length > 1 ? tile[1] : 1;

    public override void ReadRaw(int x0, int y0, int width, int height, long plane, Span<byte> destination)
    {
        var bpp = Math.Abs(bitpix) / 8;
        // Position of the plane on the axes beyond 2, and the tile index there.
        var upper = new int[Math.Max(0, size.Length - 2)];
        var rest = plane;
        for (var n = 2; n < size.Length; n++)
        {
            upper[n - 2] = (int)(rest % size[n]);
            rest /= size[n];
        }
        var tyFirst = y0 / TileHeight;
        var tyLast = (y0 + height - 1) / TileHeight;
        var txFirst = x0 / tile[0];
        var txLast = (x0 + width - 1) / tile[0];
        var rented = ArrayPool<byte>.Shared.Rent(codec.MaxTilePixels(tile) * bpp);
        try
        {
            for (var ty = tyFirst; ty <= tyLast; ty++)
            {
                for (var tx = txFirst; tx <= txLast; tx++)
                {
                    CopyFromTile(tx, ty, upper, x0, y0, width, height, rented, destination);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private int TileHeight => tile.Length > 1 ? tile[1] : 1;

    private void CopyFromTile(int tx, int ty, int[] upper, int x0, int y0, int width, int height, byte[] buffer,
        Span<byte> destination)
    {
        var bpp = Math.Abs(bitpix) / 8;
        // Linear tile number (axis 1 fastest) and this tile's extent on every axis (edge tiles are smaller).
        var extent = new int[size.Length];
        long index = 0;
        long stride = 1;
        long offsetInTile = 0;     // the plane's position inside the tile, in pixels, along axes beyond 2
        long pixelStride = 1;
        for (var n = 0; n < size.Length; n++)
        {
            var t = n switch { 0 => tx, 1 => ty, _ => upper[n - 2] / tile[n] };
            extent[n] = Math.Min(tile[n], size[n] - t * tile[n]);
            index += t * stride;
            stride *= tileCounts[n];
            if (n >= 2)
            {
                offsetInTile += (upper[n - 2] - (long)t * tile[n]) * pixelStride;
            }
            pixelStride *= extent[n];
        }
        var tilePixels = (int)pixelStride;
        var raw = buffer.AsSpan(0, tilePixels * bpp);
        codec.Decode(index, tilePixels, raw);
        Interlocked.Increment(ref tilesDecoded);

        var tileX0 = tx * tile[0];
        var tileY0 = ty * TileHeight;
        var tileHeight = size.Length > 1 ? extent[1] : 1;
        var xs = Math.Max(x0, tileX0);
        var xe = Math.Min(x0 + width, tileX0 + extent[0]);
        var ys = Math.Max(y0, tileY0);
        var ye = Math.Min(y0 + height, tileY0 + tileHeight);
        var planeOffset = offsetInTile;      // already in pixels
        for (var y = ys; y < ye; y++)
        {
            var from = (planeOffset + (long)(y - tileY0) * extent[0] + (xs - tileX0)) * bpp;
            var to = ((long)(y - y0) * width + (xs - x0)) * bpp;
            raw.Slice((int)from, (xe - xs) * bpp).CopyTo(destination[(int)to..]);
        }
    }
}
