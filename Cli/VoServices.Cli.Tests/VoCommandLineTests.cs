using VoServices.Storage.Sqlite;
using VoServices.Testing;

namespace VoServices.Cli.Tests;

public sealed class VoCommandLineTests : IDisposable
{
    private readonly string temp = Path.Combine(Path.GetTempPath(), "vo-cli-" + Guid.NewGuid().ToString("N"));

    public VoCommandLineTests() => Directory.CreateDirectory(temp);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(temp, recursive: true);
        }
        catch (IOException)
        {
            // Best effort cleanup.
        }
    }

    private static string Demo(string name) => Path.Combine(SharedData.RepoRoot, "demo", "catalogs", name + ".yaml");

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await VoCommandLine.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Ingest_Messier_ExitsZeroAndReportsRows()
    {
        var database = Path.Combine(temp, "sub", "vo.db");

        var (code, output, error) = await Run("ingest", Demo("messier"), "--database", database);

        Assert.Equal((0, ""), (code, error));
        Assert.Matches(@"^messier\.main: 110 rows in \d+\.\d s from .*messier_topcat\.vot\.xml\r?\n$", output);
        var doc = await new SqliteCatalogStore(database).GetSchemaAsync(CancellationToken.None);
        Assert.Equal(110L, doc.FindTable("messier.main")!.RowCount);
    }

    [Fact]
    public async Task Ingest_SeveralDescriptors_LoadsEachAndMarksDemoSubsets()
    {
        var database = Path.Combine(temp, "vo.db");
        var subset = Path.Combine(SharedData.RepoRoot, "demo", "data", "tycho2_fields.csv.gz");

        var (code, output, _) = await Run("ingest", Demo("tycho2"), "--source", subset, "-d", database);
        var (code2, output2, _) = await Run("ingest", Demo("messier"), Demo("openngc"), "-d", database);

        Assert.Equal((0, 0), (code, code2));
        Assert.StartsWith("tycho2.main: 514 rows in ", output, StringComparison.Ordinal);
        Assert.Equal(2, output2.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("openngc.main: 13,960 rows", output2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_MissingDescriptor_ExitsOneWithOneLine()
    {
        var (code, output, error) = await Run("ingest", Path.Combine(temp, "none.yaml"), "--database", Path.Combine(temp, "vo.db"));

        Assert.Equal((1, ""), (code, output));
        Assert.Matches(@"^vo ingest: .*none\.yaml: cannot read descriptor: .*\r?\n$", error);
    }

    [Fact]
    public async Task Ingest_InvalidDescriptor_ReportsFileAndLine()
    {
        var yaml = Path.Combine(temp, "bad.yaml");
        await File.WriteAllTextAsync(yaml,
            "schema: {name: s}\ntable: {name: t}\nsource: t.csv\nra: ra\ndec: dec\ncolumns:\n" +
            "  - {name: ra, datatype: double}\n  - {name: dec, datatype: double}\n  - {name: size, datatype: int}\n");

        var (code, _, error) = await Run("ingest", yaml, "--database", Path.Combine(temp, "vo.db"));

        Assert.Equal(1, code);
        Assert.StartsWith($"vo ingest: {yaml}:9:", error, StringComparison.Ordinal);
        Assert.Contains("'size' is an ADQL reserved word", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_BadValue_ExitsOneAndVerboseAddsStackTrace()
    {
        var csv = Path.Combine(temp, "bad.csv");
        await File.WriteAllTextAsync(csv, "hip,ra,dec,vmag,b_v\n1,0.0009,1.089,9.1,0.482\n2,0.0043,south,9.27,0.999\n");
        string[] args = ["ingest", Demo("hipparcos"), "--source", csv, "--database", Path.Combine(temp, "vo.db")];

        var (code, _, error) = await Run(args);
        var (verboseCode, _, verbose) = await Run([.. args, "--verbose"]);

        Assert.Equal((1, 1), (code, verboseCode));
        Assert.Equal($"vo ingest: {csv}:3 column 'dec': 'south' is not a valid double: " +
            "The input string 'south' was not in a correct format.", error.TrimEnd());
        Assert.Contains("   at ", verbose, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_SourceWithSeveralDescriptors_IsRejected()
    {
        var (code, _, error) = await Run("ingest", Demo("tycho2"), Demo("messier"), "--source", "x.csv",
            "--database", Path.Combine(temp, "vo.db"));

        Assert.Equal(1, code);
        Assert.Contains("--source can only be used with a single descriptor", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("ingest", "--no-such-option")]
    [InlineData("frobnicate")]
    public async Task Run_UsageError_ExitsOne(params string[] args)
    {
        var (code, _, error) = await Run(args);

        Assert.Equal(1, code);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Process_IngestWithDefaultDatabase_CreatesVarDatabaseInWorkingDirectory()
    {
        var vo = Path.Combine(AppContext.BaseDirectory, "vo.dll");

        var ok = SharedData.Run("dotnet", [vo, "ingest", Demo("messier")], TimeSpan.FromMinutes(1), temp);
        var bad = SharedData.Run("dotnet", [vo, "ingest", "missing.yaml"], TimeSpan.FromMinutes(1), temp);

        Assert.True(ok.ExitCode == 0, ok.StdErr);
        Assert.StartsWith("messier.main: 110 rows", ok.StdOut, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(temp, "var", "voservices.db")));
        Assert.Equal(1, bad.ExitCode);
        Assert.Single(bad.StdErr.Trim().Split('\n'));
    }
}
