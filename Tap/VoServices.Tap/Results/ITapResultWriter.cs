namespace VoServices.Tap.Results;

/// <summary>
/// Streams a query result in one output format. Memory stays bounded whatever the row count (FITS spools to a
/// temporary file because its header needs the row count first).
/// </summary>
/// <remarks>
/// <para>MAXREC (DALI 1.1 §4.3.4): at most <see cref="ResultWriteOptions.MaxRec"/> rows are written; the writer
/// reads one row more to decide overflow, so OVERFLOW is reported exactly when a (MaxRec+1)-th row exists, never
/// when the result has exactly MaxRec rows. MaxRec = 0 reads no row and always reports overflow.</para>
/// <para>Failures of the row source (a database error or timeout) after the response began:
/// VOTable and JSON end the document well-formed with an ERROR status carrying the message and return a
/// <see cref="ResultWriteSummary"/> whose <see cref="ResultWriteSummary.Error"/> is set. CSV, TSV and FITS cannot
/// say so in-band: they throw <see cref="ResultWriteException"/>; when its
/// <see cref="ResultWriteException.OutputStarted"/> is false nothing reached the stream and the caller can still
/// answer with a DALI error document, otherwise it must abort the connection (HttpContext.Abort) so that the
/// client sees a broken transfer rather than a silently truncated table.</para>
/// <para>Cancellation through the token (client gone) and failures of the output stream propagate as they are.</para>
/// </remarks>
public interface ITapResultWriter
{
    /// <summary>
    /// Writes the whole result of <paramref name="rows"/> to <paramref name="output"/> (not closed; only
    /// asynchronous writes are used, as ASP.NET response bodies require).
    /// </summary>
    /// <returns>Rows written, whether rows were dropped by MAXREC, and the in-band error if one was written.</returns>
    /// <exception cref="ArgumentException">The columns are invalid (unknown datatype, empty name); nothing was written.</exception>
    /// <exception cref="ResultWriteException">The row source failed or gave a value the format cannot hold (CSV, TSV, FITS).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<ResultWriteSummary> WriteAsync(Stream output, IResultRowReader rows, ResultWriteOptions options,
        CancellationToken cancellationToken);
}
