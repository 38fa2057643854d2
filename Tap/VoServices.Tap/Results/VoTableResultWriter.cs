using VoServices.VoTable;

namespace VoServices.Tap.Results;

/// <summary>
/// Writes a TAP result as a VOTable 1.4 document (DALI 1.1 §4.4, TAP 1.1 §2.9): one
/// <c>RESOURCE type="results"</c> holding <c>&lt;INFO name="QUERY_STATUS" value="OK"/&gt;</c>, the request INFOs,
/// one TABLE with a FIELD per <see cref="ResultColumn"/> and the rows, then a trailing
/// <c>&lt;INFO name="QUERY_STATUS" value="OVERFLOW"/&gt;</c> exactly when MAXREC dropped rows. When the row source
/// fails mid-stream the data section is closed and <c>&lt;INFO name="QUERY_STATUS" value="ERROR"&gt;message&lt;/INFO&gt;</c>
/// follows the table, so the document stays well-formed (never a second document: gmantele/vollt#52).
/// </summary>
/// <remarks>
/// Non-ASCII characters in <c>char</c> columns are written as '?' (VOTable 1.4 §2.1: char is ASCII; declare such
/// columns <c>unicodeChar</c>) rather than failing the whole result. <see cref="DateTime"/> and
/// <see cref="DateTimeOffset"/> cells are written as DALI 1.1 §3.3.3 timestamps, always with their time and without a
/// zone designator (<c>2000-01-01T00:00:00</c>, <c>2020-01-02T03:04:05.5</c>, UTC implied), and timestamp columns are
/// declared <c>char arraysize="*" xtype="timestamp"</c> (<see cref="ResultColumn.AsResultColumn"/>). A cell value the
/// column cannot hold (e.g. 70000 in a short) ends the table like a failing source, with an ERROR INFO. In BINARY, integer scalar columns get
/// <c>VALUES null=</c> set to the smallest value of their type (255 for unsignedByte), which then reads back as
/// NULL; BINARY2 and TABLEDATA need no magic values.
/// </remarks>
public sealed class VoTableResultWriter : ITapResultWriter
{
    private const string QueryStatus = "QUERY_STATUS";

    /// <summary>Creates a writer for one serialization.</summary>
    /// <param name="serialization">TABLEDATA, BINARY or BINARY2.</param>
    /// <exception cref="ArgumentOutOfRangeException">None or FITS.</exception>
    public VoTableResultWriter(VoTableSerialization serialization)
    {
        if (serialization is not (VoTableSerialization.TableData or VoTableSerialization.Binary or VoTableSerialization.Binary2))
        {
            throw new ArgumentOutOfRangeException(nameof(serialization), serialization, "TABLEDATA, BINARY or BINARY2");
        }
        Serialization = serialization;
    }

    /// <summary>The row serialization written.</summary>
    public VoTableSerialization Serialization { get; }

    /// <inheritdoc/>
    public async Task<ResultWriteSummary> WriteAsync(Stream output, IResultRowReader rows, ResultWriteOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        var fields = rows.Columns.Select(ToField).ToList();
        if (fields.Count == 0)
        {
            throw new ArgumentException("a result needs at least one column (VOTable 1.4 schema)", nameof(rows));
        }
        // AutoFlush off: ASP.NET response bodies forbid synchronous writes, so only the …Async calls touch the stream.
        var writer = new VoTableWriter(output, new VoTableWriterOptions
        {
            AutoFlush = false,
            ReplaceUnrepresentableCharacters = true,
        });
        writer.WriteStartDocument();
        writer.WriteStartResource("results");
        writer.WriteInfo(QueryStatus, "OK");
        foreach (var info in options.Infos.Where(i => i.Name != QueryStatus))
        {
            writer.WriteInfo(info);
        }
        writer.WriteStartTable(fields, Serialization);
        var limiter = new RowLimiter(rows, options.MaxRec);
        var failure = await WriteRowsAsync(writer, limiter, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            await writer.AbortAsync(options.Describe(failure), cancellationToken).ConfigureAwait(false);
            return new ResultWriteSummary(writer.RowCount, false, failure);
        }
        writer.WriteEndTable();
        if (limiter.Overflow)
        {
            writer.WriteInfo(QueryStatus, "OVERFLOW");
        }
        writer.WriteEndResource();
        await writer.WriteEndDocumentAsync(cancellationToken).ConfigureAwait(false);
        return new ResultWriteSummary(writer.RowCount, limiter.Overflow);
    }

    /// <summary>Writes rows until the end or the limit; returns the row-source or value failure, if any.</summary>
    private static async Task<Exception?> WriteRowsAsync(VoTableWriter writer, RowLimiter limiter,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                if (!await limiter.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }
                WriteRow(writer, limiter.Row);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                return e; // a failing source or a value the column cannot hold: reported in-band
            }
            // Outside the try: a failing output stream (client gone) must propagate, not be written to again.
            if (writer.BytesPending >= 64 * 1024)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static void WriteRow(VoTableWriter writer, object?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            // DALI 1.1 §3.3.3: result timestamps are astronomical times, written without a time zone designator.
            if (row[i] is DateTime time)
            {
                row[i] = CellText.Timestamp(time);
            }
            else if (row[i] is DateTimeOffset offset)
            {
                row[i] = CellText.Timestamp(offset.UtcDateTime);
            }
        }
        writer.WriteRow(row);
    }

    private VoTableField ToField(ResultColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var field = column.AsResultColumn().ToVoTableField();
        if (Serialization == VoTableSerialization.Binary && field.ArraySize is null && BinaryNull(field.Datatype) is { } magic)
        {
            field = field with { NullValue = magic };
        }
        return field;
    }

    // VOTable 1.4 §5.4: BINARY has no null flags, so integer NULLs need a VALUES null= magic value.
    private static string? BinaryNull(VoTableDataType type) => type switch
    {
        VoTableDataType.UnsignedByte => "255",
        VoTableDataType.Short => "-32768",
        VoTableDataType.Int => "-2147483648",
        VoTableDataType.Long => "-9223372036854775808",
        _ => null,
    };
}
