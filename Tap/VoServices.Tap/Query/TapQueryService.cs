using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VoServices.Adql;
using VoServices.Adql.Semantics;
using VoServices.Tap.TapSchema;
using VoServices.Tap.Uploads;

namespace VoServices.Tap.Query;

/// <summary>
/// The TAP 1.1 query pipeline as a plain class (architecture.md §3–§4), used by <c>/sync</c>, the <c>/async</c> job
/// executor, the CLI and tests. Named stages: <see cref="Bind"/> (DALI parameters → <see cref="TapRequest"/>) →
/// parse (<see cref="AdqlParser"/>, user-defined functions limited to the <see cref="TapOptions.Functions"/>
/// catalogue) → uploads (each streamed into a temporary table of the query session) → schema (TAP_SCHEMA plus the
/// uploads) → resolve (<see cref="SchemaResolver"/>: names, types, result metadata) → execute
/// (<see cref="IQueryExecutor"/>: translated SQL, read-only, time-limited, fetching MAXREC + 1 rows) → write
/// (<see cref="TapQueryResult.WriteAsync"/>, streaming). Thread-safe.
/// </summary>
public sealed class TapQueryService
{
    private readonly ITapSchemaSource schemaSource;
    private readonly IQueryExecutor executor;
    private readonly UploadReader uploadReader;
    private readonly ILogger logger;

    /// <summary>Creates the service over a backend.</summary>
    public TapQueryService(ITapSchemaSource schemaSource, IQueryExecutor executor, UploadReader uploadReader,
        TapOptions options, ILogger<TapQueryService>? logger = null)
    {
        this.schemaSource = schemaSource ?? throw new ArgumentNullException(nameof(schemaSource));
        this.executor = executor ?? throw new ArgumentNullException(nameof(executor));
        this.uploadReader = uploadReader ?? throw new ArgumentNullException(nameof(uploadReader));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        this.logger = logger ?? NullLogger<TapQueryService>.Instance;
    }

    /// <summary>The settings in force.</summary>
    public TapOptions Options { get; }

    /// <summary>Stage 1: binds and validates the request parameters (see <see cref="TapRequest.FromParameters"/>).</summary>
    /// <exception cref="VoServices.Dali.DaliParameterException">A missing, duplicated or invalid parameter (HTTP 400).</exception>
    public TapRequest Bind(VoServices.Dali.DaliParameters parameters) => TapRequest.FromParameters(parameters, Options);

    /// <summary>
    /// Runs every stage up to the start of the query; the rows are then written by
    /// <see cref="TapQueryResult.WriteAsync"/> as the database delivers them. Dispose the result (it holds the
    /// database connection and the uploads' temporary tables).
    /// </summary>
    /// <param name="request">The bound request.</param>
    /// <param name="parts">The multipart parts of the request (for <c>UPLOAD=name,param:part</c>); null when none.</param>
    /// <param name="timeout">Longest run of the query (<see cref="TapOptions.SyncTimeout"/> for /sync).</param>
    /// <param name="cancellationToken">Cancels everything, the database command included (client gone).</param>
    /// <exception cref="VoServices.Dali.DaliException">Any failure, already mapped by <see cref="TapErrors.ToDali"/>:
    /// ADQL errors (400, with position and suggestions), upload errors (400/413), timeouts and database failures
    /// (500/503).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<TapQueryResult> PrepareAsync(TapRequest request, IUploadContentSource? parts, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requestDate = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        IQuerySession? session = null;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var query = Parse(request);
            var document = await schemaSource.GetSchemaAsync(cancellationToken).ConfigureAwait(false);
            session = await executor.OpenSessionAsync(new QuerySessionOptions { Timeout = timeout }, cancellationToken)
                .ConfigureAwait(false);
            var uploads = await LoadUploadsAsync(session, request, parts, cancellationToken).ConfigureAwait(false);
            var catalog = await executor.DescribeCatalogAsync(document, cancellationToken).ConfigureAwait(false);
            var resolved = SchemaResolver.Resolve(query, catalog.With(uploads), Options.Functions);
            // MAXREC + 1 rows decide overflow (DALI 1.1 §4.4); MAXREC = 0 still runs the query (LIMIT 0) so that a
            // query the backend cannot run fails here rather than answering metadata for it.
            var rowLimit = request.MaxRec == 0 ? 0 : request.MaxRec + 1;
            cancellationToken.ThrowIfCancellationRequested();
            var rows = await session.ExecuteAsync(resolved, rowLimit, cancellationToken).ConfigureAwait(false);
            Log.QueryStarted(logger, request.RunId ?? "-", clock.ElapsedMilliseconds, rows.Sql);
            var result = new TapQueryResult(request, rows, session, requestDate, clock, logger);
            session = null;
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = TapErrors.ToDali(e);
            if (TapErrors.IsServerFault(error))
            {
                Log.QueryFailed(logger, request.RunId ?? "-", error.Message, e);
            }
            throw error;
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Stage 2: the ADQL syntax tree; only the catalogue's user-defined functions are accepted.</summary>
    private VoServices.Adql.Ast.Query Parse(TapRequest request) =>
        AdqlParser.Parse(request.Query, Options.Functions.ParserOptions());

    /// <summary>Stage 3: each upload streamed into a temporary table, one at a time, in UPLOAD order.</summary>
    private async Task<List<AdqlTable>> LoadUploadsAsync(IQuerySession session, TapRequest request,
        IUploadContentSource? parts, CancellationToken cancellationToken)
    {
        var tables = new List<AdqlTable>();
        if (request.Uploads.Count == 0)
        {
            return tables;
        }
        await foreach (var upload in uploadReader.ReadAsync(request.Uploads, parts, cancellationToken).ConfigureAwait(false))
        {
            await using (upload.ConfigureAwait(false))
            {
                tables.Add(await session.LoadUploadAsync(upload, cancellationToken).ConfigureAwait(false));
            }
        }
        return tables;
    }
}
