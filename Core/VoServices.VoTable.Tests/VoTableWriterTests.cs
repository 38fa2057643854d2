using System.Text;
using System.Xml;
using VoServices.VoTable.Tests.Support;

namespace VoServices.VoTable.Tests;

public sealed class VoTableWriterTests
{
    private static readonly VoTableField[] Fields =
    [
        new("id", VoTableDataType.Long), new("ra", VoTableDataType.Double) { Unit = "deg", Ucd = "pos.eq.ra;meta.main" },
        new("name", VoTableDataType.Char) { ArraySize = "*" },
    ];

    private static (MemoryStream Stream, VoTableWriter Writer) Start(VoTableSerialization serialization, VoTableWriterOptions? options = null)
    {
        var stream = new MemoryStream();
        var writer = new VoTableWriter(stream, options);
        writer.WriteStartDocument();
        writer.WriteStartResource("results");
        writer.WriteInfo("QUERY_STATUS", "OK");
        writer.WriteStartTable(Fields, serialization);
        return (stream, writer);
    }

    private static string Text(MemoryStream stream) => Encoding.UTF8.GetString(stream.ToArray());

    private static XmlDocument Parse(string xml)
    {
        var doc = new XmlDocument();
        doc.LoadXml(xml);
        return doc;
    }

    [Fact]
    public void WriteStartDocument_Default_WritesDeclarationVersion14AndV13Namespace()
    {
        var (stream, writer) = Start(VoTableSerialization.TableData);
        writer.WriteEndDocument();
        var text = Text(stream);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">", text);
        Assert.False(stream.ToArray().AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte-order mark");
    }

    [Theory]
    [InlineData("1.3", "http://www.ivoa.net/xml/VOTable/v1.3")]
    [InlineData("1.5", "http://www.ivoa.net/xml/VOTable/v1.3")]
    [InlineData("1.2", "http://www.ivoa.net/xml/VOTable/v1.2")]
    public void WriteStartDocument_Version_UsesItsNamespace(string version, string ns)
    {
        var stream = new MemoryStream();
        using (var writer = new VoTableWriter(stream, new VoTableWriterOptions { Version = version }))
        {
            writer.WriteEndDocument();
        }
        Assert.Contains($"<VOTABLE version=\"{version}\" xmlns=\"{ns}\">", Text(stream));
    }

    [Fact]
    public void Constructor_UnknownVersion_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new VoTableWriter(new MemoryStream(), new VoTableWriterOptions { Version = "1.6" }));

    [Fact]
    public void WriteInfo_QueryStatus_IsLiteralNameThenValue()
    {
        var (stream, writer) = Start(VoTableSerialization.TableData);
        writer.WriteEndTable();
        writer.WriteInfo("QUERY_STATUS", "ERROR", "boom & <bust>");
        writer.WriteEndDocument();
        var text = Text(stream);
        Assert.Contains("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>", text);
        Assert.Contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">boom &amp; &lt;bust&gt;</INFO>", text);
    }

    [Fact]
    public void WriteInfo_AfterEndTable_GivesTrailingOverflowInResource()
    {
        var (stream, writer) = Start(VoTableSerialization.Binary2);
        writer.WriteRow([1L, 10.5, "a"]);
        writer.WriteEndTable();
        writer.WriteInfo("QUERY_STATUS", "OVERFLOW");
        writer.WriteEndResource();
        writer.WriteEndDocument();
        var doc = VoTableDocument.Load(new MemoryStream(stream.ToArray()));
        var resource = Assert.Single(doc.Resources);
        Assert.Equal([new VoTableInfo("QUERY_STATUS", "OK")], resource.Infos);
        Assert.Equal([new VoTableInfo("QUERY_STATUS", "OVERFLOW")], resource.TrailingInfos);
        Assert.Single(resource.Tables[0].Rows);
    }

    [Theory]
    [InlineData(VoTableSerialization.TableData)]
    [InlineData(VoTableSerialization.Binary)]
    [InlineData(VoTableSerialization.Binary2)]
    public void Abort_MidRow_EndsDataAndWritesTrailingErrorInWellFormedDocument(VoTableSerialization serialization)
    {
        var (stream, writer) = Start(serialization);
        for (var i = 0; i < 1000; i++)
        {
            writer.WriteRow([(long)i, i * 0.5, "row " + i]);
        }
        writer.WriteStartRow();
        writer.WriteCell(1000L); // half a row: must not reach the output
        writer.Abort("database connection lost");
        var text = Text(stream);
        Parse(text); // well-formed
        Assert.Single(text.Split("<?xml").Skip(1));
        Assert.Contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">database connection lost</INFO>", text);
        var doc = VoTableDocument.Load(new MemoryStream(stream.ToArray()), new VoTableReaderOptions { Strict = true });
        var resource = Assert.Single(doc.Resources);
        Assert.Equal(1000, resource.Tables[0].Rows.Count);
        Assert.Equal(999L, resource.Tables[0].Rows[^1][0]);
        Assert.Equal("ERROR", Assert.Single(resource.TrailingInfos).Value);
    }

    [Fact]
    public void Abort_FreshWriter_WritesDaliErrorDocument()
    {
        var stream = new MemoryStream();
        new VoTableWriter(stream).Abort("syntax error at line 1");
        var doc = VoTableDocument.Load(new MemoryStream(stream.ToArray()));
        var resource = Assert.Single(doc.Resources);
        Assert.Equal("results", resource.Header.Type);
        Assert.Equal(new VoTableInfo("QUERY_STATUS", "ERROR", "syntax error at line 1"), Assert.Single(resource.Infos));
    }

    [Fact]
    public void Abort_AfterParam_ClosesResourceAndWritesInfoAfterIt()
    {
        var stream = new MemoryStream();
        var writer = new VoTableWriter(stream);
        writer.WriteStartDocument();
        writer.WriteStartResource();
        writer.WriteParam(new VoTableParam(new VoTableField("p", VoTableDataType.Int), "1"));
        writer.Abort("late failure");
        var doc = VoTableDocument.Load(new MemoryStream(stream.ToArray()));
        Assert.Equal("ERROR", Assert.Single(doc.TrailingInfos).Value);
    }

    [Fact]
    public void WriteInfo_AfterParamInResource_ThrowsInvalidOperation()
    {
        var writer = new VoTableWriter(new MemoryStream());
        writer.WriteStartDocument();
        writer.WriteStartResource();
        writer.WriteParam(new VoTableParam(new VoTableField("p", VoTableDataType.Int), "1"));
        Assert.Throws<InvalidOperationException>(() => writer.WriteInfo("x", "y"));
    }

    [Fact]
    public void WriteStartTable_OutsideResource_ThrowsInvalidOperation()
    {
        var writer = new VoTableWriter(new MemoryStream());
        writer.WriteStartDocument();
        Assert.Throws<InvalidOperationException>(() => writer.WriteStartTable(Fields, VoTableSerialization.TableData));
    }

    [Fact]
    public void WriteRow_WithoutTable_ThrowsInvalidOperation()
    {
        var writer = new VoTableWriter(new MemoryStream());
        writer.WriteStartDocument();
        Assert.Throws<InvalidOperationException>(() => writer.WriteRow([1L, 2.0, "x"]));
    }

    [Fact]
    public void WriteStartTable_Binary2InVersion12_ThrowsNotSupported()
    {
        var writer = new VoTableWriter(new MemoryStream(), new VoTableWriterOptions { Version = "1.2" });
        writer.WriteStartDocument();
        writer.WriteStartResource();
        Assert.Throws<NotSupportedException>(() => writer.WriteStartTable(Fields, VoTableSerialization.Binary2));
    }

    [Fact]
    public void WriteStartTable_MalformedArraySizeOrNullValue_ThrowsValueException()
    {
        var writer = new VoTableWriter(new MemoryStream());
        writer.WriteStartDocument();
        writer.WriteStartResource();
        Assert.Throws<VoTableValueException>(() => writer.WriteStartTable(
            [new VoTableField("a", VoTableDataType.Int) { ArraySize = "x*3" }], VoTableSerialization.TableData));
        Assert.Throws<VoTableValueException>(() => writer.WriteStartTable(
            [new VoTableField("a", VoTableDataType.Short) { NullValue = "99999" }], VoTableSerialization.TableData));
    }

    [Theory]
    [InlineData("int", "not a number")]
    [InlineData("int", 3000000000L)]
    [InlineData("int", 2.5)]
    [InlineData("ubyte", -1)]
    [InlineData("fixed", "too long for eight")]
    [InlineData("bounded", "eleven char")]
    public void WriteRow_BadValue_ThrowsValueExceptionAndKeepsWriterUsable(string column, object value)
    {
        VoTableField[] fields =
        [
            new("int", VoTableDataType.Int), new("ubyte", VoTableDataType.UnsignedByte),
            new("fixed", VoTableDataType.Char) { ArraySize = "8" }, new("bounded", VoTableDataType.Char) { ArraySize = "10*" },
        ];
        var row = new object?[] { 1, (byte)1, "ok", "ok" };
        row[Array.FindIndex(fields, f => f.Name == column)] = value;
        var stream = new MemoryStream();
        var writer = new VoTableWriter(stream);
        writer.WriteStartDocument();
        writer.WriteStartResource();
        writer.WriteStartTable(fields, VoTableSerialization.TableData);
        var e = Assert.Throws<VoTableValueException>(() => writer.WriteRow(row));
        Assert.Contains($"'{column}'", e.Message);
        writer.WriteRow([2, (byte)2, "fine", "fine"]);
        writer.WriteEndDocument();
        var (_, rows) = VoTableFiles.ReadFirstTable(stream.ToArray());
        Assert.Equal(2, Assert.Single(rows)[0]);
    }

    [Fact]
    public void WriteRow_WrongArrayLength_ThrowsValueException()
    {
        VoTableField[] fields = [new("v", VoTableDataType.Double) { ArraySize = "3" }, new("w", VoTableDataType.Int) { ArraySize = "2x*" }];
        var (_, writer) = (new MemoryStream(), new VoTableWriter(new MemoryStream()));
        writer.WriteStartDocument();
        writer.WriteStartResource();
        writer.WriteStartTable(fields, VoTableSerialization.Binary2);
        Assert.Throws<VoTableValueException>(() => writer.WriteRow([new[] { 1.0, 2.0 }, new[] { 1, 2 }]));
        Assert.Throws<VoTableValueException>(() => writer.WriteRow([new[] { 1.0, 2.0, 3.0 }, new[] { 1, 2, 3 }]));
        writer.WriteRow([new[] { 1.0, 2.0, 3.0 }, new[] { 1, 2, 3, 4 }]);
        Assert.Equal(1, writer.RowCount);
    }

    [Theory]
    [InlineData(VoTableSerialization.TableData)]
    [InlineData(VoTableSerialization.Binary2)]
    public void WriteCell_NonAsciiInChar_ThrowsByDefault(VoTableSerialization serialization)
    {
        var (_, writer) = Start(serialization);
        var e = Assert.Throws<VoTableValueException>(() => writer.WriteRow([1L, 1.0, "Grüße"]));
        Assert.Contains("unicodeChar", e.Message);
    }

    [Theory]
    [InlineData(VoTableSerialization.TableData)]
    [InlineData(VoTableSerialization.Binary2)]
    public void WriteCell_NonAsciiInCharWithReplace_WritesQuestionMarks(VoTableSerialization serialization)
    {
        var (stream, writer) = Start(serialization, new VoTableWriterOptions { ReplaceUnrepresentableCharacters = true });
        writer.WriteRow([1L, 1.0, "Grüße 😀"]);
        writer.WriteEndDocument();
        var (_, rows) = VoTableFiles.ReadFirstTable(stream.ToArray());
        Assert.Equal("Gr??e ?", rows[0][2]);
    }

    [Fact]
    public void WriteCell_ControlCharacterInTableData_ThrowsValueException()
    {
        var (_, writer) = Start(VoTableSerialization.TableData);
        Assert.Throws<VoTableValueException>(() => writer.WriteRow([1L, 1.0, "bell\u0007"]));
    }

    [Theory]
    [InlineData(2024, 3, 5, 12, 30, 15, 0, DateTimeKind.Unspecified, "2024-03-05T12:30:15")]
    [InlineData(2024, 3, 5, 12, 30, 15, 250, DateTimeKind.Utc, "2024-03-05T12:30:15.25Z")]
    [InlineData(1999, 12, 31, 0, 0, 0, 1, DateTimeKind.Local, "1999-12-31T00:00:00.001")]
    public void WriteCell_DateTime_FormatsDaliTimestamp(int y, int mo, int d, int h, int mi, int s, int ms, DateTimeKind kind, string expected)
    {
        VoTableField[] fields = [new("t", VoTableDataType.Char) { ArraySize = "*", XType = "timestamp" }];
        var bytes = VoTableFiles.Write(fields, [[new DateTime(y, mo, d, h, mi, s, ms, kind)]], VoTableSerialization.TableData);
        Assert.Equal(expected, VoTableFiles.ReadFirstTable(bytes).Rows[0][0]);
    }

    [Fact]
    public void WriteCell_TypedOverloads_EqualBoxedPath()
    {
        VoTableField[] fields =
        [
            new("d", VoTableDataType.Double), new("f", VoTableDataType.Float), new("l", VoTableDataType.Long),
            new("i", VoTableDataType.Int), new("s", VoTableDataType.Short), new("b", VoTableDataType.Boolean),
            new("c", VoTableDataType.Char) { ArraySize = "*" },
        ];
        foreach (var serialization in new[] { VoTableSerialization.TableData, VoTableSerialization.Binary2 })
        {
            var typed = new MemoryStream();
            using (var writer = new VoTableWriter(typed))
            {
                writer.WriteStartDocument();
                writer.WriteStartResource();
                writer.WriteStartTable(fields, serialization);
                writer.WriteStartRow();
                writer.WriteCell(0.1);
                writer.WriteCell(0.1f);
                writer.WriteCell(long.MinValue);
                writer.WriteCell(-5);
                writer.WriteCell(7);
                writer.WriteCell(true);
                writer.WriteCell("x");
                writer.WriteEndRow();
                writer.WriteEndDocument();
            }
            var boxed = VoTableFiles.Write(fields, [[0.1, 0.1f, long.MinValue, -5, (short)7, true, "x"]], serialization);
            Assert.Equal(Encoding.UTF8.GetString(boxed).Replace("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>", "").Replace("\n  \n", "\n"),
                Encoding.UTF8.GetString(typed.ToArray()).Replace("\n  \n", "\n"));
        }
    }

    [Fact]
    public void WriteEndRow_TooFewCells_ThrowsValueException()
    {
        var (_, writer) = Start(VoTableSerialization.Binary2);
        writer.WriteStartRow();
        writer.WriteCell(1L);
        Assert.Throws<VoTableValueException>(writer.WriteEndRow);
        writer.WriteRow([2L, 2.0, "ok"]);
        Assert.Equal(1, writer.RowCount);
    }

    [Fact]
    public void WriteEndDocument_NoResource_AddsEmptyResource()
    {
        var stream = new MemoryStream();
        new VoTableWriter(stream).WriteEndDocument();
        var doc = Parse(Text(stream));
        Assert.Equal("RESOURCE", doc.DocumentElement!.FirstChild!.LocalName);
    }

    /// <summary>A stream that, like an ASP.NET Core response body, refuses synchronous writes.</summary>
    private sealed class AsyncOnlyStream : Stream
    {
        private readonly MemoryStream _inner = new();

        public byte[] ToArray() => _inner.ToArray();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _inner.Length;

        public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("synchronous I/O");

        public override void Flush() => throw new InvalidOperationException("synchronous I/O");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _inner.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    [Fact]
    public async Task WriteRowAsync_AutoFlushOff_NeverWritesSynchronously()
    {
        var stream = new AsyncOnlyStream();
        await using var writer = new VoTableWriter(stream, new VoTableWriterOptions { AutoFlush = false, FlushThreshold = 4096 });
        writer.WriteStartDocument();
        writer.WriteStartResource();
        writer.WriteStartTable(Fields, VoTableSerialization.Binary2);
        for (var i = 0; i < 20_000; i++)
        {
            await writer.WriteRowAsync(new object?[] { (long)i, 1.0, "name" }, CancellationToken.None);
            Assert.True(writer.BytesPending < 64 * 1024, "pending output stays bounded when the async row API is used");
        }
        writer.WriteEndTable();
        await writer.WriteEndDocumentAsync(CancellationToken.None);
        var (_, rows) = VoTableFiles.ReadFirstTable(stream.ToArray());
        Assert.Equal(20_000, rows.Count);
    }

    [Fact]
    public async Task FlushAsync_Canceled_ThrowsOperationCanceled()
    {
        var (_, writer) = Start(VoTableSerialization.TableData);
        writer.WriteRow([1L, 1.0, "x"]);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.FlushAsync(cts.Token));
    }
}
