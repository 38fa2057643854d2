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

    private static string Votlint(string file)
    {
        var stilts = SharedData.RequireTool("stilts");
        var (_, stdout, stderr) = SharedData.Run(stilts, ["votlint", "ucd=true", "unit=true", file]);
        return (stdout + stderr).Trim();
    }

    [SkippableFact]
    public void DemoDescriptors_UnitsUcdsAndArraysizes_PassVotlint()
    {
        var descriptors = Names.Select(n =>
            CatalogDescriptorReader.Read(Path.Combine(SharedData.RepoRoot, "demo", "catalogs", n + ".yaml")));

        Assert.Equal("", Votlint(FieldsDocument(descriptors)));
    }

    [SkippableFact]
    public void Votlint_BadUcdAndUnit_AreReported()
    {
        var bad = CatalogDescriptorReader.Parse(
            "schema: {name: s}\ntable: {name: t}\nsource: t.csv\nra: ra\ndec: dec\ncolumns:\n" +
            "  - {name: ra, datatype: double, unit: degrees, ucd: pos.eq.nonsense}\n" +
            "  - {name: dec, datatype: double, unit: deg, ucd: pos.eq.dec}\n", temp.Path);

        var report = Votlint(FieldsDocument([bad]));

        Assert.Contains("nonsense", report, StringComparison.Ordinal);
        Assert.Contains("degrees", report, StringComparison.Ordinal);
    }
}
