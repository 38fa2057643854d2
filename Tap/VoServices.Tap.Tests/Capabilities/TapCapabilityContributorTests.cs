using System.Xml.Linq;
using Microsoft.Extensions.Options;
using VoServices.Adql.Functions;
using VoServices.Tap.Capabilities;
using VoServices.Tap.Examples;
using VoServices.Tap.Results;
using VoServices.Tap.Tests.Vosi;
using VoServices.Tap.Vosi;
using VoServices.Uws;

namespace VoServices.Tap.Tests.Capabilities;

public sealed class TapCapabilityContributorTests
{
    private static readonly XNamespace Xsi = VosiNamespaces.XmlSchemaInstance;
    private static readonly CapabilityContext Context = new(new Uri("http://127.0.0.1:5000/tap"));

    private static readonly TapOptions Tap = new() { DefaultMaxRec = 1234, HardMaxRec = 56789 };
    private static readonly UwsOptions Uws = new()
    {
        DefaultExecutionDuration = 600, MaxExecutionDuration = 3600,
        DefaultDestruction = TimeSpan.FromDays(7), MaxDestruction = TimeSpan.FromDays(30),
    };

    private static async Task<byte[]> Bytes(TapOptions? tap = null)
    {
        var options = Options.Create(tap ?? Tap);
        ICapabilityContributor[] contributors =
        [
            new VosiCapabilityContributor(), new TapCapabilityContributor(options, Options.Create(Uws)),
            new ExamplesCapabilityContributor(options),
        ];
        using var stream = new MemoryStream();
        await VosiCapabilitiesWriter.WriteAsync(stream, contributors, Context, CancellationToken.None);
        return stream.ToArray();
    }

    private static async Task<XElement> TapCapability() =>
        XDocument.Load(new MemoryStream(await Bytes())).Root!.Elements("capability")
            .Single(c => c.Attribute("standardID")!.Value == TapCapabilityContributor.StandardId);

    [SkippableFact]
    public async Task WriteAsync_AllContributors_AreValidAgainstTapRegExtXsd() => VosiSchemaValidator.AssertValid(await Bytes());

    [Fact]
    public async Task WriteAsync_TapCapability_IsTableAccessWithOneStdBaseInterface()
    {
        var capability = await TapCapability();
        Assert.Equal("tr:TableAccess", capability.Attribute(Xsi + "type")!.Value);
        var intf = capability.Elements("interface").Single();
        Assert.Equal(("vs:ParamHTTP", "std", "1.1"),
            (intf.Attribute(Xsi + "type")!.Value, intf.Attribute("role")!.Value, intf.Attribute("version")!.Value));
        Assert.Equal(("base", "http://127.0.0.1:5000/tap"),
            (intf.Element("accessURL")!.Attribute("use")!.Value, intf.Element("accessURL")!.Value));
    }

    [Fact]
    public async Task WriteAsync_TapCapability_ChildrenFollowTheTapRegExtSequence()
    {
        var names = (await TapCapability()).Elements().Select(e => e.Name.LocalName).Distinct();
        Assert.Equal(["interface", "language", "outputFormat", "uploadMethod", "retentionPeriod", "executionDuration",
            "outputLimit", "uploadLimit"], names);
    }

    [Fact]
    public async Task WriteAsync_Language_IsAdqlWithBothVersionIdsAndEveryCatalogueFeature()
    {
        var language = (await TapCapability()).Element("language")!;
        Assert.Equal("ADQL", language.Element("name")!.Value);
        Assert.Equal(["ivo://ivoa.net/std/ADQL#v2.0=2.0", "ivo://ivoa.net/std/ADQL#v2.1=2.1"],
            language.Elements("version").Select(v => $"{v.Attribute("ivo-id")!.Value}={v.Value}"));
        var declared = language.Elements("languageFeatures")
            .SelectMany(l => l.Elements("feature").Select(f => $"{l.Attribute("type")!.Value} {f.Element("form")!.Value}"))
            .ToList();
        Assert.Equal(FunctionCatalog.Default.Features.Select(f => $"{f.Type} {f.Form}"), declared);
        Assert.Contains($"{LanguageFeatureTypes.Geometry} CONTAINS", declared);
        Assert.Contains($"{LanguageFeatureTypes.CommonTable} WITH", declared);
        Assert.Contains(declared, d => d.StartsWith(LanguageFeatureTypes.UserDefined, StringComparison.Ordinal));
        // One block per feature type.
        Assert.Equal(language.Elements("languageFeatures").Count(),
            language.Elements("languageFeatures").Select(l => l.Attribute("type")!.Value).Distinct().Count());
    }

    [Fact]
    public async Task WriteAsync_OutputFormats_AreTheRegistrysWithIvoIdsAndAliases()
    {
        var formats = (await TapCapability()).Elements("outputFormat").ToList();
        Assert.Equal(ResponseFormatRegistry.Default.Formats.Select(f => f.MimeType), formats.Select(f => f.Element("mime")!.Value));
        Assert.Equal("ivo://ivoa.net/std/TAPRegExt#output-votable-binary2", formats[0].Attribute("ivo-id")!.Value);
        Assert.Contains("votable", formats[0].Elements("alias").Select(a => a.Value));
        Assert.Contains("csv", formats.SelectMany(f => f.Elements("alias")).Select(a => a.Value));
    }

    [Fact]
    public async Task WriteAsync_LimitsAndUploadMethods_AreTheEnforcedValues()
    {
        var capability = await TapCapability();
        Assert.Equal(TapCapabilityContributor.UploadMethods, capability.Elements("uploadMethod").Select(u => u.Attribute("ivo-id")!.Value));
        string Limit(string element, string part) => capability.Element(element)!.Element(part)!.Value;
        string Unit(string element, string part) => capability.Element(element)!.Element(part)!.Attribute("unit")!.Value;
        Assert.Equal(("604800", "2592000"), (Limit("retentionPeriod", "default"), Limit("retentionPeriod", "hard")));
        Assert.Equal(("600", "3600"), (Limit("executionDuration", "default"), Limit("executionDuration", "hard")));
        Assert.Equal(("1234", "56789", "row"), (Limit("outputLimit", "default"), Limit("outputLimit", "hard"), Unit("outputLimit", "hard")));
        var upload = new VoServices.Tap.Uploads.UploadOptions().MaxBytesPerUpload.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((upload, upload, "byte"), (Limit("uploadLimit", "default"), Limit("uploadLimit", "hard"), Unit("uploadLimit", "default")));
    }

    [Fact]
    public async Task WriteAsync_Examples_DeclaredOnlyWhenThereAreSome()
    {
        static IEnumerable<string> Ids(byte[] xml) =>
            XDocument.Load(new MemoryStream(xml)).Root!.Elements("capability").Select(c => c.Attribute("standardID")!.Value);
        Assert.Contains(ExamplesCapabilityContributor.StandardId, Ids(await Bytes()));
        Assert.DoesNotContain(ExamplesCapabilityContributor.StandardId, Ids(await Bytes(new TapOptions { Examples = [] })));
        var examples = XDocument.Load(new MemoryStream(await Bytes())).Root!.Elements("capability")
            .Single(c => c.Attribute("standardID")!.Value == ExamplesCapabilityContributor.StandardId);
        Assert.Equal("http://127.0.0.1:5000/tap/examples", examples.Descendants("accessURL").Single().Value);
    }
}
