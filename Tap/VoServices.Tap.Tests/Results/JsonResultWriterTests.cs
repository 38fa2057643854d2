using System.Text.Json;
using VoServices.Tap.Results;
using VoServices.VoTable;

namespace VoServices.Tap.Tests.Results;

public sealed class JsonResultWriterTests
{
    private static async Task<(JsonElement Root, ResultWriteSummary Summary)> WriteAsync(IResultRowReader rows, ResultWriteOptions? options = null)
    {
        using var output = new MemoryStream();
        var summary = await new JsonResultWriter().WriteAsync(output, rows, options ?? new ResultWriteOptions(), CancellationToken.None);
        using var doc = JsonDocument.Parse(output.ToArray());
        return (doc.RootElement.Clone(), summary);
    }

    [Fact]
    public async Task WriteAsync_AllTypes_ParsesWithMetadataAndTypedValues()
    {
        var (root, summary) = await WriteAsync(AllTypes.Reader());

        Assert.Equal(["metadata", "data", "status"], root.EnumerateObject().Select(p => p.Name));
        var d = root.GetProperty("metadata")[6];
        Assert.Equal("""{"name":"d","datatype":"double","unit":"deg","ucd":"pos.eq.ra;meta.main","description":"Right ascension (ICRS)"}""", d.GetRawText());
        Assert.Equal("""{"name":"pos","datatype":"double","arraysize":"2","xtype":"point","unit":"deg"}""", root.GetProperty("metadata")[10].GetRawText());
        var data = root.GetProperty("data");
        Assert.Equal(3, data.GetArrayLength());
        Assert.Equal("""[true,7,-12,123456,9000000000,8.4,201.696,"omega Cen","ω Cen","2020-01-02T03:04:05.5",[201.69,-47.48],[201.69,-47.48,0.5],[10,20,11,20,11,21],[0,1.5],[1,2,3],[1,2.5,-3]]""",
            JsonSerializer.Serialize(data[0], new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.All(data[1].EnumerateArray(), v => Assert.Equal(JsonValueKind.Null, v.ValueKind));
        Assert.Equal(JsonValueKind.Null, data[2][5].ValueKind); // NaN
        Assert.Equal(JsonValueKind.Null, data[2][6].ValueKind); // -Infinity
        Assert.Equal("with, comma \"quote\"\nnew line\ttab", data[2][7].GetString());
        Assert.Equal("", data[2][8].GetString());
        Assert.Equal("[null,2]", data[2][13].GetRawText());
        Assert.Equal("[]", data[2][14].GetRawText());
        Assert.Equal("OK", root.GetProperty("status").GetString());
        Assert.Equal(new ResultWriteSummary(3, false), summary);
    }

    [Theory]
    [InlineData(7, 5L, 5, "OVERFLOW")]
    [InlineData(5, 5L, 5, "OK")]
    [InlineData(5, 0L, 0, "OVERFLOW")]
    public async Task WriteAsync_MaxRec_StatusAfterData(int available, long maxRec, int written, string status)
    {
        var (root, summary) = await WriteAsync(new SyntheticRows(available), new ResultWriteOptions { MaxRec = maxRec });

        Assert.Equal(written, root.GetProperty("data").GetArrayLength());
        Assert.Equal(status, root.GetProperty("status").GetString());
        Assert.Equal(status, summary.Status);
    }

    [Fact]
    public async Task WriteAsync_SourceFailsMidStream_EndsWithErrorStatusAndMessage()
    {
        var (root, summary) = await WriteAsync(new SyntheticRows(100, failAfter: 4));

        Assert.Equal(4, root.GetProperty("data").GetArrayLength());
        Assert.Equal("ERROR", root.GetProperty("status").GetString());
        Assert.Equal("query failed while streaming results: canceling statement due to statement timeout", root.GetProperty("message").GetString());
        Assert.Equal(4, summary.RowCount);
        Assert.IsType<TimeoutException>(summary.Error);
    }

    [Fact]
    public async Task WriteAsync_BadValueInRow_DropsTheRowAndEndsWithError()
    {
        var rows = new InMemoryResultRowReader([new ResultColumn("x", "char") { ArraySize = "*" }], [["a"], [new object()], ["c"]]);

        var (root, summary) = await WriteAsync(rows);

        Assert.Equal("""[["a"]]""", root.GetProperty("data").GetRawText());
        Assert.Contains("column 'x'", root.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, summary.RowCount);
    }

    [Fact]
    public async Task WriteAsync_Infos_WrittenFirst()
    {
        var options = new ResultWriteOptions { Infos = [new VoTableInfo("QUERY", "SELECT 1", "the query")] };

        var (root, _) = await WriteAsync(new SyntheticRows(1), options);

        Assert.Equal("""[{"name":"QUERY","value":"SELECT 1","content":"the query"}]""", root.GetProperty("infos").GetRawText());
        Assert.Equal("infos", root.EnumerateObject().First().Name);
    }
}
