namespace VoServices.Adql.Tests;

/// <summary>AdqlParser is stateless; the shared ANTLR prediction cache must stay correct under concurrent use.</summary>
public sealed class ConcurrencyTests
{
    private static readonly string[] Queries =
    [
        "SELECT TOP 10 a, b FROM t WHERE a > 1 ORDER BY b",
        "SELECT * FROM a NATURAL JOIN b, (SELECT x FROM c) AS q WHERE EXISTS (SELECT 1 FROM d)",
        "WITH w AS (SELECT a FROM t) SELECT a FROM w UNION SELECT a FROM u INTERSECT SELECT a FROM v",
        "SELECT CASE WHEN a = 1 THEN 'x' ELSE 'y' END, CAST(b AS REAL), COALESCE(c, 0) FROM t",
        "SELECT DISTANCE(POINT(ra, dec), POINT(1, 2)) FROM t WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(1, 2, 3))",
        "SELECT a FROM t WHERE a IN (1, 2, 3) AND b NOT LIKE 'x%' OR c IS NULL",
        "SELECT FROM t",
        "SELECT a FROM t WHERE",
        "SELECT distance FROM t",
    ];

    private static string Outcome(string adql)
    {
        try
        {
            return AdqlPrinter.Print(AdqlParser.Parse(adql));
        }
        catch (AdqlSyntaxException error)
        {
            return error.Message;
        }
    }

    [Fact]
    public void Parse_FromManyThreads_GivesTheSameResultsAsSequentially()
    {
        var expected = Queries.Select(Outcome).ToArray();
        var results = new string[8][];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            var mine = new string[Queries.Length * 50];
            for (var i = 0; i < mine.Length; i++)
            {
                mine[i] = Outcome(Queries[(i + worker) % Queries.Length]);
            }
            results[worker] = mine;
        });

        for (var worker = 0; worker < results.Length; worker++)
        {
            for (var i = 0; i < results[worker].Length; i++)
            {
                Assert.Equal(expected[(i + worker) % Queries.Length], results[worker][i]);
            }
        }
    }
}
