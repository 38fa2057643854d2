using System.Globalization;
using VoServices.VoTable;

namespace VoServices.Tap.Ingest;

/// <summary>
/// Streams the rows of the first TABLE of a VOTable document (1.1–1.5; TABLEDATA, BINARY or BINARY2; optionally
/// gzip-compressed) through <see cref="VoTableReader"/>, which decodes one row at a time. Each descriptor column is
/// matched to a FIELD by <see cref="CatalogColumn.SourceColumn"/> (exact name first, then ignoring case) and its
/// value converted to the descriptor's datatype: numeric widening is free, narrowing is range-checked, char cells are
/// parsed as numbers when the descriptor asks for one, and float → double goes through the shortest decimal form
/// (so 8.4f becomes 8.4, not 8.399999618530273). VALUES null= and empty cells are null. The reader runs in strict
/// mode: an unparsable cell is an error, not a silent null.
/// </summary>
public sealed class VoTableCatalogRowSource : ICatalogRowSource
{
    private readonly FileStream file;
    private readonly Stream stream;
    private readonly VoTableReader reader;
    private readonly CatalogColumn[] columns;
    private readonly int[] fieldIndex;
    private readonly object?[] cells;
    private long row;

    private VoTableCatalogRowSource(string path, FileStream file, Stream stream, VoTableReader reader,
        CatalogColumn[] columns, int[] fieldIndex)
    {
        SourcePath = path;
        this.file = file;
        this.stream = stream;
        this.reader = reader;
        this.columns = columns;
        this.fieldIndex = fieldIndex;
        cells = new object?[reader.FieldCount];
        TotalBytes = file.Length;
    }

    /// <inheritdoc/>
    public string SourcePath { get; }

    /// <inheritdoc/>
    public int ColumnCount => columns.Length;

    /// <inheritdoc/>
    public long BytesRead => file.Position;

    /// <inheritdoc/>
    public long? TotalBytes { get; }

    /// <summary>Opens <paramref name="path"/> and positions on its first TABLE.</summary>
    /// <exception cref="CatalogDataException">Not a readable VOTable, no TABLE, or a FIELD is missing.</exception>
    public static VoTableCatalogRowSource Open(string path, IReadOnlyList<CatalogColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var full = Path.GetFullPath(path);
        var file = CatalogFile.OpenRead(full);
        Stream stream = file;
        VoTableReader? reader = null;
        try
        {
            stream = CatalogFile.Content(file, leaveOpen: true);
            reader = new VoTableReader(stream, new VoTableReaderOptions { Strict = true });
            if (!reader.MoveToNextTable())
            {
                throw new CatalogDataException(full, null, null, "the VOTable document has no TABLE");
            }
            var index = MapColumns(full, reader.Table!, columns);
            return new VoTableCatalogRowSource(full, file, stream, reader, [.. columns], index);
        }
        catch (VoTableFormatException e)
        {
            Close(reader, stream, file);
            throw new CatalogDataException(full, e.LineNumber > 0 ? e.LineNumber : null, null,
                $"not a readable VOTable: {e.Message}", e);
        }
        catch
        {
            Close(reader, stream, file);
            throw;
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> ReadAsync(object?[] values, CancellationToken cancellationToken)
    {
        try
        {
            if (!reader.ReadRow(cells))
            {
                return ValueTask.FromResult(false);
            }
        }
        catch (VoTableFormatException e)
        {
            throw new CatalogDataException(SourcePath, e.LineNumber > 0 ? e.LineNumber : null, null,
                $"row {row + 1}: {e.Message}", e);
        }
        row++;
        for (var i = 0; i < columns.Length; i++)
        {
            try
            {
                values[i] = Convert(cells[fieldIndex[i]], columns[i]);
            }
            catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
            {
                throw new CatalogDataException(SourcePath, null, columns[i].Name,
                    $"row {row.ToString(CultureInfo.InvariantCulture)}: cannot use {Describe(cells[fieldIndex[i]])} " +
                    $"as {columns[i].Datatype.ToVoTableName()}: {e.Message}", e);
            }
        }
        return ValueTask.FromResult(true);
    }

    /// <inheritdoc/>
    public void Dispose() => Close(reader, stream, file);

    private static int[] MapColumns(string path, VoTableTableHeader table, IReadOnlyList<CatalogColumn> columns)
    {
        var index = new int[columns.Count];
        for (var i = 0; i < index.Length; i++)
        {
            var name = columns[i].SourceColumn;
            index[i] = Find(table.Fields, f => string.Equals(f.Name, name, StringComparison.Ordinal));
            if (index[i] < 0)
            {
                index[i] = Find(table.Fields, f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
            }
            if (index[i] < 0)
            {
                throw new CatalogDataException(path, null, columns[i].Name,
                    $"FIELD '{name}' is not in the table ({string.Join(", ", table.Fields.Select(f => f.Name))})");
            }
        }
        return index;
    }

    private static int Find(IReadOnlyList<VoTableField> fields, Func<VoTableField, bool> match)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (match(fields[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static object? Convert(object? value, CatalogColumn column)
    {
        if (value is null)
        {
            return null;
        }
        if (value is string text)
        {
            return CatalogValueParser.Parse(text, column);
        }
        if (value is Array)
        {
            throw new InvalidCastException("array values are not supported; use a scalar FIELD");
        }
        var inv = CultureInfo.InvariantCulture;
        return column.Datatype switch
        {
            CatalogDatatype.Char or CatalogDatatype.UnicodeChar => value is IFormattable f ? f.ToString(null, inv) : value.ToString(),
            CatalogDatatype.Boolean => value is bool b ? b : throw new InvalidCastException("not a boolean"),
            CatalogDatatype.Short => checked((short)Integer(value)),
            CatalogDatatype.Int => checked((int)Integer(value)),
            CatalogDatatype.Long => Integer(value),
            CatalogDatatype.Float => value is double d ? NarrowToFloat(d) : (float)Real(value),
            CatalogDatatype.Double => value is float f ? double.Parse(f.ToString(inv), inv) : Real(value),
            _ => throw new InvalidCastException($"unsupported datatype {column.Datatype}"),
        };
    }

    private static long Integer(object value) => value switch
    {
        byte b => b,
        short s => s,
        int i => i,
        long l => l,
        _ => throw new InvalidCastException("not an integer"),
    };

    private static double Real(object value) => value switch
    {
        float f => f,
        double d => d,
        byte or short or int or long => Integer(value),
        _ => throw new InvalidCastException("not a number"),
    };

    private static float NarrowToFloat(double d)
    {
        var f = (float)d;
        return float.IsInfinity(f) && !double.IsInfinity(d) ? throw new OverflowException("out of range for float") : f;
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"'{s}'",
        IFormattable f => $"{f.ToString(null, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        _ => value.GetType().Name,
    };

    private static void Close(VoTableReader? reader, Stream stream, FileStream file)
    {
        reader?.Dispose();
        stream.Dispose();
        file.Dispose();
    }
}
