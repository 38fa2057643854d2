using VoServices.Cli;

namespace VoServices.Cli.Tests;

/// <summary><c>vo adql parse</c>: canonical form and exit 0, or the typed diagnostic and exit 1.</summary>
public sealed class AdqlCommandTests
{
    private static async Task<(int Code, string Output, string Error)> Run(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await VoCommandLine.RunAsync(args, input, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("select top 5 ra,dec from tycho2.main", "SELECT TOP 5 ra, dec FROM tycho2.main")]
    [InlineData("SELECT * FROM placeholder_table -- lyonetia style, no schema needed\n", "SELECT * FROM placeholder_table")]
    [InlineData("SELECT \"size\" FROM t WHERE name = 'O''Neil'", "SELECT \"size\" FROM t WHERE name = 'O''Neil'")]
    public async Task Parse_ValidQuery_PrintsCanonicalFormAndExits0(string query, string canonical)
    {
        var (code, output, error) = await Run(query, "adql", "parse");
        Assert.Equal(0, code);
        Assert.Equal(canonical, output.Trim());
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("SELECT FROM t", "line 1, column 8")]
    [InlineData("SELECT a FROM t WHERE", "line 1, column 22")]
    [InlineData("SELECT a\nFROM t\nWHERE a = = 1", "line 3, column 11")]
    public async Task Parse_SyntaxError_PrintsPositionAndExits1(string query, string position)
    {
        var (code, output, error) = await Run(query, "adql", "parse");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("ADQL0", error, StringComparison.Ordinal);
        Assert.Contains(position, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres", "\"t1\".\"pos\" @ scircle(", "FROM \"tycho2\".\"main\"")]
    [InlineData("sqlite", "\"t1\".\"_healpix\" BETWEEN", "FROM \"tycho2.main\"")]
    public async Task Translate_DemoCone_UsesTheBackendsSpatialIndex(string dialect, string index, string from)
    {
        var (code, output, error) = await Run(
            "SELECT tyc FROM tycho2.main AS t WHERE 1 = CONTAINS(POINT(t.ra, t.dec), CIRCLE(50.67, -37.21, 0.5))",
            "adql", "translate", "--dialect", dialect);
        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.Contains(index, output, StringComparison.Ordinal);
        Assert.Contains(from, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Translate_StringLiteral_IsAParameterNeverInlined()
    {
        var (code, output, _) = await Run("SELECT tyc FROM tycho2.main WHERE pos_flag = 'x''; DROP TABLE y; --'",
            "adql", "translate", "--dialect", "postgres");
        Assert.Equal(0, code);
        Assert.DoesNotContain("DROP", output.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("-- $1 = x'; DROP TABLE y; --", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT rra FROM tycho2.main", "ADQL0102")]
    [InlineData("SELECT * FROM tycho3.main", "ADQL0101")]
    public async Task Translate_UnknownName_TypedErrorWithSuggestionExits1(string query, string code)
    {
        var (exit, output, error) = await Run(query, "adql", "translate");
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains(code, error, StringComparison.Ordinal);
        Assert.Contains("did you mean", error, StringComparison.Ordinal);
    }
}
