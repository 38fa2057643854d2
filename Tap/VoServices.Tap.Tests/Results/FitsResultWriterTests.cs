using System.Text;
using System.Text.RegularExpressions;
using VoServices.Tap.Results;
using VoServices.Testing;

namespace VoServices.Tap.Tests.Results;

public sealed partial class FitsResultWriterTests : IDisposable
{
    private readonly ScratchFolder scratch = new();

    public void Dispose() => scratch.Dispose();

    /// <summary>The cards of the HDU starting at block <paramref name="offset"/>, keyword → value text (quotes removed).</summary>
    private static Dictionary<string, string> Cards(byte[] fits, int offset, out int headerBytes)
    {
        var cards = new Dictionary<string, string>();
        for (var at = offset; ; at += 80)
        {
            var card = Encoding.ASCII.GetString(fits, at, 80);
            if (card.StartsWith("END ", StringComparison.Ordinal))
            {
                headerBytes = (at + 80 - offset + 2879) / 2880 * 2880;
                return cards;
            }
            var m = CardSyntax().Match(card);
            Assert.True(m.Success, $"bad card '{card}'");
            cards[m.Groups[1].Value] = m.Groups[2].Success ? m.Groups[2].Value.Replace("''", "'", StringComparison.Ordinal).TrimEnd() : m.Groups[3].Value.Trim();
        }
    }

    private async Task<(byte[] Bytes, string File, ResultWriteSummary Summary)> WriteAsync(IResultRowReader rows, long? maxRec = null)
    {
        var (bytes, summary) = await Write.ToBytesAsync(new FitsResultWriter(scratch.Path), rows, maxRec);
        var file = scratch.File($"r{Guid.NewGuid():N}.fits");
        await File.WriteAllBytesAsync(file, bytes);
        return (bytes, file, summary);
    }

    private static void AssertFitsVerifyClean(string file)
    {
        var (_, stdout, stderr) = SharedData.Run(SharedData.RequireTool("fitsverify"), [file]);
        Assert.True(stdout.Contains("**** Verification found 0 warning(s) and 0 error(s). ****", StringComparison.Ordinal),
            stdout + stderr);
    }

    [SkippableFact]
    public async Task WriteAsync_AllTypes_PassesFitsverify()
    {
        var (bytes, file, _) = await WriteAsync(AllTypes.Reader());

        AssertFitsVerifyClean(file);
        Assert.Equal(0, bytes.Length % 2880);
        Assert.Empty(Directory.GetFiles(scratch.Path, "*.spool"));
    }

    [Fact]
    public async Task WriteAsync_AllTypes_HeaderDeclaresFormsNullsAndMetadata()
    {
        var (bytes, _, _) = await WriteAsync(AllTypes.Reader());

        var primary = Cards(bytes, 0, out var primaryLength);
        var table = Cards(bytes, primaryLength, out _);
        Assert.Equal(("T", "0", "OK"), (primary["SIMPLE"], primary["NAXIS"], primary["QRYSTAT"]));
        Assert.Equal(("BINTABLE", "3", "16", "RESULTS"), (table["XTENSION"], table["NAXIS2"], table["TFIELDS"], table["EXTNAME"]));
        string[] forms = ["L", "B", "I", "J", "K", "E", "D", "32A", "5A", "21A", "2D", "3D", "1PD(8)", "2D", "1PJ(3)", "3E"];
        Assert.Equal(forms, Enumerable.Range(1, 16).Select(i => table[$"TFORM{i}"]));
        Assert.Equal(AllTypes.Columns.Select(c => c.Name), Enumerable.Range(1, 16).Select(i => table[$"TTYPE{i}"]));
        Assert.Equal(("255", "-32768", "-2147483648", "-9223372036854775808"), (table["TNULL2"], table["TNULL3"], table["TNULL4"], table["TNULL5"]));
        Assert.Equal(("deg", "pos.eq.ra;meta.main", "Right ascension (ICRS)"), (table["TUNIT7"], table["TUCD7"], table["TCOMM7"]));
        Assert.Equal((6 + 8) * 8 + (3 * 4), int.Parse(table["PCOUNT"], System.Globalization.CultureInfo.InvariantCulture)); // poly 6+8 doubles, ia 3 ints
        Assert.False(table.ContainsKey("TNULL6"));
    }

    [SkippableFact]
    public async Task WriteAsync_AllTypes_AstropyReadsSameValues()
    {
        var (_, file, _) = await WriteAsync(AllTypes.Reader());

        var rows = AstropyScripts.ParseRows(ReferenceTools.RunPython(AstropyScripts.ReadFits, file));

        // FITS conventions (see FitsColumn): a NULL logical reads as false in astropy, A columns hold printable
        // ASCII only.
        var expected = AllTypes.Rows().Select(CellNormalizer.ResultRow).ToList();
        expected[1][0] = "false";
        expected[0][8] = "? Cen";
        expected[2][7] = "with, comma \"quote\"?new line?tab";
        CellNormalizer.AssertRows(expected, rows);
    }

    [SkippableFact]
    public async Task WriteAsync_IntegerColumnUsesTypeMinimum_ChoosesAnUnusedNullValue()
    {
        ResultColumn[] columns = [new("s", "short"), new("b", "unsignedByte")];
        var rows = new InMemoryResultRowReader(columns, [[short.MinValue, (byte)255], [null, null], [(short)5, (byte)0]]);

        var (bytes, file, _) = await WriteAsync(rows);

        var table = Cards(bytes, 2880, out _);
        Assert.Equal(("32767", "255"), (table["TNULL1"], table["TNULL2"])); // 0..255 all possible: B keeps 255
        var read = AstropyScripts.ParseRows(ReferenceTools.RunPython(AstropyScripts.ReadFits, file));
        Assert.Equal([["-32768", null], [null, null], ["5", "0"]], read);
    }

    [SkippableFact]
    public async Task WriteAsync_MaxRec_WritesMaxRecRowsAndOverflowStatus()
    {
        var (bytes, file, summary) = await WriteAsync(new SyntheticRows(5000), 4000);

        Assert.Equal(new ResultWriteSummary(4000, true), summary);
        Assert.Equal("OVERFLOW", Cards(bytes, 0, out var length)["QRYSTAT"]);
        Assert.Equal("4000", Cards(bytes, length, out _)["NAXIS2"]);
        AssertFitsVerifyClean(file);
    }

    [Fact]
    public async Task WriteAsync_SourceFails_ThrowsBeforeWritingAnything()
    {
        using var output = new MemoryStream();

        var e = await Assert.ThrowsAsync<ResultWriteException>(() => new FitsResultWriter(scratch.Path)
            .WriteAsync(output, new SyntheticRows(100, failAfter: 50), new ResultWriteOptions(), CancellationToken.None));

        Assert.False(e.OutputStarted);
        Assert.Equal(0, output.Length);
        Assert.Empty(Directory.GetFiles(scratch.Path, "*.spool"));
    }

    [Fact]
    public async Task WriteAsync_ValueOutOfRange_ThrowsNamingRowAndColumn()
    {
        var rows = new InMemoryResultRowReader([new ResultColumn("n", "short")], [[(short)1], [70000]]);

        var e = await Assert.ThrowsAsync<ResultWriteException>(() =>
            new FitsResultWriter(scratch.Path).WriteAsync(new MemoryStream(), rows, new ResultWriteOptions(), CancellationToken.None));

        Assert.Equal("row 2, column 'n': 70000 is out of range for Short", e.Message);
    }

    [GeneratedRegex(@"^(\S+)\s*= (?:'((?:[^']|'')*)'|([^/]*))")]
    private static partial Regex CardSyntax();
}
