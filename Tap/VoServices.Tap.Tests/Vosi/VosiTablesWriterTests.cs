using System.Xml.Linq;
using VoServices.Tap.TapSchema;
using VoServices.Tap.Vosi;

namespace VoServices.Tap.Tests.Vosi;

public sealed class VosiTablesWriterTests
{
    private static readonly XNamespace Vosi = VosiNamespaces.Tables;
    private static readonly XNamespace Xsi = VosiNamespaces.XmlSchemaInstance;

    private static async Task<byte[]> TableSetBytes(TapSchemaDocument doc, TableDetail detail = TableDetail.Max)
    {
        using var stream = new MemoryStream();
        await VosiTablesWriter.WriteTableSetAsync(stream, doc, detail, CancellationToken.None);
        return stream.ToArray();
    }

    private static async Task<byte[]> TableBytes(TableDescription table)
    {
        using var stream = new MemoryStream();
        await VosiTablesWriter.WriteTableAsync(stream, table, CancellationToken.None);
        return stream.ToArray();
    }

    private static XElement Parse(byte[] xml) => XDocument.Load(new MemoryStream(xml)).Root!;

    [SkippableFact]
    public async Task WriteTableSetAsync_SampleSchema_IsValidAgainstVosiTables11Xsd()
    {
        VosiSchemaValidator.AssertValid(await TableSetBytes(SampleTapSchema.Document));
    }

    [SkippableFact]
    public async Task WriteTableSetAsync_DetailMin_IsValidAndHasNoColumnsOrKeys()
    {
        var xml = await TableSetBytes(SampleTapSchema.Document, TableDetail.Min);
        VosiSchemaValidator.AssertValid(xml);
        var root = Parse(xml);
        Assert.Equal(7, root.Descendants("table").Count());
        Assert.Empty(root.Descendants("column"));
        Assert.Empty(root.Descendants("foreignKey"));
    }

    [SkippableFact]
    public async Task WriteTableAsync_Tycho2Main_IsValidVosiTableRoot()
    {
        var xml = await TableBytes(SampleTapSchema.Tycho2Main);
        VosiSchemaValidator.AssertValid(xml);
        var root = Parse(xml);
        Assert.Equal(Vosi + "table", root.Name);
        Assert.Equal("tycho2.main", root.Element("name")!.Value);
    }

    [SkippableFact]
    public async Task WriteTableSetAsync_EmptyDocument_WritesOneDefaultSchemaAndIsValid()
    {
        var xml = await TableSetBytes(new TapSchemaDocument([], []));
        VosiSchemaValidator.AssertValid(xml);
        Assert.Equal("default", Parse(xml).Element("schema")!.Element("name")!.Value);
    }

    [Fact]
    public async Task WriteTableSetAsync_Root_IsVosiTablesetWithVsAndXsiPrefixes()
    {
        var root = Parse(await TableSetBytes(SampleTapSchema.Document));
        Assert.Equal(Vosi + "tableset", root.Name);
        Assert.Equal(VosiNamespaces.VODataService, root.GetNamespaceOfPrefix("vs")?.NamespaceName);
        Assert.Equal(new[] { "TAP_SCHEMA", "tycho2", "ivoa" },
            root.Elements("schema").Select(s => s.Element("name")!.Value));
    }

    [Fact]
    public async Task WriteTableSetAsync_Tycho2Main_ColumnsInOrderWithUnitsUcdsAndTypes()
    {
        var table = Parse(await TableSetBytes(SampleTapSchema.Document)).Descendants("table")
            .Single(t => t.Element("name")!.Value == "tycho2.main");
        Assert.Equal("table", (string?)table.Attribute("type"));
        Assert.Equal("2539913", table.Element("nrows")!.Value);
        var columns = table.Elements("column").ToList();
        Assert.Equal(["tyc", "ra", "dec", "pmra", "pmdec", "bt_mag", "vt_mag", "hip", "pos_flag"],
            columns.Select(c => c.Element("name")!.Value));
        var ra = columns[1];
        Assert.Equal("deg", ra.Element("unit")!.Value);
        Assert.Equal("pos.eq.ra;meta.main", ra.Element("ucd")!.Value);
        Assert.Equal("double", ra.Element("dataType")!.Value);
        Assert.Equal("vs:VOTableType", (string?)ra.Element("dataType")!.Attribute(Xsi + "type"));
        Assert.Null(ra.Element("dataType")!.Attribute("arraysize"));
        Assert.Equal("indexed", ra.Element("flag")!.Value);
        Assert.Equal("mas/yr", columns[3].Element("unit")!.Value);
        Assert.Null(columns[3].Element("flag"));
        Assert.Equal("*", (string?)columns[0].Element("dataType")!.Attribute("arraysize"));
    }

    [Fact]
    public async Task WriteTableSetAsync_WithoutRowCounts_OmitsNrows()
    {
        using var stream = new MemoryStream();
        await VosiTablesWriter.WriteTableSetAsync(stream, SampleTapSchema.Document, TableDetail.Max,
            includeRowCounts: false, CancellationToken.None);
        Assert.Empty(Parse(stream.ToArray()).Descendants("nrows"));
    }

    [Fact]
    public async Task WriteTableSetAsync_ObsCoreView_WritesTypeXtypeUtypeAndStd()
    {
        var table = Parse(await TableSetBytes(SampleTapSchema.Document)).Descendants("table")
            .Single(t => t.Element("name")!.Value == "ivoa.obscore");
        Assert.Equal("view", (string?)table.Attribute("type"));
        Assert.Null(table.Element("nrows"));
        var region = table.Elements("column").Single(c => c.Element("name")!.Value == "s_region");
        Assert.Equal("polygon", (string?)region.Element("dataType")!.Attribute("extendedType"));
        Assert.Equal("true", (string?)region.Attribute("std"));
        Assert.Equal("obscore:Char.SpatialAxis.Coverage.Support.Area", region.Element("utype")!.Value);
    }

    [Fact]
    public async Task WriteTableSetAsync_TapSchemaKeys_WritesEveryForeignKeyPair()
    {
        var root = Parse(await TableSetBytes(SampleTapSchema.Document));
        var keys = root.Descendants("foreignKey")
            .Select(k => $"{k.Parent!.Element("name")!.Value}.{k.Element("fkColumn")!.Element("fromColumn")!.Value}" +
                         $"->{k.Element("targetTable")!.Value}.{k.Element("fkColumn")!.Element("targetColumn")!.Value}")
            .ToList();
        Assert.Equal(
        [
            "TAP_SCHEMA.tables.schema_name->TAP_SCHEMA.schemas.schema_name",
            "TAP_SCHEMA.columns.table_name->TAP_SCHEMA.tables.table_name",
            "TAP_SCHEMA.keys.from_table->TAP_SCHEMA.tables.table_name",
            "TAP_SCHEMA.keys.target_table->TAP_SCHEMA.tables.table_name",
            "TAP_SCHEMA.key_columns.key_id->TAP_SCHEMA.keys.key_id",
        ], keys);
    }

    [Fact]
    public async Task WriteTableSetAsync_MarkupAndControlCharacters_AreEscapedOrReplaced()
    {
        var table = SampleTapSchema.Tycho2Main with { Description = "a < b & \"c\"\u0001 Høg 🌟" };
        var xml = await TableSetBytes(new TapSchemaDocument([new SchemaDescription("tycho2")], [table]));
        var description = Parse(xml).Descendants("table").Single().Element("description")!.Value;
        Assert.Equal("a < b & \"c\"\uFFFD Høg 🌟", description);
    }

    [Fact]
    public async Task WriteTableSetAsync_TableWithoutSchemaRow_IsStillPublished()
    {
        var orphan = SampleTapSchema.Tycho2Main with { SchemaName = "orphans", TableName = "orphans.t" };
        var root = Parse(await TableSetBytes(new TapSchemaDocument([new SchemaDescription("tycho2")], [orphan])));
        Assert.Equal(["tycho2", "orphans"], root.Elements("schema").Select(s => s.Element("name")!.Value));
        Assert.Equal("orphans.t", root.Elements("schema").Last().Element("table")!.Element("name")!.Value);
    }

    [Theory]
    [InlineData("varchar", null, "datatype 'varchar'")]
    [InlineData("DOUBLE PRECISION", null, "datatype 'DOUBLE PRECISION'")]
    [InlineData("char", "n*", "arraysize 'n*'")]
    [InlineData("char", "*5", "arraysize '*5'")]
    public void Validate_BadColumnType_ThrowsVosiDocumentExceptionNamingTheColumn(string datatype, string? arraysize,
        string expected)
    {
        var table = new TableDescription("s", "s.t", [new ColumnDescription("c", datatype, arraysize)]);
        var ex = Assert.Throws<VosiDocumentException>(() => VosiTablesWriter.Validate(table));
        Assert.Contains("s.t.c", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("char", "*")]
    [InlineData("char", "32*")]
    [InlineData("double", "3x2")]
    [InlineData("double", "2x*")]
    [InlineData("DOUBLE", null)]
    [InlineData("unicodeChar", "16")]
    public void Validate_VoTableTypes_DoNotThrow(string datatype, string? arraysize)
    {
        VosiTablesWriter.Validate(new TableDescription("s", "s.t", [new ColumnDescription("c", datatype, arraysize)]));
    }

    [Fact]
    public void Validate_ForeignKeyWithoutColumns_Throws()
    {
        var table = new TableDescription("s", "s.t", [new ColumnDescription("c", "int")],
            ForeignKeys: [new ForeignKeyDescription("k", "s.t", "s.u", [])]);
        var ex = Assert.Throws<VosiDocumentException>(() => VosiTablesWriter.Validate(table));
        Assert.Contains("'k'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteTableSetAsync_InvalidSchema_ThrowsBeforeWritingAnything()
    {
        var table = new TableDescription("s", "s.t", [new ColumnDescription("c", "varchar")]);
        using var stream = new MemoryStream();
        await Assert.ThrowsAsync<VosiDocumentException>(() => VosiTablesWriter.WriteTableSetAsync(stream,
            new TapSchemaDocument([new SchemaDescription("s")], [table]), TableDetail.Max, CancellationToken.None));
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public async Task WriteTableSetAsync_CancelledToken_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        using var stream = new MemoryStream();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => VosiTablesWriter.WriteTableSetAsync(stream,
            SampleTapSchema.Document, TableDetail.Max, cts.Token));
    }

    [Fact]
    public async Task WriteTableSetAsync_ManyColumns_StreamsInBoundedChunks()
    {
        // 200 tables × 250 columns ≈ 15 MB of XML must reach the stream in many small writes, not one buffer.
        var columns = Enumerable.Range(0, 250)
            .Select(i => new ColumnDescription($"c{i}", "double", Description: new string('x', 200), Unit: "deg"))
            .ToList();
        var tables = Enumerable.Range(0, 200).Select(i => new TableDescription("big", $"big.t{i}", columns)).ToList();
        var counter = new CountingStream();
        await VosiTablesWriter.WriteTableSetAsync(counter, new TapSchemaDocument([new SchemaDescription("big")], tables),
            TableDetail.Max, CancellationToken.None);
        Assert.True(counter.TotalBytes > 10_000_000, $"wrote {counter.TotalBytes} bytes");
        Assert.True(counter.Writes > 100, $"only {counter.Writes} writes");
        Assert.True(counter.LargestWrite <= 1 << 17, $"largest write {counter.LargestWrite} bytes");
    }

    private sealed class CountingStream : Stream
    {
        public long TotalBytes { get; private set; }
        public int Writes { get; private set; }
        public int LargestWrite { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => TotalBytes;
        public override long Position { get => TotalBytes; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Count(count);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Count(count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count(buffer.Length);
            return ValueTask.CompletedTask;
        }

        private void Count(int count)
        {
            TotalBytes += count;
            Writes++;
            LargestWrite = Math.Max(LargestWrite, count);
        }
    }
}
