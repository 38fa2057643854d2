namespace VoServices.VoTable.Converters;

/// <summary>A growable byte buffer reused across rows, so writing allocates nothing per row once warmed up.</summary>
internal sealed class ByteBuffer(int initialCapacity)
{
    private byte[] _data = new byte[Math.Max(16, initialCapacity)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _data.AsSpan(0, Length);

    public ReadOnlyMemory<byte> WrittenMemory => _data.AsMemory(0, Length);

    /// <summary>Writable bytes at the end; not counted until <see cref="Advance"/>.</summary>
    public Span<byte> GetSpan(int sizeHint)
    {
        Ensure(sizeHint);
        return _data.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    /// <summary>Appends <paramref name="count"/> bytes and returns them for filling.</summary>
    public Span<byte> Reserve(int count)
    {
        Ensure(count);
        var span = _data.AsSpan(Length, count);
        Length += count;
        return span;
    }

    public void Write(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    public void WriteByte(byte b)
    {
        Ensure(1);
        _data[Length++] = b;
    }

    /// <summary>Sets or clears bit <paramref name="bit"/> (MSB of byte 0 = bit 0) of the first bytes.</summary>
    public void SetFlag(int bit) => _data[bit >> 3] |= (byte)(0x80 >> (bit & 7));

    public void Clear() => Length = 0;

    /// <summary>Drops bytes written after <paramref name="length"/>.</summary>
    public void Truncate(int length) => Length = Math.Min(Length, length);

    /// <summary>Clears and gives back memory if one huge row made the buffer grow beyond <paramref name="maxRetained"/>.</summary>
    public void Reset(int maxRetained)
    {
        Length = 0;
        if (_data.Length > maxRetained)
        {
            _data = new byte[maxRetained];
        }
    }

    private void Ensure(int extra)
    {
        var needed = (long)Length + extra;
        if (needed <= _data.Length)
        {
            return;
        }
        if (needed > Array.MaxLength)
        {
            throw new InvalidOperationException("VOTable row or buffer larger than 2 GB");
        }
        var size = Math.Max(needed, Math.Min((long)_data.Length * 2, Array.MaxLength));
        Array.Resize(ref _data, (int)size);
    }
}
