using System.Globalization;
using VoServices.Dali;
using VoServices.Tap.Ingest;
using VoServices.Tap.Results;
using VoServices.VoTable;

namespace VoServices.Tap.Uploads;

/// <summary>
/// One uploaded table (TAP 1.1 §2.5), positioned on the first TABLE of the uploaded VOTable (TABLEDATA, BINARY or
/// BINARY2) and streaming its rows: rows are decoded one at a time as <see cref="ReadAsync"/> is called, so memory
/// does not grow with the upload. Read it once, then dispose it (which closes the part or the HTTP response).
/// </summary>
/// <remarks>
/// <para>Values are those of <see cref="VoTableReader"/> (CLR primitives, strings, arrays; NULL = null) with the
/// DALI 1.1 xtypes made ready for the database, as <see cref="IResultRowReader"/> describes: a <c>char</c> column
/// with xtype <c>timestamp</c> gives <see cref="DateTime"/> (UTC); <c>point</c>, <c>circle</c>, <c>polygon</c>
/// and <c>interval</c> numeric arrays give <c>double[]</c> (an all-NaN array, which is how writers mark a NULL
/// fixed-size array, gives null). A timestamp that does not parse or a geometry with the wrong number of values
/// rejects the upload.</para>
/// <para>Errors, all <see cref="DaliException"/> naming the upload: malformed VOTable → UsageError (400); more
/// than <see cref="UploadOptions.MaxRows"/> rows or too many bytes → TooLarge (413); a download that stalls past
/// <see cref="UploadOptions.HttpTimeout"/> → UsageError.</para>
/// </remarks>
public sealed class UploadedTable : IResultRowReader, IDisposable, IAsyncDisposable
{
    private readonly VoTableReader reader;
    private readonly UploadStream content;
    private readonly IReadOnlyList<IDisposable> owned;
    private readonly CancellationToken downloadTimeout;
    private readonly long maxRows;
    private readonly ValueKind[] kinds;
    private readonly object?[] cells;
    private bool disposed;

    private UploadedTable(DaliUpload upload, VoTableReader reader, UploadStream content, IReadOnlyList<IDisposable> owned,
        CancellationToken downloadTimeout, UploadOptions options)
    {
        Name = upload.Name;
        Source = upload.Uri;
        this.reader = reader;
        this.content = content;
        this.owned = owned;
        this.downloadTimeout = downloadTimeout;
        maxRows = options.MaxRows;
        Serialization = reader.Serialization;
        UploadedColumns = BuildColumns(upload.Name, reader.Table!.Fields);
        Columns = [.. UploadedColumns.Select(c => c.Metadata)];
        kinds = [.. Columns.Select(KindOf)];
        cells = new object?[reader.FieldCount];
    }

    private enum ValueKind
    {
        AsRead, Timestamp, Point, Circle, Polygon, Interval,
    }

    /// <summary>The upload name (<c>[A-Za-z][A-Za-z0-9_]*</c>) as given in UPLOAD.</summary>
    public string Name { get; }

    /// <summary>The table name in ADQL: <c>TAP_UPLOAD.</c>name (TAP 1.1 §2.5).</summary>
    public string AdqlName => "TAP_UPLOAD." + Name;

    /// <summary>Where the content came from (<c>param:part</c> or the http(s) URL).</summary>
    public Uri Source { get; }

    /// <summary>The row serialization of the uploaded TABLE.</summary>
    public VoTableSerialization Serialization { get; }

    /// <summary>The columns with their FIELD names and storage names, in FIELD order.</summary>
    public IReadOnlyList<UploadedColumn> UploadedColumns { get; }

    /// <summary>The column metadata (FIELD names exactly as uploaded), in FIELD order.</summary>
    public IReadOnlyList<ResultColumn> Columns { get; }

    /// <summary>Rows read so far.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Bytes of the document read so far.</summary>
    public long BytesRead => content.BytesRead;

    /// <summary>Opens the VOTable on <paramref name="content"/> and moves to its first TABLE; disposes everything on failure.</summary>
    internal static UploadedTable Open(DaliUpload upload, UploadStream content, IReadOnlyList<IDisposable> owned,
        CancellationToken downloadTimeout, UploadOptions options)
    {
        VoTableReader? reader = null;
        try
        {
            reader = new VoTableReader(content, new VoTableReaderOptions { Strict = options.Strict });
            var found = Guard(upload.Name, downloadTimeout, reader.MoveToNextTable);
            if (!found)
            {
                throw Usage(upload.Name, "the VOTable has no TABLE");
            }
            if (reader.Serialization == VoTableSerialization.Fits)
            {
                throw Usage(upload.Name, "FITS serialization inside a VOTable is not supported; upload TABLEDATA, BINARY or BINARY2");
            }
            return new UploadedTable(upload, reader, content, owned, downloadTimeout, options);
        }
        catch
        {
            reader?.Dispose();
            content.Dispose();
            foreach (var item in owned)
            {
                item.Dispose();
            }
            throw;
        }
    }

    /// <inheritdoc/>
    /// <exception cref="DaliException">See the class remarks.</exception>
    public ValueTask<bool> ReadAsync(object?[] row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (row.Length < cells.Length)
        {
            throw new ArgumentException($"the table has {cells.Length} columns, the array has room for {row.Length}", nameof(row));
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (!Guard(Name, downloadTimeout, () => reader.ReadRow(cells)))
        {
            return ValueTask.FromResult(false);
        }
        if (++RowsRead > maxRows)
        {
            throw UploadStream.TooLarge(Name, $"has more than the limit of {maxRows.ToString("N0", CultureInfo.InvariantCulture)} rows");
        }
        for (var i = 0; i < cells.Length; i++)
        {
            row[i] = kinds[i] == ValueKind.AsRead ? cells[i] : Convert(cells[i], i);
        }
        return ValueTask.FromResult(true);
    }

    /// <summary>Closes the VOTable reader and the content (multipart part or HTTP response).</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        reader.Dispose();
        content.Dispose();
        foreach (var item in owned)
        {
            item.Dispose();
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static List<UploadedColumn> BuildColumns(string upload, IReadOnlyList<VoTableField> fields)
    {
        if (fields.Count == 0)
        {
            throw Usage(upload, "the TABLE has no FIELD");
        }
        var names = fields.Select(f => f.Name).ToList();
        var empty = names.FindIndex(string.IsNullOrWhiteSpace);
        if (empty >= 0)
        {
            throw Usage(upload, $"FIELD {(empty + 1).ToString(CultureInfo.InvariantCulture)} has no name");
        }
        var storage = UploadStorageNames.Assign(names);
        return [.. fields.Select((f, i) => new UploadedColumn(ResultColumn.FromVoTableField(f), storage[i])
        {
            RequiresDelimiting = !AdqlIdentifiers.IsRegularIdentifier(f.Name) || AdqlIdentifiers.IsReserved(f.Name),
        })];
    }

    private static ValueKind KindOf(ResultColumn column)
    {
        var xtype = column.XType?.ToLowerInvariant();
        var character = column.Datatype is "char" or "unicodeChar";
        return (xtype, character) switch
        {
            ("timestamp" or "adql:timestamp", true) => ValueKind.Timestamp,
            ("point", false) => ValueKind.Point,
            ("circle", false) => ValueKind.Circle,
            ("polygon", false) => ValueKind.Polygon,
            ("interval", false) => ValueKind.Interval,
            _ => ValueKind.AsRead,
        };
    }

    private object? Convert(object? value, int column)
    {
        if (value is null)
        {
            return null;
        }
        var kind = kinds[column];
        if (kind == ValueKind.Timestamp)
        {
            var text = ((string)value).Trim();
            try
            {
                return text.Length == 0 ? null : DaliTimestamp.Parse(text);
            }
            catch (DaliFormatException e)
            {
                throw Usage(Name, $"row {RowsRead.ToString(CultureInfo.InvariantCulture)}, column '{Columns[column].Name}': {e.Message}");
            }
        }
        var numbers = ToDoubles(value) ?? throw Usage(Name,
            $"row {RowsRead.ToString(CultureInfo.InvariantCulture)}, column '{Columns[column].Name}': a DALI geometry must be numeric");
        if (numbers.All(double.IsNaN))
        {
            return null;
        }
        var valid = kind switch
        {
            ValueKind.Point or ValueKind.Interval => numbers.Length == 2,
            ValueKind.Circle => numbers.Length == 3,
            _ => numbers.Length >= 6 && numbers.Length % 2 == 0,
        };
        return valid ? numbers : throw Usage(Name,
            $"row {RowsRead.ToString(CultureInfo.InvariantCulture)}, column '{Columns[column].Name}': a DALI {kind.ToString().ToLowerInvariant()} " +
            $"cannot have {numbers.Length.ToString(CultureInfo.InvariantCulture)} values (DALI 1.1 §3.4–3.7)");
    }

    private static double[]? ToDoubles(object value) => value switch
    {
        double[] d => d,
        float[] f => [.. f.Select(x => (double)x)],
        Array a when a.Length > 0 && a.GetValue(0) is IConvertible and not string =>
            [.. a.Cast<object>().Select(x => System.Convert.ToDouble(x, CultureInfo.InvariantCulture))],
        IConvertible and not string => [System.Convert.ToDouble(value, CultureInfo.InvariantCulture)],
        _ => null,
    };

    /// <summary>Runs a parser step, turning parser and transport failures into DALI errors naming the upload.</summary>
    private static T Guard<T>(string upload, CancellationToken downloadTimeout, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (DaliException)
        {
            throw;
        }
        catch (VoTableFormatException e)
        {
            throw Usage(upload, $"not a valid VOTable: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or System.Net.Http.HttpRequestException)
        {
            throw downloadTimeout.IsCancellationRequested
                ? Usage(upload, "the download did not finish within the time limit", e)
                : Usage(upload, $"the content could not be read: {e.Message}", e);
        }
    }

    private static DaliParameterException Usage(string upload, string why, Exception? inner = null) =>
        new(DaliUpload.ParameterName, $"UPLOAD '{upload}': {why}", inner);
}
