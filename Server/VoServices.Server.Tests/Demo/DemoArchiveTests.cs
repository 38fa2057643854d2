using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using VoServices.Server.Tests.Support;
using VoServices.Tap.Tests.Vosi;
using VoServices.Testing;

namespace VoServices.Server.Tests.Demo;

/// <summary>
/// The demo archive on the real embedded store (architecture.md §6): first start ingests, /health turns 200 when ready,
/// /tap/tables describes the demo tables, a second start reuses the database, and a failed ingest leaves /health 503
/// without losing what was stored.
/// </summary>
public sealed class DemoArchiveTests : IDisposable
{
    private static readonly XNamespace Vosi = "http://www.ivoa.net/xml/VOSITables/v1.0";
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("voservices-demo-").FullName;

    [Fact]
    public async Task FirstStart_ShippedSubset_IngestsDemoTablesThenReusesThem()
    {
        using (var first = new DemoServerFactory(dataDirectory, useShippedSubset: true))
        {
            var client = first.CreateClient();
            await WaitHealthyAsync(client);

            var tables = await client.GetByteArrayAsync(new Uri("/tap/tables", UriKind.Relative));
            VosiSchemaValidator.AssertValid(tables);
            var rows = RowCounts(tables);
            Assert.Equal(514, rows["tycho2.main"]);       // union of the three 1-degree field cones (demo/data/README.md)
            Assert.Equal(110, rows["messier.main"]);
            Assert.Equal(13960, rows["openngc.main"]);
            Assert.True(rows["hipparcos.main"] > 10000);
            Assert.Contains("TAP_SCHEMA.columns", rows.Keys);

            var tycho = XDocument.Parse(System.Text.Encoding.UTF8.GetString(
                await client.GetByteArrayAsync(new Uri("/tap/tables/tycho2.main", UriKind.Relative))));
            var ra = tycho.Descendants("column").Single(c => (string?)c.Element("name") == "ra");
            Assert.Equal("deg", (string?)ra.Element("unit"));
            Assert.Equal("pos.eq.ra;meta.main", (string?)ra.Element("ucd"));
            Assert.Contains(first.Logs.Entries, e => e.Id.Id == 2002 && e.Message.Contains("4 tables ingested now", StringComparison.Ordinal));
        }

        using var second = new DemoServerFactory(dataDirectory, useShippedSubset: true);
        var again = second.CreateClient();
        await WaitHealthyAsync(again);
        Assert.Contains(second.Logs.Entries, e => e.Id.Id == 2002 && e.Message.Contains("4 reused", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Logs.Entries, e => e.Id.Id == 2001);
    }

    [Fact]
    public async Task BrokenDescriptor_HealthStaysUnavailable_StoredTablesKept()
    {
        using (var first = new DemoServerFactory(dataDirectory, useShippedSubset: true))
        {
            await WaitHealthyAsync(first.CreateClient());
        }
        var broken = Directory.CreateDirectory(Path.Combine(dataDirectory, "broken-catalogs")).FullName;
        await File.WriteAllTextAsync(Path.Combine(broken, "bad.yaml"), "schema: {name: bad}\ntable: [unclosed\n");

        using var second = new DemoServerFactory(dataDirectory, useShippedSubset: true, catalogs: broken);
        var client = second.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!second.Logs.Entries.Any(e => e.Id.Id == 2003) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var tables = await client.GetByteArrayAsync(new Uri("/tap/tables?detail=min", UriKind.Relative));
        Assert.Contains("tycho2.main", RowCounts(tables).Keys);
    }

    /// <summary>
    /// Acceptance of the foundation issue on the real data: a first start with ../shared/data present ingests the whole
    /// Tycho-2 catalogue (2,539,913 stars) and the other demo tables. Takes about 20 s.
    /// </summary>
    [SkippableFact]
    public async Task FirstStart_SharedData_ServesWholeTycho2()
    {
        SharedData.File("catalogs", "tycho2", "tycho2_main.csv.gz");
        using var factory = new DemoServerFactory(dataDirectory, useShippedSubset: false);
        var client = factory.CreateClient();
        await WaitHealthyAsync(client, TimeSpan.FromMinutes(4));
        var rows = RowCounts(await client.GetByteArrayAsync(new Uri("/tap/tables?detail=min", UriKind.Relative)));
        Assert.Equal(2_539_913, rows["tycho2.main"]);
        Assert.Equal(118_216, rows["hipparcos.main"]);
        Assert.Equal(13_960, rows["openngc.main"]);
        Assert.Equal(110, rows["messier.main"]);
    }

    /// <summary>
    /// The same first start on the production backend: with <c>VoServices:Postgres</c> set, the demo archive goes into
    /// PostgreSQL + pg_sphere and /tap/tables describes it from the database's TAP_SCHEMA.
    /// </summary>
    [SkippableFact]
    public async Task FirstStart_PostgresBackend_IngestsDemoTablesIntoPostgres()
    {
        var server = new VoServices.Storage.Postgres.Tests.PostgresServer();
        try
        {
            var connectionString = await server.NewDatabaseAsync();
            using var factory = new DemoServerFactory(dataDirectory, useShippedSubset: true, postgres: connectionString);
            var client = factory.CreateClient();
            await WaitHealthyAsync(client);
            var tables = await client.GetByteArrayAsync(new Uri("/tap/tables", UriKind.Relative));
            VosiSchemaValidator.AssertValid(tables);
            var rows = RowCounts(tables);
            Assert.Equal(514, rows["tycho2.main"]);
            Assert.Equal(110, rows["messier.main"]);
            Assert.Contains(factory.Logs.Entries, e => e.Id.Id == 2000 && e.Message.Contains("PostgreSQL", StringComparison.Ordinal));
            Assert.False(File.Exists(Path.Combine(dataDirectory, "voservices.db")));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    private static async Task WaitHealthyAsync(HttpClient client, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        string last = "";
        while (DateTime.UtcNow < deadline)
        {
            var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }
            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            await Task.Delay(200);
        }
        Assert.Fail($"/health did not become 200 in time; last answer: {last}");
    }

    private static Dictionary<string, long> RowCounts(byte[] tableset) =>
        XDocument.Parse(System.Text.Encoding.UTF8.GetString(tableset)).Root!
            .Elements("schema").Elements("table")
            .ToDictionary(t => (string)t.Element("name")!, t => (long?)t.Element("nrows") ?? -1);

    /// <summary>The real Program and embedded store on a private data directory.</summary>
    private sealed class DemoServerFactory(string dataDirectory, bool useShippedSubset, string? catalogs = null,
        string? postgres = null) : WebApplicationFactory<Program>
    {
        internal RecordingLoggerProvider Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("VoServices:DataDirectory", dataDirectory);
            builder.UseSetting("VoServices:Demo:UseShippedSubset", useShippedSubset ? "true" : "false");
            if (postgres is not null)
            {
                builder.UseSetting("VoServices:Postgres", postgres);
            }
            if (catalogs is not null)
            {
                builder.UseSetting("VoServices:Demo:Catalogs", catalogs);
            }
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }
}
