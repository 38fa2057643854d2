using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using VoServices.Fits.Pixels;

namespace VoServices.Fits;

/// <summary>
/// Writes a FITS file HDU by HDU to a stream (FITS 4.0 §3): the first HDU written is the primary one, later ones
/// are extensions. The writer produces the mandatory keywords itself (§4.4.1), in the required order, pads headers
/// with spaces and data with zeros to 2880-byte blocks (§3.3), and by default adds DATASUM and CHECKSUM (Checksum
/// convention). Not thread-safe.
/// </summary>
/// <remarks>
/// The <c>cards</c> passed to the high-level methods are copied after the mandatory keywords; structural keywords
/// among them (SIMPLE, XTENSION, BITPIX, NAXISn, EXTEND, PCOUNT, GCOUNT, TFIELDS, TTYPEn, TFORMn, …, CHECKSUM,
/// DATASUM) are dropped, so a header read from another file can be passed as it is.
/// </remarks>
public sealed partial class FitsWriter : IDisposable
{
    private const int ChunkElements = 64 * 1024;
    private readonly Stream output;
    private readonly bool leaveOpen;
    private readonly FitsWriterOptions options;
    private bool disposed;

    /// <summary>Creates a writer on <paramref name="output"/>.</summary>
    /// <param name="output">A writable stream; nothing is read back from it, so it may be forward-only.</param>
    /// <param name="options">Null for the defaults.</param>
    /// <param name="leaveOpen">False to dispose <paramref name="output"/> with the writer.</param>
    public FitsWriter(Stream output, FitsWriterOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
        {
            throw new ArgumentException("the stream is not writable", nameof(output));
        }
        this.output = output;
        this.options = options ?? new FitsWriterOptions();
        this.leaveOpen = leaveOpen;
    }

    /// <summary>Number of HDUs written so far.</summary>
    public int HduCount { get; private set; }

    [GeneratedRegex(@"^(NAXIS\d+|TTYPE\d+|TFORM\d+|TUNIT\d+|TSCAL\d+|TZERO\d+|TNULL\d+|TDIM\d+|TBCOL\d+|PTYPE\d+|PSCAL\d+|PZERO\d+)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex IndexedStructural();

    private static readonly HashSet<string> Structural = new(StringComparer.Ordinal)
    {
        "SIMPLE", "XTENSION", "BITPIX", "NAXIS", "EXTEND", "PCOUNT", "GCOUNT", "GROUPS", "TFIELDS", "THEAP", "END",
        "CHECKSUM", "DATASUM", "BLOCKED",
    };

    /// <summary>Writes a primary HDU without data (NAXIS = 0), e.g. before table extensions.</summary>
    /// <exception cref="InvalidOperationException">An HDU was already written.</exception>
    public void WriteEmptyPrimary(FitsHeader? cards = null)
    {
        if (HduCount > 0)
        {
            throw new InvalidOperationException("the primary HDU has already been written");
        }
        WriteImageRaw(8, [], [], cards);
    }

    /// <summary>
    /// Writes an image (primary array first, IMAGE extension afterwards) from pixels in FITS order (NAXIS1
    /// fastest). The BITPIX follows <typeparamref name="T"/>: byte 8, short 16, int 32, long 64, float -32,
    /// double -64; sbyte, ushort and uint are written as 8/16/32 with BZERO -128 / 32768 / 2147483648 (FITS 4.0
    /// §5.3, Table 11). For other types pass BSCALE/BZERO/BLANK in <paramref name="cards"/> (kept for the
    /// signed types).
    /// </summary>
    /// <param name="pixels">Width × height × … values.</param>
    /// <param name="naxis">NAXIS1, NAXIS2, … (1 to 999 axes, each ≥ 0).</param>
    /// <param name="cards">Further keywords (WCS, EXTNAME, …).</param>
    /// <exception cref="ArgumentException">Unsupported type, or pixel count ≠ the product of the axes.</exception>
    public void WriteImage<T>(ReadOnlySpan<T> pixels, ReadOnlySpan<int> naxis, FitsHeader? cards = null)
        where T : unmanaged
    {
        var (bitpix, bzero) = PixelType<T>();
        CheckCount(pixels.Length, naxis);
        var user = cards ?? FitsHeader.Empty;
        if (bzero is not null)
        {
            user = user.Remove("BZERO").Remove("BSCALE").Remove("BLANK");
        }
        var header = BuildImageHeader(bitpix, naxis, user, bzero);
        var size = Unsafe.SizeOf<T>();
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkElements * size + 4);
        try
        {
            uint datasum = 0;
            if (options.Checksums)
            {
                for (var i = 0; i < pixels.Length; i += ChunkElements)
                {
                    var chunk = pixels.Slice(i, Math.Min(ChunkElements, pixels.Length - i));
                    var n = Encode(chunk, bzero is not null, buffer);
                    // The last chunk may end inside a word; the zero padding completes it.
                    var words = (n + 3) / 4 * 4;
                    buffer.AsSpan(n, words - n).Clear();
                    datasum = FitsChecksum.Accumulate(datasum, buffer.AsSpan(0, words));
                }
            }
            WriteHeader(header, datasum);
            for (var i = 0; i < pixels.Length; i += ChunkElements)
            {
                var chunk = pixels.Slice(i, Math.Min(ChunkElements, pixels.Length - i));
                output.Write(buffer, 0, Encode(chunk, bzero is not null, buffer));
            }
            WritePadding((long)pixels.Length * size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        HduCount++;
    }

    /// <summary>
    /// Writes an image from stored big-endian values (e.g. <see cref="FitsImage.ReadRegionRaw"/> for a cut-out);
    /// BSCALE, BZERO and BLANK in <paramref name="cards"/> are kept.
    /// </summary>
    /// <exception cref="ArgumentException">Invalid BITPIX or data length ≠ |BITPIX|/8 × the product of the axes.</exception>
    public void WriteImageRaw(int bitpix, ReadOnlySpan<int> naxis, ReadOnlySpan<byte> bigEndianData,
        FitsHeader? cards = null)
    {
        if (bitpix is not (8 or 16 or 32 or 64 or -32 or -64))
        {
            throw new ArgumentException("BITPIX must be 8, 16, 32, 64, -32 or -64 (FITS 4.0 Table 8)", nameof(bitpix));
        }
        var count = bigEndianData.Length / (Math.Abs(bitpix) / 8);
        if (bigEndianData.Length % (Math.Abs(bitpix) / 8) != 0)
        {
            throw new ArgumentException("the data is not a whole number of values", nameof(bigEndianData));
        }
        CheckCount(count, naxis);
        WriteChecked(BuildImageHeader(bitpix, naxis, cards ?? FitsHeader.Empty, null), bigEndianData);
    }

    /// <summary>
    /// Writes a BINTABLE extension (FITS 4.0 §7.3); an empty primary HDU is written first if none was.
    /// </summary>
    /// <param name="columns">The columns (see <see cref="FitsColumnData"/> for the accepted types).</param>
    /// <param name="cards">Further keywords (EXTNAME, TUCDn, …).</param>
    /// <exception cref="ArgumentException">Unsupported column type, unequal lengths, non-ASCII strings.</exception>
    public void WriteBinaryTable(IReadOnlyList<FitsColumnData> columns, FitsHeader? cards = null)
    {
        var table = BinaryTableEncoder.Encode(columns);
        if (HduCount == 0)
        {
            WriteEmptyPrimary();
        }
        var header = new List<FitsCard>
        {
            new("XTENSION", "BINTABLE", "binary table extension"),
            new("BITPIX", 8L, "8-bit bytes"),
            new("NAXIS", 2L, "2-dimensional binary table"),
            new("NAXIS1", (long)table.RowWidth, "width of table in bytes"),
            new("NAXIS2", (long)table.RowCount, "number of rows in table"),
            new("PCOUNT", table.HeapSize, "size of the heap"),
            new("GCOUNT", 1L, "one data group"),
            new("TFIELDS", (long)columns.Count, "number of columns"),
        };
        header.AddRange(table.ColumnCards);
        header.AddRange(UserCards(cards));
        WriteChecked(new FitsHeader(header), table.Data);
    }

    /// <summary>
    /// Writes an HDU whose header the caller built completely (mandatory keywords first, FITS 4.0 §4.4.1); the
    /// data are the unpadded bytes of the data unit. DATASUM/CHECKSUM are added when enabled.
    /// </summary>
    /// <exception cref="FitsFormatException">The header breaks §4.4.1 or does not describe <paramref name="data"/>.</exception>
    public void WriteHdu(FitsHeader header, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(header);
        WriteChecked(header, data);
    }

    /// <inheritdoc cref="WriteHdu"/>
    public async Task WriteHduAsync(FitsHeader header, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        ObjectDisposedException.ThrowIf(disposed, this);
        var expected = HeaderRules.Validate(header, HduCount);
        if (expected != data.Length)
        {
            throw LengthMismatch(expected, data.Length);
        }
        var datasum = options.Checksums ? DataSum(data.Span) : 0;
        await output.WriteAsync(HeaderBytes(header, datasum), cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(new byte[Padding(data.Length)], cancellationToken).ConfigureAwait(false);
        HduCount++;
    }

    /// <summary>Flushes the stream and, unless leaveOpen was set, disposes it.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        output.Flush();
        if (!leaveOpen)
        {
            output.Dispose();
        }
    }

    private void WriteChecked(FitsHeader header, ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var expected = HeaderRules.Validate(header, HduCount);
        if (expected != data.Length)
        {
            throw LengthMismatch(expected, data.Length);
        }
        WriteHeader(header, options.Checksums ? DataSum(data) : 0);
        output.Write(data);
        WritePadding(data.Length);
        HduCount++;
    }

    private static FitsFormatException LengthMismatch(long expected, long actual) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"the header describes a data unit of {expected} bytes but {actual} were given (FITS 4.0 §4.4.1.1)"));

    private static uint DataSum(ReadOnlySpan<byte> data)
    {
        var whole = data.Length / 4 * 4;
        var sum = FitsChecksum.Accumulate(0, data[..whole]);
        if (whole < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            last.Clear();
            data[whole..].CopyTo(last);
            sum = FitsChecksum.Accumulate(sum, last);
        }
        return sum;
    }

    private void WriteHeader(FitsHeader header, uint datasum)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        output.Write(HeaderBytes(header, datasum));
    }

    /// <summary>
    /// The header bytes, with DATASUM and CHECKSUM last when enabled (Checksum convention §3: CHECKSUM is first
    /// written as 16 zeros, the HDU summed, and the complement encoded in its place).
    /// </summary>
    private byte[] HeaderBytes(FitsHeader header, uint datasum)
    {
        header = DeclareLongStrings(header);
        if (!options.Checksums)
        {
            return header.ToBytes();
        }
        var cards = header.Remove("CHECKSUM").Remove("DATASUM");
        var withPlaceholder = cards
            .Add(new FitsCard("CHECKSUM", FitsChecksum.Placeholder, "HDU checksum"))
            .Add(new FitsCard("DATASUM", datasum.ToString(CultureInfo.InvariantCulture), "data unit checksum"));
        var sum = FitsChecksum.Add(FitsChecksum.Accumulate(0, withPlaceholder.ToBytes()), datasum);
        return withPlaceholder.Set("CHECKSUM", FitsChecksum.Encode(sum)).ToBytes();
    }

    /// <summary>
    /// Adds LONGSTRN = 'OGIP 1.0' before the first string that needs CONTINUE records. FITS 4.0 §4.2.1.2 made
    /// the convention part of the standard, but fitsverify (HEASARC) still warns without the keyword.
    /// </summary>
    private static FitsHeader DeclareLongStrings(FitsHeader header)
    {
        if (header.Contains("LONGSTRN"))
        {
            return header;
        }
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Value is string && FitsCardFormatter.Format(header[i]).Count > 1)
            {
                var cards = header.ToList();
                cards.Insert(i, new FitsCard("LONGSTRN", "OGIP 1.0", "The OGIP long string convention may be used"));
                return new FitsHeader(cards);
            }
        }
        return header;
    }

    private void WritePadding(long dataLength)
    {
        var padding = Padding(dataLength);
        if (padding > 0)
        {
            Span<byte> zeros = stackalloc byte[padding];
            zeros.Clear();
            output.Write(zeros);
        }
    }

    private static int Padding(long length) => (int)(FitsHdu.PaddedLength(length) - length);

    private FitsHeader BuildImageHeader(int bitpix, ReadOnlySpan<int> naxis, FitsHeader user, long? bzero)
    {
        var cards = new List<FitsCard>();
        cards.Add(HduCount == 0
            ? new FitsCard("SIMPLE", true, "conforms to FITS standard")
            : new FitsCard("XTENSION", "IMAGE", "image extension"));
        cards.Add(new FitsCard("BITPIX", (long)bitpix, "array data type"));
        cards.Add(new FitsCard("NAXIS", (long)naxis.Length, "number of array dimensions"));
        for (var i = 0; i < naxis.Length; i++)
        {
            cards.Add(new FitsCard("NAXIS" + (i + 1).ToString(CultureInfo.InvariantCulture), (long)naxis[i]));
        }
        if (HduCount == 0)
        {
            cards.Add(new FitsCard("EXTEND", true, "FITS file may contain extensions"));
        }
        else
        {
            cards.Add(new FitsCard("PCOUNT", 0L, "number of parameters"));
            cards.Add(new FitsCard("GCOUNT", 1L, "number of groups"));
        }
        if (bzero is { } zero)
        {
            cards.Add(new FitsCard("BSCALE", 1L));
            cards.Add(new FitsCard("BZERO", zero, "offset for unsigned integers"));
        }
        var kept = UserCards(user);
        var hasData = naxis.Length > 0;
        if (bitpix < 0 || !hasData)
        {
            // BLANK applies to integer arrays only (FITS 4.0 §5.2.1); scaling needs data.
            kept = kept.Where(c => c.Keyword != "BLANK" && (hasData || c.Keyword is not ("BSCALE" or "BZERO")));
        }
        cards.AddRange(kept);
        return new FitsHeader(cards);
    }

    private static IEnumerable<FitsCard> UserCards(FitsHeader? user) => (user ?? FitsHeader.Empty).Where(c =>
        c.IsCommentary || !(Structural.Contains(c.Keyword) || IndexedStructural().IsMatch(c.Keyword)));

    private static void CheckCount(long count, ReadOnlySpan<int> naxis)
    {
        if (naxis.Length > 999)
        {
            throw new ArgumentException("at most 999 axes (FITS 4.0 §4.4.1.1)", nameof(naxis));
        }
        long product = naxis.Length == 0 ? 0 : 1;
        foreach (var n in naxis)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(n, nameof(naxis));
            product *= n;
        }
        if (product != count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{count} pixels given but the axes hold {product}"), nameof(naxis));
        }
    }

    private static (int Bitpix, long? Bzero) PixelType<T>()
        where T : unmanaged => default(T) switch
        {
            byte => (8, null),
            short => (16, null),
            int => (32, null),
            long => (64, null),
            float => (-32, null),
            double => (-64, null),
            sbyte => (8, -128),
            ushort => (16, 32768),
            uint => (32, 2147483648L),
            _ => throw new ArgumentException($"pixels of type {typeof(T).Name} cannot be written; use byte, short, " +
                "int, long, float, double, sbyte, ushort or uint"),
        };

    /// <summary>Big-endian bytes of a chunk; offset types are shifted by flipping their sign bit.</summary>
    private static int Encode<T>(ReadOnlySpan<T> values, bool offset, byte[] buffer)
        where T : unmanaged
    {
        var bytes = buffer.AsSpan(0, values.Length * Unsafe.SizeOf<T>());
        BigEndian.Write(values, bytes);
        if (offset)
        {
            // Stored = value - BZERO: for -128/32768/2^31 that is the value with its top bit flipped.
            var size = Unsafe.SizeOf<T>();
            for (var i = 0; i < bytes.Length; i += size)
            {
                bytes[i] ^= 0x80;
            }
        }
        return bytes.Length;
    }

    /// <summary>Checks a caller-built header against FITS 4.0 §4.4.1 and returns its data length.</summary>
    private static class HeaderRules
    {
        public static long Validate(FitsHeader header, int hduIndex)
        {
            var expected = hduIndex == 0 ? "SIMPLE" : "XTENSION";
            var position = 0;
            Expect(header, position++, expected, hduIndex);
            if (hduIndex == 0 && header[0].Value is not true)
            {
                throw new FitsFormatException("SIMPLE must be T (FITS 4.0 §4.4.1.1)", hduIndex, "SIMPLE");
            }
            Expect(header, position++, "BITPIX", hduIndex);
            Expect(header, position++, "NAXIS", hduIndex);
            var naxis = header.GetInt64("NAXIS");
            if (naxis is < 0 or > 999)
            {
                throw new FitsFormatException("NAXIS must be 0..999", hduIndex, "NAXIS");
            }
            for (var n = 1; n <= naxis; n++)
            {
                Expect(header, position++, "NAXIS" + n.ToString(CultureInfo.InvariantCulture), hduIndex);
            }
            if (hduIndex > 0)
            {
                Expect(header, position++, "PCOUNT", hduIndex);
                Expect(header, position++, "GCOUNT", hduIndex);
                if (header.GetValue("XTENSION") is "BINTABLE" or "TABLE")
                {
                    Expect(header, position, "TFIELDS", hduIndex);
                }
            }
            var bitpix = header.GetInt64("BITPIX");
            if (bitpix is not (8 or 16 or 32 or 64 or -32 or -64))
            {
                throw new FitsFormatException("BITPIX must be 8, 16, 32, 64, -32 or -64", hduIndex, "BITPIX");
            }
            long product = naxis == 0 ? 0 : 1;
            for (var n = 1; n <= naxis; n++)
            {
                product = checked(product * header.GetInt64("NAXIS" + n.ToString(CultureInfo.InvariantCulture)));
            }
            var pcount = hduIndex > 0 ? header.GetInt64("PCOUNT") : 0;
            var gcount = hduIndex > 0 ? header.GetInt64("GCOUNT") : 1;
            return checked(Math.Abs(bitpix) / 8 * gcount * (pcount + product));
        }

        private static void Expect(FitsHeader header, int position, string keyword, int hduIndex)
        {
            if (position >= header.Count || header[position].Keyword != keyword || header[position].IsCommentary)
            {
                throw new FitsFormatException(string.Create(CultureInfo.InvariantCulture,
                    $"mandatory keyword {keyword} must be card {position + 1} (FITS 4.0 §4.4.1)"), hduIndex, keyword);
            }
        }
    }
}
