using System.IO.Compression;
using System.Text;
using VoServices.Tap.Ingest;
using VoServices.Testing;

namespace VoServices.Tap.Tests.Ingest;

public sealed class CsvCatalogRowSourceTests : IDisposable
{
    private static readonly CatalogColumn[] Typed =
    [
        new("id", "id", CatalogDatatype.Int),
        new("val", "val", CatalogDatatype.Double),
        new("name", "name", CatalogDatatype.Char, "*"),
        new("flag", "flag", CatalogDatatype.Boolean),
    ];

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

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

    [Fact]
    public async Task ReadAsync_EmptyCells_AreNullAndValuesAreTyped()
    {
        var file = temp.Write("t.csv", "flag,name,val,id\nT,x,2.5,1\n,,,\n0,\"a, b\",-1e-3,-7\n");
        using var source = CsvCatalogRowSource.Open(file, Typed);

        var rows = await ReadAll(source);

        Assert.Equal(3, rows.Count);
        Assert.Equal(new object?[] { 1, 2.5, "x", true }, rows[0]);
        Assert.Equal(new object?[] { null, null, null, null }, rows[1]);
        Assert.Equal(new object?[] { -7, -1e-3, "a, b", false }, rows[2]);
        Assert.Equal(source.TotalBytes, source.BytesRead);
    }

    [Fact]
    public async Task ReadAsync_BadNumber_ThrowsWithFileLineAndColumn()
    {
        var file = temp.Write("bad.csv", "id,val,name,flag\n1,2.0,a,T\n2,3.0,b,F\n3,abc,c,T\n");
        using var source = CsvCatalogRowSource.Open(file, Typed);
        var buffer = new object?[4];
        Assert.True(await source.ReadAsync(buffer, CancellationToken.None));
        Assert.True(await source.ReadAsync(buffer, CancellationToken.None));

        var e = await Assert.ThrowsAsync<CatalogDataException>(() => source.ReadAsync(buffer, CancellationToken.None).AsTask());

        Assert.Equal((file, 4L, "val"), (e.FilePath, e.Line, e.Column));
        Assert.Equal($"{file}:4 column 'val': 'abc' is not a valid double: The input string 'abc' was not in a correct format.",
            e.Message);
    }

    [Fact]
    public async Task ReadAsync_OutOfRangeInteger_ThrowsWithLine()
    {
        var file = temp.Write("big.csv", "id,val,name,flag\n99999999999,1,a,T\n");
        using var source = CsvCatalogRowSource.Open(file, Typed);

        var e = await Assert.ThrowsAsync<CatalogDataException>(() => source.ReadAsync(new object?[4], CancellationToken.None).AsTask());

        Assert.Equal((2L, "id"), (e.Line, e.Column));
        Assert.Contains("'99999999999' is not a valid int", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_WrongFieldCount_ThrowsWithLine()
    {
        var file = temp.Write("ragged.csv", "id,val,name,flag\n1,2,a,T\n2,3\n");
        using var source = CsvCatalogRowSource.Open(file, Typed);
        var buffer = new object?[4];
        Assert.True(await source.ReadAsync(buffer, CancellationToken.None));

        var e = await Assert.ThrowsAsync<CatalogDataException>(() => source.ReadAsync(buffer, CancellationToken.None).AsTask());

        Assert.Equal(3L, e.Line);
        Assert.Contains("malformed CSV", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingSourceColumn_ThrowsNamingIt()
    {
        var file = temp.Write("h.csv", "id,value\n1,2\n");

        var e = Assert.Throws<CatalogDataException>(() => CsvCatalogRowSource.Open(file, Typed));

        Assert.Equal("val", e.Column);
        Assert.Contains("source column 'val' is not in the CSV header (id,value)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_EmptyFile_Throws()
    {
        var file = temp.Write("empty.csv", "");

        var e = Assert.Throws<CatalogDataException>(() => CsvCatalogRowSource.Open(file, Typed));

        Assert.Contains("header", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NullValueMarker_GivesNull()
    {
        var file = temp.Write("m.csv", "id,val\n-1,-999\n");
        CatalogColumn[] columns =
        [
            new("id", "id", CatalogDatatype.Int, NullValue: "-1"),
            new("val", "val", CatalogDatatype.Float, NullValue: "-999"),
        ];
        using var source = CsvCatalogRowSource.Open(file, columns);

        var rows = await ReadAll(source);

        Assert.Equal(new object?[] { null, null }, Assert.Single(rows));
    }

    [Fact]
    public async Task ReadAsync_GzipFile_GivesSameRowsAndCountsCompressedBytes()
    {
        const string text = "id,val,name,flag\n1,2.5,x,T\n2,,y,F\n";
        var plain = temp.Write("p.csv", text);
        var packed = Path.Combine(temp.Path, "p.csv.gz");
        await using (var gz = new GZipStream(File.Create(packed), CompressionLevel.SmallestSize))
        {
            await gz.WriteAsync(Encoding.UTF8.GetBytes(text));
        }
        using var a = CsvCatalogRowSource.Open(plain, Typed);
        using var b = CsvCatalogRowSource.Open(packed, Typed);

        var expected = await ReadAll(a);
        var actual = await ReadAll(b);

        Assert.Equal(expected, actual);
        Assert.Equal(new FileInfo(packed).Length, b.TotalBytes);
        Assert.Equal(b.TotalBytes, b.BytesRead);
    }

    [SkippableFact]
    public async Task ReadAsync_Tycho2FieldSubset_MatchesTheFileText()
    {
        var path = SharedData.File("catalogs", "field_subsets", "tycho2_cone_ngc1316_r1.0deg.csv");
        var descriptor = CatalogDescriptorReader.Read(Path.Combine(SharedData.RepoRoot, "demo", "catalogs", "tycho2.yaml"));
        var lines = File.ReadAllLines(path);
        using var source = CsvCatalogRowSource.Open(path, descriptor.Columns);

        var rows = await ReadAll(source);

        Assert.Equal(84, rows.Count); // README: 84 Tycho-2 stars within 1 deg of NGC 1316
        Assert.Equal("tyc,ra,dec,pmra,pmdec,bt_mag,vt_mag,hip,pos_flag", lines[0]);
        Assert.Equal("7026-1-1,50.6956328,-37.00720288,-8.4,-9.2,12.247,11.957,,M", lines[1]);
        Assert.Equal(new object?[] { "7026-1-1", 50.6956328, -37.00720288, -8.4f, -9.2f, 12.247f, 11.957f, null, "M" }, rows[0]);
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = lines[i + 1].Split(',');
            Assert.Equal(cells[0], rows[i][0]);
            Assert.Equal(double.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), rows[i][1]);
            Assert.Equal(cells[7].Length == 0, rows[i][7] is null);
        }
    }

    [SkippableFact]
    public async Task ReadAsync_OpenNgcQuotedNames_KeepsEmbeddedCommas()
    {
        var path = SharedData.File("catalogs", "field_subsets", "openngc_cone_ngc1316_r1.0deg.csv");
        var descriptor = CatalogDescriptorReader.Read(Path.Combine(SharedData.RepoRoot, "demo", "catalogs", "openngc.yaml"));
        using var source = CsvCatalogRowSource.Open(path, descriptor.Columns);

        var rows = await ReadAll(source);

        Assert.Equal(10, rows.Count); // README: 10 OpenNGC objects in the NGC 1316 cone
        var ngc1316 = Assert.Single(rows, r => (string?)r[0] == "NGC 1316");
        Assert.Equal("Fornax A, PGC 12651", ngc1316[1]);
        Assert.Equal((short)8, ngc1316[3]);
        Assert.Equal(9.15f, ngc1316[7]);
    }
}
