using System.Globalization;
using VoServices.Testing;

namespace VoServices.Storage.Postgres.Tests;

/// <summary>The hidden spoint column and its GiST index serve cone searches (toolchain.md §2).</summary>
public sealed class ConeSearchTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    // Orion's belt, 3 deg: a few hundred of the 118,216 Hipparcos stars.
    private const double Ra = 83.8221;
    private const double Dec = -5.3911;
    private const double Radius = 3.0;

    [SkippableFact]
    public async Task Cone_OnHipparcos_UsesTheGistIndexAndCountsLikeQ3cAndBruteForce()
    {
        var csv = SharedData.File("catalogs", "hipparcos_xhip", "hip_xhip_d3celestial.csv");
        var db = await server.NewDatabaseAsync();
        await Db.QueryAsync(db, "CREATE EXTENSION q3c");
        await using var store = new PostgresCatalogStore(db);
        var result = await Db.IngestAsync(store, "hipparcos", csv);
        Assert.Equal(118_216L, result.Rows);
        var circle = string.Create(CultureInfo.InvariantCulture,
            $"scircle(spoint(radians({Ra}), radians({Dec})), radians({Radius}))");

        var plan = string.Join("\n", (await Db.QueryAsync(db,
            $"EXPLAIN SELECT hip FROM hipparcos.main WHERE pos @ {circle}")).Select(r => (string)r[0]!));
        var count = (long)(await Db.ScalarAsync(db, $"SELECT count(*) FROM hipparcos.main WHERE pos @ {circle}"))!;
        // q3c is an independent implementation of the same cone (sequential scan over ra/dec, no q3c index here).
        var q3c = (long)(await Db.ScalarAsync(db, string.Create(CultureInfo.InvariantCulture,
            $"SELECT count(*) FROM hipparcos.main WHERE q3c_radial_query(ra, dec, {Ra}, {Dec}, {Radius})")))!;

        Assert.Matches(@"Index Scan (using|on) ""main#pos""", plan);
        Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
        Assert.Equal((BruteForceCount(csv), q3c), (count, q3c));
        Assert.InRange(count, 100, 2000);
    }

    /// <summary>Haversine distance over the CSV itself, in doubles.</summary>
    private static long BruteForceCount(string csv)
    {
        const double Rad = Math.PI / 180;
        long n = 0;
        foreach (var line in File.ReadLines(csv).Skip(1))
        {
            var f = line.Split(',');
            var ra = double.Parse(f[1], CultureInfo.InvariantCulture) * Rad;
            var dec = double.Parse(f[2], CultureInfo.InvariantCulture) * Rad;
            var h = Math.Pow(Math.Sin((dec - Dec * Rad) / 2), 2) +
                Math.Cos(dec) * Math.Cos(Dec * Rad) * Math.Pow(Math.Sin((ra - Ra * Rad) / 2), 2);
            if (2 * Math.Asin(Math.Sqrt(h)) <= Radius * Rad)
            {
                n++;
            }
        }
        return n;
    }
}
