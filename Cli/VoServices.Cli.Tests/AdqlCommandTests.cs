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
}
