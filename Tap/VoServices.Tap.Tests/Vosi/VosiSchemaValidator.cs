using System.Xml;
using System.Xml.Schema;
using VoServices.Testing;

namespace VoServices.Tap.Tests.Vosi;

/// <summary>
/// Validates VOSI documents with System.Xml.Schema against the XSDs that STILTS taplint 3.4.7 ships
/// (../shared/data/schemas/stilts_taplint), resolving every schemaLocation to those local files the way taplint's
/// IvoaSchemaResolver does (notably VODataService/v1.1 → VODataService-v1.2.xsd, VOResource/v1.0 → VOResource-v1.1.xsd).
/// Never touches the network: an unmapped location fails the test. Also compiled into VoServices.Server.Tests.
/// </summary>
internal static class VosiSchemaValidator
{
    private static readonly Dictionary<string, string> LocalCopies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["http://www.ivoa.net/xml/VODataService/v1.1"] = "VODataService-v1.2.xsd",
        ["http://www.ivoa.net/xml/VOResource/v1.0"] = "VOResource-v1.1.xsd",
        ["http://www.ivoa.net/xml/VOResource/VOResource-v1.0.xsd"] = "VOResource-v1.1.xsd",
        ["http://www.ivoa.net/xml/STC/stc-v1.30.xsd"] = "stc-v1.30.xsd",
        ["http://www.ivoa.net/xml/Xlink/xlink.xsd"] = "xlink.xsd",
        ["http://www.w3.org/2001/xml.xsd"] = "xmlnamespace.xsd",
    };

    // Root schemas, one per top-level namespace a VOSI document can use.
    private static readonly string[] Roots =
    [
        "VOSITables-v1.1.xsd", "VOSIAvailability-v1.0.xsd", "VOSICapabilities-v1.0.xsd", "TAPRegExt-v1.0-Erratum1.xsd",
    ];

    private static readonly Lazy<XmlSchemaSet> Set = new(Load);

    /// <summary>The folder of the taplint XSDs; skips the calling SkippableFact when ../shared/data is absent.</summary>
    public static string SchemaFolder => SharedData.File("schemas", "stilts_taplint");

    /// <summary>Validation errors and warnings of <paramref name="xml"/>; empty when the document is valid.</summary>
    public static IReadOnlyList<string> Problems(byte[] xml)
    {
        _ = SchemaFolder;
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Set.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings |
                XmlSchemaValidationFlags.ProcessIdentityConstraints,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };
        // A warning is "no schema for this element": as bad as an error for our purposes.
        settings.ValidationEventHandler += (_, e) =>
            problems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }
        return problems;
    }

    /// <summary>Fails with the list of problems unless <paramref name="xml"/> is schema-valid.</summary>
    public static void AssertValid(byte[] xml)
    {
        var problems = Problems(xml);
        Assert.True(problems.Count == 0,
            "XSD validation failed:\n" + string.Join("\n", problems) + "\n--- document ---\n" +
            System.Text.Encoding.UTF8.GetString(xml));
    }

    private static XmlSchemaSet Load()
    {
        var folder = SchemaFolder;
        var set = new XmlSchemaSet { XmlResolver = new LocalResolver(folder) };
        foreach (var root in Roots)
        {
            using var reader = XmlReader.Create(Path.Combine(folder, root),
                new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            set.Add(XmlSchema.Read(reader, (_, e) => throw e.Exception)
                ?? throw new XmlSchemaException($"cannot read {root}"));
        }
        set.Compile();
        return set;
    }

    private sealed class LocalResolver(string folder) : XmlResolver
    {
        // Canonicalise every location to the local file, so that two URLs of one schema (TAPRegExt imports
        // VOResource by a different URL than VOSICapabilities does) load it once.
        public override Uri ResolveUri(Uri? baseUri, string? relativeUri)
        {
            var absolute = baseUri is null ? new Uri(relativeUri ?? "", UriKind.RelativeOrAbsolute)
                : new Uri(baseUri, relativeUri);
            if (absolute.IsAbsoluteUri && absolute.IsFile)
            {
                return absolute;
            }
            return LocalCopies.TryGetValue(absolute.OriginalString, out var file)
                ? new Uri(Path.Combine(folder, file))
                : throw new XmlSchemaException($"schema location {absolute} is not mapped to a local file (no network)");
        }

        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) =>
            absoluteUri.IsFile
                ? File.OpenRead(absoluteUri.LocalPath)
                : throw new XmlSchemaException($"schema location {absoluteUri} is not a local file (no network)");
    }
}
