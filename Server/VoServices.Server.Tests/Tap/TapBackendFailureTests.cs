using System.Net;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using VoServices.Server.Tests.Support;
using VoServices.Tap;
using VoServices.Tap.TapSchema;
using VoServices.Tap.Vosi;

namespace VoServices.Server.Tests.Tap;

/// <summary>Backend failures must become 503 text/plain plus a log line, or available=false — never a 500 trace.</summary>
public sealed class TapBackendFailureTests(VoServerFactory factory) : IClassFixture<VoServerFactory>
{
    private static readonly XNamespace Availability = VosiNamespaces.Availability;

    private WebApplicationFactory<Program> With(Action<IServiceCollection> configure) =>
        factory.WithWebHostBuilder(b => b.ConfigureTestServices(configure));

    [Theory]
    [InlineData("/tap/tables")]
    [InlineData("/tap/tables/tycho2.main")]
    public async Task GetTables_BackendThrows_Is503TextPlainAndLogged(string path)
    {
        using var app = With(s => s.Replace(ServiceDescriptor.Singleton<ITapSchemaSource>(new FailingTapSchemaSource())));
        var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(FailingTapSchemaSource.SecretDetail, body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains(factory.Logs.Entries, e => e.Id.Id == 1000 && e.Level == LogLevel.Error && e.Message.Contains(path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetTables_InvalidDatatypeInSchema_Is500TextPlainNamingTheColumn()
    {
        var bad = new TapSchemaDocument([new SchemaDescription("s")],
            [new TableDescription("s", "s.t", [new ColumnDescription("c", "VARCHAR")])]);
        using var app = With(s => s.Replace(ServiceDescriptor.Singleton<ITapSchemaSource>(new InMemoryTapSchemaSource(bad))));
        var response = await app.CreateClient().GetAsync(new Uri("/tap/tables", UriKind.Relative));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("s.t.c", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTables_BackendHangs_Is503AfterBackendTimeout()
    {
        using var app = With(s =>
        {
            s.Replace(ServiceDescriptor.Singleton<ITapSchemaSource>(new HangingBackend()));
            s.Configure<TapOptions>(o => o.BackendTimeout = TimeSpan.FromMilliseconds(200));
        });
        var response = await app.CreateClient().GetAsync(new Uri("/tap/tables", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task GetAvailability_ProbeThrows_Is200AvailableFalse()
    {
        using var app = With(s => s.Replace(ServiceDescriptor.Singleton<IAvailabilityProbe>(new FixedAvailabilityProbe(null))));
        var response = await app.CreateClient().GetAsync(new Uri("/tap/availability", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("false", root.Element(Availability + "available")!.Value);
        Assert.Contains(factory.Logs.Entries, e => e.Id.Id == 1002);
    }

    [Fact]
    public async Task Endpoints_NoBackendRegistered_Answer503AndAvailableFalse()
    {
        using var app = With(s =>
        {
            s.RemoveAll<ITapSchemaSource>();
            s.RemoveAll<IAvailabilityProbe>();
            // Nothing to ingest into either: without a store the demo-ingest service has no place in the host.
            foreach (var d in s.Where(d => d.ImplementationType == typeof(VoServices.Server.Demo.DemoArchiveIngest)).ToList())
            {
                s.Remove(d);
            }
            s.Replace(ServiceDescriptor.Singleton(new VoServices.Server.Health.DemoReadiness()));
        });
        var client = app.CreateClient();
        var tables = await client.GetAsync(new Uri("/tap/tables", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, tables.StatusCode);
        Assert.Contains("No catalogue backend", await tables.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var availability = XDocument.Parse(await client.GetStringAsync(new Uri("/tap/availability", UriKind.Relative))).Root!;
        Assert.Equal("false", availability.Element(Availability + "available")!.Value);
        var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", Encoding.UTF8.GetString(await health.Content.ReadAsByteArrayAsync()));
    }
}
