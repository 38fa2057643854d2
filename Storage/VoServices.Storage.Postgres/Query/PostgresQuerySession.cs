using Npgsql;
using VoServices.Adql.Semantics;
using VoServices.Adql.Translation;
using VoServices.Storage.Postgres.Adql;
using VoServices.Tap.Query;
using VoServices.Tap.Uploads;

namespace VoServices.Storage.Postgres.Query;

/// <summary>
/// One request on PostgreSQL: uploads into TEMP tables (one READ WRITE transaction each), then one read-only query.
/// The pooled connection is reset when returned (Npgsql's DISCARD ALL drops the TEMP tables and the role). Not
/// thread-safe.
/// </summary>
internal sealed class PostgresQuerySession : IQuerySession
{
    private readonly NpgsqlConnection connection;
    private readonly UploadSqlDialect dialect;
    private readonly QuerySessionOptions options;
    private PostgresQueryResult? result;

    public PostgresQuerySession(NpgsqlConnection connection, PostgresSqlDialect dialect, QuerySessionOptions options)
    {
        this.connection = connection;
        this.dialect = new UploadSqlDialect(dialect);
        this.options = options;
    }

    /// <summary>The session's connection (for tests of its guarantees).</summary>
    internal NpgsqlConnection Connection => connection;

    public async Task<AdqlTable> LoadUploadAsync(UploadedTable upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (result is not null)
        {
            throw new InvalidOperationException("uploads must be loaded before the query runs");
        }
        var storageName = TapAdqlSchema.StorageName(upload.Name);
        try
        {
            await PostgresUploadLoader.LoadAsync(connection, storageName, upload, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            throw PostgresQueryErrors.Map(e, options.Timeout, cancellationToken);
        }
        var table = TapAdqlSchema.DescribeUpload(upload, storageName);
        dialect.Add(table, [.. upload.UploadedColumns.Select(c => c.StorageName)]);
        return table;
    }

    public async Task<IQueryResult> ExecuteAsync(ResolvedQuery query, long? rowLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (result is not null)
        {
            throw new InvalidOperationException("a session runs one query");
        }
        var statement = new SqlTranslator(dialect).Translate(query, rowLimit);
        result = await PostgresQueryResult.StartAsync(connection, statement, rowLimit, ResultCellConverter.Columns(query),
            options.Timeout, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        if (result is not null)
        {
            await result.DisposeAsync().ConfigureAwait(false);
        }
        await connection.DisposeAsync().ConfigureAwait(false);
    }
}
