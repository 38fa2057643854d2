using System.Globalization;
using System.Text;
using CsvHelper;

namespace VoServices.Tap.Ingest;

/// <summary>
/// Streams rows of a CSV file (RFC 4180, comma-separated, UTF-8, header row) or a gzip-compressed one (detected by
/// its magic bytes). Each descriptor column is looked up in the header by its <see cref="CatalogColumn.SourceColumn"/>
/// (exact match first, then ignoring case). An empty cell is null. Numbers are parsed from the UTF-8 bytes with the
/// invariant culture (<see cref="CatalogValueParser"/>); a bad value throws <see cref="CatalogDataException"/> naming
/// file, line and column. Memory use is one read buffer, whatever the file size.
/// </summary>
public sealed class CsvCatalogRowSource : ICatalogRowSource
{
    private readonly FileStream file;
    private readonly CsvReader reader;
    private readonly CatalogColumn[] columns;
    private readonly int[] fieldIndex;
    private readonly byte[]?[] nullValues;

    private CsvCatalogRowSource(string path, FileStream file, CsvReader reader, CatalogColumn[] columns, int[] fieldIndex)
    {
        SourcePath = path;
        this.file = file;
        this.reader = reader;
        this.columns = columns;
        this.fieldIndex = fieldIndex;
        nullValues = Array.ConvertAll(columns, c => c.NullValue is null ? null : Encoding.UTF8.GetBytes(c.NullValue));
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

    /// <summary>
    /// Opens <paramref name="path"/> and reads its header.
    /// </summary>
    /// <exception cref="CatalogDataException">The file cannot be opened, has no header, or lacks a source column.</exception>
    public static CsvCatalogRowSource Open(string path, IReadOnlyList<CatalogColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var full = Path.GetFullPath(path);
        var file = CatalogFile.OpenRead(full);
        try
        {
            var reader = CsvReader.Create(CatalogFile.Content(file, leaveOpen: false), Options, leaveOpen: false);
            var index = MapColumns(full, reader, columns);
            return new CsvCatalogRowSource(full, file, reader, [.. columns], index);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static CsvReaderOptions Options => CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        TrackLineNumbers = true,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        MalformedData = CsvMalformedDataHandling.Throw,
        FormatProvider = CultureInfo.InvariantCulture,
        BufferSize = 1 << 18,
    };

    private static int[] MapColumns(string path, CsvReader reader, IReadOnlyList<CatalogColumn> columns)
    {
        try
        {
            reader.ReadHeader();
        }
        catch (CsvFormatException e)
        {
            throw new CatalogDataException(path, 1, null, $"malformed CSV header: {e.Message}", e);
        }
        if (reader.Headers.Count == 0)
        {
            throw new CatalogDataException(path, 1, null, "empty file: a CSV header row is required");
        }
        var index = new int[columns.Count];
        for (var i = 0; i < index.Length; i++)
        {
            if (!reader.TryGetFieldIndex(columns[i].SourceColumn, out index[i]))
            {
                throw new CatalogDataException(path, 1, columns[i].Name,
                    $"source column '{columns[i].SourceColumn}' is not in the CSV header ({string.Join(",", reader.Headers)})");
            }
        }
        return index;
    }

    /// <inheritdoc/>
    public ValueTask<bool> ReadAsync(object?[] values, CancellationToken cancellationToken)
    {
        // Synchronous on purpose: the file is local and the loop is CPU-bound; a task per row would dominate.
        try
        {
            if (!reader.Read())
            {
                return ValueTask.FromResult(false);
            }
        }
        catch (CsvFormatException e)
        {
            throw new CatalogDataException(SourcePath, e.LineNumber > 0 ? e.LineNumber : null, null,
                $"malformed CSV: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            throw new CatalogDataException(SourcePath, null, null, $"corrupt gzip data: {e.Message}", e);
        }
        for (var i = 0; i < columns.Length; i++)
        {
            values[i] = ReadValue(i);
        }
        return ValueTask.FromResult(true);
    }

    private object? ReadValue(int i)
    {
        var column = columns[i];
        var field = fieldIndex[i];
        if (reader.IsEmpty(field))
        {
            return null;
        }
        var span = reader.GetSpan(field);
        if (nullValues[i] is { } marker && span.SequenceEqual(marker))
        {
            return null;
        }
        try
        {
            return column.Datatype is CatalogDatatype.Char or CatalogDatatype.UnicodeChar
                ? reader.GetString(field)
                : CatalogValueParser.ParseUtf8(span, column);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            var text = Encoding.UTF8.GetString(span);
            throw new CatalogDataException(SourcePath, reader.LineNumber, column.Name,
                $"'{text}' is not a valid {column.Datatype.ToVoTableName()}: {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        reader.Dispose();
        file.Dispose();
    }
}
