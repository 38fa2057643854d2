using System.Globalization;
using System.Text.RegularExpressions;
using VoServices.Storage.Postgres.Tests;
using VoServices.Testing;
using Xunit.Abstractions;

namespace VoServices.Server.Tests.Tap;

/// <summary>
/// STILTS taplint, every stage (standards.md §15: TMV … UPL EXA), against the real host on a Kestrel socket serving the
/// demo archive from the embedded store, and from PostgreSQL when <c>VOSERVICES_TEST_DB</c> is set. taplint always exits 0, so the report lines and the "Totals:" line are
/// parsed. Warnings are printed (see the test output) and must stay within the known list.
/// </summary>
public sealed partial class TapTaplintTests(ITestOutputHelper output)
{
    /// <summary>
    /// The one error taplint 3.4.7 (Debian 12) reports against a correct service: its starlink-vo library
    /// (2022-08) predates the ADQL 2.1 REC (2023-12) and only knows the PR-era feature list, so the REC's
    /// <c>features-adql-conditional</c> (COALESCE) is "unknown" to it (newer STILTS AdqlVersion.V21 lists it).
    /// </summary>
    private const string StaleValidatorError =
        "E-CAP-KEYX-1 Unknown standard feature key \"ivo://ivoa.net/std/TAPRegExt#features-adql-conditional\"";

    [SkippableFact]
    public Task Taplint_AllStagesOnTheEmbeddedBackend_ReportNoErrors() => RunTaplintAsync(null);

    [SkippableFact]
    public async Task Taplint_AllStagesOnPostgres_ReportNoErrors()
    {
        var server = new PostgresServer();
        try
        {
            await RunTaplintAsync(await server.NewDatabaseAsync());
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private async Task RunTaplintAsync(string? postgres)
    {
        var stilts = SharedData.RequireTool("stilts");
        using var factory = new DemoTapServerFactory(postgres);
        factory.UseKestrel(0);
        factory.StartServer();
        await factory.WaitReadyAsync();
        var tapUrl = new Uri(factory.ClientOptions.BaseAddress, "tap").AbsoluteUri;

        var (_, stdout, stderr) = SharedData.Run(stilts, ["taplint", $"tapurl={tapUrl}", "report=EWF"], TimeSpan.FromMinutes(3));

        output.WriteLine(stdout);
        var totals = Totals().Match(stdout);
        Assert.True(totals.Success, $"no Totals line in taplint output:\n{stdout}\n{stderr}");
        var errors = Lines(stdout, "E-").Where(l => !l.StartsWith(StaleValidatorError, StringComparison.Ordinal)).ToList();
        // F-LOC-NOTP: the ObsLocTAP stage cannot run because the service publishes no ivoa.obsplan (not offered).
        var failures = Lines(stdout, "F-").Where(l => !l.StartsWith("F-LOC-NOTP-", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0 && failures.Count == 0, $"taplint reported errors/failures:\n{stdout}");
        Assert.Equal(Lines(stdout, "E-").Count, int.Parse(totals.Groups["errors"].Value, CultureInfo.InvariantCulture));
        Assert.Empty(Lines(stdout, "W-"));
    }

    private static List<string> Lines(string report, string prefix) =>
        [.. report.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith(prefix, StringComparison.Ordinal))];

    [GeneratedRegex(@"Totals:\s+Errors:\s*(?<errors>\d+);\s*Warnings:\s*(?<warnings>\d+);.*Failures:\s*(?<failures>\d+)")]
    private static partial Regex Totals();
}
