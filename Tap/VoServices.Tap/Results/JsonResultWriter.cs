using System.Buffers;
using System.Numerics;
using System.Text.Json;

namespace VoServices.Tap.Results;

/// <summary>
/// Writes a TAP result as one JSON object (RFC 8259, UTF-8), streamed with <see cref="Utf8JsonWriter"/>, in the
/// simple shape used by VOLLT and DaCHS:
/// <code>
/// {
///   "infos":    [{"name": "QUERY", "value": "SELECT …"}],                       (only when there are INFOs)
///   "metadata": [{"name": "ra", "datatype": "double", "unit": "deg", "ucd": "pos.eq.ra", …}, …],
///   "data":     [[201.69, -47.48, …], …],
///   "status":   "OK" | "OVERFLOW" | "ERROR",
///   "message":  "…"                                                            (only with ERROR)
/// }
/// </code>
/// Metadata members <c>arraysize</c>, <c>xtype</c>, <c>unit</c>, <c>ucd</c>, <c>utype</c>, <c>description</c> are
/// omitted when null. Cells: NULL → <c>null</c>; numbers as JSON numbers, except NaN and ±Infinity (not JSON) →
/// <c>null</c>; booleans; strings; timestamps as DALI strings with their time part (<c>"2020-01-02T03:04:05"</c>;
/// timestamp columns are declared <c>char</c>, <c>*</c>, <c>timestamp</c>); arrays and DALI geometry as arrays of
/// numbers (<c>[lon, lat, radius]</c>); complex as <c>[re, im]</c>.
/// <c>status</c> comes after <c>data</c> because overflow and mid-stream failures are only known at the end: a
/// failing row source closes <c>data</c> and ends with <c>"status": "ERROR"</c>, so the document always parses.
/// </summary>
public sealed class JsonResultWriter : ITapResultWriter
{
    private const int FlushThreshold = 64 * 1024;

    /// <inheritdoc/>
    public async Task<ResultWriteSummary> WriteAsync(Stream output, IResultRowReader rows, ResultWriteOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var column in rows.Columns)
        {
            column.GetDataType();
        }
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        WriteInfos(json, options);
        WriteMetadata(json, rows.Columns);
        json.WriteStartArray("data");
        var limiter = new RowLimiter(rows, options.MaxRec);
        var (written, failure) = await WriteRowsAsync(json, limiter, rows.Columns, cancellationToken).ConfigureAwait(false);
        json.WriteEndArray();
        var summary = new ResultWriteSummary(written, failure is null && limiter.Overflow, failure);
        json.WriteString("status", summary.Status);
        if (failure is not null)
        {
            json.WriteString("message", options.Describe(failure));
        }
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        return summary;
    }

    /// <summary>Writes rows until the end or the limit; returns the count and the row-source or value failure, if any.</summary>
    private static async Task<(long Written, Exception? Failure)> WriteRowsAsync(Utf8JsonWriter json, RowLimiter limiter,
        IReadOnlyList<ResultColumn> columns, CancellationToken cancellationToken)
    {
        // Each row is rendered apart first, so a failing cell never leaves half a row in the document.
        var rowBuffer = new ArrayBufferWriter<byte>(1024);
        using var rowJson = new Utf8JsonWriter(rowBuffer);
        long written = 0;
        while (true)
        {
            try
            {
                if (!await limiter.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return (written, null);
                }
                rowBuffer.ResetWrittenCount();
                rowJson.Reset(rowBuffer);
                WriteRow(rowJson, limiter.Row, columns);
                rowJson.Flush();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                return (written, e);
            }
            json.WriteRawValue(rowBuffer.WrittenSpan, skipInputValidation: true);
            written++;
            if (json.BytesPending >= FlushThreshold)
            {
                await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static void WriteInfos(Utf8JsonWriter json, ResultWriteOptions options)
    {
        if (options.Infos.Count == 0)
        {
            return;
        }
        json.WriteStartArray("infos");
        foreach (var info in options.Infos)
        {
            json.WriteStartObject();
            json.WriteString("name", info.Name);
            json.WriteString("value", info.Value);
            if (info.Content is not null)
            {
                json.WriteString("content", info.Content);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteMetadata(Utf8JsonWriter json, IReadOnlyList<ResultColumn> columns)
    {
        json.WriteStartArray("metadata");
        foreach (var column in columns.Select(c => c.AsResultColumn()))
        {
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("datatype", column.Datatype);
            WriteOptional(json, "arraysize", column.ArraySize);
            WriteOptional(json, "xtype", column.XType);
            WriteOptional(json, "unit", column.Unit);
            WriteOptional(json, "ucd", column.Ucd);
            WriteOptional(json, "utype", column.Utype);
            WriteOptional(json, "description", column.Description);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteRow(Utf8JsonWriter json, object?[] row, IReadOnlyList<ResultColumn> columns)
    {
        json.WriteStartArray();
        for (var i = 0; i < columns.Count; i++)
        {
            try
            {
                WriteValue(json, row[i]);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"column '{columns[i].Name}': {e.Message}", e);
            }
        }
        json.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case byte or sbyte or short or ushort or int or uint or long:
                json.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ulong u:
                json.WriteNumberValue(u);
                break;
            case float f:
                WriteFloat(json, f);
                break;
            case double d:
                WriteDouble(json, d);
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            case Complex c:
                json.WriteStartArray();
                WriteDouble(json, c.Real);
                WriteDouble(json, c.Imaginary);
                json.WriteEndArray();
                break;
            case string or char or char[] or DateTime or DateTimeOffset or DateOnly:
                json.WriteStringValue(CellText.Format(value));
                break;
            case Array array:
                json.WriteStartArray();
                foreach (var item in array)
                {
                    WriteValue(json, item);
                }
                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(CellText.Format(value));
                break;
        }
    }

    // RFC 8259 §6: NaN and infinities are not JSON numbers.
    private static void WriteFloat(Utf8JsonWriter json, float value)
    {
        if (float.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    private static void WriteDouble(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
