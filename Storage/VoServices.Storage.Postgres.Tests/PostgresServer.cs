using System.Collections.Concurrent;
using Npgsql;
using VoServices.Tap.Ingest;
using VoServices.Testing;

namespace VoServices.Storage.Postgres.Tests;

/// <summary>
/// The PostgreSQL server named by <c>VOSERVICES_TEST_DB</c> (start one with <c>tools/pg-test.sh start</c>). Every
/// test gets a database of its own (<see cref="NewDatabaseAsync"/>), dropped when the test class is done, so classes
/// run in parallel and no test sees another's tables. Without the variable the tests skip locally and fail under CI.
/// </summary>
/// <remarks>
/// Databases are copied from <c>template0</c>, not from <c>votest</c>: CREATE DATABASE … TEMPLATE fails while any
/// other session is connected to the template, and other test projects use <c>votest</c> directly. The store creates
/// the pg_sphere extension itself (the test user is a superuser), which its initialisation does anyway.
/// </remarks>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Variable = "VOSERVICES_TEST_DB";
    private readonly ConcurrentBag<string> created = [];

    /// <summary>Creates an empty UTF-8 database and returns its connection string; skips the test when no server is set.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        SharedData.Require(!string.IsNullOrWhiteSpace(server),
            $"{Variable} is not set (tools/pg-test.sh start; export \"$(tools/pg-test.sh env)\")");
        var name = "vo_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(Admin(server!)))
        {
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'", admin);
            await command.ExecuteNonQueryAsync();
        }
        created.Add(name);
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (created.IsEmpty)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Admin(Environment.GetEnvironmentVariable(Variable)!));
        await admin.OpenAsync();
        foreach (var name in created)
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static string Admin(string server) =>
        new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
}

/// <summary>Helpers shared by the store tests: demo descriptors, real field subsets and raw SQL as the owner.</summary>
internal static class Db
{
    public static CatalogDescriptor Demo(string name) =>
        CatalogDescriptorReader.Read(Path.Combine(SharedData.RepoRoot, "demo", "catalogs", name + ".yaml"));

    /// <summary>A Tycho-2 cone of radius 1 deg from the shared data (README: ngc1316 84, omegacen 299, tuc47 131 stars).</summary>
    public static string Tycho2Field(string field) =>
        SharedData.File("catalogs", "field_subsets", $"tycho2_cone_{field}_r1.0deg.csv");

    public static Task<IngestResult> IngestAsync(ICatalogStore store, string descriptor, string? source,
        CancellationToken cancellationToken = default) =>
        new CatalogIngester(store).IngestAsync(Demo(descriptor), source, null, cancellationToken);

    public static async Task<List<object?[]>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return await QueryAsync(connection, sql);
    }

    public static async Task<List<object?[]>> QueryAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
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

    public static async Task<object?> ScalarAsync(string connectionString, string sql) =>
        (await QueryAsync(connectionString, sql)).Single()[0];

    /// <summary>Every TAP_SCHEMA row and every row of the given tables, as text (to compare before/after).</summary>
    public static async Task<string> SnapshotAsync(string connectionString, params string[] tables)
    {
        string[] queries =
        [
            "SELECT * FROM \"TAP_SCHEMA\".schemas ORDER BY 1",
            "SELECT * FROM \"TAP_SCHEMA\".tables ORDER BY 2",
            "SELECT * FROM \"TAP_SCHEMA\".columns ORDER BY 1, 2",
            "SELECT * FROM \"TAP_SCHEMA\".keys ORDER BY 1",
            "SELECT table_name, ra_column, dec_column, point_column, row_count FROM voservices.published_tables ORDER BY 1",
            .. tables.Select(t => $"SELECT *, pos::text FROM {t} ORDER BY 1"),
        ];
        var lines = new List<string>();
        foreach (var sql in queries)
        {
            // spoint has no binary output (toolchain.md §2): read every column as text.
            await using var connection = new NpgsqlConnection(
                new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection) { AllResultTypesAreUnknown = true };
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount)
                    .Select(i => reader.IsDBNull(i) ? "∅" : reader.GetString(i))));
            }
        }
        return string.Join("\n", lines);
    }
}

/// <summary>Wraps a row source and cancels a token after a number of rows (simulates Ctrl+C mid-load).</summary>
internal sealed class CancellingSource(ICatalogRowSource? inner, int after, CancellationTokenSource? cancel)
    : ICatalogRowSource
{
    private int count;

    public string SourcePath => inner?.SourcePath ?? "none";
    public int ColumnCount => inner?.ColumnCount ?? 9;
    public long BytesRead => inner?.BytesRead ?? 0;
    public long? TotalBytes => inner?.TotalBytes;

    public ValueTask<bool> ReadAsync(object?[] values, CancellationToken cancellationToken)
    {
        if (++count == after)
        {
            cancel?.Cancel();
        }
        return inner?.ReadAsync(values, cancellationToken) ?? ValueTask.FromResult(false);
    }

    public void Dispose() => inner?.Dispose();
}

/// <summary>Rows given in code (for values no CSV can carry, such as a NUL character).</summary>
internal sealed class ListSource(params object?[][] rows) : ICatalogRowSource
{
    private int next;

    public string SourcePath => "in-memory rows";
    public int ColumnCount => rows.Length == 0 ? 9 : rows[0].Length;
    public long BytesRead => 0;
    public long? TotalBytes => null;

    public ValueTask<bool> ReadAsync(object?[] values, CancellationToken cancellationToken)
    {
        if (next == rows.Length)
        {
            return ValueTask.FromResult(false);
        }
        rows[next++].CopyTo(values, 0);
        return ValueTask.FromResult(true);
    }

    public void Dispose()
    {
    }
}
