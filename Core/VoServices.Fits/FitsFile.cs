using VoServices.Fits.IO;

namespace VoServices.Fits;

/// <summary>
/// An open FITS file (FITS 4.0 §3): the primary HDU and its extensions. Opening reads only the headers; pixels,
/// rows and tiles are read later by positioned reads, so a cut-out of a large file touches only the bytes it needs.
/// A whole-file GZIP (<c>.fits.gz</c>, <c>.fit.gz</c>) is detected by its magic number and decompressed first (in
/// memory, or in a temporary file above 256 MB). Thread-safe for reading; dispose to release the file.
/// </summary>
/// <example><code>
/// using var fits = FitsFile.Open("j8bt06nyq_flt.fits.fz");
/// var sci = fits.FindImage("SCI") ?? throw ...;
/// double[] cutout = sci.ReadRegion(x0: 500, y0: 400, width: 64, height: 64);
/// </code></example>
public sealed class FitsFile : IDisposable
{
    private readonly ByteSource source;

    private FitsFile(ByteSource source)
    {
        this.source = source;
        try
        {
            Hdus = FitsHduScanner.Scan(source);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>All HDUs in file order; <c>Hdus[0]</c> is the primary HDU.</summary>
    public IReadOnlyList<FitsHdu> Hdus { get; }

    /// <summary>The HDU at <paramref name="index"/> (0 = primary).</summary>
    public FitsHdu this[int index] => Hdus[index];

    /// <summary>Opens a FITS file (or a GZIP-compressed one) for reading.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="FitsFormatException">Not a FITS file, or a header is malformed or truncated.</exception>
    public static FitsFile Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        ByteSource file = new FileByteSource(handle);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            if (GzipSpool.IsGzip(magic[..file.Read(0, magic)]))
            {
                using var compressed = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
                var unpacked = GzipSpool.Decompress(compressed);
                file.Dispose();
                file = unpacked;
            }
        }
        catch
        {
            file.Dispose();
            throw;
        }
        return new FitsFile(file);
    }

    /// <summary>
    /// Reads FITS from a stream that starts at position 0. A seekable stream is read in place (reads are
    /// serialised on it); a forward-only or GZIP-compressed stream is copied first.
    /// </summary>
    /// <param name="stream">The FITS bytes.</param>
    /// <param name="leaveOpen">False to dispose the stream with the file.</param>
    /// <exception cref="FitsFormatException">Not a FITS file, or a header is malformed or truncated.</exception>
    public static FitsFile Open(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            var head = new byte[2];
            var got = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
            ByteSource spooled;
            using (var whole = new HeadStream(head[..got], stream))
            {
                spooled = GzipSpool.Spool(whole, gunzip: GzipSpool.IsGzip(head.AsSpan(0, got)));
            }
            if (!leaveOpen)
            {
                stream.Dispose();
            }
            return new FitsFile(spooled);
        }
        var seekable = new StreamByteSource(stream, leaveOpen);
        Span<byte> magic = stackalloc byte[2];
        if (GzipSpool.IsGzip(magic[..seekable.Read(0, magic)]))
        {
            stream.Position = 0;
            var unpacked = GzipSpool.Decompress(stream);
            seekable.Dispose();
            return new FitsFile(unpacked);
        }
        return new FitsFile(seekable);
    }

    /// <summary>Reads FITS (or GZIP-compressed FITS) held in memory.</summary>
    /// <exception cref="FitsFormatException">Not a FITS file, or a header is malformed or truncated.</exception>
    public static FitsFile Open(ReadOnlyMemory<byte> bytes) => GzipSpool.IsGzip(bytes.Span)
        ? new FitsFile(GzipSpool.Decompress(new MemoryStream(bytes.ToArray(), writable: false)))
        : new FitsFile(new MemoryByteSource(bytes));

    /// <summary>The first HDU whose EXTNAME equals <paramref name="name"/> (ignoring case, FITS 4.0 §4.4.2.6)
    /// and, when given, whose EXTVER equals <paramref name="version"/>; null when none.</summary>
    public FitsHdu? Find(string name, long? version = null) => Hdus.FirstOrDefault(h =>
        string.Equals(h.Name?.TrimEnd(), name, StringComparison.OrdinalIgnoreCase)
        && (version is null || h.Version == version));

    /// <summary>
    /// The image of the HDU named <paramref name="name"/>, or when <paramref name="name"/> is null the first HDU
    /// with pixels (a non-empty primary array, IMAGE extension or compressed image); null when there is none.
    /// </summary>
    public FitsImage? FindImage(string? name = null)
    {
        var hdu = name is null ? Hdus.FirstOrDefault(h => h.HasImage) : Find(name);
        return hdu is { HasImage: true } ? hdu.AsImage() : null;
    }

    /// <summary>Releases the file (or the decompressed copy).</summary>
    public void Dispose() => source.Dispose();

    /// <summary>A forward-only stream that returns bytes already read from <paramref name="tail"/> first.</summary>
    private sealed class HeadStream(byte[] head, Stream tail) : Stream
    {
        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (position < head.Length)
            {
                var n = Math.Min(buffer.Length, head.Length - position);
                head.AsSpan(position, n).CopyTo(buffer);
                position += n;
                return n;
            }
            return tail.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
