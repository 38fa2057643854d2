using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using VoServices.Adql.Semantics;
using VoServices.Storage.Sqlite.Adql;
using VoServices.Tap.Query;
using VoServices.Tap.TapSchema;

namespace VoServices.Storage.Sqlite.Query;

/// <summary>
/// Runs TAP queries on the embedded catalogue (<see cref="SqliteCatalogStore"/>). A session takes an open connection
/// from a bounded pool of read-only ones (<c>Mode=ReadOnly</c>, <c>PRAGMA query_only = ON</c>, the ADQL functions of
/// <see cref="SqliteAdqlFunctions"/> registered once per connection), so the translated SQL can write nothing, not even
/// temporary tables. A session with uploads moves to a new connection of its own, loads them into TEMP tables, sets
/// <c>query_only</c> before the query runs and closes that connection at the end (dropping the TEMP tables). The time
/// limit and client cancellation interrupt the running statement (<c>sqlite3_interrupt</c>); an interrupted connection
/// is closed, never pooled. Thread-safe; dispose it to close the idle connections.
/// </summary>
public sealed class SqliteQueryExecutor : IQueryExecutor, IDisposable
{
    private readonly ConditionalWeakTable<TapSchemaDocument, AdqlSchema> catalogs = [];
    private readonly SqliteConnectionPool pool;

    /// <summary>Creates the executor over <paramref name="store"/>, translating with <paramref name="dialect"/>.</summary>
    /// <param name="store">The catalogue.</param>
    /// <param name="dialect">The SQL dialect; default <see cref="SqliteSqlDialect.Default"/>.</param>
    /// <param name="maxIdleConnections">
    /// Most query connections kept open between sessions (each holds up to SQLite's default 2 MB page cache); default
    /// twice the processor count, at least 4; 0 opens a connection per session. More concurrent sessions than this are
    /// never blocked: they open extra connections, closed afterwards.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxIdleConnections"/> is negative.</exception>
    public SqliteQueryExecutor(SqliteCatalogStore store, SqliteSqlDialect? dialect = null, int? maxIdleConnections = null)
    {
        Store = store ?? throw new ArgumentNullException(nameof(store));
        Dialect = dialect ?? SqliteSqlDialect.Default;
        ConnectionString = new SqliteConnectionStringBuilder(store.ConnectionString)
        {
            Mode = SqliteOpenMode.ReadOnly,
            // SqliteConnectionPool keeps the connections open itself and checks them before reuse; Microsoft.Data.Sqlite's
            // pool would hand out a closed connection again with whatever TEMP tables and pragmas it had.
            Pooling = false,
        }.ToString();
        pool = new SqliteConnectionPool(ConnectionString, maxIdleConnections ?? Math.Max(4, 2 * Environment.ProcessorCount));
    }

    /// <summary>The catalogue store.</summary>
    public SqliteCatalogStore Store { get; }

    /// <summary>The dialect used for translation.</summary>
    public SqliteSqlDialect Dialect { get; }

    /// <summary>The connection string of query sessions (read-only; pooled by the executor, not by the driver).</summary>
    public string ConnectionString { get; }

    /// <summary>The connection pool (for tests).</summary>
    internal SqliteConnectionPool Pool => pool;

    /// <inheritdoc/>
    /// <remarks>
    /// The dialect prefilters cones by the hidden HEALPix column (<see cref="SqliteHealpixIndex"/>): a positional
    /// table keeps its RaColumn/DecColumn only when it has that column (stores created without
    /// <see cref="SqliteCatalogStoreOptions.DerivedPositionColumns"/> have none, and their queries scan). Cached per
    /// TAP_SCHEMA document.
    /// </remarks>
    public async ValueTask<AdqlSchema> DescribeCatalogAsync(TapSchemaDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (catalogs.TryGetValue(document, out var cached))
        {
            return cached;
        }
        await Store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var indexed = new HashSet<string>(StringComparer.Ordinal);
        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            foreach (var table in document.Tables.Where(t => t.RaColumn is not null))
            {
                if (HasColumn(connection, table.TableName, SqliteHealpixIndex.ColumnName))
                {
                    indexed.Add(table.TableName);
                }
            }
        }
        var schema = TapAdqlSchema.FromDocument(document, t => indexed.Contains(t.TableName));
        catalogs.AddOrUpdate(document, schema);
        return schema;
    }

    /// <inheritdoc/>
    public async Task<IQuerySession> OpenSessionAsync(QuerySessionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await Store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new SqliteQuerySession(pool, pool.Rent(), Dialect, options);
        }
        catch (SqliteException e)
        {
            throw SqliteQueryErrors.Map(e);
        }
    }

    /// <summary>Closes the idle query connections; sessions still open close theirs when disposed.</summary>
    public void Dispose() => pool.Dispose();

    private static bool HasColumn(SqliteConnection connection, string tableName, string column)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pragma_table_info($t) WHERE name = $c";
        command.Parameters.AddWithValue("$t", SqliteNames.Unquote(tableName));
        command.Parameters.AddWithValue("$c", column);
        return (long)command.ExecuteScalar()! > 0;
    }
}
