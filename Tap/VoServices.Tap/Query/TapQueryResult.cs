using System.Diagnostics;
using Microsoft.Extensions.Logging;
using VoServices.Tap.Results;

namespace VoServices.Tap.Query;

/// <summary>
/// A started TAP query (from <see cref="TapQueryService.PrepareAsync"/>): the format to answer with and the rows, to
/// be written once by <see cref="WriteAsync"/>. Holds the database connection until disposed.
/// </summary>
public sealed class TapQueryResult : IAsyncDisposable
{
    private readonly IQueryResult rows;
    private readonly IQuerySession session;
    private readonly DateTime requestDate;
    private readonly Stopwatch clock;
    private readonly ILogger logger;
    private bool written;

    internal TapQueryResult(TapRequest request, IQueryResult rows, IQuerySession session, DateTime requestDate,
        Stopwatch clock, ILogger logger)
    {
        Request = request;
        this.rows = rows;
        this.session = session;
        this.requestDate = requestDate;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>The request.</summary>
    public TapRequest Request { get; }

    /// <summary>The result columns (FIELD metadata inferred by the resolver, TAP 1.1 §2.9).</summary>
    public IReadOnlyList<ResultColumn> Columns => rows.Columns;

    /// <summary>The Content-Type to answer with (the client's media type when it asked with one, DALI 1.1 §4.3.3).</summary>
    public string ContentType => Request.Format.ContentType;

    /// <summary>The output format.</summary>
    public ResponseFormat Format => Request.Format.Format;

    /// <summary>
    /// Writes the result to <paramref name="output"/> in the requested format, streaming rows as they come: at most
    /// MAXREC rows, OVERFLOW when more exist; a database failure after the start ends a VOTable or JSON document
    /// with an ERROR status (see <see cref="ITapResultWriter"/>).
    /// </summary>
    /// <exception cref="ResultWriteException">CSV, TSV or FITS could not be completed (abort the response when
    /// <see cref="ResultWriteException.OutputStarted"/>).</exception>
    /// <exception cref="InvalidOperationException">Called twice.</exception>
    public async Task<ResultWriteSummary> WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (written)
        {
            throw new InvalidOperationException("a TAP result is written once");
        }
        written = true;
        var options = new ResultWriteOptions
        {
            MaxRec = Request.MaxRec,
            Infos = Request.Infos(requestDate),
            // Backend details (paths, SQL) stay in the log: clients get the mapped DALI message.
            DescribeError = e => TapErrors.ToDali(e).Message,
        };
        try
        {
            var summary = await Format.CreateWriter().WriteAsync(output, rows, options, cancellationToken)
                .ConfigureAwait(false);
            if (summary.Error is { } error && TapErrors.IsServerFault(TapErrors.ToDali(error)))
            {
                Log.QueryFailed(logger, Request.RunId ?? "-", "while streaming", error);
            }
            Log.QueryCompleted(logger, Request.RunId ?? "-", summary.RowCount, summary.Status, clock.ElapsedMilliseconds);
            return summary;
        }
        catch (ResultWriteException e)
        {
            Log.QueryFailed(logger, Request.RunId ?? "-", e.Message, e);
            throw;
        }
    }

    /// <summary>Ends the query and releases the connection and the uploads' temporary tables.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await rows.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }
}
