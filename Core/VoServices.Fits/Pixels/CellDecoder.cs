using System.Buffers.Binary;
using System.Text;

namespace VoServices.Fits.Pixels;

/// <summary>
/// Decodes big-endian binary-table fields and heap arrays (FITS 4.0 §7.3.3) into .NET values: the cell types
/// documented on <see cref="FitsBinaryTable.ReadCell"/>.
/// </summary>
internal static class CellDecoder
{
    /// <summary>The .NET type of one element of <paramref name="type"/> in an array cell.</summary>
    public static Type ElementClrType(FitsColumnType type) => type switch
    {
        FitsColumnType.Logical => typeof(bool?),
        FitsColumnType.Bit => typeof(bool),
        FitsColumnType.Byte => typeof(byte),
        FitsColumnType.Int16 => typeof(short),
        FitsColumnType.Int32 => typeof(int),
        FitsColumnType.Int64 => typeof(long),
        FitsColumnType.Char => typeof(char),
        FitsColumnType.Float32 => typeof(float),
        FitsColumnType.Float64 => typeof(double),
        _ => typeof(FitsComplex),
    };

    /// <summary>The .NET type of a cell of <paramref name="column"/>.</summary>
    public static Type CellClrType(FitsColumn column)
    {
        if (column.Type == FitsColumnType.Char)
        {
            return typeof(string);
        }
        if (column.Type == FitsColumnType.Bit || column.IsVariableLength || column.Repeat != 1)
        {
            return ElementClrType(column.Type).MakeArrayType();
        }
        return ElementClrType(column.Type);
    }

    /// <summary>Decodes a fixed-width field.</summary>
    public static object? DecodeField(ReadOnlySpan<byte> field, FitsColumn column)
    {
        if (column.Type == FitsColumnType.Char || column.Type == FitsColumnType.Bit || column.Repeat != 1)
        {
            return DecodeArray(field, column.Type, column.Repeat);
        }
        return DecodeScalar(field, column.Type);
    }

    public static object? DecodeScalar(ReadOnlySpan<byte> b, FitsColumnType type) => type switch
    {
        FitsColumnType.Logical => Logical(b[0]),
        FitsColumnType.Byte => b[0],
        FitsColumnType.Int16 => BinaryPrimitives.ReadInt16BigEndian(b),
        FitsColumnType.Int32 => BinaryPrimitives.ReadInt32BigEndian(b),
        FitsColumnType.Int64 => BinaryPrimitives.ReadInt64BigEndian(b),
        FitsColumnType.Float32 => BinaryPrimitives.ReadSingleBigEndian(b),
        FitsColumnType.Float64 => BinaryPrimitives.ReadDoubleBigEndian(b),
        FitsColumnType.Complex64 => new FitsComplex(BinaryPrimitives.ReadSingleBigEndian(b),
            BinaryPrimitives.ReadSingleBigEndian(b[4..])),
        FitsColumnType.Complex128 => new FitsComplex(BinaryPrimitives.ReadDoubleBigEndian(b),
            BinaryPrimitives.ReadDoubleBigEndian(b[8..])),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// Decodes <paramref name="count"/> elements: a typed array, or for A a string that ends at the first NUL and
    /// without trailing spaces (FITS 4.0 §7.3.3.1).
    /// </summary>
    public static object DecodeArray(ReadOnlySpan<byte> b, FitsColumnType type, int count)
    {
        switch (type)
        {
            case FitsColumnType.Char:
                var text = b[..count];
                var nul = text.IndexOf((byte)0);
                return Encoding.Latin1.GetString(nul < 0 ? text : text[..nul]).TrimEnd(' ');
            case FitsColumnType.Bit:
                var bits = new bool[count];
                for (var i = 0; i < count; i++)
                {
                    bits[i] = (b[i >> 3] & (0x80 >> (i & 7))) != 0;
                }
                return bits;
            case FitsColumnType.Byte:
                return b[..count].ToArray();
            case FitsColumnType.Logical:
                var logicals = new bool?[count];
                for (var i = 0; i < count; i++)
                {
                    logicals[i] = Logical(b[i]);
                }
                return logicals;
            default:
                return DecodeNumbers(b, type, count);
        }
    }

    private static Array DecodeNumbers(ReadOnlySpan<byte> b, FitsColumnType type, int count) => type switch
    {
        FitsColumnType.Int16 => BigEndian.ToArray<short>(b, count),
        FitsColumnType.Int32 => BigEndian.ToArray<int>(b, count),
        FitsColumnType.Int64 => BigEndian.ToArray<long>(b, count),
        FitsColumnType.Float32 => BigEndian.ToArray<float>(b, count),
        FitsColumnType.Float64 => BigEndian.ToArray<double>(b, count),
        FitsColumnType.Complex64 => Pairs(BigEndian.ToArray<float>(b, 2 * count).Select(f => (double)f).ToArray()),
        FitsColumnType.Complex128 => Pairs(BigEndian.ToArray<double>(b, 2 * count)),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static FitsComplex[] Pairs(double[] parts)
    {
        var result = new FitsComplex[parts.Length / 2];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new FitsComplex(parts[2 * i], parts[2 * i + 1]);
        }
        return result;
    }

    private static bool? Logical(byte value) => value switch
    {
        (byte)'T' => true,
        (byte)'F' => false,
        _ => null,
    };
}
