using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoServices.Server.Tests.Support;
using VoServices.Tap;
using VoServices.Tap.Examples;
using VoServices.Tap.Query;

namespace VoServices.Server.Tests.Tap;

/// <summary>/tap/examples (DALI 1.1 §2.4) and /tap/sync without a backend, through the real host.</summary>
public sealed class TapExamplesEndpointTests(VoServerFactory factory) : IClassFixture<VoServerFactory>
{
    [Fact]
    public async Task Get_Examples_IsWellFormedXhtmlWithEveryExample()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/tap/examples", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xhtml+xml", response.Content.Headers.ContentType?.MediaType);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(TapExamples.Demo.Select(e => e.Id),
            document.Descendants().Where(e => (string?)e.Attribute("typeof") == "example").Select(e => e.Attribute("id")!.Value));
    }

    [Fact]
    public async Task Get_NoExamplesConfigured_Is404()
    {
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Configure<TapOptions>(o => o.Examples = [])));
        var response = await app.CreateClient().GetAsync(new Uri("/tap/examples", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Sync_WithoutAQueryExecutor_Is503ErrorVoTable()
    {
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.RemoveAll<IQueryExecutor>()));
        var response = await app.CreateClient().GetAsync(new Uri("/tap/sync?LANG=ADQL&QUERY=SELECT+hip+FROM+hipparcos.main", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">No catalogue backend", await response.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
    }
}
