using Microsoft.Data.Sqlite;
using VoServices.Adql.Semantics;
using VoServices.Adql.Translation;
using VoServices.Storage.Sqlite.Adql;
using VoServices.Tap.Query;
using VoServices.Tap.Uploads;

namespace VoServices.Storage.Sqlite.Query;

/// <summary>
/// One request on the embedded database. It starts on a pooled query-only connection (<see cref="SqliteConnectionPool"/>);
/// the first upload moves it to a connection of its own, where uploads go into TEMP tables (invisible to every other
/// connection), then that connection is switched to <c>PRAGMA query_only</c> and the query runs. On disposal the pooled
/// connection goes back to the pool unless its statement was interrupted (time limit or cancellation: never reuse a
/// connection in doubt); the upload connection is closed, which drops its TEMP tables. Not thread-safe.
/// </summary>
internal sealed class SqliteQuerySession : IQuerySession
{
    private readonly SqliteConnectionPool pool;
    private readonly UploadSqlDialect dialect;
    private readonly QuerySessionOptions options;
    private SqliteConnection connection;
    private bool pooled = true;
    private bool started;
    private bool disposed;
    private SqliteQueryResult? result;

    public SqliteQuerySession(SqliteConnectionPool pool, SqliteConnection connection, SqliteSqlDialect dialect,
        QuerySessionOptions options)
    {
        this.pool = pool;
        this.connection = connection;
        this.dialect = new UploadSqlDialect(dialect);
        this.options = options;
    }

    /// <summary>The session's current connection (for tests of its guarantees).</summary>
    internal SqliteConnection Connection => connection;

    public async Task<AdqlTable> LoadUploadAsync(UploadedTable upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (started)
        {
            throw new InvalidOperationException("uploads must be loaded before the query runs");
        }
        var storageName = TapAdqlSchema.StorageName(upload.Name);
        try
        {
            if (pooled)
            {
                UseOwnConnection();
            }
            await SqliteUploadLoader.LoadAsync(connection, storageName, upload, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw SqliteQueryErrors.Map(e);
        }
        var table = TapAdqlSchema.DescribeUpload(upload, storageName);
        dialect.Add(table, [.. upload.UploadedColumns.Select(c => c.StorageName)]);
        return table;
    }

    public Task<IQueryResult> ExecuteAsync(ResolvedQuery query, long? rowLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (started)
        {
            throw new InvalidOperationException("a session runs one query");
        }
        cancellationToken.ThrowIfCancellationRequested();
        var statement = new SqlTranslator(dialect).Translate(query, rowLimit);
        started = true;
        if (!pooled)
        {
            // From here on the upload connection can write nothing (SQLITE_READONLY), TEMP tables included; pooled
            // connections were switched when they were opened.
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA query_only = ON";
            pragma.ExecuteNonQuery();
        }
        result = SqliteQueryResult.Start(connection, statement, ResultCellConverter.Columns(query), options.Timeout,
            cancellationToken);
        return Task.FromResult<IQueryResult>(result);
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        if (result is not null)
        {
            await result.DisposeAsync().ConfigureAwait(false);
        }
        // Statement failures during SqliteQueryResult.Start never set result but may have been interrupted too.
        if (pooled && !(result?.Interrupted ?? started))
        {
            pool.Return(connection);
        }
        else
        {
            // Closing the upload connection drops its TEMP tables with it.
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Swaps the pooled query-only connection for a new one that may create TEMP tables.</summary>
    private void UseOwnConnection()
    {
        var own = pool.OpenForUploads();
        pool.Return(connection);
        connection = own;
        pooled = false;
    }
}
