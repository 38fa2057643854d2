using System.Xml;
using VoServices.Tap.Ingest;
using VoServices.Testing;

namespace VoServices.Tap.Tests.Ingest;

/// <summary>The demo descriptors' metadata checked by the reference validator (STILTS votlint: UCD1+, VOUnit, arraysize).</summary>
public sealed class DemoCatalogTests : IDisposable
{
    private static readonly string[] Names = ["hipparcos", "messier", "openngc", "tycho2"];

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private string FieldsDocument(IEnumerable<CatalogDescriptor> descriptors)
    {
        var path = Path.Combine(temp.Path, "fields.vot");
        using var xml = XmlWriter.Create(path, new XmlWriterSettings { Indent = true });
        xml.WriteStartElement("VOTABLE", "http://www.ivoa.net/xml/VOTable/v1.3");
        xml.WriteAttributeString("version", "1.4");
        xml.WriteStartElement("RESOURCE");
        foreach (var d in descriptors)
        {
            xml.WriteStartElement("TABLE");
            xml.WriteAttributeString("name", d.QualifiedTableName);
            foreach (var c in d.ToTableDescription().Columns)
            {
                xml.WriteStartElement("FIELD");
                xml.WriteAttributeString("name", c.ColumnName);
                xml.WriteAttributeString("datatype", c.Datatype);
                Optional(xml, "arraysize", c.ArraySize);
                Optional(xml, "unit", c.Unit);
                Optional(xml, "ucd", c.Ucd);
                xml.WriteEndElement();
            }
            xml.WriteStartElement("DATA");
            xml.WriteElementString("TABLEDATA", "");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        return path;
    }

    private static void Optional(XmlWriter xml, string name, string? value)
    {
        if (value is not null)
        {
            xml.WriteAttributeString(name, value);
        }
    }

    // astropy's UCD1+ vocabulary check and VOUnit parser; prints one line per rejected value.
    private const string AstropyCheck = """
        import sys, warnings
        from astropy.io.votable import ucd
        from astropy import units
        for arg in sys.argv[1:]:
            kind, value = arg.split('=', 1)
            try:
                if kind == 'ucd':
                    ucd.parse_ucd(value, check_controlled_vocabulary=True)
                else:
                    with warnings.catch_warnings():
                        warnings.simplefilter('error')
                        units.Unit(value, format='vounit')
            except Exception as e:
                print(kind, value, e)
        """;

    private static IEnumerable<CatalogDescriptor> Demos() => Names.Select(n =>
        CatalogDescriptorReader.Read(Path.Combine(SharedData.RepoRoot, "demo", "catalogs", n + ".yaml")));

    private static string Astropy(IEnumerable<CatalogColumn> columns)
    {
        const string python = "/usr/bin/python3"; // Debian's python has astropy; the pyenv one first on PATH does not
        SharedData.Require(File.Exists(python), "/usr/bin/python3 (with python3-astropy) is not installed");
        var args = columns.SelectMany(c => new[] { c.Ucd is null ? null : "ucd=" + c.Ucd, c.Unit is null ? null : "unit=" + c.Unit })
            .OfType<string>();
        var (code, stdout, stderr) = SharedData.Run(python, ["-c", AstropyCheck, .. args]);
        Assert.True(code == 0, stderr);
        return stdout.Trim();
    }

    /// <summary>votlint errors and warnings (its INFO lines, e.g. "No arraysize for character", are not problems).</summary>
    private static string Votlint(string file)
    {
        var stilts = SharedData.RequireTool("stilts");
        var (_, stdout, stderr) = SharedData.Run(stilts, ["votlint", file]);
        return string.Join("\n", (stdout + stderr).Split('\n').Where(l => l.StartsWith("ERROR", StringComparison.Ordinal)
            || l.StartsWith("WARNING", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public void DemoDescriptors_UcdsAndUnits_PassAstropyChecks()
    {
        Assert.Equal("", Astropy(Demos().SelectMany(d => d.Columns)));
    }

    [SkippableFact]
    public void AstropyCheck_BadUcdAndUnit_AreReported()
    {
        var report = Astropy([
            new CatalogColumn("a", "a", CatalogDatatype.Double, Unit: "degrees", Ucd: "pos.eq.nonsense"),
            new CatalogColumn("b", "b", CatalogDatatype.Double, Ucd: "meta.main;pos.eq.ra"),
        ]);

        Assert.Equal(3, report.Split('\n').Length);
        Assert.Contains("pos.eq.nonsense", report, StringComparison.Ordinal);
        Assert.Contains("degrees", report, StringComparison.Ordinal);
        Assert.Contains("Secondary word 'meta.main'", report, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void DemoDescriptors_FieldDeclarations_PassVotlint()
    {
        Assert.Equal("", Votlint(FieldsDocument(Demos())));
    }

    [SkippableFact]
    public void Votlint_DeprecatedCharArraysize_IsReported()
    {
        var bad = CatalogDescriptorReader.Parse(
            "schema: {name: s}\ntable: {name: t}\nsource: t.csv\nra: ra\ndec: dec\ncolumns:\n" +
            "  - {name: ra, datatype: double}\n  - {name: dec, datatype: double}\n" +
            "  - {name: flag, datatype: char, arraysize: '1'}\n", temp.Path);

        Assert.Contains("arraysize=\"1\" deprecated", Votlint(FieldsDocument([bad])), StringComparison.Ordinal);
    }
}
