using VoServices.Tap.Ingest;
using VoServices.Testing;

namespace VoServices.Tap.Tests.Ingest;

public sealed class VoTableCatalogRowSourceTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static string Document(string fields, string rows) =>
        "<?xml version='1.0'?>\n<VOTABLE version='1.4' xmlns='http://www.ivoa.net/xml/VOTable/v1.3'>\n" +
        "<RESOURCE><TABLE>\n" + fields + "\n<DATA><TABLEDATA>\n" + rows + "\n</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n";

    private static async Task<List<object?[]>> ReadAll(ICatalogRowSource source)
    {
        var rows = new List<object?[]>();
        var buffer = new object?[source.ColumnCount];
        while (await source.ReadAsync(buffer, CancellationToken.None))
        {
            rows.Add((object?[])buffer.Clone());
        }
        return rows;
    }

    [SkippableFact]
    public async Task ReadAsync_MessierVoTable11_Gives110TypedRows()
    {
        var path = SharedData.File("catalogs", "messier", "messier_topcat.vot.xml");
        var descriptor = CatalogDescriptorReader.Read(Path.Combine(SharedData.RepoRoot, "demo", "catalogs", "messier.yaml"));
        using var source = CatalogRowSource.Open(path, descriptor.Format, descriptor.Columns);

        var rows = await ReadAll(source);

        Assert.Equal(110, rows.Count);
        // Expected from: stilts tpipe in=messier_topcat.vot.xml cmd='select "Name == \"M31\""' ofmt=csv
        // M31,31,224,And,5,10.50291666984558,41.266666666666666,3.4,178.0,2900.0,http://messier.obspm.fr/m/m031.html,...
        var m31 = Assert.Single(rows, r => (string?)r[0] == "M31");
        Assert.Equal(new object?[]
        {
            "M31", (short)31, "224", "And", "5", 10.50291666984558, 41.266666666666666, 3.4f, 178f, 2900f,
            "http://messier.obspm.fr/m/m031.html", "http://messier.obspm.fr/Jpg/m31.jpg",
        }, m31);
        Assert.Equal(source.TotalBytes, source.BytesRead);
    }

    [Fact]
    public async Task ReadAsync_FieldTypesDifferFromDescriptor_ConvertsLosslessly()
    {
        var file = temp.Write("t.vot", Document(
            "<FIELD name='F' datatype='float'/><FIELD name='S' datatype='short'><VALUES null='-1'/></FIELD>" +
            "<FIELD name='C' datatype='char' arraysize='*'/>",
            "<TR><TD>8.4</TD><TD>7</TD><TD> 12 </TD></TR><TR><TD></TD><TD>-1</TD><TD></TD></TR>"));
        CatalogColumn[] columns =
        [
            new("f", "f", CatalogDatatype.Double), // matched ignoring case
            new("s", "S", CatalogDatatype.Long),
            new("c", "C", CatalogDatatype.Int),
        ];
        using var source = VoTableCatalogRowSource.Open(file, columns);

        var rows = await ReadAll(source);

        Assert.Equal(new object?[] { 8.4, 7L, 12 }, rows[0]);
        Assert.Equal(new object?[] { null, null, null }, rows[1]);
    }

    [Fact]
    public async Task ReadAsync_BadCell_ThrowsWithFileAndLine()
    {
        var file = temp.Write("bad.vot", Document("<FIELD name='x' datatype='double'/>",
            "<TR><TD>1.5</TD></TR>\n<TR><TD>abc</TD></TR>"));
        using var source = VoTableCatalogRowSource.Open(file, [new("x", "x", CatalogDatatype.Double)]);
        var buffer = new object?[1];
        Assert.True(await source.ReadAsync(buffer, CancellationToken.None));

        var e = await Assert.ThrowsAsync<CatalogDataException>(() => source.ReadAsync(buffer, CancellationToken.None).AsTask());

        Assert.Equal(file, e.FilePath);
        Assert.Equal(7L, e.Line); // the <TR> holding "abc"
        Assert.Contains("row 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ValueOutOfRangeForDescriptor_NamesRowAndColumn()
    {
        var file = temp.Write("big.vot", Document("<FIELD name='n' datatype='int'/>", "<TR><TD>70000</TD></TR>"));
        using var source = VoTableCatalogRowSource.Open(file, [new("n", "n", CatalogDatatype.Short)]);

        var e = await Assert.ThrowsAsync<CatalogDataException>(() => source.ReadAsync(new object?[1], CancellationToken.None).AsTask());

        Assert.Equal("n", e.Column);
        Assert.Contains("row 1: cannot use 70000 (Int32) as short", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingField_ThrowsListingFields()
    {
        var file = temp.Write("t.vot", Document("<FIELD name='a' datatype='int'/>", ""));

        var e = Assert.Throws<CatalogDataException>(() => VoTableCatalogRowSource.Open(file, [new("b", "b", CatalogDatatype.Int)]));

        Assert.Contains("FIELD 'b' is not in the table (a)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<VOTABLE version='1.4'><RESOURCE/></VOTABLE>", "has no TABLE")]
    [InlineData("<html><body/></html>", "not a readable VOTable")]
    [InlineData("<VOTABLE><RESOURCE><TABLE", "not a readable VOTable")]
    public void Open_NotATable_Throws(string xml, string message)
    {
        var file = temp.Write("x.xml", xml);

        var e = Assert.Throws<CatalogDataException>(() => VoTableCatalogRowSource.Open(file, [new("a", "a", CatalogDatatype.Int)]));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
