using System.Text;
using System.Xml;
using System.Xml.Linq;
using VoServices.Tap.Vosi;

namespace VoServices.Tap.Tests.Vosi;

public sealed class VosiCapabilitiesWriterTests
{
    private static readonly XNamespace Xsi = VosiNamespaces.XmlSchemaInstance;
    private static readonly CapabilityContext Context = new(new Uri("http://127.0.0.1:5000/tap"));

    private static async Task<byte[]> Bytes(params ICapabilityContributor[] contributors)
    {
        using var stream = new MemoryStream();
        await VosiCapabilitiesWriter.WriteAsync(stream, contributors, Context, CancellationToken.None);
        return stream.ToArray();
    }

    [SkippableFact]
    public async Task WriteAsync_VosiContributor_IsValidAgainstXsd()
    {
        VosiSchemaValidator.AssertValid(await Bytes(new VosiCapabilityContributor()));
    }

    [SkippableFact]
    public async Task WriteAsync_WithTableAccessContributor_IsValidAgainstTapRegExtXsd()
    {
        VosiSchemaValidator.AssertValid(await Bytes(new VosiCapabilityContributor(), new MinimalTableAccess()));
    }

    [SkippableFact]
    public void Validator_CapabilityWithAbstractInterface_ReportsAProblem()
    {
        // vr:Interface is abstract: an interface without xsi:type must fail validation.
        var xml = Encoding.UTF8.GetBytes(
            "<vosi:capabilities xmlns:vosi=\"http://www.ivoa.net/xml/VOSICapabilities/v1.0\">" +
            "<capability standardID=\"ivo://ivoa.net/std/VOSI#capabilities\"><interface>" +
            "<accessURL use=\"full\">http://x/cap</accessURL></interface></capability></vosi:capabilities>");
        Assert.NotEmpty(VosiSchemaValidator.Problems(xml));
    }

    [Fact]
    public async Task WriteAsync_VosiContributor_DeclaresThreeVosiCapabilitiesAndNoTap()
    {
        var root = XDocument.Load(new MemoryStream(await Bytes(new VosiCapabilityContributor()))).Root!;
        Assert.Equal(XName.Get("capabilities", VosiNamespaces.Capabilities), root.Name);
        var rows = root.Elements("capability").Select(c =>
        {
            var intf = c.Element("interface")!;
            var url = intf.Element("accessURL")!;
            return $"{c.Attribute("standardID")!.Value} {intf.Attribute(Xsi + "type")!.Value} {url.Attribute("use")!.Value} {url.Value}";
        });
        Assert.Equal(
        [
            "ivo://ivoa.net/std/VOSI#capabilities vs:ParamHTTP full http://127.0.0.1:5000/tap/capabilities",
            "ivo://ivoa.net/std/VOSI#availability vs:ParamHTTP full http://127.0.0.1:5000/tap/availability",
            "ivo://ivoa.net/std/VOSI#tables-1.1 vs:ParamHTTP base http://127.0.0.1:5000/tap/tables",
        ], rows);
    }

    [Fact]
    public async Task WriteAsync_Contributors_AreWrittenInAscendingOrder()
    {
        var root = XDocument.Load(new MemoryStream(await Bytes(new VosiCapabilityContributor(), new MinimalTableAccess()))).Root!;
        var first = root.Elements("capability").First();
        Assert.Equal("ivo://ivoa.net/std/TAP", first.Attribute("standardID")!.Value);
        Assert.Equal("tr:TableAccess", first.Attribute(Xsi + "type")!.Value);
        Assert.Equal(VosiNamespaces.TapRegExt, first.GetNamespaceOfPrefix("tr")!.NamespaceName);
    }

    [Theory]
    [InlineData("http://h:1/tap", "tables", "http://h:1/tap/tables")]
    [InlineData("http://h:1/tap/", "tables", "http://h:1/tap/tables")]
    [InlineData("https://vo.example.org/a/b/tap", "/availability", "https://vo.example.org/a/b/tap/availability")]
    [InlineData("http://h/", "capabilities", "http://h/capabilities")]
    public void Resolve_RelativePath_AppendsBelowServiceBase(string serviceBase, string path, string expected)
    {
        Assert.Equal(expected, new CapabilityContext(new Uri(serviceBase)).Resolve(path).AbsoluteUri);
    }

    /// <summary>A stand-in for the future TAP capability contributor: the smallest schema-valid tr:TableAccess.</summary>
    private sealed class MinimalTableAccess : ICapabilityContributor
    {
        public int Order => 0;

        public Task WriteCapabilitiesAsync(XmlWriter writer, CapabilityContext context, CancellationToken cancellationToken) =>
            VosiCapabilitiesWriter.WriteCapabilityAsync(writer,
                new VosiCapability("ivo://ivoa.net/std/TAP",
                    [new VosiInterface(XsiType.ParamHttp, context.ServiceBaseUri, AccessUrlUse.Base, "std", "1.1")],
                    XsiType.TableAccess),
                async w =>
                {
                    await w.WriteStartElementAsync(null, "language", null);
                    await w.WriteElementStringAsync(null, "name", null, "ADQL");
                    await w.WriteStartElementAsync(null, "version", null);
                    await w.WriteAttributeStringAsync(null, "ivo-id", null, "ivo://ivoa.net/std/ADQL#v2.0");
                    await w.WriteStringAsync("2.0");
                    await w.WriteEndElementAsync();
                    await w.WriteEndElementAsync();
                    await w.WriteStartElementAsync(null, "outputFormat", null);
                    await w.WriteElementStringAsync(null, "mime", null, "application/x-votable+xml");
                    await w.WriteEndElementAsync();
                });
    }
}
