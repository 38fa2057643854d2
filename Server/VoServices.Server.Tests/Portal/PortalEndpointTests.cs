using System.Net;
using System.Xml.Linq;
using VoServices.Server.Tests.Support;

namespace VoServices.Server.Tests.Portal;

public sealed class PortalEndpointTests(VoServerFactory factory) : IClassFixture<VoServerFactory>
{
    [Fact]
    public async Task GetRoot_IsHtmlLinkingEveryTapVosiEndpointAndHealth()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        // The page is XHTML-compatible (self-closed void elements), so its links can be read as XML.
        using var reader = System.Xml.XmlReader.Create(new StringReader(html),
            new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Ignore });
        var doc = XDocument.Load(reader);
        var links = doc.Descendants("a").Select(a => a.Attribute("href")!.Value).ToList();
        Assert.Contains("/tap/tables", links);
        Assert.Contains("/tap/capabilities", links);
        Assert.Contains("/tap/availability", links);
        Assert.Contains("/health", links);
    }

    [Theory]
    [InlineData("/tap/tables")]
    [InlineData("/tap/tables?detail=min")]
    [InlineData("/tap/tables/tycho2.main")]
    [InlineData("/tap/capabilities")]
    [InlineData("/tap/availability")]
    [InlineData("/health")]
    public async Task RootPageLink_Resolves_To200(string path)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
