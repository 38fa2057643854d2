using System.Buffers;
using System.Text;

namespace VoServices.Tap.Results;

/// <summary>
/// A bounded UTF-8 buffer in front of an output stream: text is appended, and handed to the stream
/// asynchronously once <see cref="Threshold"/> bytes are pending. Knows whether anything reached the stream yet.
/// </summary>
internal sealed class Utf8Output(Stream stream)
{
    public const int Threshold = 64 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ArrayBufferWriter<byte> buffer = new(Threshold + 4096);

    /// <summary>True once bytes were passed to the stream.</summary>
    public bool Started { get; private set; }

    public void Append(ReadOnlySpan<char> text)
    {
        var bytes = buffer.GetSpan(Utf8.GetMaxByteCount(text.Length));
        buffer.Advance(Utf8.GetBytes(text, bytes));
    }

    public ValueTask FlushIfFullAsync(CancellationToken cancellationToken) =>
        buffer.WrittenCount >= Threshold ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (buffer.WrittenCount > 0)
        {
            Started = true;
            await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            buffer.ResetWrittenCount();
        }
    }
}
