using Microsoft.Data.Sqlite;
using VoServices.Adql.Semantics;
using VoServices.Adql.Translation;
using VoServices.Storage.Sqlite.Adql;
using VoServices.Tap.Query;
using VoServices.Tap.Uploads;

namespace VoServices.Storage.Sqlite.Query;

/// <summary>
/// One request on the embedded database: uploads go into TEMP tables of this connection (invisible to every other
/// connection), then the connection is switched to <c>PRAGMA query_only</c> and the query runs. Not thread-safe.
/// </summary>
internal sealed class SqliteQuerySession : IQuerySession
{
    private readonly SqliteConnection connection;
    private readonly UploadSqlDialect dialect;
    private readonly QuerySessionOptions options;
    private SqliteQueryResult? result;
    private bool queryOnly;

    public SqliteQuerySession(SqliteConnection connection, SqliteSqlDialect dialect, QuerySessionOptions options)
    {
        this.connection = connection;
        this.dialect = new UploadSqlDialect(dialect);
        this.options = options;
    }

    /// <summary>The session's connection (for tests of its guarantees).</summary>
    internal SqliteConnection Connection => connection;

    public async Task<AdqlTable> LoadUploadAsync(UploadedTable upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (queryOnly)
        {
            throw new InvalidOperationException("uploads must be loaded before the query runs");
        }
        var storageName = TapAdqlSchema.StorageName(upload.Name);
        try
        {
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
        if (result is not null)
        {
            throw new InvalidOperationException("a session runs one query");
        }
        cancellationToken.ThrowIfCancellationRequested();
        var statement = new SqlTranslator(dialect).Translate(query, rowLimit);
        if (!queryOnly)
        {
            // From here on the connection can write nothing (SQLITE_READONLY), TEMP tables included.
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA query_only = ON";
            pragma.ExecuteNonQuery();
            queryOnly = true;
        }
        result = SqliteQueryResult.Start(connection, statement, ResultCellConverter.Columns(query), options.Timeout,
            cancellationToken);
        return Task.FromResult<IQueryResult>(result);
    }

    public async ValueTask DisposeAsync()
    {
        if (result is not null)
        {
            await result.DisposeAsync().ConfigureAwait(false);
        }
        // Unpooled: closing drops the TEMP tables with the connection.
        await connection.DisposeAsync().ConfigureAwait(false);
    }
}
