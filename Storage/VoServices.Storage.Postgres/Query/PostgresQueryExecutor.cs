using Npgsql;
using VoServices.Adql.Semantics;
using VoServices.Storage.Postgres.Adql;
using VoServices.Tap.Query;
using VoServices.Tap.TapSchema;

namespace VoServices.Storage.Postgres.Query;

/// <summary>
/// Runs TAP queries on the production catalogue (<see cref="PostgresCatalogStore"/>, PostgreSQL 15 + pg_sphere). Each
/// session takes a connection from <see cref="PostgresCatalogStore.OpenReadOnlyConnectionAsync(TimeSpan, CancellationToken)"/>:
/// the reader role (SELECT on published tables only, plus PostgreSQL's default TEMP privilege), the session's time
/// limit as <c>statement_timeout</c>, and <c>default_transaction_read_only</c>. Uploads are loaded into TEMP tables
/// in one explicit <c>READ WRITE</c> transaction (the only writes the session ever makes, and only to its own
/// temporary tables: the role cannot write anything else); the query then runs in the default read-only
/// transaction. Client cancellation sends a PostgreSQL cancel request. Thread-safe.
/// </summary>
public sealed class PostgresQueryExecutor : IQueryExecutor
{
    /// <summary>Creates the executor over <paramref name="store"/>, translating with <paramref name="dialect"/>
    /// (default: the dialect of the store's default point column <c>pos</c>).</summary>
    public PostgresQueryExecutor(PostgresCatalogStore store, PostgresSqlDialect? dialect = null)
    {
        Store = store ?? throw new ArgumentNullException(nameof(store));
        Dialect = dialect ?? PostgresSqlDialect.Default;
    }

    /// <summary>The catalogue store.</summary>
    public PostgresCatalogStore Store { get; }

    /// <summary>The dialect used for translation.</summary>
    public PostgresSqlDialect Dialect { get; }

    /// <inheritdoc/>
    /// <remarks>Every positional table the store publishes has its GiST-indexed point column.</remarks>
    public ValueTask<AdqlSchema> DescribeCatalogAsync(TapSchemaDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ValueTask.FromResult(TapAdqlSchema.FromDocument(document, _ => true));
    }

    /// <inheritdoc/>
    public async Task<IQuerySession> OpenSessionAsync(QuerySessionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        NpgsqlConnection connection;
        try
        {
            connection = await Store.OpenReadOnlyConnectionAsync(options.Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw QueryBackendException.Unavailable(e);
        }
        return new PostgresQuerySession(connection, Dialect, options);
    }
}
