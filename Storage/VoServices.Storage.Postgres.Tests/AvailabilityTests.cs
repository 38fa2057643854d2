using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace VoServices.Storage.Postgres.Tests;

/// <summary>VOSI availability (VOSI 1.1 §3.3) from a real probe of the database.</summary>
public sealed class AvailabilityTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [SkippableFact]
    public async Task ProbeAsync_AfterIngest_IsAvailableWithVersionsAndTableCount()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);
        await Db.IngestAsync(store, "tycho2", Db.Tycho2Field("ngc1316"));

        var status = await store.ProbeAsync(CancellationToken.None);

        Assert.True(status.Available);
        Assert.NotNull(status.UpSince);
        Assert.Matches(@"^PostgreSQL 15\.\d+\b.*, pg_sphere 1\.\d+\.\d+: 1 catalogue table\(s\) published$",
            Assert.Single(status.Notes));
        Assert.Equal(status.UpSince, (await store.ProbeAsync(CancellationToken.None)).UpSince);
    }

    [SkippableFact]
    public async Task ProbeAsync_NewDatabase_IsUnavailableWithoutCreatingAnything()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);

        var status = await store.ProbeAsync(CancellationToken.None);

        Assert.False(status.Available);
        Assert.Null(status.UpSince);
        Assert.Contains("has no pg_sphere extension", Assert.Single(status.Notes), StringComparison.Ordinal);
        Assert.Equal(0L, await Db.ScalarAsync(db, "SELECT count(*) FROM pg_namespace WHERE nspname IN ('TAP_SCHEMA', 'voservices')"));
    }

    [SkippableFact]
    public async Task ProbeAsync_PgSphereButNoTapSchema_IsUnavailable()
    {
        var db = await server.NewDatabaseAsync();
        await Db.QueryAsync(db, "CREATE EXTENSION pg_sphere");
        await using var store = new PostgresCatalogStore(db);

        var status = await store.ProbeAsync(CancellationToken.None);

        Assert.False(status.Available);
        Assert.Contains("has no TAP_SCHEMA yet", Assert.Single(status.Notes), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ProbeAsync_NothingListening_IsUnavailableQuickly()
    {
        var db = await server.NewDatabaseAsync();
        var port = FreePort();
        await using var store = new PostgresCatalogStore(
            new NpgsqlConnectionStringBuilder(db) { Port = port }.ConnectionString,
            new PostgresCatalogStoreOptions { ProbeTimeout = TimeSpan.FromSeconds(2) });

        var status = await store.ProbeAsync(CancellationToken.None);

        Assert.False(status.Available);
        Assert.Contains("unavailable", Assert.Single(status.Notes), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ProbeAsync_DatabaseDropped_TurnsUnavailable()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);
        await store.InitializeAsync(CancellationToken.None);
        Assert.True((await store.ProbeAsync(CancellationToken.None)).Available);

        var name = new NpgsqlConnectionStringBuilder(db).Database!;
        await Db.QueryAsync(new NpgsqlConnectionStringBuilder(db) { Database = "postgres" }.ConnectionString,
            $"DROP DATABASE \"{name}\" WITH (FORCE)");

        // The pooled connection was terminated with the database: the first probe may report that, the next one
        // opens a new connection and must name the missing database.
        var first = await store.ProbeAsync(CancellationToken.None);
        var second = await store.ProbeAsync(CancellationToken.None);
        Assert.Equal((false, false, (DateTimeOffset?)null), (first.Available, second.Available, second.UpSince));
        Assert.Contains("does not exist", Assert.Single(second.Notes), StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
