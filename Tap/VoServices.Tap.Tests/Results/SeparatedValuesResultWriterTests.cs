using System.Text;
using System.Text.Json;
using VoServices.Tap.Results;
using VoServices.Testing;
using VoServices.VoTable;

namespace VoServices.Tap.Tests.Results;

public sealed class SeparatedValuesResultWriterTests : IDisposable
{
    private static readonly string[] Header =
        ["flag", "b", "s", "i", "l", "f", "d", "name", "uname", "t", "pos", "circ", "poly", "iv", "ia", "fa"];

    private static readonly string[] Row1 =
    [
        "true", "7", "-12", "123456", "9000000000", "8.4", "201.696", "omega Cen", "ω Cen", "2020-01-02T03:04:05.5",
        "201.69 -47.48", "201.69 -47.48 0.5", "10 20 11 20 11 21", "0 1.5", "1 2 3", "1 2.5 -3",
    ];

    private static readonly string[] Row3 =
    [
        "false", "254", "32767", "-2", "9223372036854775807", "NaN", "-Infinity", "with, comma \"quote\"\nnew line\ttab", "",
        "1999-12-31T00:00:00", "0 -90", "359.5 89.5 180", "0 0 1 0 1 1 0 1", "-Infinity 2", "", "0 0 0",
    ];

    private readonly ScratchFolder scratch = new();

    public void Dispose() => scratch.Dispose();

    private static List<string[]> PythonCsv(string file, string delimiter) =>
        JsonSerializer.Deserialize<List<string[]>>(ReferenceTools.RunPython("""
            import csv, json, sys
            with open(sys.argv[1], newline="", encoding="utf-8") as f:
                quoting = csv.QUOTE_NONE if sys.argv[2] == "\t" else csv.QUOTE_MINIMAL
                print(json.dumps(list(csv.reader(f, delimiter=sys.argv[2], quoting=quoting))))
            """, file, delimiter))!;

    [SkippableFact]
    public async Task WriteAsync_CsvAllTypes_PythonCsvReadsExactCells()
    {
        var (bytes, summary) = await Write.ToBytesAsync(new CsvResultWriter(), AllTypes.Reader());
        var file = scratch.File("all.csv");
        await File.WriteAllBytesAsync(file, bytes);

        var rows = PythonCsv(file, ",");

        Assert.Equal([Header, Row1, [.. Enumerable.Repeat("", 16)], Row3], rows);
        Assert.Equal(new ResultWriteSummary(3, false), summary);
    }

    [Fact]
    public async Task WriteAsync_Csv_QuotesOnlyWhereNeededAndKeepsEmptyStringApartFromNull()
    {
        var (bytes, _) = await Write.ToBytesAsync(new CsvResultWriter(), AllTypes.Reader());

        var lines = Encoding.UTF8.GetString(bytes).Split("\r\n");
        Assert.Equal(string.Join(',', Header), lines[0]);
        Assert.Equal(",,,,,,,,,,,,,,,", lines[2]);
        Assert.StartsWith("false,254,32767,-2,9223372036854775807,NaN,-Infinity,\"with, comma \"\"quote\"\"\nnew line\ttab\",\"\",1999-12-31T00:00:00,", lines[3], StringComparison.Ordinal);
        Assert.Equal("", lines[^1]);
        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("", "\"\"")]
    [InlineData("tab\tinside", "tab\tinside")]
    public void Escape_Csv_FollowsRfc4180(string field, string expected) =>
        Assert.Equal(expected, CsvResultWriter.Escape(field));

    [SkippableFact]
    public async Task WriteAsync_CsvAllTypes_StiltsReadsTypedColumns()
    {
        var (bytes, _) = await Write.ToBytesAsync(new CsvResultWriter(), AllTypes.Reader());
        var csv = scratch.File("all.csv");
        var vot = scratch.File("from-csv.vot");
        await File.WriteAllBytesAsync(csv, bytes);

        var (exit, _, stderr) = SharedData.Run(SharedData.RequireTool("stilts"),
            ["tpipe", $"in={csv}", "ifmt=csv", $"out={vot}", "ofmt=votable"]);

        Assert.True(exit == 0, stderr);
        using var reader = new VoTableReader(File.OpenRead(vot));
        Assert.True(reader.MoveToNextTable());
        var fields = reader.Table!.Fields;
        Assert.Equal(Header, fields.Select(f => f.Name));
        Assert.Equal(VoTableDataType.Long, fields[4].Datatype);
        Assert.Contains(fields[6].Datatype, new[] { VoTableDataType.Float, VoTableDataType.Double });
        var rows = reader.ReadRows().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(long.MaxValue, rows[2][4]);
        Assert.Equal(201.696, Convert.ToDouble(rows[0][6], System.Globalization.CultureInfo.InvariantCulture), 1e-4);
        Assert.Equal(double.NegativeInfinity, Convert.ToDouble(rows[2][6], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Row3[7], rows[2][7]);
        Assert.Null(rows[1][6]);
    }

    [SkippableFact]
    public async Task WriteAsync_TsvAllTypes_PythonReadsCellsWithTabsAndNewLinesReplaced()
    {
        var (bytes, _) = await Write.ToBytesAsync(new TsvResultWriter(), AllTypes.Reader());
        var file = scratch.File("all.tsv");
        await File.WriteAllBytesAsync(file, bytes);

        var rows = PythonCsv(file, "\t");

        string[] row3 = [.. Row3];
        row3[7] = "with, comma \"quote\" new line tab";
        Assert.Equal([Header, Row1, [.. Enumerable.Repeat("", 16)], row3], rows);
        Assert.DoesNotContain("\r", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, 10L, 10, false)]
    [InlineData(11, 10L, 10, true)]
    [InlineData(3, 0L, 0, true)]
    public async Task WriteAsync_CsvMaxRec_WritesAtMostMaxRecRowsAndReportsOverflow(int available, long maxRec, int written, bool overflow)
    {
        var (bytes, summary) = await Write.ToBytesAsync(new CsvResultWriter(), new SyntheticRows(available), maxRec);

        Assert.Equal(written + 2, Encoding.UTF8.GetString(bytes).Split("\r\n").Length);
        Assert.Equal(new ResultWriteSummary(written, overflow), summary);
    }

    [Fact]
    public async Task WriteAsync_CsvSourceFailsBeforeOutput_ThrowsWithOutputNotStarted()
    {
        using var output = new MemoryStream();

        var e = await Assert.ThrowsAsync<ResultWriteException>(() =>
            new CsvResultWriter().WriteAsync(output, new SyntheticRows(100, failAfter: 5), new ResultWriteOptions(), CancellationToken.None));

        Assert.False(e.OutputStarted);
        Assert.Equal(0, output.Length);
        Assert.IsType<TimeoutException>(e.InnerException);
    }

    [Fact]
    public async Task WriteAsync_TsvSourceFailsAfterOutput_ThrowsWithOutputStarted()
    {
        using var output = new MemoryStream();

        var e = await Assert.ThrowsAsync<ResultWriteException>(() =>
            new TsvResultWriter().WriteAsync(output, new SyntheticRows(100_000, failAfter: 20_000), new ResultWriteOptions(), CancellationToken.None));

        Assert.True(e.OutputStarted);
        Assert.True(output.Length > 0);
    }

    [Fact]
    public async Task WriteAsync_CsvValueWithoutTextForm_ThrowsNamingColumn()
    {
        var rows = new InMemoryResultRowReader([new ResultColumn("blob", "char") { ArraySize = "*" }], [[new object()]]);

        var e = await Assert.ThrowsAsync<ResultWriteException>(() =>
            new CsvResultWriter().WriteAsync(new MemoryStream(), rows, new ResultWriteOptions(), CancellationToken.None));

        Assert.Contains("column 'blob'", e.Message, StringComparison.Ordinal);
    }
}
