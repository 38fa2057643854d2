using System.Diagnostics;
using VoServices.Adql;
using VoServices.Adql.Functions;
using VoServices.Adql.Semantics;

namespace VoServices.Bench.Tap;

/// <summary>
/// ADQL parse + resolve + translate throughput on one thread (issue 4 goal: at least 20,000 queries/s on one core) for
/// a representative mix of 21 queries on the demo tables: cones, crossmatches (tables and an upload), joins,
/// aggregates, set operators, CTEs, subqueries, functions, TAP_SCHEMA. No external floor exists for this in-process
/// work; the goal is printed as the floor.
/// </summary>
internal static class AdqlBench
{
    private const double Goal = 20_000;

    /// <summary>The mix (ADQL 2.1 on the demo archive; each must translate on both backends).</summary>
    public static readonly string[] Mix =
    [
        "SELECT TOP 10 * FROM tycho2.main",
        "SELECT tyc, ra, dec, vt_mag FROM tycho2.main WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 10.68, 41.27, 0.1))",
        "SELECT TOP 100 ra, dec, vt_mag, DISTANCE(POINT(ra, dec), POINT(10.68, 41.27)) AS d FROM tycho2.main\n"
            + "WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(10.68, 41.27, 0.5)) AND vt_mag < 12 ORDER BY d",
        "SELECT tyc FROM tycho2.main WHERE DISTANCE(POINT(ra, dec), POINT(201.7, -47.48)) < 0.25",
        "SELECT COUNT(*) AS n, AVG(vt_mag) AS mean_vt, MIN(bt_mag), MAX(bt_mag) FROM tycho2.main WHERE dec BETWEEN -10 AND 10",
        "SELECT pos_flag, COUNT(*) AS n FROM tycho2.main GROUP BY pos_flag HAVING COUNT(*) > 10 ORDER BY n DESC",
        "SELECT t.tyc, h.hip, h.vmag, h.b_v FROM tycho2.main AS t JOIN hipparcos.main AS h ON t.hip = h.hip WHERE h.vmag < 4",
        "SELECT m.name, t.tyc, DISTANCE(POINT(m.ra, m.dec), POINT(t.ra, t.dec)) AS sep FROM messier.main AS m\n"
            + "JOIN tycho2.main AS t ON 1 = CONTAINS(POINT(t.ra, t.dec), CIRCLE(m.ra, m.dec, 0.2))",
        "SELECT u.id, t.tyc, t.vt_mag FROM TAP_UPLOAD.mine AS u JOIN tycho2.main AS t\n"
            + "ON DISTANCE(POINT('ICRS', u.ra, u.dec), POINT('ICRS', t.ra, t.dec)) < u.r",
        "SELECT name, ra, dec FROM openngc.main WHERE 1 = CONTAINS(POINT(ra, dec), POLYGON(10, 10, 12, 10, 12, 12, 10, 12))",
        "SELECT name, UPPER(type) AS kind, mag FROM openngc.main WHERE name LIKE 'NGC 1%' AND mag IS NOT NULL",
        "SELECT * FROM hipparcos.main WHERE hip IN (SELECT hip FROM tycho2.main WHERE vt_mag < 3)",
        "SELECT ra, dec FROM messier.main UNION SELECT ra, dec FROM openngc.main WHERE mag < 5",
        "WITH bright AS (SELECT hip, vmag FROM hipparcos.main WHERE vmag < 2) SELECT * FROM bright ORDER BY vmag",
        "SELECT tyc, vt_mag FROM tycho2.main ORDER BY vt_mag, tyc OFFSET 100",
        "SELECT hip, ROUND(b_v, 2) AS bv, LOG10(ABS(vmag) + 1) AS l, POWER(10, -0.4 * vmag) AS flux FROM hipparcos.main WHERE b_v IS NOT NULL",
        "SELECT name, CASE WHEN mag < 5 THEN 'bright' ELSE 'faint' END AS class FROM messier.main",
        "SELECT table_name, column_name, datatype, unit, ucd FROM TAP_SCHEMA.columns WHERE table_name = 'tycho2.main'",
        "SELECT tyc, COALESCE(bt_mag, vt_mag) AS mag, CAST(hip AS BIGINT) AS hip64 FROM tycho2.main WHERE hip IS NOT NULL",
        "SELECT \"size\", COUNT(*) AS n FROM TAP_SCHEMA.columns GROUP BY \"size\"",
        "SELECT TOP 5 t.tyc FROM tycho2.main AS t WHERE EXISTS (SELECT 1 FROM hipparcos.main AS h WHERE h.hip = t.hip)",
    ];

    public static void Run(DemoSchema demo)
    {
        var parserOptions = FunctionCatalog.Default.ParserOptions();
        var parseRate = Rate(() =>
        {
            foreach (var adql in Mix)
            {
                AdqlParser.Parse(adql, parserOptions);
            }
        });
        Report.Line($"ADQL parse, mix of {Mix.Length} queries, 1 thread", "q/s", parseRate, Goal, "goal");
        foreach (var (backend, schema) in new[] { ("sqlite", demo.SqliteHealpix), ("postgres", demo.Postgres) })
        {
            var translator = DemoSchema.Translator(backend);
            var usable = Mix.Where(q => Translates(q, schema, translator, backend)).ToArray();
            var rate = Rate(() =>
            {
                foreach (var adql in usable)
                {
                    DemoSchema.Translate(adql, schema, translator, 100_001);
                }
            }, usable.Length);
            Report.Line($"ADQL parse+resolve+translate ({backend}), {usable.Length} queries", "q/s", rate, Goal, "goal");
            if (Environment.GetEnvironmentVariable("BENCH_DETAIL") == "1")
            {
                foreach (var adql in usable)
                {
                    var one = Rate(() => DemoSchema.Translate(adql, schema, translator, 100_001), 1);
                    Report.Note(Report.Format($"    {one,10:N0} q/s"), adql.ReplaceLineEndings(" ")[..Math.Min(90, adql.Length)]);
                }
            }
        }
    }

    private static bool Translates(string adql, AdqlSchema schema, VoServices.Adql.Translation.SqlTranslator translator,
        string backend)
    {
        try
        {
            DemoSchema.Translate(adql, schema, translator, 100_001);
            return true;
        }
        catch (AdqlException e)
        {
            Report.Note($"  ({backend}: left out of the mix)", $"{e.Message}: {adql.ReplaceLineEndings(" ")}");
            return false;
        }
    }

    /// <summary>Queries per second of one pass over the mix, after a one-second warm-up (tiered JIT), best of 5.</summary>
    private static double Rate(Action pass, int queriesPerPass = -1)
    {
        var perPass = queriesPerPass < 0 ? Mix.Length : queriesPerPass;
        var warmUp = Stopwatch.StartNew();
        while (warmUp.ElapsedMilliseconds < 1_000)
        {
            pass();
        }
        var best = 0.0;
        for (var round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            var passes = 0;
            while (clock.ElapsedMilliseconds < 300)
            {
                pass();
                passes++;
            }
            best = Math.Max(best, passes * perPass / clock.Elapsed.TotalSeconds);
        }
        return best;
    }
}
