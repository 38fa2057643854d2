using System.Globalization;
using System.Text.RegularExpressions;
using VoServices.Server.Tests.Support;
using VoServices.Testing;
using Xunit.Abstractions;

namespace VoServices.Server.Tests.Conformance;

/// <summary>
/// STILTS taplint (standards.md §15) against the real host on a Kestrel socket: stages TMV (tables XSD), TME (tables
/// content: names, flags, foreign keys), CPV (capabilities XSD) and AVV (availability XSD). CAP is left out until the
/// TAP capability exists. taplint always exits 0, so the "Totals:" line is parsed.
/// </summary>
public sealed partial class TaplintTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Taplint_VosiStages_ReportNoErrors()
    {
        var stilts = SharedData.RequireTool("stilts");
        using var factory = new VoServerFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        var tapUrl = new Uri(factory.ClientOptions.BaseAddress, "tap").AbsoluteUri;

        var (_, stdout, stderr) = SharedData.Run(stilts,
            ["taplint", $"tapurl={tapUrl}", "stages=TMV TME CPV AVV", "report=EWF"], TimeSpan.FromMinutes(2));

        output.WriteLine(stdout);
        var totals = Totals().Match(stdout);
        Assert.True(totals.Success, $"no Totals line in taplint output:\n{stdout}\n{stderr}");
        var errors = int.Parse(totals.Groups["errors"].Value, CultureInfo.InvariantCulture);
        var failures = int.Parse(totals.Groups["failures"].Value, CultureInfo.InvariantCulture);
        Assert.True(errors == 0 && failures == 0, $"taplint reported errors/failures:\n{stdout}");
    }

    [GeneratedRegex(@"Totals:\s+Errors:\s*(?<errors>\d+);\s*Warnings:\s*(?<warnings>\d+);.*Failures:\s*(?<failures>\d+)")]
    private static partial Regex Totals();
}
