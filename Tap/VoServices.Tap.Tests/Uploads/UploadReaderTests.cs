using System.Text;
using VoServices.Dali;
using VoServices.Tap.Results;
using VoServices.Tap.Tests.Results;
using VoServices.Tap.Uploads;
using VoServices.VoTable;

namespace VoServices.Tap.Tests.Uploads;

public sealed class UploadReaderTests
{
    public static TheoryData<VoTableSerialization> Serializations =>
        [VoTableSerialization.TableData, VoTableSerialization.Binary, VoTableSerialization.Binary2];

    [SkippableTheory]
    [MemberData(nameof(Serializations))]
    public async Task ReadAsync_Tycho100Inline_GivesTheCsvValues(VoTableSerialization serialization)
    {
        var document = await Tycho100.VoTableAsync(serialization);
        using var reader = new UploadReader();

        var (table, rows) = await Uploaded.ReadAllAsync(reader, Uploaded.Inline("stars", "file1"), new PartSource("file1", document));

        Assert.Equal("TAP_UPLOAD.stars", table.AdqlName);
        Assert.Equal(serialization, table.Serialization);
        Assert.Equal(Tycho100.Columns, table.Columns);
        Assert.Equal(Tycho100.Columns.Select(c => c.Name), table.UploadedColumns.Select(c => c.StorageName));
        Assert.Equal(100, table.RowsRead);
        Assert.Equal(document.Length, table.BytesRead);
        CellNormalizer.AssertRows(Tycho100.Rows().Select(CellNormalizer.Row), rows.Select(CellNormalizer.Row));
        Assert.Equal("8248-482-1", rows[0][0]);
        Assert.Equal(202.18666314, rows[0][1]);
        Assert.Equal(12.165f, rows[0][5]);
    }

    [Theory]
    [MemberData(nameof(Serializations))]
    public async Task ReadAsync_DaliXtypes_RoundTripFromOurResultWriter(VoTableSerialization serialization)
    {
        ResultColumn[] columns =
        [
            new("t", "char") { ArraySize = "*", XType = "timestamp" },
            new("pos", "double") { ArraySize = "2", XType = "point" },
            new("circ", "double") { ArraySize = "3", XType = "circle" },
            new("poly", "double") { ArraySize = "*", XType = "polygon" },
            new("iv", "double") { ArraySize = "2", XType = "interval" },
        ];
        object?[][] values =
        [
            [AllTypes.Time1, new[] { 201.69, -47.48 }, new[] { 201.69, -47.48, 0.5 }, new[] { 10.0, 20.0, 11.0, 20.0, 11.0, 21.0 }, new[] { double.NegativeInfinity, 2.5 }],
            [null, null, null, null, null],
            [AllTypes.Time3, new[] { 0.0, -90.0 }, new[] { 359.5, 89.5, 180.0 }, new[] { 0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0 }, new[] { 1.0, 1.0 }],
        ];
        var (document, _) = await Write.ToBytesAsync(new VoTableResultWriter(serialization), new InMemoryResultRowReader(columns, values));
        using var reader = new UploadReader();

        var (table, rows) = await Uploaded.ReadAllAsync(reader, Uploaded.Inline("shapes"), new PartSource("t", document));

        Assert.Equal(columns, table.Columns);
        Assert.Equal(values.Length, rows.Count);
        for (var r = 0; r < values.Length; r++)
        {
            Assert.Equal(values[r], rows[r]);
        }
        Assert.Equal(DateTimeKind.Utc, ((DateTime)rows[0][0]!).Kind);
    }

    [Fact]
    public async Task ReadAsync_DelimitedAndCaseOnlyDifferentNames_AllSurvive()
    {
        var document = Uploaded.Document(
            "<FIELD name='2mass id' datatype='char' arraysize='*'/><FIELD name='u' datatype='float'/><FIELD name='U' datatype='float'/>" +
            "<FIELD name='size' datatype='int'/><FIELD name='ra' datatype='double'/>",
            "<TR><TD>J1234+5678</TD><TD>1.5</TD><TD>2.5</TD><TD>3</TD><TD>10.25</TD></TR>");
        using var reader = new UploadReader();

        var (table, rows) = await Uploaded.ReadAllAsync(reader, Uploaded.Inline("names"), new PartSource("t", document));

        Assert.Equal(["2mass id", "u", "U", "size", "ra"], table.Columns.Select(c => c.Name));
        Assert.Equal(["c_2mass_id", "u", "u_2", "size_", "ra"], table.UploadedColumns.Select(c => c.StorageName));
        Assert.Equal([true, false, false, true, false], table.UploadedColumns.Select(c => c.RequiresDelimiting));
        Assert.Equal("\"2mass id\"", table.UploadedColumns[0].DelimitedName);
        Assert.Equal([new object?[] { "J1234+5678", 1.5f, 2.5f, 3, 10.25 }], rows);
    }

    [Fact]
    public async Task ReadAsync_MissingPart_ThrowsUsageErrorNamingUpload()
    {
        using var reader = new UploadReader();

        var e = await Assert.ThrowsAsync<DaliParameterException>(() =>
            Uploaded.ReadAllAsync(reader, Uploaded.Inline("mine", "file9"), new PartSource("file1", [1, 2, 3])));

        Assert.Equal(DaliErrorKind.UsageError, e.Kind);
        Assert.Equal("UPLOAD", e.ParameterName);
        Assert.StartsWith("UPLOAD 'mine': the request has no multipart part named 'file9'", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DaliParameterException>(() => Uploaded.ReadAllAsync(reader, Uploaded.Inline("mine"), null));
    }

    [Theory]
    [InlineData("<html><body>Not Found</body></html>", "not a valid VOTable: not a VOTable document: the root element is <html>")]
    [InlineData("<VOTABLE><RESOURCE><TABLE><FIELD name='a' datatype='int'/><DATA><TABLEDATA><TR><TD>1</TD>", "not a valid VOTable: malformed XML")]
    [InlineData("not xml at all", "not a valid VOTable: malformed XML")]
    [InlineData("<VOTABLE version='1.4'><RESOURCE/></VOTABLE>", "the VOTable has no TABLE")]
    [InlineData("<VOTABLE><RESOURCE><TABLE><FIELD name='a' datatype='float'/><DATA><FITS><STREAM href='x.fits'/></FITS></DATA></TABLE></RESOURCE></VOTABLE>", "FITS serialization inside a VOTable is not supported")]
    [InlineData("<VOTABLE><RESOURCE><TABLE><FIELD name='t' datatype='char' arraysize='*' xtype='timestamp'/><DATA><TABLEDATA><TR><TD>yesterday</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>", "row 1, column 't': Invalid DALI timestamp 'yesterday'")]
    [InlineData("<VOTABLE><RESOURCE><TABLE><FIELD name='p' datatype='double' arraysize='*' xtype='polygon'/><DATA><TABLEDATA><TR><TD>1 2 3 4</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>", "row 1, column 'p': a DALI polygon cannot have 4 values")]
    public async Task ReadAsync_BadContent_ThrowsUsageErrorNamingUpload(string content, string expected)
    {
        using var reader = new UploadReader();

        var e = await Assert.ThrowsAsync<DaliParameterException>(() =>
            Uploaded.ReadAllAsync(reader, Uploaded.Inline("bad"), new PartSource("t", Encoding.UTF8.GetBytes(content))));

        Assert.Equal(DaliErrorKind.UsageError, e.Kind);
        Assert.Contains("UPLOAD 'bad': " + expected, e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ReadAsync_UploadOverByteLimit_ThrowsTooLarge()
    {
        var document = await Tycho100.VoTableAsync(VoTableSerialization.TableData);
        using var reader = new UploadReader(new UploadOptions { MaxBytesPerUpload = 4096 });

        var e = await Assert.ThrowsAsync<DaliException>(() =>
            Uploaded.ReadAllAsync(reader, Uploaded.Inline("big"), new PartSource("t", document)));

        Assert.Equal(DaliErrorKind.TooLarge, e.Kind);
        Assert.Equal(413, e.HttpStatus);
        Assert.Equal("UPLOAD 'big': the table is larger than the limit of 4,096 bytes per upload", e.Message);
    }

    [SkippableFact]
    public async Task ReadAsync_UploadsOverTotalByteLimit_ThrowsTooLargeOnTheSecond()
    {
        var document = await Tycho100.VoTableAsync(VoTableSerialization.Binary2);
        using var reader = new UploadReader(new UploadOptions { MaxTotalBytes = (document.Length * 3) / 2 });
        var parts = new PartSource(new Dictionary<string, byte[]> { ["a"] = document, ["b"] = document });
        var tables = new List<string>();

        var e = await Assert.ThrowsAsync<DaliException>(async () =>
        {
            await foreach (var table in reader.ReadAsync(DaliUpload.ParseAll(["one,param:a", "two,param:b"]), parts, CancellationToken.None))
            {
                using (table)
                {
                    tables.Add(table.Name);
                    await Uploaded.RowsAsync(table);
                }
            }
        });

        Assert.Equal(["one", "two"], tables);
        Assert.Equal(DaliErrorKind.TooLarge, e.Kind);
        Assert.StartsWith("UPLOAD 'two': the table takes the uploads of this request over their limit of ", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ReadAsync_MoreRowsThanLimit_ThrowsTooLargeWhileReading()
    {
        var document = await Tycho100.VoTableAsync(VoTableSerialization.Binary2);
        using var reader = new UploadReader(new UploadOptions { MaxRows = 99 });

        var e = await Assert.ThrowsAsync<DaliException>(() => Uploaded.ReadAllAsync(reader, Uploaded.Inline("stars"), new PartSource("t", document)));

        Assert.Equal(DaliErrorKind.TooLarge, e.Kind);
        Assert.Equal("UPLOAD 'stars': the table has more than the limit of 99 rows", e.Message);
    }

    [Fact]
    public async Task ReadAsync_MoreTablesThanLimit_ThrowsTooLargeBeforeOpeningAny()
    {
        using var reader = new UploadReader(new UploadOptions { MaxTables = 2 });
        var uploads = DaliUpload.ParseAll(["a,param:a;b,param:b;c,param:c"]);

        var e = await Assert.ThrowsAsync<DaliException>(async () =>
        {
            await foreach (var table in reader.ReadAsync(uploads, null, CancellationToken.None))
            {
                table.Dispose();
            }
        });

        Assert.Equal(DaliErrorKind.TooLarge, e.Kind);
        Assert.Equal("UPLOAD: 3 tables given; at most 2 are allowed per request", e.Message);
    }

    [Fact]
    public async Task ReadAsync_EmptyTable_HasColumnsAndNoRows()
    {
        var document = Uploaded.Document("<FIELD name='a' datatype='int'/>", "");
        using var reader = new UploadReader();

        var (table, rows) = await Uploaded.ReadAllAsync(reader, Uploaded.Inline("empty"), new PartSource("t", document));

        Assert.Single(table.Columns);
        Assert.Empty(rows);
    }
}
