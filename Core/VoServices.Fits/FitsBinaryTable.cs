using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using VoServices.Fits.Pixels;

namespace VoServices.Fits;

/// <summary>
/// Reads a BINTABLE extension (FITS 4.0 §7.3) by positioned reads: rows, columns and heap arrays are fetched on
/// demand, never the whole table. Thread-safe.
/// </summary>
/// <remarks>
/// Cell values (<see cref="ReadCell"/>): a scalar column (repeat 1) gives <see cref="Nullable{Boolean}"/> (L),
/// <see cref="byte"/> (B), <see cref="short"/> (I), <see cref="int"/> (J), <see cref="long"/> (K),
/// <see cref="float"/> (E), <see cref="double"/> (D) or <see cref="FitsComplex"/> (C, M); a vector column or a
/// variable-length P/Q column gives an array of those; X gives <see cref="bool"/>[]; A gives a string. Values are
/// as stored: TSCALn/TZEROn are applied only by <see cref="ReadColumnAsDouble"/>.
/// </remarks>
public sealed class FitsBinaryTable
{
    private const int ChunkBytes = 1 << 20;
    private readonly FitsHdu hdu;

    internal FitsBinaryTable(FitsHdu hdu)
    {
        this.hdu = hdu;
        var h = hdu.Header;
        if (h.GetInt64("BITPIX") != 8 || h.GetInt64("NAXIS") != 2)
        {
            throw Error("a binary table needs BITPIX = 8 and NAXIS = 2 (FITS 4.0 §7.3.1)", "BITPIX");
        }
        RowWidth = checked((int)h.GetInt64("NAXIS1"));
        RowCount = h.GetInt64("NAXIS2");
        HeapSize = h.GetInt64("PCOUNT", 0);
        HeapOffset = h.GetInt64("THEAP", checked((long)RowWidth * RowCount));
        if (RowWidth < 0 || RowCount < 0 || HeapOffset < (long)RowWidth * RowCount)
        {
            throw Error("NAXIS1, NAXIS2 and THEAP are inconsistent (FITS 4.0 §7.3.1, §7.3.5)", "THEAP");
        }
        Columns = ReadColumns(h);
    }

    /// <summary>The HDU holding the table.</summary>
    public FitsHdu Hdu => hdu;

    /// <summary>The columns in order (TFIELDS of them).</summary>
    public IReadOnlyList<FitsColumn> Columns { get; }

    /// <summary>NAXIS2: number of rows.</summary>
    public long RowCount { get; }

    /// <summary>NAXIS1: bytes per row.</summary>
    public int RowWidth { get; }

    /// <summary>THEAP: offset of the heap from the start of the data unit, in bytes.</summary>
    public long HeapOffset { get; }

    /// <summary>PCOUNT: bytes after the main table (gap plus heap).</summary>
    public long HeapSize { get; }

    /// <summary>0-based index of the column whose TTYPE equals <paramref name="name"/> ignoring case, or -1.</summary>
    public int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The value of one cell (types in the remarks).</summary>
    /// <param name="row">0-based row.</param>
    /// <param name="column">0-based column.</param>
    /// <exception cref="ArgumentOutOfRangeException">Row or column outside the table.</exception>
    /// <exception cref="FitsFormatException">A descriptor points outside the heap, or the file is truncated.</exception>
    public object? ReadCell(long row, int column)
    {
        var col = CheckColumn(column);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowCount);
        Span<byte> small = stackalloc byte[256];
        var field = col.ByteWidth <= small.Length ? small[..col.ByteWidth] : new byte[col.ByteWidth];
        hdu.ReadData(row * RowWidth + col.ByteOffset, field);
        return col.IsVariableLength ? ReadHeapArray(col, ParseDescriptor(field, col)) : CellDecoder.DecodeField(field, col);
    }

    /// <summary>
    /// Reads <paramref name="rowCount"/> cells of a column from <paramref name="firstRow"/> (all rows when -1).
    /// A scalar numeric or logical column gives a typed array (<c>long[]</c> for K, <c>bool?[]</c> for L, …);
    /// others give an array of the cell type (e.g. <c>string[]</c>, <c>double[][]</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Rows or column outside the table.</exception>
    public Array ReadColumn(int column, long firstRow = 0, long rowCount = -1)
    {
        var col = CheckColumn(column);
        var n = CheckRows(firstRow, ref rowCount);
        var result = Array.CreateInstance(CellDecoder.CellClrType(col), n);
        if (col.IsVariableLength)
        {
            var descriptors = new (long Count, long Offset)[n];
            ForEachField(col, firstRow, n, (i, field) => descriptors[i] = ParseDescriptor(field, col));
            for (var i = 0; i < n; i++)
            {
                result.SetValue(ReadHeapArray(col, descriptors[i]), i);
            }
            return result;
        }
        switch (result)
        {
            case long[] k:
                ForEachField(col, firstRow, n, (i, f) => k[i] = BinaryPrimitives.ReadInt64BigEndian(f));
                break;
            case int[] j:
                ForEachField(col, firstRow, n, (i, f) => j[i] = BinaryPrimitives.ReadInt32BigEndian(f));
                break;
            case short[] s:
                ForEachField(col, firstRow, n, (i, f) => s[i] = BinaryPrimitives.ReadInt16BigEndian(f));
                break;
            case double[] d:
                ForEachField(col, firstRow, n, (i, f) => d[i] = BinaryPrimitives.ReadDoubleBigEndian(f));
                break;
            case float[] e:
                ForEachField(col, firstRow, n, (i, f) => e[i] = BinaryPrimitives.ReadSingleBigEndian(f));
                break;
            default:
                ForEachField(col, firstRow, n, (i, f) => result.SetValue(CellDecoder.DecodeField(f, col), i));
                break;
        }
        return result;
    }

    /// <summary>
    /// Reads a scalar numeric column as physical values: stored × TSCALn + TZEROn (FITS 4.0 §7.3.2), with TNULLn
    /// and NaN as <see cref="double.NaN"/>. Logical columns give 1, 0 or NaN.
    /// </summary>
    /// <exception cref="ArgumentException">The column is not a scalar numeric or logical column.</exception>
    public double[] ReadColumnAsDouble(int column, long firstRow = 0, long rowCount = -1)
    {
        var col = CheckColumn(column);
        if (col.IsVariableLength || col.Repeat != 1 || col.Type is FitsColumnType.Char or FitsColumnType.Bit
            or FitsColumnType.Complex64 or FitsColumnType.Complex128)
        {
            throw new ArgumentException($"column {col.Name ?? column.ToString(CultureInfo.InvariantCulture)} " +
                $"({col.Format}) is not a scalar numeric column", nameof(column));
        }
        var n = CheckRows(firstRow, ref rowCount);
        var result = new double[n];
        ForEachField(col, firstRow, n, (i, f) => result[i] = Physical(f, col));
        return result;
    }

    /// <summary>The (count, heap offset) descriptor of a P/Q cell (FITS 4.0 §7.3.5).</summary>
    internal (long Count, long Offset) ReadDescriptor(long row, FitsColumn column)
    {
        Span<byte> field = stackalloc byte[16];
        field = field[..column.ByteWidth];
        hdu.ReadData(row * RowWidth + column.ByteOffset, field);
        return ParseDescriptor(field, column);
    }

    /// <summary>Reads the bytes of one whole row.</summary>
    internal void ReadRow(long row, Span<byte> destination) => hdu.ReadData(row * RowWidth, destination[..RowWidth]);

    /// <summary>The (count, heap offset) descriptor in a field already read (FITS 4.0 §7.3.5).</summary>
    internal (long Count, long Offset) Descriptor(ReadOnlySpan<byte> field, FitsColumn column) =>
        ParseDescriptor(field, column);

    /// <summary>Reads heap bytes at <paramref name="heapOffset"/> from the start of the heap.</summary>
    internal void ReadHeap(long heapOffset, Span<byte> destination) =>
        hdu.ReadData(HeapOffset + heapOffset, destination);

    internal FitsFormatException Error(string message, string? keyword = null) => new(message, hdu.Index, keyword);

    private (long Count, long Offset) ParseDescriptor(ReadOnlySpan<byte> field, FitsColumn col)
    {
        long count, offset;
        if (col.Descriptor == 'P')
        {
            count = BinaryPrimitives.ReadInt32BigEndian(field);
            offset = BinaryPrimitives.ReadUInt32BigEndian(field[4..]);
        }
        else
        {
            count = BinaryPrimitives.ReadInt64BigEndian(field);
            offset = BinaryPrimitives.ReadInt64BigEndian(field[8..]);
        }
        var size = count < 0 ? -1 : FitsColumn.StorageSize(col.Type, count);
        if (size < 0 || offset < 0 || HeapOffset + offset + size > (long)RowWidth * RowCount + HeapSize)
        {
            throw Error($"array descriptor ({count}, {offset}) of column {col.Name} points outside the heap " +
                "(FITS 4.0 §7.3.5)", "PCOUNT");
        }
        return (count, offset);
    }

    private object ReadHeapArray(FitsColumn col, (long Count, long Offset) d)
    {
        var size = checked((int)FitsColumn.StorageSize(col.Type, d.Count));
        var bytes = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            ReadHeap(d.Offset, bytes.AsSpan(0, size));
            return CellDecoder.DecodeArray(bytes.AsSpan(0, size), col.Type, (int)d.Count);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private delegate void FieldAction(int index, ReadOnlySpan<byte> field);

    /// <summary>Reads rows in chunks of about 1 MB and hands each field of <paramref name="col"/> to the action.</summary>
    private void ForEachField(FitsColumn col, long firstRow, int count, FieldAction action)
    {
        var rowsPerChunk = Math.Max(1, ChunkBytes / Math.Max(RowWidth, 1));
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(count, rowsPerChunk) * RowWidth);
        try
        {
            for (var done = 0; done < count;)
            {
                var rows = Math.Min(rowsPerChunk, count - done);
                var span = buffer.AsSpan(0, rows * RowWidth);
                hdu.ReadData((firstRow + done) * RowWidth, span);
                for (var r = 0; r < rows; r++)
                {
                    action(done + r, span.Slice(r * RowWidth + col.ByteOffset, col.ByteWidth));
                }
                done += rows;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static double Physical(ReadOnlySpan<byte> f, FitsColumn col)
    {
        long? integer = col.Type switch
        {
            FitsColumnType.Byte => f[0],
            FitsColumnType.Int16 => BinaryPrimitives.ReadInt16BigEndian(f),
            FitsColumnType.Int32 => BinaryPrimitives.ReadInt32BigEndian(f),
            FitsColumnType.Int64 => BinaryPrimitives.ReadInt64BigEndian(f),
            _ => null,
        };
        if (integer is { } i)
        {
            return i == col.Null ? double.NaN : i * col.Scale + col.Zero;
        }
        var real = col.Type switch
        {
            FitsColumnType.Float32 => BinaryPrimitives.ReadSingleBigEndian(f),
            FitsColumnType.Float64 => BinaryPrimitives.ReadDoubleBigEndian(f),
            _ => f[0] == 'T' ? 1.0 : f[0] == 'F' ? 0.0 : double.NaN,
        };
        return col.Type == FitsColumnType.Logical ? real : real * col.Scale + col.Zero;
    }

    private FitsColumn CheckColumn(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns.Count);
        return Columns[column];
    }

    private int CheckRows(long firstRow, ref long rowCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstRow);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstRow, RowCount);
        if (rowCount < 0)
        {
            rowCount = RowCount - firstRow;
        }
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstRow + rowCount, RowCount, nameof(rowCount));
        return rowCount <= Array.MaxLength
            ? (int)rowCount
            : throw new ArgumentOutOfRangeException(nameof(rowCount), "more rows than an array can hold");
    }

    private List<FitsColumn> ReadColumns(FitsHeader h)
    {
        var fields = h.GetInt32("TFIELDS", 0);
        if (fields is < 0 or > 999)
        {
            throw Error("TFIELDS must be 0..999 (FITS 4.0 §7.3.1)", "TFIELDS");
        }
        var columns = new List<FitsColumn>(fields);
        var offset = 0;
        for (var n = 1; n <= fields; n++)
        {
            var key = "TFORM" + n.ToString(CultureInfo.InvariantCulture);
            var tform = h.GetString(key) ?? throw Error("required keyword is missing (FITS 4.0 §7.3.1)", key);
            var (type, repeat, descriptor, max, width) = FitsColumn.ParseFormat(tform, hdu.Index, key);
            var suffix = n.ToString(CultureInfo.InvariantCulture);
            long? tnull = h.TryGetInt64("TNULL" + suffix, out var tn) ? tn : null;
            columns.Add(new FitsColumn(n - 1, h.GetString("TTYPE" + suffix), tform, type, repeat, descriptor, max,
                offset, width, h.GetString("TUNIT" + suffix), h.GetDouble("TSCAL" + suffix, 1.0),
                h.GetDouble("TZERO" + suffix, 0.0), tnull, h.GetString("TDIM" + suffix)));
            offset += width;
        }
        if (offset != RowWidth)
        {
            throw Error($"the TFORMn widths add up to {offset} bytes but NAXIS1 = {RowWidth} (FITS 4.0 §7.3.1)",
                "NAXIS1");
        }
        return columns;
    }
}
