using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using VoServices.VoTable;

namespace VoServices.Tap.Results;

/// <summary>
/// One BINTABLE column of <see cref="FitsResultWriter"/> (FITS 4.0 §7.3). Rows pass twice: <see cref="Spool"/>
/// writes each cell to a temporary file in an intermediate form and gathers what the header needs (longest
/// string, longest variable array, integer range, presence of NULLs); after <see cref="Freeze"/>,
/// <see cref="Emit"/> turns the spooled cell into big-endian FITS bytes.
/// </summary>
/// <remarks>
/// TFORM per VOTable datatype: boolean L, bit X, unsignedByte B, short I, int J, long K, float E, double D,
/// floatComplex C, doubleComplex M; char and unicodeChar nA with n the declared fixed size or else the longest
/// value (ASCII only: other characters become '?'); fixed arrays nE etc. (TDIMn for several dimensions);
/// variable arrays 1PE(max) with the elements in the heap. NULLs: TNULLn for integer columns (a value the data
/// does not use: the type's minimum, else its maximum), NaN for floats, 0 for logicals, an all-NUL string,
/// an empty variable array.
/// </remarks>
internal sealed class FitsColumn
{
    private readonly Element element;
    private readonly int? fixedCount;
    private readonly bool variable;
    private readonly IReadOnlyList<int>? dims;
    private readonly int? declaredTextWidth;
    private int longestText;
    private int longestArray;
    private long min = long.MaxValue;
    private long max = long.MinValue;
    private bool hasNull;
    private long nullValue;

    private FitsColumn(ResultColumn column, Element element, ArraySize? size)
    {
        Column = column;
        this.element = element;
        if (element == Element.Text)
        {
            declaredTextWidth = size is null ? 1 : size.IsVariable || size.Rank > 1 ? null : size.ElementCount;
        }
        else if (size is not null)
        {
            variable = size.IsVariable;
            fixedCount = variable ? null : size.ElementCount;
            dims = !variable && size.Rank > 1 ? size.FixedDimensions : null;
        }
        nullValue = DefaultNull(element);
    }

    private enum Element
    {
        Logical, Bit, Byte, Short, Int, Long, Float, Double, FloatComplex, DoubleComplex, Text,
    }

    public ResultColumn Column { get; }

    /// <summary>Bytes of this column in a table row (valid after <see cref="Freeze"/> for text columns).</summary>
    public int Width { get; private set; }

    private bool IsInteger => element is Element.Byte or Element.Short or Element.Int or Element.Long;

    /// <exception cref="ArgumentException">Invalid column metadata.</exception>
    public static FitsColumn Create(ResultColumn column)
    {
        var element = column.GetDataType() switch
        {
            VoTableDataType.Boolean => Element.Logical,
            VoTableDataType.Bit => Element.Bit,
            VoTableDataType.UnsignedByte => Element.Byte,
            VoTableDataType.Short => Element.Short,
            VoTableDataType.Int => Element.Int,
            VoTableDataType.Long => Element.Long,
            VoTableDataType.Float => Element.Float,
            VoTableDataType.Double => Element.Double,
            VoTableDataType.FloatComplex => Element.FloatComplex,
            VoTableDataType.DoubleComplex => Element.DoubleComplex,
            _ => Element.Text,
        };
        return new FitsColumn(column, element, column.GetArraySize());
    }

    /// <summary>Writes one cell in the intermediate form.</summary>
    /// <exception cref="ArgumentException">The value does not fit the column (type, range, array length).</exception>
    public void Spool(object? value, BinaryWriter spool, FitsHeap heap)
    {
        if (value is DBNull)
        {
            value = null;
        }
        hasNull |= value is null;
        if (element == Element.Text)
        {
            SpoolText(value, spool);
        }
        else if (variable)
        {
            var count = 0;
            var bytes = value is null ? [] : EncodeArray(AsArray(value), out count);
            longestArray = Math.Max(longestArray, count);
            spool.Write(count);
            spool.Write(heap.Append(bytes));
        }
        else if (fixedCount is int n)
        {
            spool.Write(value is null ? NullArray(n) : EncodeFixed(AsArray(value), n));
        }
        else
        {
            SpoolScalar(value, spool);
        }
    }

    /// <summary>Fixes the text width and the integer NULL value once all rows are spooled.</summary>
    public void Freeze()
    {
        if (element == Element.Text)
        {
            Width = declaredTextWidth ?? Math.Max(1, longestText);
            return;
        }
        if (IsInteger && fixedCount is null && !variable && hasNull)
        {
            nullValue = ChooseNull();
        }
        Width = variable ? 8 : ElementBytes(fixedCount ?? 1);
    }

    /// <summary>Reads one spooled cell and writes its FITS bytes into <paramref name="target"/> (length <see cref="Width"/>).</summary>
    public void Emit(BinaryReader spool, Span<byte> target)
    {
        if (element == Element.Text)
        {
            var length = spool.ReadInt32();
            target.Clear();
            if (length > 0)
            {
                var bytes = spool.ReadBytes(length);
                bytes.AsSpan(0, Math.Min(length, Width)).CopyTo(target);
            }
        }
        else if (variable)
        {
            // FITS 4.0 §7.3.5: a P descriptor is two 32-bit integers, element count and heap offset.
            BinaryPrimitives.WriteInt32BigEndian(target, spool.ReadInt32());
            BinaryPrimitives.WriteInt32BigEndian(target[4..], checked((int)spool.ReadInt64()));
        }
        else if (fixedCount is not null)
        {
            spool.BaseStream.ReadExactly(target);
        }
        else
        {
            EmitScalar(spool, target);
        }
    }

    /// <summary>Adds the TTYPEn, TFORMn, TUNITn, TNULLn, TDIMn, TUCDn, TUTYPn and TCOMMn cards of column <paramref name="n"/> (1-based).</summary>
    public void WriteCards(FitsHeader header, int n)
    {
        var i = n.ToString(CultureInfo.InvariantCulture);
        header.String("TTYPE" + i, Column.Name);
        header.String("TFORM" + i, Form(), Column.Datatype + (Column.ArraySize is null ? "" : "[" + Column.ArraySize + "]"));
        if (Column.Unit is not null)
        {
            header.String("TUNIT" + i, Column.Unit);
        }
        if (IsInteger && hasNull && !variable)
        {
            header.Integer("TNULL" + i, nullValue);
        }
        if (dims is not null)
        {
            header.String("TDIM" + i, "(" + string.Join(',', dims.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")");
        }
        // Not in the FITS standard, but read by STIL/TOPCAT; other readers ignore them.
        if (Column.Ucd is not null)
        {
            header.String("TUCD" + i, Column.Ucd);
        }
        if (Column.Utype is not null)
        {
            header.String("TUTYP" + i, Column.Utype);
        }
        if (Column.Description is not null)
        {
            header.String("TCOMM" + i, Column.Description);
        }
    }

    private string Form()
    {
        if (element == Element.Text)
        {
            return Width.ToString(CultureInfo.InvariantCulture) + "A";
        }
        var code = element switch
        {
            Element.Logical => "L",
            Element.Bit => "X",
            Element.Byte => "B",
            Element.Short => "I",
            Element.Int => "J",
            Element.Long => "K",
            Element.Float => "E",
            Element.Double => "D",
            Element.FloatComplex => "C",
            _ => "M",
        };
        return variable ? "1P" + code + "(" + longestArray.ToString(CultureInfo.InvariantCulture) + ")"
            : fixedCount is int n ? n.ToString(CultureInfo.InvariantCulture) + code
            : code;
    }

    private void SpoolText(object? value, BinaryWriter spool)
    {
        if (value is null)
        {
            spool.Write(-1);
            return;
        }
        var text = FitsHeader.Sanitize(CellText.Format(value)); // FITS 4.0 §7.3.3.1: A holds ASCII 0x20–0x7E
        if (declaredTextWidth is int width && text.Length > width)
        {
            text = text[..width];
        }
        longestText = Math.Max(longestText, text.Length);
        spool.Write(text.Length);
        spool.Write(Encoding.ASCII.GetBytes(text));
    }

    private void SpoolScalar(object? value, BinaryWriter spool)
    {
        switch (element)
        {
            case Element.Logical:
                spool.Write(value is null ? (byte)0 : AsBool(value) ? (byte)'T' : (byte)'F');
                break;
            case Element.Bit:
                spool.Write(value is not null && AsBool(value) ? (byte)0x80 : (byte)0);
                break;
            case Element.Float or Element.Double:
                spool.Write(value is null ? double.NaN : ToDouble(value));
                break;
            case Element.FloatComplex or Element.DoubleComplex:
                var c = value is null ? new Complex(double.NaN, double.NaN) : ToComplex(value);
                spool.Write(c.Real);
                spool.Write(c.Imaginary);
                break;
            default:
                spool.Write(value is not null);
                if (value is not null)
                {
                    var v = ToInteger(value, element);
                    (min, max) = (Math.Min(min, v), Math.Max(max, v));
                    spool.Write(v);
                }
                break;
        }
    }

    private void EmitScalar(BinaryReader spool, Span<byte> target)
    {
        switch (element)
        {
            case Element.Logical or Element.Bit:
                target[0] = spool.ReadByte();
                break;
            case Element.Float:
                BinaryPrimitives.WriteSingleBigEndian(target, (float)spool.ReadDouble());
                break;
            case Element.Double:
                BinaryPrimitives.WriteDoubleBigEndian(target, spool.ReadDouble());
                break;
            case Element.FloatComplex:
                BinaryPrimitives.WriteSingleBigEndian(target, (float)spool.ReadDouble());
                BinaryPrimitives.WriteSingleBigEndian(target[4..], (float)spool.ReadDouble());
                break;
            case Element.DoubleComplex:
                BinaryPrimitives.WriteDoubleBigEndian(target, spool.ReadDouble());
                BinaryPrimitives.WriteDoubleBigEndian(target[8..], spool.ReadDouble());
                break;
            default:
                WriteInteger(target, spool.ReadBoolean() ? spool.ReadInt64() : nullValue);
                break;
        }
    }

    private byte[] EncodeFixed(Array values, int count)
    {
        var bytes = EncodeArray(values, out var actual);
        return actual == count ? bytes : throw new ArgumentException(
            $"{actual.ToString(CultureInfo.InvariantCulture)} elements given, arraysize {Column.ArraySize} needs {count.ToString(CultureInfo.InvariantCulture)}");
    }

    private byte[] EncodeArray(Array values, out int count)
    {
        count = values.Length;
        var bytes = new byte[ElementBytes(count)];
        var size = element == Element.Bit ? 0 : ElementBytes(1);
        var i = 0;
        foreach (var item in values)
        {
            if (element == Element.Bit)
            {
                if (item is not null && AsBool(item))
                {
                    bytes[i >> 3] |= (byte)(0x80 >> (i & 7));
                }
            }
            else
            {
                EncodeElement(item, bytes.AsSpan(i * size, size));
            }
            i++;
        }
        return bytes;
    }

    private void EncodeElement(object? item, Span<byte> target)
    {
        switch (element)
        {
            case Element.Logical:
                target[0] = item is null ? (byte)0 : AsBool(item) ? (byte)'T' : (byte)'F';
                break;
            case Element.Float:
                BinaryPrimitives.WriteSingleBigEndian(target, item is null ? float.NaN : (float)ToDouble(item));
                break;
            case Element.Double:
                BinaryPrimitives.WriteDoubleBigEndian(target, item is null ? double.NaN : ToDouble(item));
                break;
            case Element.FloatComplex or Element.DoubleComplex:
                var c = item is null ? new Complex(double.NaN, double.NaN) : ToComplex(item);
                var half = target.Length / 2;
                WriteReal(target[..half], c.Real);
                WriteReal(target[half..], c.Imaginary);
                break;
            default:
                hasNull |= item is null;
                WriteInteger(target, item is null ? nullValue : ToInteger(item, element));
                break;
        }
    }

    private byte[] NullArray(int count)
    {
        var bytes = new byte[ElementBytes(count)];
        if (element != Element.Bit && element != Element.Logical)
        {
            var size = ElementBytes(1);
            for (var i = 0; i < count; i++)
            {
                EncodeElement(null, bytes.AsSpan(i * size, size));
            }
        }
        return bytes;
    }

    private static void WriteReal(Span<byte> target, double value)
    {
        if (target.Length == 4)
        {
            BinaryPrimitives.WriteSingleBigEndian(target, (float)value);
        }
        else
        {
            BinaryPrimitives.WriteDoubleBigEndian(target, value);
        }
    }

    private void WriteInteger(Span<byte> target, long value)
    {
        switch (element)
        {
            case Element.Byte:
                target[0] = (byte)value;
                break;
            case Element.Short:
                BinaryPrimitives.WriteInt16BigEndian(target, (short)value);
                break;
            case Element.Int:
                BinaryPrimitives.WriteInt32BigEndian(target, (int)value);
                break;
            default:
                BinaryPrimitives.WriteInt64BigEndian(target, value);
                break;
        }
    }

    private int ElementBytes(int count) => element switch
    {
        Element.Logical or Element.Byte => count,
        Element.Bit => (count + 7) / 8,
        Element.Short => 2 * count,
        Element.Int or Element.Float => 4 * count,
        Element.FloatComplex => 8 * count,
        Element.DoubleComplex => 16 * count,
        _ => 8 * count,
    };

    // An integer NULL value the data does not use, so no real value reads back as NULL (when possible).
    private long ChooseNull()
    {
        var (low, high) = Range(element);
        return element == Element.Byte
            ? max < high ? high : min > low ? low : high
            : min > low ? low : max < high ? high : low;
    }

    private static long DefaultNull(Element element) =>
        element == Element.Byte ? byte.MaxValue : element is Element.Short or Element.Int or Element.Long ? Range(element).Low : 0;

    private static (long Low, long High) Range(Element element) => element switch
    {
        Element.Byte => (byte.MinValue, byte.MaxValue),
        Element.Short => (short.MinValue, short.MaxValue),
        Element.Int => (int.MinValue, int.MaxValue),
        _ => (long.MinValue, long.MaxValue),
    };

    private static Array AsArray(object value) => value as Array is { } array && value is not string
        ? array
        : throw new ArgumentException($"an array column got a {value.GetType().Name}");

    private static bool AsBool(object value) => value is bool b ? b
        : throw new ArgumentException($"a boolean column got a {value.GetType().Name}");

    private static long ToInteger(object value, Element element)
    {
        long v = value switch
        {
            byte or sbyte or short or ushort or int or uint or long => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            ulong u => u <= long.MaxValue ? (long)u : throw OutOfRange(value, element),
            double or float or decimal when Convert.ToDecimal(value, CultureInfo.InvariantCulture) is var m && m == decimal.Truncate(m)
                && m >= long.MinValue && m <= long.MaxValue => (long)m,
            _ => throw new ArgumentException($"an integer column got {value.GetType().Name} {Convert.ToString(value, CultureInfo.InvariantCulture)}"),
        };
        var (low, high) = Range(element);
        return v >= low && v <= high ? v : throw OutOfRange(value, element);
    }

    private static ArgumentException OutOfRange(object value, Element element) =>
        new($"{Convert.ToString(value, CultureInfo.InvariantCulture)} is out of range for {element}");

    private static double ToDouble(object value) => value switch
    {
        double d => d,
        float f => f,
        byte or sbyte or short or ushort or int or uint or long or ulong or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"a floating-point column got a {value.GetType().Name}"),
    };

    private static Complex ToComplex(object value) => value is Complex c ? c : new Complex(ToDouble(value), 0);
}

/// <summary>The BINTABLE heap of variable-length arrays (FITS 4.0 §7.3.5), spooled to a temporary file.</summary>
internal sealed class FitsHeap(Stream stream)
{
    public Stream Stream { get; } = stream;

    /// <summary>Bytes in the heap.</summary>
    public long Length { get; private set; }

    /// <summary>Appends the elements of one array; returns their offset from the start of the heap.</summary>
    /// <exception cref="ArgumentException">The heap would exceed the 2 GiB a P descriptor can address.</exception>
    public long Append(ReadOnlySpan<byte> bytes)
    {
        var offset = Length;
        if (offset + bytes.Length > int.MaxValue)
        {
            throw new ArgumentException("the FITS heap of variable-length arrays exceeds 2 GiB; ask for a VOTable instead");
        }
        Stream.Write(bytes);
        Length += bytes.Length;
        return offset;
    }
}
