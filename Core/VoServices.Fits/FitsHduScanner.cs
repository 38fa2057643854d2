using System.Buffers;
using System.Globalization;
using VoServices.Fits.IO;

namespace VoServices.Fits;

/// <summary>
/// Walks a file HDU by HDU (FITS 4.0 §3.3): reads each header up to END, computes the size of its data unit from
/// the mandatory keywords, and jumps over the data to the next header.
/// </summary>
internal static class FitsHduScanner
{
    private static readonly byte[] SimpleStart = "SIMPLE  ="u8.ToArray();
    private static readonly byte[] XtensionStart = "XTENSION="u8.ToArray();

    public static List<FitsHdu> Scan(ByteSource source)
    {
        var hdus = new List<FitsHdu>();
        if (source.Length < FitsHeader.BlockSize)
        {
            throw new FitsFormatException(
                $"not a FITS file: {source.Length} bytes is less than one 2880-byte block (FITS 4.0 §3.1)");
        }
        long offset = 0;
        Span<byte> start = stackalloc byte[9];
        while (offset + 80 <= source.Length)
        {
            var index = hdus.Count;
            source.ReadExactly(offset, start, index);
            if (index == 0 && !start.SequenceEqual(SimpleStart))
            {
                throw new FitsFormatException("not a FITS file: it does not begin with SIMPLE (FITS 4.0 §4.4.1.1)", 0);
            }
            if (index > 0 && !start.SequenceEqual(XtensionStart))
            {
                break;       // special records or padding after the last HDU (FITS 4.0 §3.5)
            }
            var (header, headerLength) = ReadHeader(source, offset, index);
            var kind = KindOf(header, index);
            var dataLength = DataLength(header, index, kind);
            var dataOffset = offset + headerLength;
            hdus.Add(new FitsHdu(source, index, header, offset, dataOffset, dataLength, kind));
            offset = dataOffset + FitsHdu.PaddedLength(dataLength);
        }
        return hdus;
    }

    private static (FitsHeader Header, long Length) ReadHeader(ByteSource source, long offset, int index)
    {
        var buffer = new ArrayBufferWriter<byte>(FitsHeader.BlockSize * 4);
        for (long at = offset; ; at += FitsHeader.BlockSize)
        {
            var block = buffer.GetSpan(FitsHeader.BlockSize)[..FitsHeader.BlockSize];
            if (source.Read(at, block) < FitsHeader.BlockSize)
            {
                throw new FitsFormatException("the file ends inside a header without END (FITS 4.0 §4.4.1)", index,
                    "END");
            }
            buffer.Advance(FitsHeader.BlockSize);
            if (HasEnd(block))
            {
                var header = FitsHeader.Parse(buffer.WrittenSpan, index, out _);
                return (header, buffer.WrittenCount);
            }
        }
    }

    private static bool HasEnd(ReadOnlySpan<byte> block)
    {
        for (var r = 0; r < FitsHeader.BlockSize; r += 80)
        {
            var record = block.Slice(r, 80);
            if (record[..3].SequenceEqual("END"u8) && record[3..8].TrimEnd((byte)' ').IsEmpty)
            {
                return true;
            }
        }
        return false;
    }

    private static FitsHduKind KindOf(FitsHeader h, int index)
    {
        if (index == 0)
        {
            return h.GetBoolean("GROUPS", false) && h.GetInt64("NAXIS", 0) > 0 && h.GetInt64("NAXIS1", -1) == 0
                ? FitsHduKind.RandomGroups
                : FitsHduKind.Image;
        }
        return (h.GetValue("XTENSION") as string)?.TrimEnd() switch
        {
            "IMAGE" or "IUEIMAGE" => FitsHduKind.Image,
            "BINTABLE" or "A3DTABLE" => h.GetBoolean("ZIMAGE", false)
                ? FitsHduKind.CompressedImage
                : FitsHduKind.BinaryTable,
            "TABLE" => FitsHduKind.AsciiTable,
            _ => FitsHduKind.Unknown,
        };
    }

    /// <summary>
    /// Nbits = |BITPIX| × GCOUNT × (PCOUNT + NAXIS1 × … × NAXISn) (FITS 4.0 §4.4.1.1 Eq. 1, §7.1 Eq. 2, §6 Eq. 4
    /// for random groups where NAXIS1 = 0 is left out); the product is 0 when NAXIS = 0.
    /// </summary>
    private static long DataLength(FitsHeader h, int index, FitsHduKind kind)
    {
        var bitpix = h.GetInt64("BITPIX");
        if (bitpix is not (8 or 16 or 32 or 64 or -32 or -64))
        {
            throw new FitsFormatException(
                $"BITPIX = {bitpix.ToString(CultureInfo.InvariantCulture)} is not one of 8, 16, 32, 64, -32, -64 " +
                "(FITS 4.0 §4.4.1.1, Table 8)", index, "BITPIX");
        }
        var naxis = h.GetInt64("NAXIS");
        if (naxis is < 0 or > 999)
        {
            throw new FitsFormatException("NAXIS must be 0..999 (FITS 4.0 §4.4.1.1)", index, "NAXIS");
        }
        try
        {
            long product = naxis == 0 ? 0 : 1;
            for (var n = kind == FitsHduKind.RandomGroups ? 2 : 1; n <= naxis; n++)
            {
                var key = "NAXIS" + n.ToString(CultureInfo.InvariantCulture);
                var length = h.GetInt64(key);
                if (length < 0)
                {
                    throw new FitsFormatException("an axis length cannot be negative (FITS 4.0 §4.4.1.1)", index, key);
                }
                product = checked(product * length);
            }
            var extension = index > 0 || kind == FitsHduKind.RandomGroups;
            var pcount = extension ? h.GetInt64("PCOUNT", 0) : 0;
            var gcount = extension ? h.GetInt64("GCOUNT", 1) : 1;
            if (pcount < 0 || gcount < 0)
            {
                throw new FitsFormatException("PCOUNT and GCOUNT cannot be negative (FITS 4.0 §7.1)", index, "PCOUNT");
            }
            return checked(Math.Abs(bitpix) / 8 * gcount * (pcount + product));
        }
        catch (OverflowException e)
        {
            throw new FitsFormatException("the data unit size overflows 64 bits", index, "NAXIS", e);
        }
    }
}
