namespace VoServices.Tap.Results;

/// <summary>
/// Writes a TAP result as CSV (RFC 4180; TAP 1.1 §2.9 <c>text/csv;header=present</c>), UTF-8 without BOM: a header
/// row of column names, CRLF line ends, fields quoted with <c>"</c> (inner quotes doubled) when they contain a
/// comma, quote, CR or LF, start or end with white space, or are an empty string; NULL is an empty unquoted
/// field, so <c>""</c> and NULL stay distinct. Numbers use the invariant culture and the shortest round-trip
/// digits (<c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>); booleans are <c>true</c>/<c>false</c>; timestamps are
/// DALI with their time part (<c>2020-01-02T03:04:05.5</c>, <c>2000-01-01T00:00:00</c>); arrays and DALI geometry are their numbers separated by spaces
/// (<c>"10 20 0.5"</c>), as in VOTable TABLEDATA.
/// </summary>
/// <remarks>
/// CSV cannot say in-band that MAXREC truncated the result or that the query failed mid-stream: overflow is
/// only reported in the returned <see cref="ResultWriteSummary"/>, and a failure throws
/// <see cref="ResultWriteException"/> (see <see cref="ITapResultWriter"/>: the caller aborts the connection
/// once output started, which clients report as an incomplete transfer, rather than ending with a plausible but
/// truncated table).
/// </remarks>
public sealed class CsvResultWriter : ITapResultWriter
{
    /// <inheritdoc/>
    public Task<ResultWriteSummary> WriteAsync(Stream output, IResultRowReader rows, ResultWriteOptions options,
        CancellationToken cancellationToken) =>
        SeparatedValuesWriter.WriteAsync(output, rows, options, ',', "\r\n", Escape, cancellationToken);

    /// <summary>The RFC 4180 form of one field.</summary>
    public static string Escape(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var quote = field.Length == 0 || char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]) ||
            field.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        return quote ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
