using System.Text;

namespace VoServices.Tap.Results;

/// <summary>
/// The engine shared by <see cref="CsvResultWriter"/> and <see cref="TsvResultWriter"/>: a header row of column
/// names, then one line per row, cells formatted by <see cref="CellText"/>, NULL as an empty field. Each line is
/// assembled whole before it is committed, so a failing cell never leaves half a line.
/// </summary>
internal static class SeparatedValuesWriter
{
    public static async Task<ResultWriteSummary> WriteAsync(Stream output, IResultRowReader rows,
        ResultWriteOptions options, char separator, string lineEnd, Func<string, string> escape,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        var columns = rows.Columns;
        foreach (var column in columns)
        {
            column.GetDataType();
        }
        var buffer = new Utf8Output(output);
        var line = new StringBuilder();
        for (var i = 0; i < columns.Count; i++)
        {
            line.Append(i == 0 ? "" : separator).Append(escape(columns[i].Name));
        }
        buffer.Append(line.Append(lineEnd).ToString());
        var limiter = new RowLimiter(rows, options.MaxRec);
        while (await ReadAsync(limiter, buffer, cancellationToken).ConfigureAwait(false))
        {
            line.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0)
                {
                    line.Append(separator);
                }
                if (limiter.Row[i] is { } value and not DBNull)
                {
                    line.Append(escape(Format(value, columns[i], limiter.Count, buffer.Started)));
                }
            }
            line.Append(lineEnd);
            foreach (var chunk in line.GetChunks())
            {
                buffer.Append(chunk.Span);
            }
            await buffer.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
        }
        await buffer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new ResultWriteSummary(limiter.Count, limiter.Overflow);
    }

    private static async ValueTask<bool> ReadAsync(RowLimiter limiter, Utf8Output buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await limiter.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // CSV and TSV have no in-band error status (see ITapResultWriter).
            throw new ResultWriteException($"query failed while streaming results: {e.Message}", buffer.Started, e);
        }
    }

    private static string Format(object value, ResultColumn column, long row, bool started)
    {
        try
        {
            return CellText.Format(value);
        }
        catch (ArgumentException e)
        {
            throw new ResultWriteException($"row {row}, column '{column.Name}': {e.Message}", started, e);
        }
    }
}
