using VoServices.Adql.Semantics;
using VoServices.Tap.Results;
using VoServices.Tap.TapSchema;
using VoServices.Tap.Uploads;

namespace VoServices.Tap.Query;

/// <summary>
/// Port owned by TAP (architecture.md §3) and implemented by each storage backend: runs resolved ADQL queries on the
/// catalogue database. One <see cref="IQuerySession"/> serves one TAP request (sync or async): it holds one database
/// connection, the request's uploads as temporary tables, and runs the query read-only with a time limit.
/// Implementations are thread-safe; sessions are not (one request uses one session at a time).
/// </summary>
public interface IQueryExecutor
{
    /// <summary>
    /// The published tables as the ADQL layer must see them on this backend: TAP_SCHEMA names and metadata, with
    /// <see cref="AdqlTable.RaColumn"/>/<see cref="AdqlTable.DecColumn"/> set only where the backend really keeps a
    /// spatial index the dialect can use (see <see cref="TapAdqlSchema.FromDocument"/>).
    /// </summary>
    /// <exception cref="Exception">The backend's exception when the database cannot be reached.</exception>
    ValueTask<AdqlSchema> DescribeCatalogAsync(TapSchemaDocument document, CancellationToken cancellationToken);

    /// <summary>Opens a session (one database connection); the caller disposes it.</summary>
    /// <exception cref="QueryBackendException">The database cannot be reached (HTTP 503).</exception>
    Task<IQuerySession> OpenSessionAsync(QuerySessionOptions options, CancellationToken cancellationToken);
}

/// <summary>
/// One request's use of the database: load uploads (<see cref="LoadUploadAsync"/>, before any query), then run one
/// query (<see cref="ExecuteAsync"/>) whose rows stream until the result and the session are disposed.
/// </summary>
public interface IQuerySession : IAsyncDisposable
{
    /// <summary>
    /// Loads an upload into a temporary table visible only to this session, reading it to the end (rows stream; memory
    /// does not grow with the row count), and returns the table as ADQL sees it: <c>TAP_UPLOAD.name</c>, columns named
    /// after the FIELDs (<see cref="TapAdqlSchema.DescribeUpload"/>), <see cref="AdqlTable.StorageName"/> the temporary table.
    /// </summary>
    /// <exception cref="VoServices.Dali.DaliException">The upload is malformed or too large (from <see cref="UploadedTable"/>).</exception>
    /// <exception cref="InvalidOperationException">A query was already executed in this session.</exception>
    Task<AdqlTable> LoadUploadAsync(UploadedTable upload, CancellationToken cancellationToken);

    /// <summary>
    /// Translates <paramref name="query"/> with the backend's dialect and starts it read-only, with the session's time
    /// limit; cancelling <paramref name="cancellationToken"/> (client gone) cancels the database command.
    /// </summary>
    /// <param name="query">The resolved query (its upload tables must come from <see cref="LoadUploadAsync"/>).</param>
    /// <param name="rowLimit">Most rows to fetch (TAP fetches MAXREC + 1 to detect overflow); null for none.</param>
    /// <param name="cancellationToken">Cancels the query and the reading of its rows.</param>
    /// <returns>The rows, one value per <see cref="ResolvedQuery.Columns"/> entry, typed as <see cref="IResultRowReader"/> requires.</returns>
    /// <exception cref="VoServices.Adql.AdqlException">The query cannot be translated for this backend (HTTP 400).</exception>
    /// <exception cref="QueryTimeoutException">The time limit was reached.</exception>
    /// <exception cref="QueryBackendException">The database failed (HTTP 400 for errors caused by the query's values, 503 otherwise).</exception>
    Task<IQueryResult> ExecuteAsync(ResolvedQuery query, long? rowLimit, CancellationToken cancellationToken);
}

/// <summary>
/// The rows of a running query; <see cref="IResultRowReader.ReadAsync"/> throws <see cref="QueryTimeoutException"/> or
/// <see cref="QueryBackendException"/> when the database fails while streaming. Dispose it to end the query.
/// </summary>
public interface IQueryResult : IResultRowReader, IAsyncDisposable
{
    /// <summary>The SQL that runs (for logs and tests; never sent to clients).</summary>
    string Sql { get; }
}

/// <summary>Settings of one <see cref="IQuerySession"/>.</summary>
public sealed record QuerySessionOptions
{
    /// <summary>
    /// Longest time the query may run, from its start to its last row (a statement timeout); positive. Default 60 s.
    /// </summary>
    public TimeSpan Timeout
    {
        get;
        init => field = value > TimeSpan.Zero ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "the query timeout must be positive");
    } = TimeSpan.FromSeconds(60);
}
