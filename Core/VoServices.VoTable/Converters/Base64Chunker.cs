using System.Buffers.Text;

namespace VoServices.VoTable.Converters;

/// <summary>
/// Base64 encoder for the STREAM of BINARY/BINARY2 (VOTable 1.4 §5.4) that works on a fixed rolling buffer: bytes
/// are collected until a whole number of 57-byte groups is available and then written as 76-character lines, so
/// memory does not depend on the number of rows.
/// </summary>
internal sealed class Base64Chunker(ByteBuffer output)
{
    private const int LineBytes = 57;
    private const int ChunkBytes = LineBytes * 512;
    private readonly byte[] _pending = new byte[ChunkBytes];
    private int _count;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            var n = Math.Min(bytes.Length, ChunkBytes - _count);
            bytes[..n].CopyTo(_pending.AsSpan(_count));
            _count += n;
            bytes = bytes[n..];
            if (_count == ChunkBytes)
            {
                EncodeLines(_pending.AsSpan(0, _count));
                _count = 0;
            }
        }
    }

    /// <summary>Encodes what is left (with padding) and resets.</summary>
    public void Finish()
    {
        EncodeLines(_pending.AsSpan(0, _count));
        _count = 0;
    }

    /// <summary>Drops buffered bytes without writing them (used after an abort).</summary>
    public void Reset() => _count = 0;

    private void EncodeLines(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            var n = Math.Min(LineBytes, bytes.Length);
            var span = output.GetSpan(Base64.GetMaxEncodedToUtf8Length(n) + 1);
            Base64.EncodeToUtf8(bytes[..n], span, out _, out var written);
            span[written] = (byte)'\n';
            output.Advance(written + 1);
            bytes = bytes[n..];
        }
    }
}
