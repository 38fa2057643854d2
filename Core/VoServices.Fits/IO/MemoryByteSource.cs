namespace VoServices.Fits.IO;

/// <summary>Reads bytes held in memory (e.g. a decompressed .fits.gz).</summary>
internal sealed class MemoryByteSource(ReadOnlyMemory<byte> bytes) : ByteSource
{
    public override long Length => bytes.Length;

    public override int Read(long offset, Span<byte> destination)
    {
        if (offset >= bytes.Length)
        {
            return 0;
        }
        var n = (int)Math.Min(destination.Length, bytes.Length - offset);
        bytes.Span.Slice((int)offset, n).CopyTo(destination);
        return n;
    }

    public override void Dispose()
    {
    }
}
