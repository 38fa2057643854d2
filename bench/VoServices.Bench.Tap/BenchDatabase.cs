using Npgsql;

namespace VoServices.Bench.Tap;

/// <summary>
/// A fresh database on the PostgreSQL server of <c>VOSERVICES_TEST_DB</c> (toolchain.md §2; bench/run.sh starts
/// tools/pg-test.sh's cluster when it is unset), dropped on dispose. The cluster itself is shared and never stopped.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string admin;
    private readonly string name;

    private BenchDatabase(string admin, string name, string connectionString)
    {
        this.admin = admin;
        this.name = name;
        ConnectionString = connectionString;
    }

    /// <summary>Connection string of the new database (same server, role and password as VOSERVICES_TEST_DB).</summary>
    public string ConnectionString { get; }

    /// <summary>Creates the database; null when VOSERVICES_TEST_DB is unset or the server cannot be reached.</summary>
    public static async Task<BenchDatabase?> CreateAsync(CancellationToken cancellationToken)
    {
        var configured = Environment.GetEnvironmentVariable("VOSERVICES_TEST_DB");
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }
        var name = Report.Format($"vo_bench_{Environment.ProcessId}_{Random.Shared.Next(100_000)}");
        var admin = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres", Pooling = false }.ToString();
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            Console.Error.WriteLine($"PostgreSQL unavailable: {e.Message}");
            return null;
        }
        var database = new NpgsqlConnectionStringBuilder(configured) { Database = name }.ToString();
        return new BenchDatabase(admin, name, database);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
