using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoServices.Server.Health;
using VoServices.Server.Tests.Support;
using VoServices.Tap.TapSchema;

namespace VoServices.Server.Tests.Health;

public sealed class HealthEndpointTests(VoServerFactory factory) : IClassFixture<VoServerFactory>
{
    private static async Task<(HttpStatusCode Status, string Body)> GetHealth(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_ReadyAndBackendUp_Is200Healthy()
    {
        // The store initialisation runs in the background at start (no demo catalogues in this factory): poll briefly.
        var client = factory.CreateClient();
        var (status, body) = await GetHealth(client);
        for (var i = 0; i < 100 && status != HttpStatusCode.OK; i++)
        {
            await Task.Delay(100);
            (status, body) = await GetHealth(client);
        }
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task Health_WhileDemoArchiveIngests_Is503ThenHealthyWhenMarkedReady()
    {
        var readiness = new DemoReadiness("ingesting tycho2.main");
        // The test drives readiness itself: without the demo-ingest service, which would mark it ready at start.
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.Replace(ServiceDescriptor.Singleton(readiness));
            foreach (var d in s.Where(d => d.ImplementationType == typeof(VoServices.Server.Demo.DemoArchiveIngest)).ToList())
            {
                s.Remove(d);
            }
        }));
        var client = app.CreateClient();
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), await GetHealth(client));
        readiness.MarkReady();
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await GetHealth(client));
    }

    [Fact]
    public async Task Health_BackendSaysUnavailable_Is503()
    {
        var down = new FixedAvailabilityProbe(new AvailabilityStatus(false, null, ["database file missing"]));
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<IAvailabilityProbe>(down))));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await GetHealth(app.CreateClient())).Status);
    }

    [Fact]
    public async Task Health_ProbeThrows_Is503NotAnError500()
    {
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<IAvailabilityProbe>(new FixedAvailabilityProbe(null)))));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await GetHealth(app.CreateClient())).Status);
    }

    [Fact]
    public void DemoReadiness_MarkNotReadyThenReady_TracksReason()
    {
        var readiness = new DemoReadiness();
        Assert.True(readiness.IsReady);
        readiness.MarkNotReady("ingesting");
        Assert.False(readiness.IsReady);
        Assert.Equal("ingesting", readiness.NotReadyReason);
        readiness.MarkReady();
        Assert.True(readiness.IsReady);
        Assert.Throws<ArgumentException>(() => readiness.MarkNotReady(" "));
    }
}
