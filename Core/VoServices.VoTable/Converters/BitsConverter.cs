using System.Buffers.Binary;

namespace VoServices.VoTable.Converters;

/// <summary>
/// bit (VOTable 1.4 §2.1, §5.4): scalar <c>bool</c>, arrays <c>bool[]</c>. BINARY packs bits MSB first into
/// ⌈n/8⌉ bytes with unused low bits 0; a variable array's count is the number of bits. A scalar is one byte with
/// the bit in the MSB (0x80); reading takes any non-zero byte as 1, since astropy writes 0x08. Bits have no null
/// in BINARY (except an empty variable array); TD text is <c>1</c>/<c>0</c> separated by blanks.
/// </summary>
internal sealed class BitsConverter(VoTableField field, ArraySize? size) : ColumnConverter(field, size, false)
{
    public override void WriteText(object value, ByteBuffer buffer)
    {
        if (Size is null)
        {
            buffer.WriteByte(ConvertScalar(value) ? (byte)'1' : (byte)'0');
            return;
        }
        var bits = ConvertArray(value);
        CheckCount(bits.Length);
        for (var i = 0; i < bits.Length; i++)
        {
            if (i > 0)
            {
                buffer.WriteByte((byte)' ');
            }
            buffer.WriteByte(bits[i] ? (byte)'1' : (byte)'0');
        }
    }

    public override void WriteBinary(object value, ByteBuffer buffer)
    {
        if (Size is null)
        {
            buffer.WriteByte(ConvertScalar(value) ? (byte)0x80 : (byte)0);
            return;
        }
        var bits = ConvertArray(value);
        CheckCount(bits.Length);
        WriteCountPrefix(buffer, bits.Length);
        Pack(bits, buffer.Reserve((bits.Length + 7) / 8));
    }

    /// <summary>Packs bits MSB first (VOTable 1.4 §5.4); unused low bits of the last byte stay 0.</summary>
    internal static void Pack(ReadOnlySpan<bool> bits, Span<byte> destination)
    {
        destination.Clear();
        for (var i = 0; i < bits.Length; i++)
        {
            if (bits[i])
            {
                destination[i >> 3] |= (byte)(0x80 >> (i & 7));
            }
        }
    }

    public override void WriteNullPayload(ByteBuffer buffer)
    {
        if (Size is { IsVariable: true })
        {
            WriteCountPrefix(buffer, 0);
            return;
        }
        buffer.Reserve(Size is null ? 1 : (Size.ElementCount + 7) / 8).Clear();
    }

    public override bool TryWriteBinaryNull(ByteBuffer buffer)
    {
        if (Size is { IsVariable: true })
        {
            WriteCountPrefix(buffer, 0);
            return true;
        }
        return false;
    }

    private bool ConvertScalar(object value) => value switch
    {
        bool b => b,
        byte or short or int or long when System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) is 0 or 1 =>
            System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) == 1,
        _ => throw WrongType(value),
    };

    private bool[] ConvertArray(object value) => value switch
    {
        bool[] a => a,
        bool?[] a when Array.TrueForAll(a, b => b.HasValue) => Array.ConvertAll(a, b => b!.Value),
        IEnumerable<bool> e => e.ToArray(),
        _ => throw WrongType(value),
    };

    public override object? ParseText(string text, ReadContext context)
    {
        var tokens = Tokens(text);
        if (tokens.Count == 1 && tokens[0].Length > 1)
        {
            // "101101" without blanks, as astropy writes bit arrays.
            tokens = tokens[0].Select(c => c.ToString()).ToList();
        }
        var bits = new bool[tokens.Count];
        for (var i = 0; i < bits.Length; i++)
        {
            switch (tokens[i])
            {
                case "1" or "T" or "t" or "true" or "True" or "TRUE": bits[i] = true; break;
                case "0" or "F" or "f" or "false" or "False" or "FALSE": bits[i] = false; break;
                default:
                    return context.Report(VoTableDiagnosticCodes.InvalidValue, $"'{tokens[i]}' is not a bit; read as null");
            }
        }
        if (Size is null)
        {
            return bits.Length == 1
                ? bits[0]
                : context.Report(VoTableDiagnosticCodes.InvalidValue, $"'{text}' is not a single bit; read as null");
        }
        var keep = CheckReadCount(bits.Length, context);
        return keep < 0 ? null : bits[..keep];
    }

    public override object? ReadBinary(BinaryInput input, ReadContext context)
    {
        if (Size is null)
        {
            return input.Take(1)[0] != 0;
        }
        var count = Size.IsVariable ? BinaryPrimitives.ReadInt32BigEndian(input.Take(4)) : Size.ElementCount;
        if (count < 0)
        {
            throw context.Error($"{Context}: negative bit count {count} in BINARY stream");
        }
        var bytes = input.Take((int)(((long)count + 7) / 8));
        var bits = new bool[count];
        for (var i = 0; i < count; i++)
        {
            bits[i] = (bytes[i >> 3] & (0x80 >> (i & 7))) != 0;
        }
        var keep = CheckReadCount(count, context);
        return keep < 0 ? null : keep == count ? bits : bits[..keep];
    }
}
