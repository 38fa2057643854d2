using System.IO.Compression;

namespace VoServices.Fits.IO;

/// <summary>
/// Turns a whole-file GZIP stream (<c>.fits.gz</c>, RFC 1952; not part of FITS 4.0 but read by CFITSIO and astropy
/// alike) into a random-access source: in memory up to <see cref="MemoryLimit"/>, beyond that in a temporary file
/// deleted when the source is disposed.
/// </summary>
internal static class GzipSpool
{
    /// <summary>Decompressed size kept in memory before spilling to a temporary file.</summary>
    public const int MemoryLimit = 256 * 1024 * 1024;

    /// <summary>True when the first bytes are the GZIP magic number 1F 8B.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> start) => start.Length >= 2 && start[0] == 0x1F && start[1] == 0x8B;

    /// <summary>Decompresses <paramref name="compressed"/> (read from its current position) into a source.</summary>
    /// <exception cref="FitsFormatException">The GZIP stream is corrupt.</exception>
    public static ByteSource Decompress(Stream compressed, int memoryLimit = MemoryLimit) =>
        Spool(compressed, gunzip: true, memoryLimit);

    /// <summary>Copies a forward-only stream (optionally GZIP-decompressing it) into a random-access source.</summary>
    /// <exception cref="FitsFormatException">The GZIP stream is corrupt.</exception>
    public static ByteSource Spool(Stream input, bool gunzip, int memoryLimit = MemoryLimit)
    {
        try
        {
            using var gzip = gunzip ? new GZipStream(input, CompressionMode.Decompress, leaveOpen: true) : null;
            var source = (Stream?)gzip ?? input;
            var memory = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = source.Read(buffer)) > 0)
            {
                if (memory.Length + n > memoryLimit)
                {
                    return Spill(memory, buffer.AsSpan(0, n), source, buffer);
                }
                memory.Write(buffer, 0, n);
            }
            return new MemoryByteSource(memory.GetBuffer().AsMemory(0, (int)memory.Length));
        }
        catch (InvalidDataException e)
        {
            throw new FitsFormatException("the GZIP-compressed file is corrupt: " + e.Message, innerException: e);
        }
    }

    private static FileByteSource Spill(MemoryStream head, ReadOnlySpan<byte> pending, Stream rest, byte[] buffer)
    {
        var path = Path.Combine(Path.GetTempPath(), "voservices-fits-" + Guid.NewGuid().ToString("N") + ".fits");
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            FileOptions.DeleteOnClose);
        try
        {
            // Positioned writes keep the handle open for the reads that follow (a FileStream would close it).
            RandomAccess.Write(handle, head.GetBuffer().AsSpan(0, (int)head.Length), 0);
            long offset = head.Length;
            RandomAccess.Write(handle, pending, offset);
            offset += pending.Length;
            int n;
            while ((n = rest.Read(buffer)) > 0)
            {
                RandomAccess.Write(handle, buffer.AsSpan(0, n), offset);
                offset += n;
            }
            return new FileByteSource(handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }
}
