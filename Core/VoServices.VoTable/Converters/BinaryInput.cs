namespace VoServices.VoTable.Converters;

/// <summary>
/// Bytes of a BINARY/BINARY2 stream decoded chunk by chunk from the base64 STREAM content (or from a TD with
/// <c>encoding="base64"</c>). <see cref="Take"/> hands out contiguous spans, refilling as needed, so memory is
/// bounded by the largest cell, not by the table.
/// </summary>
internal sealed class BinaryInput
{
    private const int ChunkSize = 48 * 1024;
    private readonly Func<byte[], int, int, int>? _source;
    private byte[] _buffer;
    private int _position;
    private int _length;
    private bool _exhausted;

    /// <param name="source">Reads up to count bytes into (buffer, offset); returns 0 at the end.</param>
    public BinaryInput(Func<byte[], int, int, int> source)
    {
        _source = source;
        _buffer = new byte[ChunkSize];
    }

    public BinaryInput(byte[] bytes)
    {
        _buffer = bytes;
        _length = bytes.Length;
        _exhausted = true;
    }

    /// <summary>True when no byte is left (reads ahead to find out).</summary>
    public bool AtEnd() => _position >= _length && !Fill(1);

    /// <summary>The next <paramref name="count"/> bytes; valid until the next call.</summary>
    /// <exception cref="VoTableFormatException">The stream ends first.</exception>
    public ReadOnlySpan<byte> Take(int count)
    {
        if (_length - _position < count && !Fill(count))
        {
            throw new VoTableFormatException(
                $"BINARY stream ends in the middle of a row: {count} bytes needed, {_length - _position} left");
        }
        var span = _buffer.AsSpan(_position, count);
        _position += count;
        return span;
    }

    private bool Fill(int count)
    {
        if (_exhausted || _source is null)
        {
            return _length - _position >= count;
        }
        var remaining = _length - _position;
        if (_buffer.Length < count)
        {
            var bigger = new byte[Math.Max(count, _buffer.Length * 2)];
            Array.Copy(_buffer, _position, bigger, 0, remaining);
            _buffer = bigger;
        }
        else
        {
            Array.Copy(_buffer, _position, _buffer, 0, remaining);
        }
        _position = 0;
        _length = remaining;
        while (_length < count)
        {
            // Ask for whole base64 quanta worth of room so the XmlReader decodes efficiently.
            var read = _source(_buffer, _length, _buffer.Length - _length);
            if (read <= 0)
            {
                _exhausted = true;
                break;
            }
            _length += read;
        }
        return _length >= count;
    }
}
