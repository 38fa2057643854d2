using System.Diagnostics;
using Xunit.Abstractions;

namespace VoServices.Adql.Tests;

/// <summary>Runs alone (no other test class in parallel) so the reported rate is the rate of one core.</summary>
[CollectionDefinition(nameof(ThroughputCollection), DisableParallelization = true)]
public sealed class ThroughputCollection;

/// <summary>Reports parse throughput (issue goal: ≥ 20 000 queries/s on one core, AST included). No timed assertion.</summary>
[Collection(nameof(ThroughputCollection))]
public sealed class ThroughputTests(ITestOutputHelper output)
{
    private const string ThreeLineQuery =
        "SELECT TOP 100 ra, dec, vt_mag, DISTANCE(POINT(ra, dec), POINT(10.68, 41.27)) AS d\n"
        + "FROM tycho2.main\n"
        + "WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(10.68, 41.27, 0.5)) AND vt_mag < 12 ORDER BY d";

    [Fact]
    public void Parse_ThreeLineQuery_ReportsQueriesPerSecond()
    {
        var expected = AdqlParser.Parse(ThreeLineQuery);
        // Tiered JIT needs about a second of calls to reach optimised code.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.ElapsedMilliseconds < 1_000)
        {
            AdqlParser.Parse(ThreeLineQuery);
        }

        var clock = Stopwatch.StartNew();
        var count = 0;
        var same = true;
        while (clock.ElapsedMilliseconds < 500)
        {
            same &= AdqlParser.Parse(ThreeLineQuery).Body is Ast.SelectStatement;
            count++;
        }
        var rate = count / clock.Elapsed.TotalSeconds;

        output.WriteLine($"{rate:F0} queries/s ({count} parses of a {ThreeLineQuery.Length}-character, 3-line query in {clock.ElapsedMilliseconds} ms, one thread)");
        Assert.True(same);
        Assert.Equal(expected, AdqlParser.Parse(ThreeLineQuery));
    }
}
