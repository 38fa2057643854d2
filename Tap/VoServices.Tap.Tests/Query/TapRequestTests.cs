using VoServices.Dali;
using VoServices.Tap.Query;
using VoServices.Tap.Results;

namespace VoServices.Tap.Tests.Query;

public sealed class TapRequestTests
{
    private static readonly TapOptions Options = new() { DefaultMaxRec = 1000, HardMaxRec = 5000 };

    private static TapRequest Bind(params (string Name, string Value)[] pairs) =>
        TapRequest.FromParameters(new DaliParameters(pairs.Select(p => new KeyValuePair<string, string>(p.Name, p.Value))), Options);

    [Theory]
    [InlineData("ADQL")]
    [InlineData("adql")]
    [InlineData("ADQL-2.0")]
    [InlineData("adql-2.1")]
    [InlineData(" ADQL ")]
    public void FromParameters_KnownLanguage_IsAccepted(string lang) =>
        Assert.Equal("SELECT 1", Bind(("LANG", lang), ("QUERY", "SELECT 1")).Query);

    [Theory]
    [InlineData("QUERY", "SELECT 1", "LANG: missing")]
    [InlineData("LANG", "ADQL", "QUERY: missing")]
    public void FromParameters_MissingRequired_Throws400(string name, string value, string message)
    {
        var e = Assert.Throws<DaliParameterException>(() => Bind((name, value)));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(400, e.HttpStatus);
    }

    [Theory]
    [InlineData("SQL")]
    [InlineData("ADQL-3.0")]
    [InlineData("PQL")]
    public void FromParameters_UnknownLanguage_NamesTheSupportedOnes(string lang)
    {
        var e = Assert.Throws<DaliParameterException>(() => Bind(("LANG", lang), ("QUERY", "SELECT 1")));
        Assert.Equal($"LANG: unknown query language '{lang}'; supported: ADQL, ADQL-2.0, ADQL-2.1", e.Message);
    }

    [Fact]
    public void FromParameters_QueryTwice_Throws()
    {
        var e = Assert.Throws<DaliParameterException>(() => Bind(("LANG", "ADQL"), ("QUERY", "SELECT 1"), ("query", "SELECT 1")));
        Assert.Equal("QUERY", e.ParameterName);
    }

    [Theory]
    [InlineData(null, 1000)]
    [InlineData("0", 0)]
    [InlineData("10", 10)]
    [InlineData("5000", 5000)]
    [InlineData("5001", 5000)]
    [InlineData("99999999999", 5000)]
    public void FromParameters_MaxRec_DefaultsAndIsCappedAtTheHardLimit(string? maxRec, long expected)
    {
        var pairs = new List<(string, string)> { ("LANG", "ADQL"), ("QUERY", "SELECT 1") };
        if (maxRec is not null)
        {
            pairs.Add(("MAXREC", maxRec));
        }
        Assert.Equal(expected, Bind([.. pairs]).MaxRec);
    }

    [Fact]
    public void FromParameters_RequestAndUnknownParameters_AreIgnored()
    {
        var request = Bind(("REQUEST", "doQuery"), ("VERSION", "1.0"), ("LANG", "ADQL"), ("QUERY", "SELECT 1"), ("FOO", "bar"));
        Assert.Equal(ResponseFormats.VoTableBinary2, request.Format.Format);
        Assert.Empty(request.Uploads);
        Assert.Null(request.RunId);
    }

    [Fact]
    public void FromParameters_FormatUploadAndRunId_AreBound()
    {
        var request = Bind(("LANG", "ADQL"), ("QUERY", "SELECT 1"), ("FORMAT", "text/xml"), ("UPLOAD", "a,param:x"),
            ("UPLOAD", "b,http://example.org/b.vot"), ("RUNID", "run-7"));
        Assert.Equal(("text/xml", ResponseFormats.VoTableTableData), (request.Format.ContentType, request.Format.Format));
        Assert.Equal(["a", "b"], request.Uploads.Select(u => u.Name));
        Assert.Equal("run-7", request.RunId);
    }

    [Fact]
    public void Infos_ListQueryLanguageAndDate_AndRunIdWhenGiven()
    {
        var request = Bind(("LANG", "ADQL"), ("QUERY", "SELECT 1"), ("RUNID", "r1"));
        var infos = request.Infos(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        Assert.Equal(
            ["standardID=ivo://ivoa.net/std/TAP", "LANG=ADQL", "QUERY=SELECT 1", "MAXREC=1000", "request_date=2026-01-02T03:04:05Z", "RUNID=r1"],
            infos.Select(i => $"{i.Name}={i.Value}"));
    }
}
