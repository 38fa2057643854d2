using System.Globalization;
using VoServices.Dali;

namespace VoServices.Tap.Uploads;

/// <summary>The bytes left for all uploads of one request (thread-safe).</summary>
internal sealed class UploadByteBudget(long total)
{
    private long used;

    public long Total { get; } = total;

    public long Remaining => Math.Max(0, Total - Interlocked.Read(ref used));

    /// <summary>Counts <paramref name="bytes"/>; false once the total is exceeded.</summary>
    public bool Consume(long bytes) => Interlocked.Add(ref used, bytes) <= Total;
}

/// <summary>
/// A read-only view of one upload's content that enforces the per-upload and per-request byte limits while the
/// parser reads, so an over-size upload fails after at most one buffer beyond the limit.
/// </summary>
internal sealed class UploadStream(Stream inner, string uploadName, long maxBytes, UploadByteBudget budget) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        BytesRead += read;
        if (BytesRead > maxBytes)
        {
            throw TooLarge(uploadName, $"is larger than the limit of {Bytes(maxBytes)} per upload");
        }
        if (!budget.Consume(read))
        {
            throw TooLarge(uploadName, $"takes the uploads of this request over their limit of {Bytes(budget.Total)} in total");
        }
        return read;
    }

    /// <summary>The 413 error for an upload over a byte limit (DALI 1.1 §4.3.5: refusal → error document).</summary>
    public static DaliException TooLarge(string uploadName, string why) =>
        new(DaliErrorKind.TooLarge, $"UPLOAD '{uploadName}': the table {why}");

    public static string Bytes(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
}
