using VoServices.Adql.Translation;

namespace VoServices.Storage.Sqlite.Tests.Adql;

/// <summary>Golden translations of <see cref="Storage.Sqlite.Adql.SqliteSqlDialect"/>, and what they do on the demo tables.</summary>
public sealed class SqliteSqlDialectTests(AdqlDemoDatabase db) : IClassFixture<AdqlDemoDatabase>
{
    [Theory]
    [InlineData("SELECT name FROM messier.main WHERE name LIKE 'M1%'", "WHERE (\"t1\".\"name\" LIKE $p1)")]
    [InlineData("SELECT name FROM messier.main WHERE name ILIKE 'm1!%' ESCAPE '!'", "WHERE (lower(\"t1\".\"name\") LIKE lower($p1) ESCAPE $p2)")]
    [InlineData("SELECT MOD(hip, 7), MOD(ra, 7), ROUND(vmag, 1), TRUNCATE(hip, -1) FROM hipparcos.main",
        "(\"t1\".\"hip\" % 7) AS \"c1\", mod(\"t1\".\"ra\", 7) AS \"c2\", adql_round(\"t1\".\"vmag\", 1) AS \"c3\", CAST(adql_truncate(\"t1\".\"hip\", (-1)) AS INTEGER) AS \"c4\"")]
    [InlineData("SELECT LOG(ra), COT(ra), hip ^ 5, RAND() FROM hipparcos.main",
        "ln(\"t1\".\"ra\") AS \"c1\", (1.0 / tan(\"t1\".\"ra\")) AS \"c2\", ((\"t1\".\"hip\" | 5) - (\"t1\".\"hip\" & 5)) AS \"c3\", adql_rand() AS \"c4\"")]
    [InlineData("SELECT CAST(ra AS CHAR(4)), CAST(ra AS VARCHAR(3)), CAST(hip AS VARCHAR), CAST(ra AS INTEGER) FROM hipparcos.main",
        "printf('%-4.4s', adql_text(\"t1\".\"ra\")) AS \"c1\", substr(adql_text(\"t1\".\"ra\"), 1, 3) AS \"c2\", CAST(\"t1\".\"hip\" AS TEXT) AS \"c3\", CAST(\"t1\".\"ra\" AS INTEGER) AS \"c4\"")]
    [InlineData("SELECT TOP 5 hip FROM hipparcos.main ORDER BY b_v DESC OFFSET 2", "ORDER BY \"t1\".\"b_v\" DESC NULLS FIRST LIMIT 5 OFFSET 2")]
    [InlineData("SELECT hip FROM hipparcos.main ORDER BY hip OFFSET 2", "ORDER BY 1 ASC NULLS LAST LIMIT -1 OFFSET 2")]
    [InlineData("SELECT POINT(ra, dec), BOX(1, 2, 3, 4) FROM hipparcos.main",
        "adql_dali(\"t1\".\"ra\", \"t1\".\"dec\") AS \"c1\", adql_dali_of(X'04000000000000F03F000000000000004000000000000008400000000000001040') AS \"c2\"")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE DISTANCE(POINT(ra, dec), POINT(10, 20)) > 1", "WHERE (adql_distance(\"t1\".\"ra\", \"t1\".\"dec\", 10, 20) > 1)")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 0 = CONTAINS(POINT(ra, dec), CIRCLE(10, 20, 1))",
        "WHERE (NOT (adql_contains_point(\"t1\".\"ra\", \"t1\".\"dec\", X'0200000000000024400000000000003440000000000000F03F') = 1))")]
    [InlineData("SELECT hip FROM hipparcos.main INTERSECT ALL SELECT hip FROM tycho2.main",
        "SELECT \"c1\" FROM (SELECT \"c1\", row_number() OVER (PARTITION BY \"c1\") AS \"n\" FROM (SELECT \"t1\".\"hip\" AS \"c1\" FROM \"hipparcos.main\" AS \"t1\") AS \"s1\" INTERSECT SELECT \"c1\", row_number() OVER (PARTITION BY \"c1\") AS \"n\" FROM (SELECT \"t2\".\"hip\" AS \"c1\" FROM \"tycho2.main\" AS \"t2\") AS \"s2\") AS \"s3\"")]
    [InlineData("SELECT id FROM TAP_UPLOAD.mine", "FROM \"upload#mine\" AS \"t1\"")]
    [InlineData("SELECT \"size\" FROM TAP_SCHEMA.columns", "SELECT \"t1\".\"size\" AS \"c1\" FROM \"TAP_SCHEMA.columns\" AS \"t1\"")]
    public void Translate_Query_GivesTheSqliteForm(string adql, string fragment) =>
        Assert.Contains(fragment, db.Translate(adql).Sql, StringComparison.Ordinal);

    [Theory]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(10, 20, 1))",
        "WHERE ((\"t1\".\"_healpix\" BETWEEN ", "AND (adql_contains_point(\"t1\".\"ra\", \"t1\".\"dec\", X'")]
    [InlineData("SELECT h.hip FROM TAP_UPLOAD.mine AS u JOIN hipparcos.main AS h ON DISTANCE(POINT(u.ra, u.dec), POINT(h.ra, h.dec)) < u.r",
        "ON ((\"t2\".\"_healpix\" BETWEEN adql_hpx_lo(\"t1\".\"ra\", \"t1\".\"dec\", \"t1\".\"r\", 0) AND adql_hpx_hi(\"t1\".\"ra\", \"t1\".\"dec\", \"t1\".\"r\", 0) OR ",
        "AND (adql_distance(\"t1\".\"ra\", \"t1\".\"dec\", \"t2\".\"ra\", \"t2\".\"dec\") < \"t1\".\"r\"))")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 = CONTAINS(POINT(ra, dec), POLYGON(80, -10, 90, -10, 90, 0))",
        "WHERE ((\"t1\".\"_healpix\" BETWEEN ", "AND (adql_contains_point(\"t1\".\"ra\", \"t1\".\"dec\", X'03")]
    public void Translate_ConeOrCrossmatch_PrefiltersOnHealpixThenTestsExactly(string adql, string prefilter, string exact)
    {
        var sql = db.Translate(adql).Sql;
        Assert.Contains(prefilter, sql, StringComparison.Ordinal);
        Assert.Contains(exact, sql, StringComparison.Ordinal);
        Assert.True(sql.IndexOf(prefilter, StringComparison.Ordinal) < sql.IndexOf(exact, StringComparison.Ordinal));
    }

    [Fact]
    public void Translate_ConstantCone_HasAtMost32Ranges()
    {
        var sql = db.Translate("SELECT hip FROM hipparcos.main WHERE DISTANCE(POINT(ra, dec), POINT(0, 0)) < 20").Sql;
        var ranges = sql.Split(" OR ").Length;
        Assert.InRange(ranges, 1, 32);
    }

    [Theory]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 = CONTAINS(POINT(ra, dec), POLYGON(0, 0, 10, 0, 0, 10, 10, 10))")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 = CONTAINS(POINT(ra, dec), POLYGON(0, 0, 90, 0, 180, 0, 270, 0))")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 = CONTAINS(POINT(ra, dec), POLYGON(0, 0, 10, 0, 0, 0))")]
    public void Translate_InvalidConstantPolygon_ThrowsInvalidGeometry(string adql)
    {
        var error = Assert.Throws<AdqlTranslationException>(() => db.Translate(adql));
        Assert.Equal(TranslationErrorCode.InvalidGeometry, error.Code);
    }

    [Theory]
    [InlineData("SELECT COUNT(*) FROM messier.main WHERE name LIKE 'm%'", 0L)]
    [InlineData("SELECT COUNT(*) FROM messier.main WHERE name ILIKE 'm%'", 110L)]
    [InlineData("SELECT COUNT(*) FROM messier.main WHERE name NOT LIKE 'M%'", 0L)]
    [InlineData("SELECT MOD(-7, 3) + 10 * MOD(7, -3) FROM messier.main WHERE messier_number = 1", 9L)]
    [InlineData("SELECT ROUND(-2.5) FROM messier.main WHERE messier_number = 1", -3.0)]
    [InlineData("SELECT TRUNCATE(-2.7) FROM messier.main WHERE messier_number = 1", -2.0)]
    [InlineData("SELECT -7 / 2 FROM messier.main WHERE messier_number = 1", -3L)]
    [InlineData("SELECT CAST(name AS CHAR(4)) FROM messier.main WHERE messier_number = 1", "M1  ")]
    // Multiset semantics (SQL-92 §7.10), counted in demo/data/messier_topcat.vot.xml with Python: 27 objects of type 5
    // (their constellations all occur in the whole table); 110 objects of which 64 have dec > 0.
    [InlineData("SELECT COUNT(*) FROM (SELECT constellation FROM messier.main WHERE type = '5' INTERSECT ALL SELECT constellation FROM messier.main) AS s", 27L)]
    [InlineData("SELECT COUNT(*) FROM (SELECT type FROM messier.main EXCEPT ALL SELECT type FROM messier.main WHERE dec > 0) AS s", 46L)]
    [InlineData("SELECT TOP 1 hip FROM tycho2.main ORDER BY hip", 941L)]
    [InlineData("SELECT TOP 1 hip FROM tycho2.main ORDER BY hip DESC", null)]
    public void Run_Query_HasAdqlSemantics(string adql, object? expected) =>
        Assert.Equal(expected, db.Run(adql).Single()[0]);
}
