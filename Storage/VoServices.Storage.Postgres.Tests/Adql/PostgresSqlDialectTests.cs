using VoServices.Adql.Translation;
using VoServices.Storage.Postgres.Adql;

namespace VoServices.Storage.Postgres.Tests.Adql;

/// <summary>Golden translations of <see cref="PostgresSqlDialect"/> (toolchain.md §2: pg_sphere in radians, @, &amp;&amp;, &lt;-&gt;).</summary>
public sealed class PostgresSqlDialectTests
{
    private static string Sql(string adql) => DialectSchema.Translate(PostgresSqlDialect.Default, adql).Sql;

    [Theory]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(10, 20, 1))",
        "WHERE (\"t1\".\"pos\" @ scircle(spoint(radians(10), radians(20)), radians(1)))")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE DISTANCE(POINT(ra, dec), POINT(10, 20)) < 1",
        "WHERE ((\"t1\".\"pos\" @ scircle(spoint(radians(10), radians(20)), radians(1))) AND (degrees(\"t1\".\"pos\" <-> spoint(radians(10), radians(20))) < 1))")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 2 >= DISTANCE(POINT(10, 20), POINT(ra, dec))",
        "WHERE ((\"t1\".\"pos\" @ scircle(spoint(radians(10), radians(20)), radians(2))) AND (degrees(\"t1\".\"pos\" <-> spoint(radians(10), radians(20))) <= 2))")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE DISTANCE(POINT(ra, dec), POINT(10, 20)) < 120",
        "WHERE (degrees(\"t1\".\"pos\" <-> spoint(radians(10), radians(20))) < 120)")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE DISTANCE(POINT(ra, dec), POINT(10, 20)) > 1",
        "WHERE (degrees(\"t1\".\"pos\" <-> spoint(radians(10), radians(20))) > 1)")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 0 = CONTAINS(POINT(ra, dec), CIRCLE(10, 20, 1))",
        "WHERE (NOT (\"t1\".\"pos\" @ scircle(spoint(radians(10), radians(20)), radians(1))))")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 = CONTAINS(POINT(ra, dec), POLYGON(0, 0, 10, 0, 5, 10))",
        "WHERE (\"t1\".\"pos\" @ CAST('{(0,0),(0.17453292519943295,0),(0.08726646259971647,0.17453292519943295)}' AS spoly))")]
    // BOX corners: the STC box is (±tan(w/2), ±tan(h/2)) in the gnomonic plane; python: t = tan(1°),
    // atan2(t, hypot(1, t)) = 0.017450634838626362 rad.
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 = CONTAINS(POINT(ra, dec), BOX(0, 0, 2, 2))",
        "WHERE (\"t1\".\"pos\" @ CAST('{(0.017453292519943295,0.017450634838626362),(6.265732014659642,0.017450634838626362),(6.265732014659642,-0.017450634838626362),(0.017453292519943295,-0.017450634838626362)}' AS spoly))")]
    [InlineData("SELECT m.name FROM messier.main AS m JOIN hipparcos.main AS h ON DISTANCE(POINT(m.ra, m.dec), POINT(h.ra, h.dec)) < 0.01",
        "ON ((\"t1\".\"pos\" @ scircle(\"t2\".\"pos\", radians(0.01))) AND (degrees(\"t1\".\"pos\" <-> \"t2\".\"pos\") < 0.01))")]
    [InlineData("SELECT u.id FROM TAP_UPLOAD.mine AS u JOIN hipparcos.main AS h ON DISTANCE(POINT(u.ra, u.dec), POINT(h.ra, h.dec)) < u.r",
        "ON ((\"t2\".\"pos\" @ scircle(spoint(radians(\"t1\".\"ra\"), radians(\"t1\".\"dec\")), radians(\"t1\".\"r\"))) AND (degrees(\"t2\".\"pos\" <-> spoint(radians(\"t1\".\"ra\"), radians(\"t1\".\"dec\"))) < \"t1\".\"r\"))")]
    [InlineData("SELECT u.id FROM TAP_UPLOAD.mine AS u JOIN hipparcos.main AS h ON 1 = CONTAINS(POINT(u.ra, u.dec), CIRCLE(h.ra, h.dec, 1))",
        "ON (\"t2\".\"pos\" @ scircle(spoint(radians(\"t1\".\"ra\"), radians(\"t1\".\"dec\")), radians(1)))")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 = INTERSECTS(CIRCLE(ra, dec, 1), CIRCLE(10, 20, 1))",
        "WHERE (scircle(\"t1\".\"pos\", radians(1)) && scircle(spoint(radians(10), radians(20)), radians(1)))")]
    [InlineData("SELECT DISTANCE(POINT(ra, dec), POINT(1, 2)), AREA(CIRCLE(ra, dec, 1)), COORD1(POINT(ra, dec)) FROM hipparcos.main",
        "SELECT degrees(\"t1\".\"pos\" <-> spoint(radians(1), radians(2))) AS \"c1\", degrees(degrees(area(scircle(\"t1\".\"pos\", radians(1))))) AS \"c2\", degrees(long(\"t1\".\"pos\")) AS \"c3\"")]
    [InlineData("SELECT POINT(ra, dec), CIRCLE(1, 2, 3) FROM hipparcos.main",
        "SELECT (CASE WHEN \"t1\".\"ra\" IS NULL OR \"t1\".\"dec\" IS NULL THEN NULL ELSE CAST(ARRAY[\"t1\".\"ra\", \"t1\".\"dec\"] AS double precision[]) END) AS \"c1\", CAST(ARRAY[1, 2, 3] AS double precision[]) AS \"c2\"")]
    [InlineData("SELECT CONTAINS(POINT(ra, dec), CIRCLE(1, 2, 3)) FROM hipparcos.main",
        "SELECT CAST((\"t1\".\"pos\" @ scircle(spoint(radians(1), radians(2)), radians(3))) AS integer) AS \"c1\"")]
    [InlineData("SELECT ivo_healpix_index(10, ra, dec) FROM hipparcos.main",
        "healpix_nest(CAST(10 AS integer), spoint(radians(\"t1\".\"ra\"), radians(\"t1\".\"dec\")))")]
    public void Translate_Geometry_UsesPgSphereAndThePointIndex(string adql, string fragment) =>
        Assert.Contains(fragment, Sql(adql), StringComparison.Ordinal);

    /// <summary>
    /// Regression (SQLSTATE 42803): on the groups of a grouped query the hidden <c>pos</c> column is not grouped, so the
    /// point is built from the grouped ra and dec there; WHERE and JOIN conditions keep the GiST form.
    /// </summary>
    [Theory]
    [InlineData("SELECT ra, dec, DISTANCE(POINT(ra, dec), POINT(10, 20)) AS d FROM hipparcos.main GROUP BY ra, dec",
        "SELECT \"t1\".\"ra\" AS \"c1\", \"t1\".\"dec\" AS \"c2\", degrees(spoint(radians(\"t1\".\"ra\"), radians(\"t1\".\"dec\")) <-> spoint(radians(10), radians(20))) AS \"c3\"")]
    [InlineData("SELECT ra, dec FROM hipparcos.main GROUP BY ra, dec HAVING 1 = CONTAINS(POINT(ra, dec), CIRCLE(10, 20, 1))",
        "HAVING (spoint(radians(\"t1\".\"ra\"), radians(\"t1\".\"dec\")) @ scircle(spoint(radians(10), radians(20)), radians(1)))")]
    [InlineData("SELECT ra, dec FROM hipparcos.main WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(10, 20, 1)) GROUP BY ra, dec",
        "WHERE (\"t1\".\"pos\" @ scircle(spoint(radians(10), radians(20)), radians(1))) GROUP BY")]
    [InlineData("SELECT m.ra, m.dec, (SELECT COUNT(*) FROM hipparcos.main AS h WHERE 1 = CONTAINS(POINT(h.ra, h.dec), CIRCLE(m.ra, m.dec, 1))) FROM messier.main AS m GROUP BY m.ra, m.dec",
        "WHERE (\"t2\".\"pos\" @ scircle(spoint(radians(\"t1\".\"ra\"), radians(\"t1\".\"dec\")), radians(1)))")]
    public void Translate_GeometryOnGroups_BuildsThePointFromGroupedColumns(string adql, string fragment) =>
        Assert.Contains(fragment, Sql(adql), StringComparison.Ordinal);

    [Theory]
    [InlineData("SELECT ROUND(vmag, 1), TRUNCATE(ra), ROUND(hip, -2) FROM hipparcos.main",
        "CAST(round(CAST(CAST(CAST(\"t1\".\"vmag\" AS text) AS double precision) AS numeric), CAST(1 AS integer)) AS double precision) AS \"c1\", CAST(trunc(CAST(\"t1\".\"ra\" AS numeric), 0) AS double precision) AS \"c2\", CAST(round(CAST(\"t1\".\"hip\" AS numeric), CAST((-2) AS integer)) AS bigint) AS \"c3\"")]
    [InlineData("SELECT MOD(hip, 7), MOD(ra, 7) FROM hipparcos.main",
        "mod(\"t1\".\"hip\", 7) AS \"c1\", (CAST(\"t1\".\"ra\" AS double precision) - CAST(7 AS double precision) * trunc(CAST(\"t1\".\"ra\" AS double precision) / CAST(7 AS double precision))) AS \"c2\"")]
    [InlineData("SELECT LOG(ra), LOG10(ra), FLOOR(hip), CEILING(ra) FROM hipparcos.main",
        "ln(\"t1\".\"ra\") AS \"c1\", log10(\"t1\".\"ra\") AS \"c2\", \"t1\".\"hip\" AS \"c3\", ceiling(\"t1\".\"ra\") AS \"c4\"")]
    [InlineData("SELECT hip / 2, hip ^ 3 FROM hipparcos.main", "(\"t1\".\"hip\" / 2) AS \"c1\", (\"t1\".\"hip\" # 3) AS \"c2\"")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE vmag = 6.51", "WHERE (\"t1\".\"vmag\" = CAST(6.51 AS real))")]
    [InlineData("SELECT vmag + 0.5 FROM hipparcos.main", "(CAST(CAST(\"t1\".\"vmag\" AS text) AS double precision) + 0.5)")]
    [InlineData("SELECT name FROM messier.main WHERE name LIKE 'M1%'", "(\"t1\".\"name\" LIKE $1 ESCAPE '')")]
    [InlineData("SELECT name FROM messier.main WHERE name ILIKE 'm1!%' ESCAPE '!'", "(\"t1\".\"name\" ILIKE $1 ESCAPE $2)")]
    [InlineData("SELECT CAST(h.ra AS INTEGER), CAST(name AS CHAR(3)), CAST(hip AS VARCHAR) FROM hipparcos.main AS h, messier.main",
        "CAST(trunc(\"t1\".\"ra\") AS integer) AS \"c1\", CAST(\"t2\".\"name\" AS char(3)) AS \"c2\", CAST(\"t1\".\"hip\" AS varchar) AS \"c3\"")]
    [InlineData("SELECT TOP 5 hip FROM hipparcos.main ORDER BY vmag DESC OFFSET 3", "ORDER BY \"t1\".\"vmag\" DESC LIMIT 5 OFFSET 3")]
    [InlineData("SELECT hip FROM hipparcos.main INTERSECT ALL SELECT hip FROM hipparcos.main", "INTERSECT ALL SELECT")]
    [InlineData("SELECT \"size\" FROM TAP_SCHEMA.columns", "SELECT \"t1\".\"size\" AS \"c1\" FROM \"TAP_SCHEMA\".\"columns\" AS \"t1\"")]
    [InlineData("SELECT id FROM TAP_UPLOAD.mine", "FROM \"upload_mine\" AS \"t1\"")]
    public void Translate_Semantics_FollowAdql(string adql, string fragment) =>
        Assert.Contains(fragment, Sql(adql), StringComparison.Ordinal);

    [Theory]
    [InlineData("SELECT CENTROID(POLYGON(0, 0, 1, 0, 0, 1)) FROM hipparcos.main")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 = CONTAINS(POINT(ra, dec), BOX(ra, dec, 1, 1))")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 = INTERSECTS(CIRCLE(ra, dec, 100), CIRCLE(0, 0, 1))")]
    [InlineData("SELECT RAND(7) FROM hipparcos.main")]
    public void Translate_WhatPgSphereCannotDo_ThrowsUnsupported(string adql)
    {
        var error = Assert.Throws<AdqlTranslationException>(() => Sql(adql));
        Assert.Equal(TranslationErrorCode.Unsupported, error.Code);
    }

    [Theory]
    [InlineData("SELECT name FROM messier.main WHERE name = 'it''s'", new object[] { "it's" })]
    [InlineData("SELECT name FROM messier.main WHERE name IN ('a', 'b', 'a')", new object[] { "a", "b" })]
    public void Translate_Strings_ArePositionalParameters(string adql, object[] values)
    {
        var statement = DialectSchema.Translate(PostgresSqlDialect.Default, adql);
        Assert.Equal(values, statement.Parameters.Select(p => p.Value));
        Assert.Equal(Enumerable.Range(1, values.Length).Select(i => "$" + i), statement.Parameters.Select(p => p.Name));
    }
}
