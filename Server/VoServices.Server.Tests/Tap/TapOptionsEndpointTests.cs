using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using VoServices.Server.Tests.Support;
using VoServices.Tap;
using VoServices.Tap.Vosi;

namespace VoServices.Server.Tests.Tap;

/// <summary>TapOptions as seen through the endpoints.</summary>
public sealed class TapOptionsEndpointTests(VoServerFactory factory) : IClassFixture<VoServerFactory>
{
    private async Task<XElement> GetXml(Action<TapOptions> configure, string path)
    {
        using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Configure(configure)));
        var body = await app.CreateClient().GetStringAsync(new Uri(path, UriKind.Relative));
        return XDocument.Parse(body).Root!;
    }

    [Fact]
    public async Task Capabilities_PublicBaseUriSet_IsUsedForAccessUrls()
    {
        var root = await GetXml(o => o.PublicBaseUri = new Uri("https://vo.example.org/archive/tap"), "/tap/capabilities");
        // The TAP capability's base URL is the prefix itself; every other URL is below it.
        Assert.All(root.Descendants("accessURL"),
            u => Assert.Matches("^https://vo\\.example\\.org/archive/tap(/[a-z]+)?$", u.Value));
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task Tables_PublishRowCounts_ControlsNrows(bool publish, int expectedNrows)
    {
        var root = await GetXml(o => o.PublishRowCounts = publish, "/tap/tables");
        Assert.Equal(expectedNrows, root.Descendants("nrows").Count());
    }

    [Fact]
    public async Task Tables_DefaultTableDetailMin_AppliesWithoutParameterButMaxStillWorks()
    {
        Assert.Empty((await GetXml(o => o.DefaultTableDetail = TableDetail.Min, "/tap/tables")).Descendants("column"));
        Assert.NotEmpty((await GetXml(o => o.DefaultTableDetail = TableDetail.Min, "/tap/tables?detail=max")).Descendants("column"));
    }

    [Fact]
    public void AddTap_NonPositiveBackendTimeout_FailsAtStartup()
    {
        using var app = factory.WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.Configure<TapOptions>(o => o.BackendTimeout = TimeSpan.Zero)));
        var ex = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("BackendTimeout", ex.ToString(), StringComparison.Ordinal);
    }
}
