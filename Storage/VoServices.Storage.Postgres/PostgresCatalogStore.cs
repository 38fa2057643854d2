using System.Data;
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using VoServices.Tap.Ingest;
using VoServices.Tap.TapSchema;

namespace VoServices.Storage.Postgres;

/// <summary>
/// The production catalogue database: PostgreSQL 15 with pg_sphere. TAP_SCHEMA 1.1 is a real schema
/// <c>"TAP_SCHEMA"</c> (with its self-description and five foreign keys); each catalogue table lives in a real schema
/// named as in ADQL (<c>tycho2.main</c> → <c>"tycho2"."main"</c>, see <see cref="PostgresNames"/>) with a hidden
/// GiST-indexed <c>spoint</c> column. Implements the ingest port (<see cref="ICatalogStore"/>),
/// <see cref="ITapSchemaSource"/> (cached; a generation counter in the database tells when another process changed
/// it) and <see cref="IAvailabilityProbe"/>, and hands out read-only connections for the query executor. Several
/// processes may share one database: initialisation and publication take PostgreSQL advisory locks. Thread-safe.
/// </summary>
public sealed class PostgresCatalogStore : ICatalogStore, ITapSchemaSource, IAvailabilityProbe, IAsyncDisposable,
    IDisposable
{
    private readonly PostgresCatalogStoreOptions options;
    private readonly NpgsqlDataSource dataSource;
    private readonly NpgsqlDataSource readerSource;
    private readonly SemaphoreSlim initLock = new(1, 1);
    private readonly Lock probeLock = new();
    private volatile bool initialized;
    private volatile CachedSchema? cachedSchema;
    private DateTimeOffset? upSince;

    /// <summary>
    /// Creates a store over the database named by <paramref name="connectionString"/> (an Npgsql connection string;
    /// the user needs CREATE on the database, and CREATEROLE unless the reader role exists). No I/O happens until the
    /// first call.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string or an option is invalid.</exception>
    public PostgresCatalogStore(string connectionString, PostgresCatalogStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        this.options = options ?? new PostgresCatalogStoreOptions();
        PostgresNames.Quote(this.options.ReaderRole);
        PostgresNames.Quote(this.options.PointColumn);
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.ProgressInterval, 1);
        CheckTimeout(this.options.StatementTimeout);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Database = builder.Database ?? builder.Username ?? "";
        Location = $"PostgreSQL database {Database} on {builder.Host}:{builder.Port}";
        builder.ApplicationName ??= "voservices";
        dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        // A pool of its own: connections that were switched to the reader role never serve the owner.
        builder.ApplicationName += " (read-only)";
        readerSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>Name of the database (for messages).</summary>
    public string Database { get; }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>
    /// Creates, when missing, the pg_sphere extension, TAP_SCHEMA, the private schema <c>voservices</c> and the reader
    /// role, and rewrites TAP_SCHEMA's own rows so they follow this version. Idempotent; safe when several processes
    /// start together (one advisory lock per database). Called implicitly by the other members.
    /// </summary>
    /// <exception cref="InvalidOperationException">pg_sphere is not installed and cannot be created.</exception>
    /// <exception cref="NpgsqlException">The database is unreachable or refused a statement.</exception>
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
                await InitializeCoreAsync(cancellationToken).ConfigureAwait(false);
                initialized = true;
                cachedSchema = null;
            }
        }
        finally
        {
            initLock.Release();
        }
    }

    private async Task InitializeCoreAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock($1)", cancellationToken, StoreSchema.CatalogLock)
            .ConfigureAwait(false);
        await EnsurePgSphereAsync(connection, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, PostgresTapSchemaDdl.CreateStatements() + StoreSchema.CreateStatements() +
            StoreSchema.ReaderRoleStatements(options.ReaderRole), cancellationToken).ConfigureAwait(false);
        await TapSchemaWriter.UpsertSchemaAsync(connection, TapSchemaSelfDescription.Schema, cancellationToken)
            .ConfigureAwait(false);
        foreach (var table in TapSchemaSelfDescription.All)
        {
            await TapSchemaWriter.ReplaceTableAsync(connection, table, cancellationToken).ConfigureAwait(false);
        }
        await ExecuteAsync(connection, $"UPDATE {StoreSchema.State} SET generation = generation + 1", cancellationToken)
            .ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task EnsurePgSphereAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var check = new NpgsqlCommand("SELECT 1 FROM pg_extension WHERE extname = 'pg_sphere'", connection);
        if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }
        try
        {
            await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS pg_sphere", cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            throw new InvalidOperationException(
                $"database '{Database}' has no pg_sphere extension and it could not be created ({e.SqlState}: " +
                $"{e.MessageText}). Install it as a superuser: CREATE EXTENSION pg_sphere; with Debian's " +
                "postgresql-15-pgsphere on PostgreSQL >= 15.19 see tools/pg-test.sh.", e);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// One transaction: binary COPY into a staging table in the private schema, the generated spoint column added,
    /// B-tree indexes on indexed columns, a GiST index on the point column, ANALYZE; then, under the publication lock,
    /// the old table is dropped, the staging table moved and renamed into place, read access granted to the reader
    /// role, and the TAP_SCHEMA and bookkeeping rows replaced. Any failure rolls all of it back; readers see the old
    /// table until the commit.
    /// </remarks>
    /// <exception cref="ArgumentException">The table is TAP_SCHEMA or a reserved schema, or its names are invalid.</exception>
    public async Task<IngestResult> IngestAsync(CatalogTable table, ICatalogRowSource rows,
        IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        Validate(table);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var name = table.Table.TableName;
        var loader = new PostgresTableLoader(table, options.PointColumn);
        var (staging, stagingName) = StoreSchema.Staging(name);
        long count;
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock($1)", cancellationToken,
                StoreSchema.IngestLock(name)).ConfigureAwait(false);
            await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {staging}; {loader.CreateTableSql(staging)}",
                cancellationToken).ConfigureAwait(false);
            count = await loader.CopyAsync(connection, staging, rows, progress, options.ProgressInterval, cancellationToken)
                .ConfigureAwait(false);
            await ExecuteAsync(connection, loader.AddPointColumnSql(staging), cancellationToken).ConfigureAwait(false);
            foreach (var (column, method) in loader.Indexes())
            {
                await ExecuteAsync(connection, $"CREATE INDEX {PostgresNames.Quote(PostgresNames.Derived(stagingName, column))} " +
                    $"ON {staging} USING {method} ({PostgresNames.Quote(column)})", cancellationToken).ConfigureAwait(false);
            }
            await ExecuteAsync(connection, $"ANALYZE {staging}", cancellationToken).ConfigureAwait(false);
            await PublishAsync(connection, table, stagingName, loader, count, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            cachedSchema = null;
        }
        return new IngestResult(name, count, clock.Elapsed);
    }

    private async Task PublishAsync(NpgsqlConnection connection, CatalogTable table, string stagingName,
        PostgresTableLoader loader, long count, CancellationToken cancellationToken)
    {
        var (schemaName, tableName) = PostgresNames.Split(table.Table.TableName);
        var schema = PostgresNames.Quote(schemaName);
        var target = PostgresNames.Table(table.Table.TableName);
        var role = PostgresNames.Quote(options.ReaderRole);
        var sql = new List<string>
        {
            $"SELECT pg_advisory_xact_lock({StoreSchema.CatalogLock.ToString(CultureInfo.InvariantCulture)})",
            $"CREATE SCHEMA IF NOT EXISTS {schema}",
            $"DROP TABLE IF EXISTS {target}",
            $"ALTER TABLE {StoreSchema.Staging(table.Table.TableName).Qualified} SET SCHEMA {schema}",
            $"ALTER TABLE {schema}.{PostgresNames.Quote(stagingName)} RENAME TO {PostgresNames.Quote(tableName)}",
        };
        foreach (var (column, _) in loader.Indexes())
        {
            sql.Add($"ALTER INDEX {schema}.{PostgresNames.Quote(PostgresNames.Derived(stagingName, column))} " +
                $"RENAME TO {PostgresNames.Quote(PostgresNames.Derived(tableName, column))}");
        }
        sql.Add($"GRANT USAGE ON SCHEMA {schema} TO {role}");
        sql.Add($"GRANT SELECT ON {target} TO {role}");
        foreach (var statement in sql)
        {
            await ExecuteAsync(connection, statement, cancellationToken).ConfigureAwait(false);
        }
        await TapSchemaWriter.UpsertSchemaAsync(connection, table.Schema, cancellationToken).ConfigureAwait(false);
        await TapSchemaWriter.ReplaceTableAsync(connection, table.Table, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection,
            $"INSERT INTO {StoreSchema.PublishedTables} (table_name, ra_column, dec_column, point_column, row_count) " +
            "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (table_name) DO UPDATE SET ra_column = EXCLUDED.ra_column, " +
            "dec_column = EXCLUDED.dec_column, point_column = EXCLUDED.point_column, row_count = EXCLUDED.row_count, " +
            "ingested_at = now()", cancellationToken,
            table.Table.TableName, PostgresNames.Unquote(table.RaColumn), PostgresNames.Unquote(table.DecColumn),
            options.PointColumn, count).ConfigureAwait(false);
        await ExecuteAsync(connection, $"UPDATE {StoreSchema.State} SET generation = generation + 1", cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Costs one query when nothing changed (the generation counter); otherwise reads TAP_SCHEMA in one REPEATABLE
    /// READ snapshot. Row counts are those recorded at ingest, or counted for tables not ingested here.
    /// </remarks>
    public async ValueTask<TapSchemaDocument> GetSchemaAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var generation = await GenerationAsync(connection, cancellationToken).ConfigureAwait(false);
        if (cachedSchema is { } cached && cached.Generation == generation)
        {
            return cached.Document;
        }
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead,
            cancellationToken).ConfigureAwait(false);
        generation = await GenerationAsync(connection, cancellationToken).ConfigureAwait(false);
        var recorded = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand($"SELECT table_name, row_count FROM {StoreSchema.PublishedTables}",
            connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                recorded[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        var document = await TapSchemaReader.ReadAsync(connection, recorded, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        cachedSchema = new CachedSchema(generation, document);
        return document;
    }

    /// <summary>Drops the cached TAP_SCHEMA document (the next read goes to the database).</summary>
    public void InvalidateSchemaCache() => cachedSchema = null;

    /// <summary>
    /// The positional columns recorded for <paramref name="tableName"/> (qualified ADQL name as in TAP_SCHEMA) at
    /// ingest, or null for tables without (e.g. TAP_SCHEMA). For the PostgreSQL dialect's spatial rewrites.
    /// </summary>
    public async ValueTask<PositionColumns?> GetPositionAsync(string tableName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"SELECT ra_column, dec_column, point_column FROM {StoreSchema.PublishedTables} WHERE table_name = $1",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tableName });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new PositionColumns(tableName, reader.GetString(0), reader.GetString(1), reader.GetString(2))
            : null;
    }

    /// <summary>
    /// Opens a connection for running translated ADQL with <see cref="PostgresCatalogStoreOptions.StatementTimeout"/>
    /// (see <see cref="OpenReadOnlyConnectionAsync(TimeSpan, CancellationToken)"/>).
    /// </summary>
    public Task<NpgsqlConnection> OpenReadOnlyConnectionAsync(CancellationToken cancellationToken) =>
        OpenReadOnlyConnectionAsync(options.StatementTimeout, cancellationToken);

    /// <summary>
    /// Opens a connection for running translated ADQL: <c>SET ROLE</c> to the reader role (SELECT on published tables
    /// and TAP_SCHEMA only), <c>SET statement_timeout</c> (a longer statement fails with SQLSTATE 57014) and
    /// <c>SET default_transaction_read_only = on</c> (writes fail with SQLSTATE 25006). The caller disposes it.
    /// These are session settings: the SQL run on it must come from the translator, never from users verbatim
    /// (a <c>RESET ROLE</c> would undo them). Pooled separately from the owner's connections.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statementTimeout"/> is below 1 ms.</exception>
    public async Task<NpgsqlConnection> OpenReadOnlyConnectionAsync(TimeSpan statementTimeout,
        CancellationToken cancellationToken)
    {
        CheckTimeout(statementTimeout);
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var connection = await readerSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var milliseconds = ((long)Math.Ceiling(statementTimeout.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
            await ExecuteAsync(connection,
                $"SET ROLE {PostgresNames.Quote(options.ReaderRole)}; SET statement_timeout = {milliseconds}; " +
                "SET default_transaction_read_only = on", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Opens a connection (at most <see cref="PostgresCatalogStoreOptions.ProbeTimeout"/>) and checks pg_sphere and
    /// TAP_SCHEMA; never creates anything.
    /// </remarks>
    public async ValueTask<AvailabilityStatus> ProbeAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ProbeTimeout);
        string? problem;
        string note = "";
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(timeout.Token).ConfigureAwait(false);
            (problem, note) = await ProbeCoreAsync(connection, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            problem = string.Create(CultureInfo.InvariantCulture,
                $"database '{Database}' did not answer within {options.ProbeTimeout.TotalSeconds} s");
        }
        catch (NpgsqlException e)
        {
            problem = $"database '{Database}' unavailable: {e.Message}";
        }
        lock (probeLock)
        {
            upSince = problem is null ? upSince ?? DateTimeOffset.UtcNow : null;
            return problem is null
                ? new AvailabilityStatus(true, upSince, [note])
                : new AvailabilityStatus(false, null, [problem]);
        }
    }

    private async Task<(string? Problem, string Note)> ProbeCoreAsync(NpgsqlConnection connection,
        CancellationToken cancellationToken)
    {
        var tables = PostgresNames.Table(TapSchemaSelfDescription.Tables);
        await using var command = new NpgsqlCommand(
            "SELECT current_setting('server_version'), " +
            "(SELECT extversion FROM pg_extension WHERE extname = 'pg_sphere'), to_regclass($1) IS NOT NULL", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tables });
        string version;
        string? sphere;
        bool hasTapSchema;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (version, sphere, hasTapSchema) = (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetBoolean(2));
        }
        if (sphere is null)
        {
            return ($"database '{Database}' (PostgreSQL {version}) has no pg_sphere extension", "");
        }
        if (!hasTapSchema)
        {
            return ($"database '{Database}' has no TAP_SCHEMA yet (store not initialised)", "");
        }
        await using var count = new NpgsqlCommand(
            $"SELECT count(*) FROM {tables} WHERE schema_name <> {PostgresNames.Literal(TapSchemaSelfDescription.SchemaName)}",
            connection);
        var published = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return (null, string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL {version}, pg_sphere {sphere}: {published} catalogue table(s) published"));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await dataSource.DisposeAsync().ConfigureAwait(false);
        await readerSource.DisposeAsync().ConfigureAwait(false);
        initLock.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        dataSource.Dispose();
        readerSource.Dispose();
        initLock.Dispose();
    }

    private void Validate(CatalogTable table)
    {
        var schema = PostgresNames.Unquote(table.Schema.SchemaName);
        if (string.Equals(schema, TapSchemaSelfDescription.SchemaName, StringComparison.OrdinalIgnoreCase) ||
            string.Equals(schema, StoreSchema.Name, StringComparison.OrdinalIgnoreCase) ||
            schema.StartsWith("pg_", StringComparison.OrdinalIgnoreCase) ||
            string.Equals(schema, "information_schema", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"schema {table.Schema.SchemaName} is reserved and cannot be ingested into",
                nameof(table));
        }
        if (table.Table.SchemaName != table.Schema.SchemaName || PostgresNames.Split(table.Table.TableName).Schema != schema)
        {
            throw new ArgumentException(
                $"table {table.Table.TableName} belongs to schema {table.Table.SchemaName}, not {table.Schema.SchemaName}",
                nameof(table));
        }
        PostgresNames.Table(table.Table.TableName);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { options.PointColumn };
        foreach (var column in table.Table.Columns)
        {
            PostgresNames.Column(column.ColumnName);
            if (!names.Add(PostgresNames.Unquote(column.ColumnName)))
            {
                throw new ArgumentException($"duplicate column {column.ColumnName} in {table.Table.TableName} (the " +
                    $"point column is '{options.PointColumn}', see PostgresCatalogStoreOptions.PointColumn)", nameof(table));
            }
        }
        foreach (var position in new[] { table.RaColumn, table.DecColumn })
        {
            var column = table.Table.Columns.FirstOrDefault(c => c.ColumnName == position);
            if (column is null || column.Datatype is not ("double" or "float"))
            {
                throw new ArgumentException(
                    $"positional column '{position}' must be a double or float column of {table.Table.TableName}", nameof(table));
            }
        }
    }

    private static void CheckTimeout(TimeSpan timeout) =>
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.FromMilliseconds(1), nameof(timeout));

    private static async Task<long> GenerationAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT generation FROM {StoreSchema.State}", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken,
        params object?[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record CachedSchema(long Generation, TapSchemaDocument Document);
}
