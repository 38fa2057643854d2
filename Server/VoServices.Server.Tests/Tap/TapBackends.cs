using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using VoServices.Storage.Postgres.Tests;
using VoServices.Testing;

namespace VoServices.Server.Tests.Tap;

/// <summary>
/// The real host serving the demo archive (the small real subset shipped in <c>demo/data</c>) from a private data
/// directory: the embedded SQLite store by default, or PostgreSQL when a connection string is given. UWS jobs go to
/// the private directory too.
/// </summary>
public sealed class DemoTapServerFactory(string? postgres = null) : WebApplicationFactory<Program>
{
    /// <summary>Private data directory (database, uws files, jobs.db), deleted on dispose.</summary>
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("voservices-tap-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("VoServices:DataDirectory", DataDirectory);
        builder.UseSetting("VoServices:Demo:UseShippedSubset", "true");
        builder.UseSetting("VoServices:Uws:PollInterval", "00:00:00.200");
        if (postgres is not null)
        {
            builder.UseSetting("VoServices:Postgres", postgres);
        }
    }

    /// <summary>Waits until <c>/health</c> answers 200 (the demo archive is ingested).</summary>
    public async Task WaitReadyAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, "the demo archive was not ready within 2 minutes");
            await Task.Delay(200);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }
}

/// <summary>
/// One backend's demo server, started on first use inside a test (so that a missing PostgreSQL server skips the
/// test rather than failing the fixture) and shared by the tests of a class.
/// </summary>
public abstract class TapBackend : IAsyncLifetime
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private DemoTapServerFactory? factory;

    /// <summary>The started factory (skips the calling test when the backend is unavailable).</summary>
    public async Task<DemoTapServerFactory> FactoryAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (factory is null)
            {
                var created = new DemoTapServerFactory(await ConnectionStringAsync());
                await created.WaitReadyAsync();
                factory = created;
            }
            return factory;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A client of the started server.</summary>
    public async Task<HttpClient> ClientAsync(bool followRedirects = true) =>
        (await FactoryAsync()).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });

    /// <summary>Null for the embedded store, else the PostgreSQL connection string of a fresh database.</summary>
    protected abstract Task<string?> ConnectionStringAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        factory?.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The embedded SQLite store.</summary>
public sealed class SqliteTapBackend : TapBackend
{
    protected override Task<string?> ConnectionStringAsync() => Task.FromResult<string?>(null);
}

/// <summary>PostgreSQL + pg_sphere: a fresh database on the <c>VOSERVICES_TEST_DB</c> server (skips without it).</summary>
public sealed class PostgresTapBackend : TapBackend
{
    private readonly PostgresServer server = new();

    protected override async Task<string?> ConnectionStringAsync() => await server.NewDatabaseAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await server.DisposeAsync();
    }
}
