namespace VoServices.Tap.Results;

/// <summary>
/// Writes a TAP result as tab-separated values (IANA text/tab-separated-values), UTF-8 without BOM: a header row
/// of column names, LF line ends, cells formatted as for <see cref="CsvResultWriter"/>, NULL as an empty field.
/// The format has no quoting and forbids TAB inside fields, so TAB, CR and LF inside a value are replaced by a
/// space (lossy, but the table structure always survives). Overflow and mid-stream failures behave as for CSV.
/// </summary>
public sealed class TsvResultWriter : ITapResultWriter
{
    /// <inheritdoc/>
    public Task<ResultWriteSummary> WriteAsync(Stream output, IResultRowReader rows, ResultWriteOptions options,
        CancellationToken cancellationToken) =>
        SeparatedValuesWriter.WriteAsync(output, rows, options, '\t', "\n", Escape, cancellationToken);

    /// <summary>One field with TAB, CR and LF replaced by spaces.</summary>
    public static string Escape(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.AsSpan().IndexOfAny("\t\r\n") < 0 ? field
            : field.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
    }
}
