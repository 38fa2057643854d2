using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using VoServices.Tap.Ingest;
using VoServices.Tap.TapSchema;

namespace VoServices.Storage.Sqlite;

/// <summary>
/// The embedded catalogue database: one SQLite file holding TAP_SCHEMA 1.1 (with its self-description) and the
/// catalogue tables, named as <see cref="SqliteNames"/> describes. Implements the ingest port
/// (<see cref="ICatalogStore"/>), <see cref="ITapSchemaSource"/> (cached, invalidated by ingests made through this
/// instance) and <see cref="IAvailabilityProbe"/>. Thread-safe; the database uses WAL so queries run during ingests.
/// </summary>
public sealed class SqliteCatalogStore : ICatalogStore, ITapSchemaSource, IAvailabilityProbe
{
    private const string PositionsTable = "voservices_positions";

    private readonly SqliteCatalogStoreOptions options;
    private readonly SemaphoreSlim initLock = new(1, 1);
    private volatile bool initialized;
    private volatile TapSchemaDocument? cachedSchema;
    private DateTimeOffset? upSince;

    /// <summary>
    /// Creates a store over the database file <paramref name="databasePath"/> (created with its folder on first use).
    /// No I/O happens until the first call.
    /// </summary>
    public SqliteCatalogStore(string databasePath, SqliteCatalogStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        this.options = options ?? new SqliteCatalogStoreOptions();
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    /// <summary>Absolute path of the database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public string Location => DatabasePath;

    /// <summary>Connection string for other components using the same database (e.g. the query executor).</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Creates the database file, switches it to WAL, and creates TAP_SCHEMA (idempotent; rewrites TAP_SCHEMA's own
    /// rows so they follow this version). Called implicitly by the other members.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (initialized)
        {
            return;
        }
        await initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!initialized)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
                using var connection = Open();
                Execute(connection, "PRAGMA journal_mode = WAL");
                using var transaction = connection.BeginTransaction();
                Execute(connection, SqliteTapSchemaDdl.CreateStatements());
                Execute(connection, $"CREATE TABLE IF NOT EXISTS {PositionsTable} (table_name TEXT NOT NULL PRIMARY KEY, " +
                    "ra_column TEXT NOT NULL, dec_column TEXT NOT NULL, derived_columns TEXT) STRICT");
                TapSchemaWriter.UpsertSchema(connection, TapSchemaSelfDescription.Schema);
                foreach (var table in TapSchemaSelfDescription.All)
                {
                    TapSchemaWriter.ReplaceTable(connection, table);
                }
                transaction.Commit();
                initialized = true;
                cachedSchema = null;
            }
        }
        finally
        {
            initLock.Release();
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// One transaction: rows go into a STRICT staging table through a prepared INSERT (synchronous = OFF for the
    /// load), then the old table is dropped, the staging table renamed, indexes built on indexed columns, and the
    /// TAP_SCHEMA and <c>voservices_positions</c> rows replaced. Any failure rolls all of it back.
    /// </remarks>
    public Task<IngestResult> IngestAsync(CatalogTable table, ICatalogRowSource rows,
        IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        Validate(table);
        // The load is CPU-bound and Microsoft.Data.Sqlite is synchronous: keep it off the caller's thread.
        return Task.Run(() => IngestCoreAsync(table, rows, progress, cancellationToken), cancellationToken);
    }

    private async Task<IngestResult> IngestCoreAsync(CatalogTable table, ICatalogRowSource rows,
        IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var name = table.Table.TableName;
        var physical = SqliteNames.Table(name);
        var staging = SqliteNames.Table(name + "#staging");
        var loader = new SqliteTableLoader(table, options.DerivedPositionColumns);
        using var connection = Open();
        // Durability is traded for speed only inside the load; WAL keeps the file consistent on a process crash.
        Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -16384");
        long count;
        try
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, $"DROP TABLE IF EXISTS {staging}");
            Execute(connection, loader.CreateTableSql(staging));
            count = await loader.LoadAsync(connection, staging, rows, progress, options.ProgressInterval,
                cancellationToken).ConfigureAwait(false);
            Execute(connection, $"DROP TABLE IF EXISTS {physical}");
            Execute(connection, $"ALTER TABLE {staging} RENAME TO {physical}");
            foreach (var sql in loader.CreateIndexSql(name))
            {
                cancellationToken.ThrowIfCancellationRequested();
                Execute(connection, sql);
            }
            TapSchemaWriter.UpsertSchema(connection, table.Schema);
            TapSchemaWriter.ReplaceTable(connection, table.Table);
            WritePosition(connection, table);
            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
        }
        finally
        {
            cachedSchema = null;
            // The connection goes back to the pool: restore the normal durability setting even after a failure.
            Execute(connection, "PRAGMA synchronous = NORMAL");
        }
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        return new IngestResult(name, count, clock.Elapsed);
    }

    /// <inheritdoc/>
    public async ValueTask<TapSchemaDocument> GetSchemaAsync(CancellationToken cancellationToken)
    {
        if (cachedSchema is { } cached)
        {
            return cached;
        }
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        using var connection = Open();
        var document = TapSchemaReader.Read(connection);
        cachedSchema = document;
        return document;
    }

    /// <summary>Drops the cached TAP_SCHEMA document (call after changing TAP_SCHEMA by other means).</summary>
    public void InvalidateSchemaCache() => cachedSchema = null;

    /// <summary>
    /// The positional columns recorded for <paramref name="tableName"/> at ingest, or null for tables without
    /// (e.g. TAP_SCHEMA). For the SQLite dialect's spatial rewrites.
    /// </summary>
    public async ValueTask<StoredPosition?> GetPositionAsync(
        string tableName, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT ra_column, dec_column, derived_columns FROM {PositionsTable} WHERE table_name = $t";
        command.Parameters.AddWithValue("$t", tableName);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }
        var derived = reader.IsDBNull(2) ? [] : reader.GetString(2).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new StoredPosition(tableName, reader.GetString(0), reader.GetString(1), derived);
    }

    /// <inheritdoc/>
    /// <remarks>Opens the existing file without creating it and counts TAP_SCHEMA.tables rows.</remarks>
    public ValueTask<AvailabilityStatus> ProbeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!File.Exists(DatabasePath))
        {
            return ValueTask.FromResult(new AvailabilityStatus(false, null,
                [$"database {DatabasePath} does not exist yet (nothing ingested)"]));
        }
        try
        {
            var builder = new SqliteConnectionStringBuilder(ConnectionString) { Mode = SqliteOpenMode.ReadWrite };
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {SqliteNames.Table(TapSchemaSelfDescription.Tables)} " +
                "WHERE schema_name <> 'TAP_SCHEMA'";
            var tables = (long)command.ExecuteScalar()!;
            upSince ??= DateTimeOffset.UtcNow;
            var note = string.Create(CultureInfo.InvariantCulture,
                $"SQLite {connection.ServerVersion}: {tables} catalogue table(s) published");
            return ValueTask.FromResult(new AvailabilityStatus(true, upSince, [note]));
        }
        catch (SqliteException e)
        {
            upSince = null;
            return ValueTask.FromResult(new AvailabilityStatus(false, null, [$"database unavailable: {e.Message}"]));
        }
    }

    private void Validate(CatalogTable table)
    {
        if (string.Equals(table.Schema.SchemaName, TapSchemaSelfDescription.SchemaName, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("TAP_SCHEMA is maintained by the store and cannot be ingested into", nameof(table));
        }
        if (table.Table.SchemaName != table.Schema.SchemaName)
        {
            throw new ArgumentException(
                $"table {table.Table.TableName} belongs to schema {table.Table.SchemaName}, not {table.Schema.SchemaName}",
                nameof(table));
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in table.Table.Columns)
        {
            if (!names.Add(SqliteNames.Unquote(column.ColumnName)))
            {
                throw new ArgumentException($"duplicate column {column.ColumnName} in {table.Table.TableName}", nameof(table));
            }
        }
        foreach (var d in options.DerivedPositionColumns)
        {
            if (!names.Add(d.Name))
            {
                throw new ArgumentException($"derived column {d.Name} clashes with a column of {table.Table.TableName}",
                    nameof(table));
            }
        }
    }

    private void WritePosition(SqliteConnection connection, CatalogTable table)
    {
        var derived = options.DerivedPositionColumns.Count == 0
            ? null
            : string.Join(' ', options.DerivedPositionColumns.Select(d => d.Name));
        TapSchemaWriter.Execute(connection,
            $"INSERT OR REPLACE INTO {PositionsTable} (table_name, ra_column, dec_column, derived_columns) " +
            "VALUES ($t, $r, $d, $x)",
            ("$t", table.Table.TableName), ("$r", table.RaColumn), ("$d", table.DecColumn), ("$x", derived));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
