using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using VoServices.Adql.Semantics;
using VoServices.Storage.Sqlite.Adql;
using VoServices.Tap.Query;
using VoServices.Tap.TapSchema;

namespace VoServices.Storage.Sqlite.Query;

/// <summary>
/// Runs TAP queries on the embedded catalogue (<see cref="SqliteCatalogStore"/>): each session opens its own
/// unpooled connection in <c>Mode=ReadOnly</c> with the ADQL functions registered (<see cref="SqliteAdqlFunctions"/>),
/// loads uploads into TEMP tables, then sets <c>PRAGMA query_only = ON</c> before the query runs, so the translated
/// SQL can write nothing, not even temporary tables. The time limit and client cancellation interrupt the running
/// statement (<c>sqlite3_interrupt</c>). Thread-safe.
/// </summary>
public sealed class SqliteQueryExecutor : IQueryExecutor
{
    private readonly ConditionalWeakTable<TapSchemaDocument, AdqlSchema> catalogs = [];

    /// <summary>Creates the executor over <paramref name="store"/>, translating with <paramref name="dialect"/>.</summary>
    public SqliteQueryExecutor(SqliteCatalogStore store, SqliteSqlDialect? dialect = null)
    {
        Store = store ?? throw new ArgumentNullException(nameof(store));
        Dialect = dialect ?? SqliteSqlDialect.Default;
        ConnectionString = new SqliteConnectionStringBuilder(store.ConnectionString)
        {
            Mode = SqliteOpenMode.ReadOnly,
            // Sessions leave TEMP tables and query_only behind: never hand such a connection to anyone else.
            Pooling = false,
        }.ToString();
    }

    /// <summary>The catalogue store.</summary>
    public SqliteCatalogStore Store { get; }

    /// <summary>The dialect used for translation.</summary>
    public SqliteSqlDialect Dialect { get; }

    /// <summary>The connection string of query sessions (read-only, unpooled).</summary>
    public string ConnectionString { get; }

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
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            connection.Open();
            SqliteAdqlFunctions.Register(connection);
            return new SqliteQuerySession(connection, Dialect, options);
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw SqliteQueryErrors.Map(e);
        }
    }

    private static bool HasColumn(SqliteConnection connection, string tableName, string column)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pragma_table_info($t) WHERE name = $c";
        command.Parameters.AddWithValue("$t", SqliteNames.Unquote(tableName));
        command.Parameters.AddWithValue("$c", column);
        return (long)command.ExecuteScalar()! > 0;
    }
}
