using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace VoServices.VoTable.Converters;

/// <summary>
/// unsignedByte, short, int, long, float and double (VOTable 1.4 §2.1), scalar (CLR <typeparamref name="T"/>)
/// or array (<c>T[]</c>). Integer nulls use VALUES null= (magic value); float nulls are NaN in BINARY.
/// Integer TD text may be hexadecimal (<c>0x…</c>, two's complement of the column width).
/// </summary>
internal sealed class NumberConverter<T> : ColumnConverter where T : unmanaged, INumber<T>
{
    private static readonly int ElementSize = Unsafe.SizeOf<T>();
    private static readonly bool IsFloating = typeof(T) == typeof(float) || typeof(T) == typeof(double);
    private readonly T? _null;
    private readonly string? _nullProblem;

    public NumberConverter(VoTableField field, ArraySize? size) : base(field, size, false)
    {
        if (!string.IsNullOrWhiteSpace(field.NullValue))
        {
            if (TryParseElement(field.NullValue, out var n))
            {
                _null = n;
            }
            else
            {
                _nullProblem = $"VALUES null='{field.NullValue}' is not a valid {field.Datatype.ToName()}";
            }
        }
    }

    public override string? MetadataProblem => _nullProblem;

    public override void ValidateForWriting()
    {
        if (_nullProblem is not null)
        {
            throw Bad(_nullProblem);
        }
    }

    // ---- writing -------------------------------------------------------------------------------------------

    public override void WriteText(object value, ByteBuffer buffer)
    {
        if (Size is null)
        {
            WriteElementText(buffer, Convert(value));
            return;
        }
        var array = ConvertArray(value);
        CheckCount(array.Length);
        for (var i = 0; i < array.Length; i++)
        {
            if (i > 0)
            {
                buffer.WriteByte((byte)' ');
            }
            WriteElementText(buffer, array[i]);
        }
    }

    public override void WriteBinary(object value, ByteBuffer buffer)
    {
        if (Size is null)
        {
            WriteElement(buffer.Reserve(ElementSize), Convert(value));
            return;
        }
        var array = ConvertArray(value);
        CheckCount(array.Length);
        WriteCountPrefix(buffer, array.Length);
        var span = buffer.Reserve(array.Length * ElementSize);
        for (var i = 0; i < array.Length; i++)
        {
            WriteElement(span[(i * ElementSize)..], array[i]);
        }
    }

    public override void WriteText(double value, ByteBuffer buffer)
    {
        if (Size is not null)
        {
            base.WriteText(value, buffer);
            return;
        }
        WriteElementText(buffer, From(value));
    }

    public override void WriteBinary(double value, ByteBuffer buffer)
    {
        if (Size is not null)
        {
            base.WriteBinary(value, buffer);
            return;
        }
        WriteElement(buffer.Reserve(ElementSize), From(value));
    }

    public override void WriteText(long value, ByteBuffer buffer)
    {
        if (Size is not null)
        {
            base.WriteText(value, buffer);
            return;
        }
        WriteElementText(buffer, From(value));
    }

    public override void WriteBinary(long value, ByteBuffer buffer)
    {
        if (Size is not null)
        {
            base.WriteBinary(value, buffer);
            return;
        }
        WriteElement(buffer.Reserve(ElementSize), From(value));
    }

    public override void WriteNullPayload(ByteBuffer buffer) => WriteFill(buffer, _null ?? NullFill());

    public override bool TryWriteBinaryNull(ByteBuffer buffer)
    {
        if (Size is { IsVariable: true })
        {
            WriteCountPrefix(buffer, 0);
            return true;
        }
        if (!IsFloating && _null is null)
        {
            return false;
        }
        WriteFill(buffer, _null ?? NullFill());
        return true;
    }

    /// <summary>
    /// Integer scalars with VALUES null= write that value. Fixed arrays write one null per element (NaN, or the
    /// VALUES null= value), because votlint rejects an empty TD where a fixed element count is declared.
    /// </summary>
    public override bool TryWriteTextNull(ByteBuffer buffer)
    {
        if (Size is { IsVariable: true } || (!IsFloating && _null is null) || (Size is null && IsFloating))
        {
            return false;
        }
        var fill = _null ?? NullFill();
        var count = Size?.ElementCount ?? 1;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                buffer.WriteByte((byte)' ');
            }
            WriteElementText(buffer, fill);
        }
        return true;
    }

    /// <summary>Zero, or for floats the canonical quiet NaN 0x7FC00000/0x7FF8000000000000 (what Java and STIL
    /// write; .NET's NaN constants have the sign bit set).</summary>
    private static T NullFill()
    {
        if (typeof(T) == typeof(double))
        {
            var nan = NumberText.CanonicalDoubleNaN;
            return Unsafe.As<double, T>(ref nan);
        }
        if (typeof(T) == typeof(float))
        {
            var nan = NumberText.CanonicalFloatNaN;
            return Unsafe.As<float, T>(ref nan);
        }
        return T.Zero;
    }

    private void WriteFill(ByteBuffer buffer, T fill)
    {
        if (Size is { IsVariable: true })
        {
            WriteCountPrefix(buffer, 0);
            return;
        }
        var count = Size?.ElementCount ?? 1;
        var span = buffer.Reserve(count * ElementSize);
        for (var i = 0; i < count; i++)
        {
            WriteElement(span[(i * ElementSize)..], fill);
        }
    }

    private T Convert(object value) => value switch
    {
        T t => t,
        byte v => From(v),
        sbyte v => From(v),
        short v => From(v),
        ushort v => From(v),
        int v => From(v),
        uint v => From(v),
        long v => From(v),
        ulong v => From(v),
        float v => From(v),
        double v => From(v),
        decimal v => From(v),
        Half v => From(v),
        _ => throw WrongType(value),
    };

    private T[] ConvertArray(object value) => value switch
    {
        T[] a => a,
        byte[] a => Map(a),
        sbyte[] a => Map(a),
        short[] a => Map(a),
        ushort[] a => Map(a),
        int[] a => Map(a),
        uint[] a => Map(a),
        long[] a => Map(a),
        ulong[] a => Map(a),
        float[] a => Map(a),
        double[] a => Map(a),
        IEnumerable<T> e => e.ToArray(),
        _ => throw WrongType(value),
    };

    private T[] Map<TFrom>(TFrom[] source) where TFrom : INumberBase<TFrom>
    {
        var result = new T[source.Length];
        for (var i = 0; i < source.Length; i++)
        {
            result[i] = From(source[i]);
        }
        return result;
    }

    private T From<TFrom>(TFrom value) where TFrom : INumberBase<TFrom>
    {
        if (IsFloating)
        {
            return T.CreateTruncating(value);
        }
        if (!TFrom.IsInteger(value))
        {
            throw Bad($"{value} is not an integer");
        }
        try
        {
            return T.CreateChecked(value);
        }
        catch (OverflowException e)
        {
            throw new VoTableValueException($"{Context}: {value} is out of range", e);
        }
    }

    private static void WriteElementText(ByteBuffer buffer, T value)
    {
        if (typeof(T) == typeof(double))
        {
            NumberText.Write(buffer, Unsafe.As<T, double>(ref value));
            return;
        }
        if (typeof(T) == typeof(float))
        {
            NumberText.Write(buffer, Unsafe.As<T, float>(ref value));
            return;
        }
        var span = buffer.GetSpan(24);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        buffer.Advance(written);
    }

    private static void WriteElement(Span<byte> span, T value)
    {
        if (typeof(T) == typeof(double))
        {
            BinaryPrimitives.WriteDoubleBigEndian(span, Unsafe.As<T, double>(ref value));
        }
        else if (typeof(T) == typeof(float))
        {
            BinaryPrimitives.WriteSingleBigEndian(span, Unsafe.As<T, float>(ref value));
        }
        else if (typeof(T) == typeof(long))
        {
            BinaryPrimitives.WriteInt64BigEndian(span, Unsafe.As<T, long>(ref value));
        }
        else if (typeof(T) == typeof(int))
        {
            BinaryPrimitives.WriteInt32BigEndian(span, Unsafe.As<T, int>(ref value));
        }
        else if (typeof(T) == typeof(short))
        {
            BinaryPrimitives.WriteInt16BigEndian(span, Unsafe.As<T, short>(ref value));
        }
        else
        {
            span[0] = Unsafe.As<T, byte>(ref value);
        }
    }

    private static T ReadElement(ReadOnlySpan<byte> span)
    {
        if (typeof(T) == typeof(double))
        {
            var v = BinaryPrimitives.ReadDoubleBigEndian(span);
            return Unsafe.As<double, T>(ref v);
        }
        if (typeof(T) == typeof(float))
        {
            var v = BinaryPrimitives.ReadSingleBigEndian(span);
            return Unsafe.As<float, T>(ref v);
        }
        if (typeof(T) == typeof(long))
        {
            var v = BinaryPrimitives.ReadInt64BigEndian(span);
            return Unsafe.As<long, T>(ref v);
        }
        if (typeof(T) == typeof(int))
        {
            var v = BinaryPrimitives.ReadInt32BigEndian(span);
            return Unsafe.As<int, T>(ref v);
        }
        if (typeof(T) == typeof(short))
        {
            var v = BinaryPrimitives.ReadInt16BigEndian(span);
            return Unsafe.As<short, T>(ref v);
        }
        var b = span[0];
        return Unsafe.As<byte, T>(ref b);
    }

    // ---- reading -------------------------------------------------------------------------------------------

    public override object? ParseText(string text, ReadContext context)
    {
        if (Size is null)
        {
            if (!TryParseElement(text, out var value))
            {
                return context.Report(VoTableDiagnosticCodes.InvalidValue,
                    $"'{text}' is not a valid {Field.Datatype.ToName()}; read as null");
            }
            return IsNull(value) ? null : value;
        }
        var tokens = Tokens(text);
        var keep = CheckReadCount(tokens.Count, context);
        if (keep < 0)
        {
            return null;
        }
        var result = new T[keep];
        for (var i = 0; i < keep; i++)
        {
            if (!TryParseElement(tokens[i], out result[i]))
            {
                context.Report(VoTableDiagnosticCodes.InvalidValue,
                    $"array element '{tokens[i]}' is not a valid {Field.Datatype.ToName()}; read as {(IsFloating ? "NaN" : "the null value or 0")}");
                result[i] = _null ?? NullFill();
            }
        }
        return result;
    }

    public override object? ReadBinary(BinaryInput input, ReadContext context)
    {
        if (Size is null)
        {
            var value = ReadElement(input.Take(ElementSize));
            return IsNull(value) ? null : value;
        }
        var count = ReadCount(input, context);
        if ((long)count * ElementSize > Array.MaxLength)
        {
            throw context.Error($"{Context}: array of {count} elements is too large");
        }
        var span = input.Take(count * ElementSize);
        var keep = CheckReadCount(count, context);
        if (keep < 0)
        {
            return null;
        }
        var result = new T[keep];
        for (var i = 0; i < keep; i++)
        {
            result[i] = ReadElement(span[(i * ElementSize)..]);
        }
        return result;
    }

    private bool IsNull(T value) => _null is T n && (n == value);

    private static bool TryParseElement(ReadOnlySpan<char> text, out T value)
    {
        if (typeof(T) == typeof(double))
        {
            var ok = NumberText.TryParse(text, out double d);
            value = Unsafe.As<double, T>(ref d);
            return ok;
        }
        if (typeof(T) == typeof(float))
        {
            var ok = NumberText.TryParse(text, out float f);
            value = Unsafe.As<float, T>(ref f);
            return ok;
        }
        text = text.Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            // Hex digits are the two's-complement bits of the column width, as astropy reads them.
            return T.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        return T.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
