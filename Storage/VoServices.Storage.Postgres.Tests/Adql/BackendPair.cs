using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using VoServices.Adql;
using VoServices.Adql.Semantics;
using VoServices.Adql.Translation;
using VoServices.Storage.Postgres.Adql;
using VoServices.Storage.Sqlite;
using VoServices.Storage.Sqlite.Adql;
using VoServices.Tap.Ingest;
using VoServices.Tap.TapSchema;
using VoServices.Testing;

namespace VoServices.Storage.Postgres.Tests.Adql;

/// <summary>
/// The same demo tables (the subsets shipped in <c>demo/data</c>) in both backends — a fresh PostgreSQL database on the
/// server of <c>VOSERVICES_TEST_DB</c> and an embedded SQLite file with the HEALPix column — plus the upload-like table
/// <c>TAP_UPLOAD.mine</c> in each; a minimal executor per backend (queries run on the store's read-only connection).
/// Without the variable, <see cref="Available"/> is false and tests skip locally (fail under CI).
/// </summary>
public sealed class BackendPair : IAsyncLifetime
{
    public const string Variable = "VOSERVICES_TEST_DB";
    private static readonly string[] Catalogs = ["tycho2", "hipparcos", "messier", "openngc"];
    private readonly string sqliteFolder = Path.Combine(Path.GetTempPath(), "vo-adql-pair-" + Guid.NewGuid().ToString("N"));
    private string? database;
    private string? server;

    /// <summary>Rows of <c>TAP_UPLOAD.mine</c>: (id, ra, dec, r) — bright objects, RA 0 and polar points.</summary>
    public static readonly (int Id, double Ra, double Dec, double R)[] UploadRows =
    [
        (1, 83.8221, -5.3911, 0.5), (2, 10.6847, 41.2687, 0.3), (3, 0.05, 0.1, 2.0), (4, 359.9, -0.2, 1.5),
        (5, 37.95, 89.26, 1.0), (6, 120.0, -89.5, 2.0), (7, 201.6968, -47.4795, 0.25), (8, 6.0236, -72.0813, 0.2),
        (9, 50.6738, -37.2082, 0.1), (10, 180.0, 0.0, 0.01), (11, 279.2347, 38.7837, 0.4), (12, 359.5, 45.0, 3.0),
    ];

    public bool Available => Postgres is not null;

    public PostgresCatalogStore? Postgres { get; private set; }

    public SqliteCatalogStore Sqlite { get; private set; } = null!;

    public IAdqlSchema PostgresSchema { get; private set; } = null!;

    public IAdqlSchema SqliteSchema { get; private set; } = null!;

    public SqlTranslator PostgresTranslator { get; } = new(PostgresSqlDialect.Default);

    public SqlTranslator SqliteTranslator { get; } = new(SqliteSqlDialect.Default);

    public async Task InitializeAsync()
    {
        Sqlite = new SqliteCatalogStore(Path.Combine(sqliteFolder, "vo.db"),
            new SqliteCatalogStoreOptions { DerivedPositionColumns = [SqliteHealpixIndex.Column] });
        await IngestAsync(Sqlite);
        CreateSqliteUpload();
        SqliteSchema = ToAdqlSchema(await Sqlite.GetSchemaAsync(CancellationToken.None), "upload#mine");
        server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            return;
        }
        database = "vo_adql_" + Guid.NewGuid().ToString("N")[..16];
        await AdminAsync($"CREATE DATABASE \"{database}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        Postgres = new PostgresCatalogStore(new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
        await IngestAsync(Postgres);
        await CreatePostgresUploadAsync();
        PostgresSchema = ToAdqlSchema(await Postgres.GetSchemaAsync(CancellationToken.None), "upload_mine");
    }

    public async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(sqliteFolder))
        {
            Directory.Delete(sqliteFolder, recursive: true);
        }
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await AdminAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    /// <summary>Skips the calling test unless PostgreSQL is configured (fails under CI).</summary>
    public void RequirePostgres() =>
        SharedData.Require(Available, $"{Variable} is not set (tools/pg-test.sh start; export \"$(tools/pg-test.sh env)\")");

    private static async Task IngestAsync(ICatalogStore store)
    {
        foreach (var name in Catalogs)
        {
            var descriptor = CatalogDescriptorReader.Read(Path.Combine(SharedData.RepoRoot, "demo", "catalogs", name + ".yaml"));
            await new CatalogIngester(store).IngestAsync(descriptor, descriptor.DemoSubset, null, CancellationToken.None);
        }
    }

    private static AdqlTable Upload(string storageName) => new("TAP_UPLOAD", "TAP_UPLOAD.mine",
    [
        new AdqlColumn("id", "int"), new AdqlColumn("ra", "double", Unit: "deg"),
        new AdqlColumn("dec", "double", Unit: "deg"), new AdqlColumn("r", "double", Unit: "deg"),
    ], AdqlTableKind.Upload, StorageName: storageName);

    private static AdqlSchema ToAdqlSchema(TapSchemaDocument document, string uploadStorage) => new([
        .. document.Tables.Select(t => new AdqlTable(t.SchemaName, t.TableName,
            t.Columns.Select(c => new AdqlColumn(c.ColumnName, c.Datatype, c.ArraySize, c.XType, c.Unit, c.Ucd, c.Utype,
                c.Description, c.Indexed)).ToArray(),
            RaColumn: t.RaColumn, DecColumn: t.DecColumn, Description: t.Description)),
        Upload(uploadStorage),
    ]);

    private static IEnumerable<string> UploadValues() => UploadRows.Select(r =>
        string.Create(CultureInfo.InvariantCulture, $"({r.Id}, {r.Ra:R}, {r.Dec:R}, {r.R:R})"));

    private void CreateSqliteUpload()
    {
        using var connection = new SqliteConnection(Sqlite.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE \"upload#mine\" (id INTEGER, ra REAL, dec REAL, r REAL) STRICT; " +
            $"INSERT INTO \"upload#mine\" VALUES {string.Join(", ", UploadValues())}";
        command.ExecuteNonQuery();
    }

    private async Task CreatePostgresUploadAsync()
    {
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "CREATE TABLE upload_mine (id integer, ra double precision, dec double precision, r double precision); " +
            $"INSERT INTO upload_mine VALUES {string.Join(", ", UploadValues())}; " +
            "GRANT SELECT ON upload_mine TO voservices_reader", connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task AdminAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }

    public (ResolvedQuery Resolved, SqlStatement Sql) TranslateForPostgres(string adql, long? rowLimit = null)
    {
        var resolved = SchemaResolver.Resolve(AdqlParser.Parse(adql), PostgresSchema);
        return (resolved, PostgresTranslator.Translate(resolved, rowLimit));
    }

    public (ResolvedQuery Resolved, SqlStatement Sql) TranslateForSqlite(string adql, long? rowLimit = null)
    {
        var resolved = SchemaResolver.Resolve(AdqlParser.Parse(adql), SqliteSchema);
        return (resolved, SqliteTranslator.Translate(resolved, rowLimit));
    }

    /// <summary>Runs a statement on the read-only PostgreSQL connection; values as Npgsql gives them.</summary>
    public async Task<List<object?[]>> RunPostgresAsync(SqlStatement statement)
    {
        await using var connection = await Postgres!.OpenReadOnlyConnectionAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(statement.Sql, connection);
        foreach (var parameter in statement.Parameters.OrderBy(p => p.Ordinal))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter.Value });
        }
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The plan of a statement (EXPLAIN, costs off).</summary>
    public async Task<string> PlanPostgresAsync(SqlStatement statement) => string.Join("\n",
        (await RunPostgresAsync(statement with { Sql = "EXPLAIN (COSTS OFF) " + statement.Sql })).Select(r => (string)r[0]!));

    /// <summary>The EXPLAIN QUERY PLAN details of a statement, one per line.</summary>
    public string PlanSqlite(SqlStatement statement) =>
        string.Join("\n", RunSqlite(statement with { Sql = "EXPLAIN QUERY PLAN " + statement.Sql }).Select(r => (string)r[3]!));

    /// <summary>Runs a statement on a SQLite connection with the ADQL functions registered.</summary>
    public List<object?[]> RunSqlite(SqlStatement statement)
    {
        using var connection = new SqliteConnection(Sqlite.ConnectionString);
        connection.Open();
        SqliteAdqlFunctions.Register(connection);
        using var command = connection.CreateCommand();
        command.CommandText = statement.Sql;
        foreach (var parameter in statement.Parameters)
        {
            command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        }
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}
