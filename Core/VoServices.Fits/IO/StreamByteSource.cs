namespace VoServices.Fits.IO;

/// <summary>Reads a seekable <see cref="Stream"/>; a lock makes seek-then-read atomic so readers may share it.</summary>
internal sealed class StreamByteSource(Stream stream, bool leaveOpen) : ByteSource
{
    private readonly Lock gate = new();

    public override long Length => stream.Length;

    public override int Read(long offset, Span<byte> destination)
    {
        lock (gate)
        {
            if (offset >= stream.Length)
            {
                return 0;
            }
            stream.Position = offset;
            var done = 0;
            while (done < destination.Length)
            {
                var n = stream.Read(destination[done..]);
                if (n <= 0)
                {
                    break;
                }
                done += n;
            }
            return done;
        }
    }

    public override void Dispose()
    {
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }
}
