using System.Text;
using VoServices.Testing;
using VoServices.VoTable.Tests.Support;

namespace VoServices.VoTable.Tests;

public sealed class VoTableReaderTests
{
    private static VoTableReader Reader(string xml, bool strict = false) =>
        new(new MemoryStream(Encoding.UTF8.GetBytes(xml)), new VoTableReaderOptions { Strict = strict });

    private static string Doc(string ns, string version, string body) =>
        $"<?xml version=\"1.0\"?><VOTABLE {(version.Length > 0 ? $"version=\"{version}\"" : "")} {(ns.Length > 0 ? $"xmlns=\"{ns}\"" : "")}>{body}</VOTABLE>";

    private const string SmallTable =
        "<RESOURCE><TABLE><FIELD name=\"a\" datatype=\"int\"/><FIELD name=\"s\" datatype=\"char\" arraysize=\"*\"/>" +
        "<DATA><TABLEDATA><TR><TD>1</TD><TD>x</TD></TR><TR><TD/><TD>y &amp; z</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE>";

    [Theory]
    [InlineData("", "1.0")]
    [InlineData("http://www.ivoa.net/xml/VOTable/v1.1", "1.1")]
    [InlineData("http://www.ivoa.net/xml/VOTable/v1.2", "1.2")]
    [InlineData("http://www.ivoa.net/xml/VOTable/v1.3", "1.3")]
    [InlineData("http://www.ivoa.net/xml/VOTable/v1.3", "1.4")]
    [InlineData("http://www.ivoa.net/xml/VOTable/v1.3", "1.5")]
    [InlineData("", "")]
    public void ReadRow_AnyVersionAndNamespace_ReadsRows(string ns, string version)
    {
        using var reader = Reader(Doc(ns, version, SmallTable));
        Assert.True(reader.MoveToNextTable());
        Assert.Equal(version.Length == 0 ? null : version, reader.Version);
        var rows = reader.ReadRows().ToList();
        Assert.Equal([1, "x"], rows[0]);
        Assert.Equal([null, "y & z"], rows[1]);
        Assert.False(reader.MoveToNextTable());
    }

    [Fact]
    public void Read_Tokens_FollowDocumentStructure()
    {
        const string xml = "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><DESCRIPTION> d </DESCRIPTION>" +
            "<RESOURCE type=\"results\"><INFO name=\"QUERY_STATUS\" value=\"OK\"/><COOSYS ID=\"c\" system=\"ICRS\"/>" +
            "<PARAM name=\"p\" datatype=\"double\" value=\"1.5\"/><TABLE><FIELD name=\"a\" datatype=\"int\"/><DATA><TABLEDATA>" +
            "<TR><TD>1</TD></TR></TABLEDATA></DATA></TABLE><INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/></RESOURCE></VOTABLE>";
        using var reader = Reader(xml);
        var tokens = new List<string>();
        while (reader.Read())
        {
            tokens.Add(reader.NodeType switch
            {
                VoTableNodeType.Info => $"Info:{reader.Info!.Value}",
                VoTableNodeType.Description => $"Description:{reader.Description}",
                VoTableNodeType.Param => $"Param:{reader.Param!.Field.Name}={reader.Param.Value}",
                VoTableNodeType.CooSys => $"CooSys:{reader.CooSys!.System}",
                VoTableNodeType.StartResource => $"StartResource:{reader.Resource!.Type}",
                _ => reader.NodeType.ToString(),
            });
        }
        Assert.Equal(
            ["StartDocument", "Description:d", "StartResource:results", "Info:OK", "CooSys:ICRS", "Param:p=1.5", "StartTable",
             "EndTable", "Info:OVERFLOW", "EndResource", "EndDocument"], tokens);
    }

    [Fact]
    public void Read_NotVoTable_ThrowsFormatException()
    {
        var e = Assert.Throws<VoTableFormatException>(() => Reader("<capabilities/>").Read());
        Assert.Contains("<capabilities>", e.Message);
        Assert.Throws<VoTableFormatException>(() => Reader("this is not xml").Read());
    }

    [Fact]
    public void ReadRow_FitsSerialization_ThrowsNotSupported()
    {
        var xml = Doc("", "1.3", "<RESOURCE><TABLE><FIELD name=\"a\" datatype=\"int\"/><DATA><FITS extnum=\"1\">" +
            "<STREAM href=\"http://example.org/t.fits\"/></FITS></DATA></TABLE><INFO name=\"after\" value=\"1\"/></RESOURCE>");
        using var reader = Reader(xml);
        Assert.True(reader.MoveToNextTable());
        Assert.Equal(VoTableSerialization.Fits, reader.Serialization);
        var e = Assert.Throws<VoTableFormatException>(() => reader.ReadRow(new object?[1]));
        Assert.Contains("FITS serialization not supported", e.Message);
        // Read() skips the unsupported data and goes on.
        Assert.True(reader.Read());
        Assert.Equal(VoTableNodeType.EndTable, reader.NodeType);
        Assert.True(reader.Read());
        Assert.Equal("after", reader.Info!.Name);
        Assert.Throws<VoTableFormatException>(() => VoTableDocument.Load(new MemoryStream(Encoding.UTF8.GetBytes(xml))));
    }

    [Theory]
    [InlineData("<STREAM href=\"http://example.org/data.bin\"/>", "external STREAM")]
    [InlineData("<STREAM encoding=\"gzip\">H4sI</STREAM>", "encoding 'gzip'")]
    public void ReadRow_UnsupportedStream_ThrowsWithReason(string stream, string message)
    {
        using var reader = Reader(Doc("", "1.3", $"<RESOURCE><TABLE><FIELD name=\"a\" datatype=\"int\"/><DATA><BINARY>{stream}</BINARY></DATA></TABLE></RESOURCE>"));
        Assert.True(reader.MoveToNextTable());
        var e = Assert.Throws<VoTableFormatException>(() => reader.ReadRow(new object?[1]));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void ReadRow_TruncatedBinaryStream_ThrowsFormatException()
    {
        var stream = Convert.ToBase64String([0, 0, 0, 1, 0, 0]); // one int, then half of another
        using var reader = Reader(Doc("", "1.3", $"<RESOURCE><TABLE><FIELD name=\"a\" datatype=\"int\"/><DATA><BINARY><STREAM encoding=\"base64\">{stream}</STREAM></BINARY></DATA></TABLE></RESOURCE>"));
        Assert.True(reader.MoveToNextTable());
        Assert.True(reader.ReadRow(new object?[1]));
        var e = Assert.Throws<VoTableFormatException>(() => reader.ReadRow(new object?[1]));
        Assert.Contains("ends in the middle of a row", e.Message);
    }

    [Fact]
    public void ReadRow_BadCellLenient_GivesNullAndDiagnostic()
    {
        var xml = Doc("", "1.3", "<RESOURCE><TABLE><FIELD name=\"b\" datatype=\"unsignedByte\"/><FIELD name=\"s\" datatype=\"char\" arraysize=\"3\"/>" +
            "<DATA><TABLEDATA><TR><TD>256</TD><TD>abcdef</TD></TR><TR><TD>0xff</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE>");
        using var reader = Reader(xml);
        Assert.True(reader.MoveToNextTable());
        var rows = reader.ReadRows().ToList();
        Assert.Equal([null, "abc"], rows[0]);
        Assert.Equal([(byte)255, null], rows[1]);
        Assert.Equal([VoTableDiagnosticCodes.InvalidValue, VoTableDiagnosticCodes.Truncated, VoTableDiagnosticCodes.WrongCellCount],
            reader.Diagnostics.Select(d => d.Code));
        Assert.All(reader.Diagnostics, d => Assert.True(d.LineNumber > 0));
        using var strict = Reader(xml, strict: true);
        Assert.True(strict.MoveToNextTable());
        var e = Assert.Throws<VoTableFormatException>(() => strict.ReadRow(new object?[2]));
        Assert.Contains("'256'", e.Message);
    }

    [Fact]
    public void ReadRow_TooManyProblems_KeepsDiagnosticsBounded()
    {
        var rows = string.Concat(Enumerable.Repeat("<TR><TD>x</TD></TR>", 500));
        var xml = Doc("", "1.3", $"<RESOURCE><TABLE><FIELD name=\"a\" datatype=\"int\"/><DATA><TABLEDATA>{rows}</TABLEDATA></DATA></TABLE></RESOURCE>");
        using var reader = new VoTableReader(new MemoryStream(Encoding.UTF8.GetBytes(xml)), new VoTableReaderOptions { MaxDiagnostics = 10 });
        Assert.True(reader.MoveToNextTable());
        Assert.Equal(500, reader.ReadRows().Count());
        Assert.Equal(11, reader.Diagnostics.Count);
        Assert.Equal(VoTableDiagnosticCodes.TooManyDiagnostics, reader.Diagnostics[^1].Code);
    }

    [SkippableFact]
    public void Load_AstropyRegression_DecodesTheTortureCases()
    {
        var document = VoTableDocument.Load(SharedData.File("vo", "astropy", "regression.xml"));
        var tables = document.Tables.ToList();
        Assert.Equal(3, tables.Count);
        var main = tables[0];
        int Col(string name) => main.Fields.ToList().FindIndex(f => f.Name == name);
        Assert.Equal("String & test", main.Rows[0][Col("string test")]);
        Assert.Equal("String &amp; test", main.Rows[1][Col("string test")]); // CDATA is literal
        Assert.Equal("Fixed stri", main.Rows[0][Col("fixed string test")]); // arraysize 10: truncated
        Assert.Equal(VoTableDataType.UnicodeChar, main.Fields[Col("unicode test")].Datatype); // unicodeString alias
        Assert.Equal((byte)255, main.Rows[3][Col("unsignedByte")]); // 0xff
        Assert.Equal((short)-1, main.Rows[3][Col("short")]); // 0xffff in a 16-bit column
        Assert.Null(main.Rows[1][Col("long")]); // empty TD
        Assert.Equal(0, main.Rows[0][Col("nulls")]);
        Assert.Null(main.Rows[1][Col("nulls")]); // -9 is the VALUES null= magic value
        Assert.Equal(2, main.Rows[2][Col("nulls")]);
        Assert.Equal(1.0f, main.Rows[0][Col("float")]); // TD encoding="base64" P4AAAA==
        Assert.Equal(new[] { -9, 0, -9, 1 }, main.Rows[2][Col("nulls_array")]); // array elements stay raw
        Assert.Equal(new[] { true, false, true, true, false, true }, main.Rows[0][Col("bitarray")]);
        Assert.Equal(new bool?[] { true, true, null, true }, main.Rows[2][Col("booleanArray")]);
        Assert.Equal(double.PositiveInfinity, main.Rows[2][Col("double")]); // 1.0E309 overflows
        Assert.Equal("123456789", main.Fields[Col("long")].NullValue); // VALUES ref="int_nulls"
        Assert.Equal(main.Fields, tables[1].Fields); // TABLE ref="main_table" shares the FIELDs
        Assert.Empty(tables[2].Rows);
        Assert.Contains(document.Diagnostics, d => d.Code == VoTableDiagnosticCodes.InvalidNullValue); // short null -32769
    }

    [SkippableFact]
    public void MoveToNextTable_VizierWith360Tables_VisitsEveryTable()
    {
        using var stream = File.OpenRead(SharedData.File("vo", "astroquery", "vizier", "tests", "data", "viz.xml"));
        using var reader = new VoTableReader(stream);
        var tables = 0;
        var rows = 0;
        var buffer = new object?[256];
        while (reader.MoveToNextTable())
        {
            tables++;
            if (tables % 2 == 0)
            {
                continue; // skipping rows must work too
            }
            while (reader.ReadRow(buffer))
            {
                rows++;
            }
        }
        Assert.Equal(360, tables);
        Assert.True(rows > 0);
    }

    [SkippableFact]
    public void ReadRow_GaiaBinary2_DecodesNullsAndLongs()
    {
        var table = VoTableDocument.Load(SharedData.File("vo", "astropy", "binary2_masked_strings.xml")).Tables.Single();
        Assert.Equal(VoTableSerialization.Binary2, table.Serialization);
        Assert.Equal(5966029325870896512L, table.Rows[0][0]);
        Assert.All(table.Rows, r => Assert.Null(r[3])); // a_g_val flagged null in every row
        Assert.All(table.Rows, r => Assert.Null(r[5])); // epoch_photometry_url flagged null
        Assert.StartsWith("http://geadata.esac.esa.int/", (string)table.Rows[2][4]!);
    }

    [Fact]
    public void ReadRow_TableDataWithComments_IgnoresThem()
    {
        using var reader = Reader(Doc("", "1.3", "<RESOURCE><TABLE><FIELD name=\"a\" datatype=\"double\" arraysize=\"*\"/><DATA><TABLEDATA>" +
            "<TR><!-- c --><TD>1 2,3 <!-- inner --> NaN +Inf -Inf</TD><!-- after --></TR></TABLEDATA></DATA></TABLE></RESOURCE>"));
        Assert.True(reader.MoveToNextTable());
        var row = reader.ReadRows().Single();
        Assert.Equal(new[] { 1.0, 2, 3, double.NaN, double.PositiveInfinity, double.NegativeInfinity }, (double[])row[0]!);
    }

    [Fact]
    public void ReadRow_ValuesArrayTooShort_ThrowsArgumentException()
    {
        using var reader = Reader(Doc("", "1.3", SmallTable));
        Assert.True(reader.MoveToNextTable());
        Assert.Throws<ArgumentException>(() => reader.ReadRow(new object?[1]));
    }

    [Fact]
    public void ReadRow_NotOnTable_ThrowsInvalidOperation()
    {
        using var reader = Reader(Doc("", "1.3", SmallTable));
        Assert.Throws<InvalidOperationException>(() => reader.ReadRow(new object?[2]));
    }

    [Fact]
    public void Load_GzipFile_IsDecompressed()
    {
        var bytes = VoTableFiles.Write([new VoTableField("a", VoTableDataType.Int)], [[5]], VoTableSerialization.Binary2);
        var path = Path.Combine(Path.GetTempPath(), "voservices-votable-tests", "gz-test.vot");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = File.Create(path))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }
        Assert.Equal(5, VoTableDocument.Load(path).Tables.Single().Rows[0][0]);
    }
}
