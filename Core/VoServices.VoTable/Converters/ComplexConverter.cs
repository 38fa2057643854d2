using System.Buffers.Binary;
using System.Numerics;

namespace VoServices.VoTable.Converters;

/// <summary>
/// floatComplex and doubleComplex (VOTable 1.4 §2.1): a (real, imaginary) pair, read as
/// <see cref="Complex"/> or <c>Complex[]</c>. TD text is the parts separated by blanks; nulls are NaN pairs.
/// Writing also accepts a real number (imaginary 0) and interleaved <c>double[]</c>/<c>float[]</c> pairs.
/// The count prefix of a variable array in BINARY/BINARY2 is the number of real components (2 per complex value),
/// as STIL and therefore votlint read it; astropy counts complex values instead, so astropy cannot read such
/// cells written by STIL or by us (VOTable 1.4 §5.4 only says "number of items").
/// </summary>
internal sealed class ComplexConverter(VoTableField field, ArraySize? size) : ColumnConverter(field, size, false)
{
    private readonly bool _single = field.Datatype == VoTableDataType.FloatComplex;

    private int ElementSize => _single ? 8 : 16;

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
        WriteCountPrefix(buffer, 2 * array.Length);
        var span = buffer.Reserve(array.Length * ElementSize);
        for (var i = 0; i < array.Length; i++)
        {
            WriteElement(span[(i * ElementSize)..], array[i]);
        }
    }

    public override void WriteNullPayload(ByteBuffer buffer) => TryWriteBinaryNull(buffer);

    /// <summary>NaN pairs for scalars and fixed arrays: votlint rejects an empty TD where elements are expected.</summary>
    public override bool TryWriteTextNull(ByteBuffer buffer)
    {
        if (Size is { IsVariable: true })
        {
            return false;
        }
        var count = Size?.ElementCount ?? 1;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                buffer.WriteByte((byte)' ');
            }
            WriteElementText(buffer, new Complex(NumberText.CanonicalDoubleNaN, NumberText.CanonicalDoubleNaN));
        }
        return true;
    }

    public override bool TryWriteBinaryNull(ByteBuffer buffer)
    {
        if (Size is { IsVariable: true })
        {
            WriteCountPrefix(buffer, 0);
            return true;
        }
        var count = Size?.ElementCount ?? 1;
        var span = buffer.Reserve(count * ElementSize);
        for (var i = 0; i < count; i++)
        {
            WriteElement(span[(i * ElementSize)..], new Complex(NumberText.CanonicalDoubleNaN, NumberText.CanonicalDoubleNaN));
        }
        return true;
    }

    private Complex Convert(object value) => value switch
    {
        Complex c => c,
        double[] { Length: 2 } p => new Complex(p[0], p[1]),
        float[] { Length: 2 } p => new Complex(p[0], p[1]),
        double d => new Complex(d, 0),
        float f => new Complex(f, 0),
        int i => new Complex(i, 0),
        long l => new Complex(l, 0),
        _ => throw WrongType(value),
    };

    private Complex[] ConvertArray(object value)
    {
        switch (value)
        {
            case Complex[] a:
                return a;
            case double[] d when d.Length % 2 == 0:
                return Pairs(d.Length / 2, i => new Complex(d[2 * i], d[2 * i + 1]));
            case float[] f when f.Length % 2 == 0:
                return Pairs(f.Length / 2, i => new Complex(f[2 * i], f[2 * i + 1]));
            case IEnumerable<Complex> e:
                return e.ToArray();
            default:
                throw WrongType(value);
        }
    }

    private static Complex[] Pairs(int count, Func<int, Complex> make)
    {
        var result = new Complex[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = make(i);
        }
        return result;
    }

    private void WriteElementText(ByteBuffer buffer, Complex value)
    {
        if (_single)
        {
            NumberText.Write(buffer, (float)value.Real);
            buffer.WriteByte((byte)' ');
            NumberText.Write(buffer, (float)value.Imaginary);
            return;
        }
        NumberText.Write(buffer, value.Real);
        buffer.WriteByte((byte)' ');
        NumberText.Write(buffer, value.Imaginary);
    }

    private void WriteElement(Span<byte> span, Complex value)
    {
        if (_single)
        {
            BinaryPrimitives.WriteSingleBigEndian(span, (float)value.Real);
            BinaryPrimitives.WriteSingleBigEndian(span[4..], (float)value.Imaginary);
            return;
        }
        BinaryPrimitives.WriteDoubleBigEndian(span, value.Real);
        BinaryPrimitives.WriteDoubleBigEndian(span[8..], value.Imaginary);
    }

    private Complex ReadElement(ReadOnlySpan<byte> span) => _single
        ? new Complex(BinaryPrimitives.ReadSingleBigEndian(span), BinaryPrimitives.ReadSingleBigEndian(span[4..]))
        : new Complex(BinaryPrimitives.ReadDoubleBigEndian(span), BinaryPrimitives.ReadDoubleBigEndian(span[8..]));

    public override object? ParseText(string text, ReadContext context)
    {
        var tokens = Tokens(text);
        if (tokens.Count % 2 != 0)
        {
            return context.Report(VoTableDiagnosticCodes.InvalidValue,
                $"'{text}' is not a list of (real imaginary) pairs; read as null");
        }
        var parts = new double[tokens.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!TryParsePart(tokens[i], out parts[i]))
            {
                return context.Report(VoTableDiagnosticCodes.InvalidValue, $"'{tokens[i]}' is not a number; read as null");
            }
        }
        if (Size is null)
        {
            return parts.Length == 2
                ? new Complex(parts[0], parts[1])
                : context.Report(VoTableDiagnosticCodes.InvalidValue, $"'{text}' is not one complex number; read as null");
        }
        var keep = CheckReadCount(parts.Length / 2, context);
        return keep < 0 ? null : Pairs(keep, i => new Complex(parts[2 * i], parts[2 * i + 1]));
    }

    private bool TryParsePart(string token, out double value)
    {
        if (!_single)
        {
            return NumberText.TryParse(token, out value);
        }
        var ok = NumberText.TryParse(token, out float f);
        value = f;
        return ok;
    }

    public override object? ReadBinary(BinaryInput input, ReadContext context)
    {
        if (Size is null)
        {
            return ReadElement(input.Take(ElementSize));
        }
        var components = Size.IsVariable ? ReadCount(input, context) : 2 * Size.ElementCount;
        if ((long)components * ElementSize / 2 > Array.MaxLength)
        {
            throw context.Error($"{Context}: array of {components} components is too large");
        }
        var span = input.Take(components * (ElementSize / 2));
        if (components % 2 != 0)
        {
            return context.Report(VoTableDiagnosticCodes.WrongElementCount,
                $"odd number {components} of complex components; read as null");
        }
        var count = components / 2;
        var keep = CheckReadCount(count, context);
        if (keep < 0)
        {
            return null;
        }
        var result = new Complex[keep];
        for (var i = 0; i < keep; i++)
        {
            result[i] = ReadElement(span[(i * ElementSize)..]);
        }
        return result;
    }
}
