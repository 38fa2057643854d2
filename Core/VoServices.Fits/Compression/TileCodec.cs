using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using VoServices.Fits.Pixels;

namespace VoServices.Fits.Compression;

/// <summary>
/// Decodes one tile of a compressed image into big-endian ZBITPIX values (tiled image compression convention):
/// RICE_1 (§5.1), GZIP_1 and GZIP_2 (§5.3, GZIP_2 with bytes shuffled most significant first), NOCOMPRESS;
/// floats quantized to integers are restored with ZSCALE/ZZERO and dithering (§4.2); tiles that could not be
/// quantized come from GZIP_COMPRESSED_DATA or UNCOMPRESSED_DATA (§4.4); ZBLANK marks null pixels (§4.3).
/// </summary>
internal sealed class TileCodec
{
    private readonly FitsBinaryTable table;
    private readonly int bitpix;
    private readonly int bytesPerPixel;
    private readonly FitsColumn compressed;
    private readonly FitsColumn? gzipped;
    private readonly FitsColumn? uncompressed;
    private readonly FitsColumn? zscale;
    private readonly FitsColumn? zzero;
    private readonly FitsColumn? zblank;
    private readonly double scaleKeyword;
    private readonly double zeroKeyword;
    private readonly long? blankKeyword;
    private readonly bool quantized;
    private readonly int ditherMethod;

    public TileCodec(FitsBinaryTable table, FitsHeader h, int bitpix)
    {
        this.table = table;
        this.bitpix = bitpix;
        bytesPerPixel = Math.Abs(bitpix) / 8;
        var hdu = table.Hdu.Index;
        var algorithm = (h.GetString("ZCMPTYPE") ?? throw table.Error("ZCMPTYPE is missing (convention §4.1)",
            "ZCMPTYPE")).Trim().ToUpperInvariant();
        Algorithm = algorithm == "RICE_ONE" ? "RICE_1" : algorithm;
        if (Algorithm is not ("RICE_1" or "GZIP_1" or "GZIP_2" or "NOCOMPRESS"))
        {
            throw new FitsNotSupportedException($"tile compression '{algorithm}' is not supported " +
                "(RICE_1, GZIP_1, GZIP_2 and NOCOMPRESS are)", hdu);
        }
        (BlockSize, BytePix) = ReadParameters(h);
        compressed = Column("COMPRESSED_DATA") ?? throw table.Error(
            "a compressed image needs a COMPRESSED_DATA column (convention §4)", "TTYPE1");
        if (!compressed.IsVariableLength)
        {
            throw table.Error("COMPRESSED_DATA must be a P or Q array column (convention §4)", "TFORM1");
        }
        gzipped = Column("GZIP_COMPRESSED_DATA");
        uncompressed = Column("UNCOMPRESSED_DATA");
        zscale = Column("ZSCALE");
        zzero = Column("ZZERO");
        zblank = Column("ZBLANK");
        scaleKeyword = h.GetDouble("ZSCALE", 1.0);
        zeroKeyword = h.GetDouble("ZZERO", 0.0);
        blankKeyword = h.TryGetInt64("ZBLANK", out var zb) ? zb : null;
        if (bitpix > 0 && blankKeyword is null && h.TryGetInt64("BLANK", out var b))
        {
            blankKeyword = b;
        }
        quantized = bitpix < 0 && (zscale is not null || h.Contains("ZSCALE"));
        var method = h.GetString("ZQUANTIZ")?.Trim().ToUpperInvariant();
        ditherMethod = method switch
        {
            "SUBTRACTIVE_DITHER_1" => 1,
            "SUBTRACTIVE_DITHER_2" => 2,
            _ => 0,
        };
        QuantizationName = quantized ? method ?? "NO_DITHER" : "NONE";
        DitherSeed = h.GetInt32("ZDITHER0", 1);
    }

    public string Algorithm { get; }

    public string QuantizationName { get; }

    public int DitherSeed { get; }

    public int BlockSize { get; }

    public int BytePix { get; }

    public int MaxTilePixels(int[] tile) => checked((int)tile.Aggregate(1L, (a, t) => a * t));

    /// <summary>Decodes tile <paramref name="index"/> (0-based row) of <paramref name="pixels"/> pixels.</summary>
    /// <exception cref="FitsFormatException">The compressed bytes are corrupt or of the wrong size.</exception>
    public void Decode(long index, int pixels, Span<byte> rawOut)
    {
        var row = ArrayPool<byte>.Shared.Rent(table.RowWidth);
        byte[]? heap = null;
        byte[]? unpacked = null;
        try
        {
            table.ReadRow(index, row);
            if (ReadCell(row, compressed, ref heap) is var length and > 0)
            {
                DecodeCompressed(index, row, heap!, length, pixels, ref unpacked, rawOut);
            }
            else if (ReadCell(row, gzipped, ref heap) is var gzLength and > 0)
            {
                // A tile that could not be quantized is kept losslessly, GZIP-compressed (convention §4.4).
                var n = Gunzip(heap!, gzLength, pixels * 8, ref unpacked);
                CopyElements(unpacked!.AsSpan(0, n), n / pixels, pixels, rawOut, index);
            }
            else if (ReadCell(row, uncompressed, ref heap) is var rawLength and > 0)
            {
                CopyElements(heap!.AsSpan(0, rawLength), FitsColumn.ElementSize(uncompressed!.Type), pixels, rawOut,
                    index);
            }
            else
            {
                FillNull(pixels, rawOut);
            }
        }
        catch (InvalidDataException e)
        {
            throw new FitsFormatException($"tile {index + 1} cannot be decoded: {e.Message}", table.Hdu.Index,
                "ZCMPTYPE", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(row);
            Return(heap);
            Return(unpacked);
        }
    }

    private void DecodeCompressed(long index, byte[] row, byte[] heap, int length, int pixels, ref byte[]? unpacked,
        Span<byte> rawOut)
    {
        switch (Algorithm)
        {
            case "RICE_1":
                var ints = ArrayPool<int>.Shared.Rent(pixels);
                try
                {
                    RiceDecoder.Decode(heap.AsSpan(0, length), BytePix, BlockSize, ints.AsSpan(0, pixels));
                    FromIntegers(ints.AsSpan(0, pixels), index, row, rawOut);
                }
                finally
                {
                    ArrayPool<int>.Shared.Return(ints);
                }
                break;
            case "NOCOMPRESS":
                FromElements(heap.AsSpan(0, length), length / pixels, pixels, index, row, rawOut);
                break;
            default:
                var n = Gunzip(heap, length, pixels * 8, ref unpacked);
                var size = n / pixels;
                if (Algorithm == "GZIP_2")
                {
                    Unshuffle(unpacked.AsSpan(0, n), size, pixels);
                }
                FromElements(unpacked.AsSpan(0, n), size, pixels, index, row, rawOut);
                break;
        }
    }

    /// <summary>Big-endian elements of <paramref name="size"/> bytes (integers, or lossless floats).</summary>
    private void FromElements(ReadOnlySpan<byte> bytes, int size, int pixels, long index, byte[] row,
        Span<byte> rawOut)
    {
        if (bytes.Length != size * pixels || size is not (1 or 2 or 4 or 8))
        {
            throw new InvalidDataException($"{bytes.Length} bytes do not hold {pixels} values");
        }
        if (!quantized && size == bytesPerPixel)
        {
            bytes.CopyTo(rawOut);      // already what an uncompressed image holds
            return;
        }
        if (!quantized && bitpix < 0)
        {
            throw new InvalidDataException($"{size}-byte elements cannot be BITPIX {bitpix} values");
        }
        var ints = ArrayPool<int>.Shared.Rent(pixels);
        try
        {
            var span = ints.AsSpan(0, pixels);
            for (var i = 0; i < pixels; i++)
            {
                span[i] = size switch
                {
                    1 => bytes[i],
                    2 => BinaryPrimitives.ReadInt16BigEndian(bytes[(2 * i)..]),
                    4 => BinaryPrimitives.ReadInt32BigEndian(bytes[(4 * i)..]),
                    _ => checked((int)BinaryPrimitives.ReadInt64BigEndian(bytes[(8 * i)..])),
                };
            }
            FromIntegers(span, index, row, rawOut);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ints);
        }
    }

    /// <summary>Integers of a tile: restored floats when quantized, else the integers in ZBITPIX width.</summary>
    private void FromIntegers(ReadOnlySpan<int> ints, long index, byte[] row, Span<byte> rawOut)
    {
        if (!quantized)
        {
            for (var i = 0; i < ints.Length; i++)
            {
                switch (bitpix)
                {
                    case 8:
                        rawOut[i] = (byte)ints[i];
                        break;
                    case 16:
                        BinaryPrimitives.WriteInt16BigEndian(rawOut[(2 * i)..], (short)ints[i]);
                        break;
                    case 32:
                        BinaryPrimitives.WriteInt32BigEndian(rawOut[(4 * i)..], ints[i]);
                        break;
                    default:
                        BinaryPrimitives.WriteInt64BigEndian(rawOut[(8 * i)..], ints[i]);
                        break;
                }
            }
            return;
        }
        var scale = zscale is null ? scaleKeyword : RealField(row, zscale);
        var zero = zzero is null ? zeroKeyword : RealField(row, zzero);
        int? nullValue = zblank is not null ? (int)IntegerField(row, zblank) : (int?)blankKeyword;
        var restored = ArrayPool<double>.Shared.Rent(ints.Length);
        try
        {
            var values = restored.AsSpan(0, ints.Length);
            Dither.Restore(ints, index + 1, DitherSeed, ditherMethod, scale, zero, nullValue, values);
            if (bitpix == -32)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    BinaryPrimitives.WriteSingleBigEndian(rawOut[(4 * i)..], (float)values[i]);
                }
            }
            else
            {
                BigEndian.Write<double>(values, rawOut);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(restored);
        }
    }

    private void CopyElements(ReadOnlySpan<byte> bytes, int size, int pixels, Span<byte> rawOut, long index)
    {
        if (size != bytesPerPixel || bytes.Length < pixels * size)
        {
            throw new FitsFormatException($"the uncompressed copy of tile {index + 1} does not hold {pixels} " +
                $"BITPIX {bitpix} values", table.Hdu.Index, "ZCMPTYPE");
        }
        bytes[..(pixels * size)].CopyTo(rawOut);
    }

    private void FillNull(int pixels, Span<byte> rawOut)
    {
        // A tile without data is all null (convention §4.3): NaN for floats, BLANK (or 0) for integers.
        for (var i = 0; i < pixels; i++)
        {
            switch (bitpix)
            {
                case -32:
                    BinaryPrimitives.WriteSingleBigEndian(rawOut[(4 * i)..], float.NaN);
                    break;
                case -64:
                    BinaryPrimitives.WriteDoubleBigEndian(rawOut[(8 * i)..], double.NaN);
                    break;
                default:
                    var v = blankKeyword ?? 0;
                    for (var k = 0; k < bytesPerPixel; k++)
                    {
                        rawOut[i * bytesPerPixel + k] = (byte)(v >> (8 * (bytesPerPixel - 1 - k)));
                    }
                    break;
            }
        }
    }

    /// <summary>Reads the heap array of a P/Q cell into a pooled buffer; returns its length in bytes (0 if none).</summary>
    private int ReadCell(byte[] row, FitsColumn? column, ref byte[]? heap)
    {
        if (column is null)
        {
            return 0;
        }
        var d = table.Descriptor(row.AsSpan(column.ByteOffset, column.ByteWidth), column);
        if (d.Count == 0)
        {
            return 0;
        }
        var length = checked((int)FitsColumn.StorageSize(column.Type, d.Count));
        Return(heap);
        heap = ArrayPool<byte>.Shared.Rent(length);
        table.ReadHeap(d.Offset, heap.AsSpan(0, length));
        return length;
    }

    /// <summary>Inflates a GZIP stream (RFC 1952) of at most <paramref name="maxLength"/> bytes.</summary>
    private static int Gunzip(byte[] input, int length, int maxLength, ref byte[]? output)
    {
        Return(output);
        output = ArrayPool<byte>.Shared.Rent(maxLength + 1);
        using var gzip = new GZipStream(new MemoryStream(input, 0, length, writable: false),
            CompressionMode.Decompress);
        var total = 0;
        int n;
        while (total <= maxLength && (n = gzip.Read(output, total, maxLength + 1 - total)) > 0)
        {
            total += n;
        }
        return total <= maxLength ? total : throw new InvalidDataException("GZIP tile inflates to too many bytes");
    }

    private static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void Unshuffle(Span<byte> bytes, int size, int count)
    {
        if (size == 1)
        {
            return;
        }
        var copy = ArrayPool<byte>.Shared.Rent(bytes.Length);
        try
        {
            bytes.CopyTo(copy);
            for (var i = 0; i < count; i++)
            {
                for (var b = 0; b < size; b++)
                {
                    bytes[i * size + b] = copy[b * count + i];
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static double RealField(byte[] row, FitsColumn column) =>
        CellDecoder.DecodeScalar(row.AsSpan(column.ByteOffset, column.ByteWidth), column.Type) switch
        {
            double d => d,
            float f => f,
            var other => Convert.ToDouble(other, CultureInfo.InvariantCulture),
        };

    private static long IntegerField(byte[] row, FitsColumn column) =>
        Convert.ToInt64(CellDecoder.DecodeScalar(row.AsSpan(column.ByteOffset, column.ByteWidth), column.Type),
            CultureInfo.InvariantCulture);

    private FitsColumn? Column(string name) => table.IndexOf(name) is var i and >= 0 ? table.Columns[i] : null;

    private static (int BlockSize, int BytePix) ReadParameters(FitsHeader h)
    {
        var blockSize = 32;
        var bytePix = 4;    // defaults of the convention §5.1 (and CFITSIO)
        for (var i = 1; h.GetString("ZNAME" + i.ToString(CultureInfo.InvariantCulture)) is { } name; i++)
        {
            var value = h.GetInt32("ZVAL" + i.ToString(CultureInfo.InvariantCulture), 0);
            switch (name.Trim().ToUpperInvariant())
            {
                case "BLOCKSIZE":
                    blockSize = value;
                    break;
                case "BYTEPIX":
                    bytePix = value;
                    break;
            }
        }
        return (blockSize, bytePix);
    }
}
