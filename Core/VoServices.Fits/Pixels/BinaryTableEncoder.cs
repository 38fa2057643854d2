using System.Buffers.Binary;
using System.Globalization;

namespace VoServices.Fits.Pixels;

/// <summary>
/// Lays out <see cref="FitsColumnData"/> as a BINTABLE data unit (FITS 4.0 §7.3): fixed-width big-endian rows,
/// then the heap of variable-length arrays right after the main table (THEAP default), and the column keywords.
/// </summary>
internal static class BinaryTableEncoder
{
    public sealed record Result(List<FitsCard> ColumnCards, int RowWidth, int RowCount, long HeapSize, byte[] Data);

    private sealed record Plan(string Tform, int Width, long? Zero, Action<int, Span<byte>, MemoryStream> Write);

    /// <exception cref="ArgumentException">Unsupported value type, unequal row counts, non-ASCII text.</exception>
    public static Result Encode(IReadOnlyList<FitsColumnData> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count > 999)
        {
            throw new ArgumentException("a binary table has at most 999 columns (FITS 4.0 §7.3.1)", nameof(columns));
        }
        var rows = columns.Count == 0 ? 0 : columns[0].Values.Length;
        var plans = new List<Plan>();
        var cards = new List<FitsCard>();
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            if (column.Values.Length != rows)
            {
                throw new ArgumentException($"column {column.Name} has {column.Values.Length} rows, not {rows}",
                    nameof(columns));
            }
            var plan = PlanFor(column);
            plans.Add(plan);
            var n = (c + 1).ToString(CultureInfo.InvariantCulture);
            cards.Add(new FitsCard("TTYPE" + n, column.Name));
            cards.Add(new FitsCard("TFORM" + n, plan.Tform));
            if (plan.Zero is { } zero)
            {
                cards.Add(new FitsCard("TZERO" + n, zero, "offset for unsigned integers"));
            }
            if (column.Unit is { } unit)
            {
                cards.Add(new FitsCard("TUNIT" + n, unit));
            }
        }
        var rowWidth = plans.Sum(p => p.Width);
        var main = new byte[checked((long)rowWidth * rows)];
        using var heap = new MemoryStream();
        for (var r = 0; r < rows; r++)
        {
            var offset = r * rowWidth;
            foreach (var plan in plans)
            {
                plan.Write(r, main.AsSpan(offset, plan.Width), heap);
                offset += plan.Width;
            }
        }
        var data = new byte[main.Length + heap.Length];
        main.CopyTo(data, 0);
        heap.ToArray().CopyTo(data, main.Length);
        return new Result(cards, rowWidth, rows, heap.Length, data);
    }

    /// <summary>
    /// The layout of one column, chosen by the exact array type: the CLR lets <c>ushort[]</c> pass as
    /// <c>short[]</c> (and uint/int, sbyte/byte), so type patterns alone would lose the unsigned offset.
    /// </summary>
    private static Plan PlanFor(FitsColumnData column)
    {
        var values = column.Values;
        var type = values.GetType();
        return type switch
        {
            _ when type == typeof(bool[]) => Scalar<bool>(values, "1L", 1, null, (v, f) => f[0] = v ? (byte)'T' : (byte)'F'),
            _ when type == typeof(bool?[]) => Scalar<bool?>(values, "1L", 1, null,
                (v, f) => f[0] = v switch { true => (byte)'T', false => (byte)'F', null => 0 }),
            _ when type == typeof(byte[]) => Scalar<byte>(values, "1B", 1, null, (v, f) => f[0] = v),
            _ when type == typeof(sbyte[]) => Scalar<sbyte>(values, "1B", 1, -128, (v, f) => f[0] = (byte)(v ^ unchecked((sbyte)0x80))),
            _ when type == typeof(short[]) => Scalar<short>(values, "1I", 2, null, (v, f) => BinaryPrimitives.WriteInt16BigEndian(f, v)),
            _ when type == typeof(ushort[]) => Scalar<ushort>(values, "1I", 2, 32768,
                (v, f) => BinaryPrimitives.WriteUInt16BigEndian(f, (ushort)(v ^ 0x8000))),
            _ when type == typeof(int[]) => Scalar<int>(values, "1J", 4, null, (v, f) => BinaryPrimitives.WriteInt32BigEndian(f, v)),
            _ when type == typeof(uint[]) => Scalar<uint>(values, "1J", 4, 2147483648L,
                (v, f) => BinaryPrimitives.WriteUInt32BigEndian(f, v ^ 0x80000000u)),
            _ when type == typeof(long[]) => Scalar<long>(values, "1K", 8, null, (v, f) => BinaryPrimitives.WriteInt64BigEndian(f, v)),
            _ when type == typeof(float[]) => Scalar<float>(values, "1E", 4, null, (v, f) => BinaryPrimitives.WriteSingleBigEndian(f, v)),
            _ when type == typeof(double[]) => Scalar<double>(values, "1D", 8, null, (v, f) => BinaryPrimitives.WriteDoubleBigEndian(f, v)),
            _ when type == typeof(string[]) => StringPlan(column, (string?[])values),
            _ when type == typeof(bool[][]) => ArrayPlan(column, (bool[]?[])values, 'L', 1, (x, s) =>
            {
                for (var i = 0; i < x.Length; i++)
                {
                    s[i] = x[i] ? (byte)'T' : (byte)'F';
                }
            }),
            _ when type == typeof(byte[][]) => ArrayPlan(column, (byte[]?[])values, 'B', 1, (x, s) => x.CopyTo(s)),
            _ when type == typeof(short[][]) => ArrayPlan(column, (short[]?[])values, 'I', 2, (x, s) => BigEndian.Write<short>(x, s)),
            _ when type == typeof(int[][]) => ArrayPlan(column, (int[]?[])values, 'J', 4, (x, s) => BigEndian.Write<int>(x, s)),
            _ when type == typeof(long[][]) => ArrayPlan(column, (long[]?[])values, 'K', 8, (x, s) => BigEndian.Write<long>(x, s)),
            _ when type == typeof(float[][]) => ArrayPlan(column, (float[]?[])values, 'E', 4, (x, s) => BigEndian.Write<float>(x, s)),
            _ when type == typeof(double[][]) => ArrayPlan(column, (double[]?[])values, 'D', 8, (x, s) => BigEndian.Write<double>(x, s)),
            _ => throw new ArgumentException(
                $"column {column.Name}: values of type {type.Name} cannot be written (see FitsColumnData)", nameof(column)),
        };
    }

    private delegate void FieldWriter<T>(T value, Span<byte> field);

    private static Plan Scalar<T>(Array values, string tform, int width, long? zero, FieldWriter<T> write)
    {
        var typed = (T[])values;
        return new Plan(tform, width, zero, (r, f, _) => write(typed[r], f));
    }

    private delegate void ElementWriter<T>(T[] values, Span<byte> destination);

    private static Plan StringPlan(FitsColumnData column, string?[] values)
    {
        var longest = 0;
        foreach (var s in values)
        {
            foreach (var ch in s ?? "")
            {
                if (ch is < ' ' or > '~')
                {
                    throw new ArgumentException($"column {column.Name}: strings must be printable ASCII " +
                        "(FITS 4.0 §7.3.3.1)", nameof(column));
                }
            }
            longest = Math.Max(longest, s?.Length ?? 0);
        }
        var width = column.StringWidth ?? Math.Max(1, longest);
        if (width < longest || width < 1)
        {
            throw new ArgumentException($"column {column.Name}: a string is longer than StringWidth {width}",
                nameof(column));
        }
        return new Plan(width.ToString(CultureInfo.InvariantCulture) + "A", width, null, (r, f, _) =>
        {
            f.Fill((byte)' ');
            var s = values[r] ?? "";
            for (var i = 0; i < s.Length; i++)
            {
                f[i] = (byte)s[i];
            }
        });
    }

    private static Plan ArrayPlan<T>(FitsColumnData column, T[]?[] values, char letter, int size,
        ElementWriter<T> write)
    {
        var lengths = values.Select(v => v?.Length ?? 0).ToArray();
        var max = lengths.Length == 0 ? 0 : lengths.Max();
        var fixedLength = !column.VariableLength && lengths.All(l => l == max) && values.All(v => v is not null);
        if (fixedLength)
        {
            var tform = max.ToString(CultureInfo.InvariantCulture) + letter;
            return new Plan(tform, max * size, null, (r, f, _) => write(values[r]!, f));
        }
        var pform = "1P" + letter + "(" + max.ToString(CultureInfo.InvariantCulture) + ")";
        return new Plan(pform, 8, null, (r, f, heap) =>
        {
            var cell = values[r] ?? [];
            if (heap.Length > int.MaxValue - (long)cell.Length * size)
            {
                throw new ArgumentException($"column {column.Name}: the heap exceeds the 2 GB a P descriptor " +
                    "addresses", nameof(column));
            }
            BinaryPrimitives.WriteInt32BigEndian(f, cell.Length);
            BinaryPrimitives.WriteInt32BigEndian(f[4..], (int)heap.Length);
            var bytes = new byte[cell.Length * size];
            write(cell, bytes);
            heap.Write(bytes);
        });
    }
}
