using VoServices.Tap.Ingest;
using VoServices.Testing;

namespace VoServices.Tap.Tests.Ingest;

public sealed class CatalogDescriptorReaderTests
{
    private const string Header =
        "schema: {name: s, description: the schema}\n" +  // line 1
        "table: {name: t, description: the table}\n" +   // line 2
        "demoSubset: data/t.csv\n" +                      // line 3
        "ra: ra\n" +                                      // line 4
        "dec: dec\n";                                     // line 5

    private static string Yaml(string extraColumn, string header = Header) =>
        header +
        "columns:\n" +                                    // line 6
        "  - {name: ra, datatype: double, unit: deg}\n" + // line 7
        "  - {name: dec, datatype: double, unit: deg}\n" +// line 8
        "  - " + extraColumn + "\n";                      // line 9

    [Fact]
    public void Parse_FullColumn_MapsEveryKey()
    {
        var d = CatalogDescriptorReader.Parse(Yaml(
            "{name: bt_mag, sourceColumn: BTmag, datatype: float, unit: mag, ucd: phot.mag;em.opt.B, " +
            "description: B mag, principal: true, indexed: true, nullValue: '-99'}"), "/base");

        Assert.Equal("s", d.SchemaName);
        Assert.Equal("the schema", d.SchemaDescription);
        Assert.Equal("t", d.TableName);
        Assert.Equal("s.t", d.QualifiedTableName);
        Assert.Null(d.Source);
        Assert.Equal(Path.GetFullPath("/base/data/t.csv"), d.DemoSubset);
        Assert.Null(d.Format);
        Assert.Equal(("ra", "dec"), (d.RaColumn, d.DecColumn));
        Assert.Equal(
            new CatalogColumn("bt_mag", "BTmag", CatalogDatatype.Float, null, "mag", "phot.mag;em.opt.B", "B mag",
                Principal: true, Indexed: true, NullValue: "-99"),
            d.Columns[2]);
        Assert.Equal(new CatalogColumn("ra", "ra", CatalogDatatype.Double, Unit: "deg"), d.Columns[0]);
    }

    [Fact]
    public void ToTableDescription_Columns_CarryTapSchemaMetadata()
    {
        var d = CatalogDescriptorReader.Parse(Yaml("{name: tyc, datatype: char, arraysize: '12*', indexed: true}"), "/b");

        var table = d.ToTableDescription();

        Assert.Equal(("s", "s.t", "the table"), (table.SchemaName, table.TableName, table.Description));
        var tyc = table.Columns[2];
        Assert.Equal(("tyc", "char", "12*", 12, 3), (tyc.ColumnName, tyc.Datatype, tyc.ArraySize, tyc.Size, tyc.ColumnIndex));
        Assert.True(tyc.Indexed);
        Assert.False(tyc.Std);
        Assert.Null(table.Columns[0].Size);
    }

    [Theory]
    [InlineData("{name: x, datatype: real}", 9, "unknown datatype 'real'")]
    [InlineData("{name: ra, datatype: double}", 9, "duplicate column 'ra' (first defined at line 7)")]
    [InlineData("{name: size, datatype: int}", 9, "'size' is an ADQL reserved word")]
    [InlineData("{name: distance, datatype: double}", 9, "'distance' is an ADQL reserved word")]
    [InlineData("{name: count, datatype: long}", 9, "'count' is an ADQL reserved word")]
    [InlineData("{name: 2mass, datatype: int}", 9, "'2mass' is not a valid ADQL identifier")]
    [InlineData("{name: b-v, datatype: float}", 9, "'b-v' is not a valid ADQL identifier")]
    [InlineData("{name: Mag, datatype: float}", 9, "'Mag' must be lower case")]
    [InlineData("{name: x, datatype: int, unti: m}", 9, "unknown key 'unti' in column")]
    [InlineData("{name: x}", 9, "missing required key 'datatype'")]
    [InlineData("{name: x, datatype: double, arraysize: '*'}", 9, "arraysize is only supported for char")]
    [InlineData("{name: x, datatype: char, arraysize: '0'}", 9, "invalid arraysize '0'")]
    [InlineData("{name: x, datatype: int, principal: yes}", 9, "'principal' must be true or false")]
    [InlineData("{name: x, datatype: int, unit: [m]}", 9, "'unit' must be a plain value")]
    [InlineData("just text", 9, "column must be a mapping")]
    public void Parse_InvalidColumn_ThrowsWithLine(string column, int line, string message)
    {
        var e = Assert.Throws<CatalogDescriptorException>(() => CatalogDescriptorReader.Parse(Yaml(column), "/b", "d.yaml"));

        Assert.Equal(line, e.Line);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"d.yaml:{line}:", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ra: alpha\n", 4, "ra column 'alpha' is not among the columns")]
    [InlineData("ra: x\n", 4, "ra column 'x' must be float or double")]
    [InlineData("format: fits\n", 6, "unknown format 'fits' (expected csv or votable)")]
    [InlineData("table: {name: t, title: T}\n", 2, "unknown key 'title' in table")]
    [InlineData("schema: {name: TAP_SCHEMA}\n", 1, "'TAP_SCHEMA' must be lower case")]
    [InlineData("schema: {name: public}\n", 1, "'public' is an ADQL reserved word")]
    [InlineData("demoSubset:\n", 1, "a descriptor needs 'source' or 'demoSubset'")]
    [InlineData("dec: [dec]\n", 5, "'dec' must be a plain value")]
    [InlineData("source: 'x.csv'\nsource: y.csv\n", 7, "not valid YAML")]
    public void Parse_InvalidHeader_ThrowsWithLine(string replacement, int line, string message)
    {
        var key = replacement[..replacement.IndexOf(':', StringComparison.Ordinal)];
        var header = string.Concat(Header.Split('\n').Where(l => l.Length > 0)
            .Select(l => l.StartsWith(key + ":", StringComparison.Ordinal) ? replacement : l + "\n"));
        if (!header.Contains(replacement, StringComparison.Ordinal))
        {
            header += replacement;
        }

        var e = Assert.Throws<CatalogDescriptorException>(() =>
            CatalogDescriptorReader.Parse(Yaml("{name: x, datatype: char}", header), "/b"));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(line, e.Line);
    }

    [Fact]
    public void Parse_NoColumns_Throws()
    {
        var e = Assert.Throws<CatalogDescriptorException>(() => CatalogDescriptorReader.Parse(Header + "columns: []\n", "/b"));

        Assert.Contains("'columns' must be a non-empty list", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingSchema_Throws()
    {
        var e = Assert.Throws<CatalogDescriptorException>(() =>
            CatalogDescriptorReader.Parse("table: {name: t}\nsource: a.csv\n", "/b"));

        Assert.Equal("missing required key 'schema'", e.Reason);
    }

    [Fact]
    public void Read_MissingFile_ThrowsDescriptorException()
    {
        var e = Assert.Throws<CatalogDescriptorException>(() => CatalogDescriptorReader.Read("/nonexistent/x.yaml"));

        Assert.Contains("cannot read descriptor", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tycho2", "tycho2.main", 9, "tycho2_fields.csv.gz", "catalogs/tycho2/tycho2_main.csv.gz")]
    [InlineData("hipparcos", "hipparcos.main", 5, "hipparcos_vmag_lt7.csv.gz", "catalogs/hipparcos_xhip/hip_xhip_d3celestial.csv")]
    [InlineData("openngc", "openngc.main", 11, "openngc_kstars.csv.gz", "catalogs/openngc/openngc_kstars.csv")]
    [InlineData("messier", "messier.main", 12, "messier_topcat.vot.xml", "catalogs/messier/messier_topcat.vot.xml")]
    public void Read_DemoDescriptor_ResolvesPathsBesideTheCheckout(string name, string table, int columns,
        string subset, string source)
    {
        var d = CatalogDescriptorReader.Read(Path.Combine(SharedData.RepoRoot, "demo", "catalogs", name + ".yaml"));

        Assert.Equal(table, d.QualifiedTableName);
        Assert.Equal(columns, d.Columns.Count);
        Assert.Equal(("ra", "dec"), (d.RaColumn, d.DecColumn));
        Assert.Equal(Path.Combine(SharedData.RepoRoot, "demo", "data", subset), d.DemoSubset);
        Assert.True(File.Exists(d.DemoSubset), d.DemoSubset);
        Assert.Equal(Path.GetFullPath(Path.Combine(SharedData.RepoRoot, "..", "shared", "data", source)), d.Source);
        Assert.All(d.Columns, c => Assert.False(string.IsNullOrEmpty(c.Ucd), c.Name));
        Assert.All(d.Columns, c => Assert.False(string.IsNullOrEmpty(c.Description), c.Name));
    }
}
