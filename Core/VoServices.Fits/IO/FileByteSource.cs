using Microsoft.Win32.SafeHandles;

namespace VoServices.Fits.IO;

/// <summary>Reads a file with <see cref="RandomAccess"/> (pread): thread-safe, no shared file position.</summary>
internal sealed class FileByteSource(SafeFileHandle handle) : ByteSource
{
    private readonly long length = RandomAccess.GetLength(handle);

    public override long Length => length;

    public override int Read(long offset, Span<byte> destination)
    {
        var done = 0;
        while (done < destination.Length && offset + done < length)
        {
            var n = RandomAccess.Read(handle, destination[done..], offset + done);
            if (n <= 0)
            {
                break;
            }
            done += n;
        }
        return done;
    }

    public override void Dispose() => handle.Dispose();
}
