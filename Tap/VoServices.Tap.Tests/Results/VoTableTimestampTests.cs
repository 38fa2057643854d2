using System.Text;
using System.Xml.Linq;
using VoServices.Tap.Results;
using VoServices.VoTable;

namespace VoServices.Tap.Tests.Results;

/// <summary>
/// Regression: a DateTime at midnight was written as a date only, and timestamps in fixed-width char columns were
/// padded with blanks (taplint E_YTSR). TAP results write DALI 1.1 §3.3.3 timestamps as <c>YYYY-MM-DDThh:mm:ss[.SSS]</c>
/// without a zone (astronomical times) in <c>char arraysize="*" xtype="timestamp"</c> FIELDs, whatever the column said.
/// Expected texts are checked against astropy and stilts votlint reading the written documents.
/// </summary>
public sealed class VoTableTimestampTests : IDisposable
{
    private static readonly XNamespace V = "http://www.ivoa.net/xml/VOTable/v1.3";
    private readonly ScratchFolder scratch = new();

    public void Dispose() => scratch.Dispose();

    public static TheoryData<VoTableSerialization> Serializations =>
        [VoTableSerialization.TableData, VoTableSerialization.Binary, VoTableSerialization.Binary2];

    /// <summary>Columns as TAP_SCHEMA or an upload may declare them: variable, fixed 19/10/23, TAP 1.0's adql:timestamp.</summary>
    private static readonly ResultColumn[] Columns =
    [
        new("star", "char") { ArraySize = "*", XType = "timestamp" },
        new("fixed19", "char") { ArraySize = "19", XType = "timestamp" },
        new("fixed10", "char") { ArraySize = "10", XType = "timestamp" },
        new("bounded", "char") { ArraySize = "23*", XType = "timestamp" },
        new("tap10", "char") { ArraySize = "*", XType = "adql:timestamp" },
    ];

    private static readonly DateTime Midnight = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Fraction = new(2020, 1, 2, 3, 4, 5, 250, DateTimeKind.Utc);

    private static object?[][] Rows() =>
    [
        [Midnight, Midnight, Midnight, Midnight, Midnight],
        [Fraction, Fraction, Fraction, Fraction, Fraction],
        [null, null, null, null, null],
    ];

    private static readonly string?[][] Expected =
    [
        ["2000-01-01T00:00:00", "2000-01-01T00:00:00", "2000-01-01T00:00:00", "2000-01-01T00:00:00", "2000-01-01T00:00:00"],
        ["2020-01-02T03:04:05.25", "2020-01-02T03:04:05.25", "2020-01-02T03:04:05.25", "2020-01-02T03:04:05.25", "2020-01-02T03:04:05.25"],
        [null, null, null, null, null],
    ];

    private static async Task<byte[]> WriteAsync(VoTableSerialization serialization) =>
        (await Write.ToBytesAsync(new VoTableResultWriter(serialization), new InMemoryResultRowReader(Columns, Rows()))).Bytes;

    [Theory]
    [MemberData(nameof(Serializations))]
    public async Task WriteAsync_TimestampColumns_DeclaredAsVariableCharWithTimestampXType(VoTableSerialization serialization)
    {
        var fields = XDocument.Parse(Encoding.UTF8.GetString(await WriteAsync(serialization))).Descendants(V + "FIELD").ToList();

        Assert.All(fields, f => Assert.Equal(("char", "*", "timestamp"),
            ((string?)f.Attribute("datatype"), (string?)f.Attribute("arraysize"), (string?)f.Attribute("xtype"))));
    }

    [Theory]
    [MemberData(nameof(Serializations))]
    public async Task WriteAsync_MidnightAndFixedWidth_ReadBackAsFullUnpaddedTimestamps(VoTableSerialization serialization)
    {
        using var reader = new VoTableReader(new MemoryStream(await WriteAsync(serialization)), new VoTableReaderOptions { Strict = true });
        Assert.True(reader.MoveToNextTable());

        // CellNormalizer keeps strings as they are, except "" for NULL (BINARY has no NULL for char).
        var rows = reader.ReadRows().Select(CellNormalizer.Row).ToList();

        Assert.Equal(Expected, rows);
    }

    [SkippableTheory]
    [MemberData(nameof(Serializations))]
    public async Task WriteAsync_Timestamps_PassVotlintAndAstropyReadsThemBack(VoTableSerialization serialization)
    {
        var file = scratch.File($"timestamps-{serialization}.vot");
        await File.WriteAllBytesAsync(file, await WriteAsync(serialization));

        Assert.Equal("", ReferenceTools.VotLint(file));
        var astropy = AstropyScripts.ParseRows(ReferenceTools.RunPython(AstropyScripts.ReadVoTable, file));
        CellNormalizer.AssertRows(Expected, astropy);
    }

    [Fact]
    public async Task WriteAsync_DateTimeOffset_IsWrittenInUtcWithoutZone()
    {
        ResultColumn[] columns = [new("t", "char") { ArraySize = "*", XType = "timestamp" }];
        var offset = new DateTimeOffset(2021, 6, 30, 23, 0, 0, TimeSpan.FromHours(-2));
        var rows = new InMemoryResultRowReader(columns, [[offset]]);

        var text = Encoding.UTF8.GetString((await Write.ToBytesAsync(new VoTableResultWriter(VoTableSerialization.TableData), rows)).Bytes);

        Assert.Contains("<TD>2021-07-01T01:00:00</TD>", text, StringComparison.Ordinal);
    }
}
