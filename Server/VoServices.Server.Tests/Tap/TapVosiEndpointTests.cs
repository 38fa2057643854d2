using System.Net;
using System.Xml.Linq;
using VoServices.Server.Tests.Support;
using VoServices.Tap.Tests.Vosi;
using VoServices.Tap.Vosi;

namespace VoServices.Server.Tests.Tap;

/// <summary>VOSI 1.1 §3 resources of /tap through the real host (in-memory TestServer).</summary>
public sealed class TapVosiEndpointTests(VoServerFactory factory) : IClassFixture<VoServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(HttpResponseMessage Response, byte[] Body)> Get(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static XElement Root(byte[] body) => XDocument.Load(new MemoryStream(body)).Root!;

    [SkippableTheory]
    [InlineData("/tap/tables")]
    [InlineData("/tap/tables?detail=min")]
    [InlineData("/tap/tables/tycho2.main")]
    [InlineData("/tap/tables/TAP_SCHEMA.columns")]
    [InlineData("/tap/capabilities")]
    [InlineData("/tap/availability")]
    public async Task Get_VosiResource_Is200TextXmlAndXsdValid(string path)
    {
        var (response, body) = await Get(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        VosiSchemaValidator.AssertValid(body);
    }

    [Fact]
    public async Task GetTables_NoDetail_ListsEveryTableWithColumns()
    {
        var root = Root((await Get("/tap/tables")).Body);
        Assert.Equal(XName.Get("tableset", VosiNamespaces.Tables), root.Name);
        Assert.Equal(SampleTapSchema.Document.Tables.Select(t => t.TableName).Order(),
            root.Descendants("table").Select(t => t.Element("name")!.Value).Order());
        Assert.Equal(SampleTapSchema.Document.Tables.Sum(t => t.Columns.Count), root.Descendants("column").Count());
    }

    [Theory]
    [InlineData("detail=min")]
    [InlineData("DETAIL=min")]
    [InlineData("Detail=MIN")]
    public async Task GetTables_DetailMinAnyCase_HasTablesButNoColumns(string query)
    {
        var root = Root((await Get("/tap/tables?" + query)).Body);
        Assert.Equal(SampleTapSchema.Document.Tables.Count, root.Descendants("table").Count());
        Assert.Empty(root.Descendants("column"));
        Assert.Empty(root.Descendants("foreignKey"));
    }

    [Theory]
    [InlineData("/tap/tables/tycho2.main", "tycho2.main")]
    [InlineData("/tap/tables/TYCHO2.MAIN", "tycho2.main")]
    [InlineData("/tap/tables/tap_schema.key_columns", "TAP_SCHEMA.key_columns")]
    [InlineData("/tap/tables/ivoa%2Eobscore", "ivoa.obscore")]
    public async Task GetTable_KnownNameAnyCase_ReturnsVosiTable(string path, string expectedName)
    {
        var (response, body) = await Get(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = Root(body);
        Assert.Equal(XName.Get("table", VosiNamespaces.Tables), root.Name);
        Assert.Equal(expectedName, root.Element("name")!.Value);
    }

    [Theory]
    [InlineData("/tap/tables/nosuch.table")]
    [InlineData("/tap/tables/tycho2")]
    [InlineData("/tap/tables/%22tycho2.main%22")]
    public async Task GetTable_UnknownName_Is404TextPlain(string path)
    {
        var (response, body) = await Get(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("No table named", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/tap/tables")]
    [InlineData("PUT", "/tap/tables")]
    [InlineData("DELETE", "/tap/tables")]
    [InlineData("POST", "/tap/tables/tycho2.main")]
    [InlineData("PUT", "/tap/tables/tycho2.main")]
    [InlineData("DELETE", "/tap/tables/tycho2.main")]
    [InlineData("POST", "/tap/capabilities")]
    [InlineData("POST", "/tap/availability")]
    public async Task WriteMethod_OnVosiResource_Is405WithAllowGet(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task GetCapabilities_AccessUrls_AreAbsoluteFromTheRequest()
    {
        var root = Root((await Get("/tap/capabilities")).Body);
        var urls = root.Descendants("accessURL").Select(u => u.Value).ToList();
        Assert.Equal(
        [
            "http://localhost/tap", "http://localhost/tap/examples", "http://localhost/tap/capabilities",
            "http://localhost/tap/availability", "http://localhost/tap/tables",
        ], urls);
        // TAP 1.1 §2.4 [taplint E_CPT1]: exactly one TAP capability.
        Assert.Single(root.Elements("capability"), c => c.Attribute("standardID")!.Value == "ivo://ivoa.net/std/TAP");
    }

    [Fact]
    public async Task GetAvailability_ProbeUp_SaysAvailableWithUpSince()
    {
        XNamespace ns = VosiNamespaces.Availability;
        var root = Root((await Get("/tap/availability")).Body);
        Assert.Equal("true", root.Element(ns + "available")!.Value);
        Assert.Equal("2026-11-21T08:00:00Z", root.Element(ns + "upSince")!.Value);
        Assert.Equal("in-memory test catalogue", root.Element(ns + "note")!.Value);
    }

    [Fact]
    public async Task Head_Tables_Is200WithoutBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri("/tap/tables", UriKind.Relative));
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
