using VoServices.Adql.Ast;
using VoServices.Adql.Semantics;
using VoServices.Adql.Translation;

namespace VoServices.Adql.Tests.Translation;

/// <summary>The translator's own decisions (names, structure, parameters, limits, errors), seen through <see cref="TestDialect"/>.</summary>
public sealed class SqlTranslatorTests
{
    [Theory]
    [InlineData("SELECT ra, dec FROM tycho2.main",
        "SELECT \"t1\".\"ra\" AS \"c1\", \"t1\".\"dec\" AS \"c2\" FROM \"tycho2\".\"main\" AS \"t1\"")]
    [InlineData("SELECT * FROM hipparcos.main",
        "SELECT \"t1\".\"hip\" AS \"c1\", \"t1\".\"ra\" AS \"c2\", \"t1\".\"dec\" AS \"c3\", \"t1\".\"vmag\" AS \"c4\", \"t1\".\"b_v\" AS \"c5\" FROM \"hipparcos\".\"main\" AS \"t1\"")]
    [InlineData("SELECT \"size\" FROM TAP_SCHEMA.columns ORDER BY \"size\"",
        "SELECT \"t1\".\"size\" AS \"c1\" FROM \"TAP_SCHEMA\".\"columns\" AS \"t1\" ORDER BY 1 ASC")]
    [InlineData("SELECT name FROM (SELECT tyc AS name, COUNT(*) FROM tycho2.main GROUP BY tyc) AS s",
        "SELECT \"t2\".\"c1\" AS \"c1\" FROM (SELECT \"t1\".\"tyc\" AS \"c1\", count(*) AS \"c2\" FROM \"tycho2\".\"main\" AS \"t1\" GROUP BY \"t1\".\"tyc\") AS \"t2\"")]
    [InlineData("WITH w AS (SELECT hip FROM hipparcos.main) SELECT * FROM w",
        "WITH \"w1\" AS (SELECT \"t1\".\"hip\" AS \"c1\" FROM \"hipparcos\".\"main\" AS \"t1\") SELECT \"t2\".\"c1\" AS \"c1\" FROM \"w1\" AS \"t2\"")]
    [InlineData("SELECT id FROM TAP_UPLOAD.mine AS \"t2\" WHERE \"t2\".r > 1",
        "SELECT \"t1\".\"id\" AS \"c1\" FROM \"upload_17\" AS \"t1\" WHERE (\"t1\".\"r\" > 1)")]
    public void Translate_Query_WritesGeneratedNamesAndPhysicalNames(string adql, string sql) =>
        Assert.Equal(sql, TranslationSchema.Translate(adql).Sql);

    [Theory]
    [InlineData("SELECT TOP 10 hip FROM hipparcos.main", 5L, " LIMIT 5")]
    [InlineData("SELECT TOP 3 hip FROM hipparcos.main", 5L, " LIMIT 3")]
    [InlineData("SELECT hip FROM hipparcos.main", 5L, " LIMIT 5")]
    [InlineData("SELECT hip FROM hipparcos.main", null, "\"t1\"")]
    [InlineData("SELECT TOP 0 hip FROM hipparcos.main", 5L, " LIMIT 0")]
    [InlineData("SELECT hip FROM hipparcos.main ORDER BY hip OFFSET 7", 5L, " ORDER BY 1 ASC LIMIT 5 OFFSET 7")]
    [InlineData("SELECT hip FROM hipparcos.main UNION SELECT hip FROM tycho2.main ORDER BY 1", 6L, "\"t2\" ORDER BY 1 ASC LIMIT 6")]
    public void Translate_RowLimit_KeepsTheSmallerOfTopAndLimit(string adql, long? rowLimit, string end) =>
        Assert.EndsWith(end, TranslationSchema.Translate(adql, rowLimit).Sql, StringComparison.Ordinal);

    [Fact]
    public void Translate_NegativeRowLimit_Throws()
    {
        var resolved = SchemaResolver.Resolve(AdqlParser.Parse("SELECT hip FROM hipparcos.main"), TranslationSchema.Schema);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SqlTranslator(new TestDialect()).Translate(resolved, -1));
    }

    [Theory]
    [InlineData("SELECT 12., .5, 1.2E3, 0xFF, 7 / 2, 10e-5 FROM hipparcos.main", "12.0 AS \"c1\", 0.5 AS \"c2\", 1200.0 AS \"c3\", 255 AS \"c4\", (7 / 2) AS \"c5\", 0.0001 AS \"c6\"")]
    [InlineData("SELECT 99999999999999999999 FROM hipparcos.main", "1E+20 AS \"c1\"")]
    [InlineData("SELECT -hip, - -hip FROM hipparcos.main", "(-\"t1\".\"hip\") AS \"c1\", (-(-\"t1\".\"hip\")) AS \"c2\"")]
    public void Translate_NumericLiterals_AreRewrittenFromTheirValue(string adql, string fragment) =>
        Assert.Contains(fragment, TranslationSchema.Translate(adql).Sql, StringComparison.Ordinal);

    [Fact]
    public void Translate_StringLiterals_BecomeParametersSharedByEqualValues()
    {
        var statement = TranslationSchema.Translate("SELECT tyc FROM tycho2.main WHERE tyc = 'a' OR pos_flag = 'a' OR tyc LIKE 'x''; --'");
        Assert.Equal("SELECT \"t1\".\"tyc\" AS \"c1\" FROM \"tycho2\".\"main\" AS \"t1\" WHERE ((\"t1\".\"tyc\" = :p1) OR " +
            "(\"t1\".\"pos_flag\" = :p1) OR (\"t1\".\"tyc\" LIKE :p2))", statement.Sql);
        Assert.Equal([new SqlParameter(":p1", 1, "a"), new SqlParameter(":p2", 2, "x'; --")], statement.Parameters);
    }

    [Theory]
    [InlineData("SELECT hip FROM hipparcos.main WHERE vmag = 6.51", "(\"t1\".\"vmag\" = real(6.51))")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 6.51 >= vmag", "(real(6.51) >= \"t1\".\"vmag\")")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE vmag BETWEEN 1 AND -2", "(\"t1\".\"vmag\" BETWEEN real(1) AND real((-2)))")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE vmag IN (1, 2.5)", "(\"t1\".\"vmag\" IN (real(1), real(2.5)))")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE vmag < b_v", "(\"t1\".\"vmag\" < \"t1\".\"b_v\")")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE vmag < ra", "(widen(\"t1\".\"vmag\") < \"t1\".\"ra\")")]
    [InlineData("SELECT vmag + 1 FROM hipparcos.main", "(widen(\"t1\".\"vmag\") + 1) AS \"c1\"")]
    [InlineData("SELECT vmag FROM hipparcos.main ORDER BY vmag", "SELECT \"t1\".\"vmag\" AS \"c1\"")]
    public void Translate_FloatColumns_StayBareOnlyWhereTheirTypeIsKept(string adql, string fragment) =>
        Assert.Contains(fragment, TranslationSchema.Translate(adql).Sql, StringComparison.Ordinal);

    [Theory]
    [InlineData("SELECT hip AS h FROM hipparcos.main ORDER BY h DESC", " ORDER BY 1 DESC")]
    [InlineData("SELECT hip, vmag FROM hipparcos.main ORDER BY 2", " ORDER BY 2 ASC")]
    [InlineData("SELECT hip, vmag + 1 FROM hipparcos.main ORDER BY vmag + 1", " ORDER BY 2 ASC")]
    [InlineData("SELECT hip FROM hipparcos.main ORDER BY vmag", " ORDER BY \"t1\".\"vmag\" ASC")]
    [InlineData("SELECT DISTINCT hip FROM hipparcos.main ORDER BY hip", " ORDER BY 1 ASC")]
    [InlineData("SELECT FLOOR(vmag) AS m, COUNT(*) AS n FROM hipparcos.main GROUP BY m ORDER BY n DESC",
        " GROUP BY floor(widen(\"t1\".\"vmag\")) ORDER BY 2 DESC")]
    public void Translate_OrderAndGroupKeys_NameOutputColumnsByPosition(string adql, string fragment) =>
        Assert.Contains(fragment, TranslationSchema.Translate(adql).Sql, StringComparison.Ordinal);

    [Theory]
    [InlineData("SELECT hip FROM hipparcos.main UNION (SELECT hip FROM hipparcos.main INTERSECT SELECT hip FROM tycho2.main)",
        "UNION SELECT * FROM (SELECT \"t2\".\"hip\" AS \"c1\" FROM \"hipparcos\".\"main\" AS \"t2\" INTERSECT SELECT \"t3\".\"hip\" AS \"c1\" FROM \"tycho2\".\"main\" AS \"t3\") AS \"s1\"")]
    [InlineData("(SELECT hip FROM hipparcos.main UNION SELECT hip FROM tycho2.main) INTERSECT SELECT hip FROM tycho2.main",
        "SELECT * FROM (SELECT \"t1\".\"hip\" AS \"c1\" FROM \"hipparcos\".\"main\" AS \"t1\" UNION SELECT \"t2\".\"hip\" AS \"c1\" FROM \"tycho2\".\"main\" AS \"t2\") AS \"s1\" INTERSECT")]
    [InlineData("(SELECT TOP 2 hip FROM hipparcos.main ORDER BY hip) UNION SELECT hip FROM tycho2.main",
        "SELECT * FROM (SELECT \"t1\".\"hip\" AS \"c1\" FROM \"hipparcos\".\"main\" AS \"t1\" ORDER BY 1 ASC LIMIT 2) AS \"s1\" UNION")]
    [InlineData("SELECT hip FROM hipparcos.main INTERSECT SELECT hip FROM tycho2.main UNION SELECT hip FROM tycho2.main",
        "FROM \"hipparcos\".\"main\" AS \"t1\" INTERSECT SELECT \"t2\".\"hip\" AS \"c1\" FROM \"tycho2\".\"main\" AS \"t2\" UNION SELECT")]
    public void Translate_SetOperands_AreWrappedWhereEnginesWouldGroupThemDifferently(string adql, string fragment) =>
        Assert.Contains(fragment, TranslationSchema.Translate(adql).Sql, StringComparison.Ordinal);

    [Theory]
    [InlineData("SELECT * FROM hipparcos.main NATURAL JOIN tycho2.main",
        "JOIN \"tycho2\".\"main\" AS \"t2\" ON \"t1\".\"hip\" = \"t2\".\"hip\" AND \"t1\".\"ra\" = \"t2\".\"ra\" AND \"t1\".\"dec\" = \"t2\".\"dec\"")]
    [InlineData("SELECT hip, tyc FROM hipparcos.main AS h RIGHT JOIN tycho2.main AS t USING (hip)",
        "SELECT \"t2\".\"hip\" AS \"c1\", \"t2\".\"tyc\" AS \"c2\" FROM \"hipparcos\".\"main\" AS \"t1\" RIGHT OUTER JOIN")]
    [InlineData("SELECT hip FROM hipparcos.main AS h FULL JOIN tycho2.main AS t USING (hip)",
        "SELECT COALESCE(\"t1\".\"hip\", \"t2\".\"hip\") AS \"c1\"")]
    [InlineData("SELECT h.hip FROM hipparcos.main AS h CROSS JOIN tycho2.main AS t", "AS \"t1\" CROSS JOIN \"tycho2\".\"main\" AS \"t2\"")]
    [InlineData("SELECT t.tyc, x.n FROM tycho2.main AS t JOIN (SELECT hip, COUNT(*) AS n FROM hipparcos.main GROUP BY hip) AS x ON x.hip = t.hip",
        "ON (\"t3\".\"c1\" = \"t1\".\"hip\")")]
    public void Translate_Joins_AreWrittenWithExplicitConditions(string adql, string fragment) =>
        Assert.Contains(fragment, TranslationSchema.Translate(adql).Sql, StringComparison.Ordinal);

    [Theory]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(10, 20, 1))", "spatial(Contains, pos[t1], circle(point(10, 20), 1))")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE CONTAINS(POINT(ra, dec), CIRCLE(10, 20, 1)) = 1", "spatial(Contains, pos[t1], circle(point(10, 20), 1))")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE CONTAINS(POINT(ra, dec), CIRCLE(10, 20, 1)) = 0", "NOT spatial(Contains, pos[t1]")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 <> CONTAINS(POINT(ra, dec), CIRCLE(10, 20, 1))", "NOT spatial(Contains, pos[t1]")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 > DISTANCE(POINT(10, 20), POINT(ra, dec))", "spatial(Distance, point(10, 20), pos[t1], LessThan, 1)")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE DISTANCE(ra, dec, 10, 20) >= 2", "spatial(Distance, pos[t1], point(10, 20), GreaterThanOrEqual, 2)")]
    [InlineData("SELECT hip FROM hipparcos.main AS h, TAP_UPLOAD.mine AS u WHERE 1 = INTERSECTS(CIRCLE(u.ra, u.dec, u.r), POINT(h.ra, h.dec))",
        "spatial(Contains, pos[t1], circle(point(\"t2\".\"ra\", \"t2\".\"dec\"), \"t2\".\"r\"))")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 = INTERSECTS(CIRCLE(ra, dec, 1), POLYGON(1, 2, 3, 4, 5, 7))", "spatial(Intersects, circle(pos[t1], 1), polygon(")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE vo_crossmatch(ra, dec, 10, 20, 0.5) = 1", "spatial(Contains, pos[t1], circle(point(10, 20), 0.5))")]
    [InlineData("SELECT id FROM TAP_UPLOAD.mine WHERE 1 = CONTAINS(p, CIRCLE(0, 0, 5.0 / 60))", "spatial(Contains, stored(Point, \"t1\".\"p\"), circle(point(0, 0), (5.0 / 60)))")]
    [InlineData("SELECT hip FROM hipparcos.main WHERE CONTAINS(POINT(ra, dec), CIRCLE(10, 20, 1)) = 2", "(contains(pos[t1], circle(point(10, 20), 1)) = 2)")]
    public void Translate_SpatialConditions_ReachTheDialectAsPredicates(string adql, string fragment) =>
        Assert.Contains(fragment, TranslationSchema.Translate(adql).Sql, StringComparison.Ordinal);

    /// <summary>Regression: grouped queries read the indexed position only before grouping (PostgreSQL SQLSTATE 42803).</summary>
    [Theory]
    [InlineData("SELECT ra, dec, DISTANCE(POINT(ra, dec), POINT(10, 20)) AS d FROM hipparcos.main GROUP BY ra, dec",
        "distance(point(\"t1\".\"ra\", \"t1\".\"dec\"), point(10, 20)) AS \"c3\"")]
    [InlineData("SELECT ra, dec FROM hipparcos.main GROUP BY ra, dec HAVING 1 = CONTAINS(POINT(ra, dec), CIRCLE(10, 20, 1))",
        "HAVING spatial(Contains, point(\"t1\".\"ra\", \"t1\".\"dec\"), circle(point(10, 20), 1))")]
    [InlineData("SELECT ra, dec FROM hipparcos.main GROUP BY ra, dec ORDER BY DISTANCE(POINT(ra, dec), POINT(10, 20))",
        "ORDER BY distance(point(\"t1\".\"ra\", \"t1\".\"dec\"), point(10, 20)) ASC")]
    [InlineData("SELECT COUNT(*) FROM hipparcos.main WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(10, 20, 1)) GROUP BY hip",
        "WHERE spatial(Contains, pos[t1], circle(point(10, 20), 1)) GROUP BY")]
    [InlineData("SELECT hip, (SELECT COUNT(*) FROM tycho2.main AS t WHERE 1 = CONTAINS(POINT(t.ra, t.dec), CIRCLE(h.ra, h.dec, 1))) FROM hipparcos.main AS h GROUP BY hip, ra, dec",
        "WHERE spatial(Contains, pos[t2], circle(point(\"t1\".\"ra\", \"t1\".\"dec\"), 1))")]
    [InlineData("SELECT DISTANCE(POINT(ra, dec), POINT(10, 20)) FROM hipparcos.main", "distance(pos[t1], point(10, 20))")]
    public void Translate_PointsOnGroups_AreBuiltFromTheirColumns(string adql, string fragment) =>
        Assert.Contains(fragment, TranslationSchema.Translate(adql).Sql, StringComparison.Ordinal);

    [Theory]
    [InlineData("SELECT POINT(ra, dec) FROM hipparcos.main", "dali(pos[t1]) AS \"c1\"")]
    [InlineData("SELECT REGION('Circle ICRS 10 20 1') FROM hipparcos.main", ":p1 AS \"c1\"")]
    [InlineData("SELECT COORDSYS(POINT(ra, dec)) FROM hipparcos.main", ":p1 AS \"c1\"")]
    [InlineData("SELECT CENTROID(CIRCLE(ra, dec, 1)) FROM hipparcos.main", "dali(centroid(circle(pos[t1], 1)))")]
    [InlineData("SELECT DISTANCE(POINT(ra, dec), POINT(1, 2)), AREA(BOX(0, 0, 1, 2)) FROM hipparcos.main", "distance(pos[t1], point(1, 2)) AS \"c1\", area(box(point(0, 0), 1, 2)) AS \"c2\"")]
    [InlineData("SELECT IN_UNIT(ra, 'arcsec'), IN_UNIT(pmra, 'deg/yr') FROM tycho2.main", "(\"t1\".\"ra\" * 3600.0) AS \"c1\", (widen(\"t1\".\"pmra\") * ")]
    public void Translate_GeometryAndUnits_AreValues(string adql, string fragment) =>
        Assert.Contains(fragment, TranslationSchema.Translate(adql).Sql, StringComparison.Ordinal);

    [Theory]
    [InlineData("SELECT 1e400 FROM hipparcos.main", TranslationErrorCode.NumberOutOfRange)]
    [InlineData("SELECT 0xFFFFFFFFFFFFFFFFFF FROM hipparcos.main", TranslationErrorCode.NumberOutOfRange)]
    [InlineData("SELECT hip FROM hipparcos.main WHERE ra > -1e308 * 10", TranslationErrorCode.NumberOutOfRange)]
    [InlineData("SELECT hip / (2 - 2) FROM hipparcos.main", TranslationErrorCode.NumberOutOfRange)]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(10, 95, 1))", TranslationErrorCode.InvalidGeometry)]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(10, 20, -1))", TranslationErrorCode.InvalidGeometry)]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(10, 20, 181))", TranslationErrorCode.InvalidGeometry)]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 = CONTAINS(POINT(ra, dec), BOX(10, 20, 0, 1))", TranslationErrorCode.InvalidGeometry)]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 = CONTAINS(POINT(ra, dec), REGION('Circle ICRS 10 20'))", TranslationErrorCode.InvalidGeometry)]
    [InlineData("SELECT hip FROM hipparcos.main WHERE 1 = CONTAINS(POINT(ra, dec), REGION('Union ICRS (Circle 1 2 3)'))", TranslationErrorCode.Unsupported)]
    [InlineData("SELECT hip FROM hipparcos.main WHERE DISTANCE(ra, dec, 0, 91) < 1", TranslationErrorCode.InvalidGeometry)]
    [InlineData("SELECT IN_UNIT(ra, 'parsec') FROM hipparcos.main", TranslationErrorCode.InvalidUnit)]
    [InlineData("SELECT IN_UNIT(ra, 'km') FROM hipparcos.main", TranslationErrorCode.InvalidUnit)]
    [InlineData("SELECT IN_UNIT(ra + 1, 'rad') FROM hipparcos.main", TranslationErrorCode.InvalidUnit)]
    [InlineData("SELECT DISTINCT hip FROM hipparcos.main ORDER BY vmag", TranslationErrorCode.InvalidOrderBy)]
    [InlineData("SELECT RAND(3) FROM hipparcos.main", TranslationErrorCode.Unsupported)]
    public void Translate_UntranslatableQuery_ThrowsTypedError(string adql, string code)
    {
        var error = Assert.Throws<AdqlTranslationException>(() => TranslationSchema.Translate(adql));
        Assert.Equal(code, error.Code);
        Assert.StartsWith(code, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_ErrorOnNode_ReportsItsPosition()
    {
        var error = Assert.Throws<AdqlTranslationException>(() => TranslationSchema.Translate("SELECT hip,\n  1e400 FROM hipparcos.main"));
        Assert.Equal((2, 3), (error.Line, error.Column));
        Assert.StartsWith("ADQL0203 at line 2, column 3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_TableTheResolverDidNotBind_ThrowsUnresolved()
    {
        var query = AdqlParser.Parse("SELECT * FROM secret.table1");
        var empty = new ResolvedQuery(query, [], new Dictionary<AdqlNode, AdqlTable>(ReferenceEqualityComparer.Instance),
            new Dictionary<AdqlNode, ResolvedColumn>(ReferenceEqualityComparer.Instance));
        var error = Assert.Throws<AdqlTranslationException>(() => new SqlTranslator(new TestDialect()).Translate(empty));
        Assert.Equal(TranslationErrorCode.UnresolvedReference, error.Code);
    }

    [Fact]
    public void Translate_ColumnMissingFromTheBoundTable_ThrowsUnresolved()
    {
        var query = AdqlParser.Parse("SELECT password FROM hipparcos.main");
        var select = (SelectStatement)query.Body;
        var tables = new Dictionary<AdqlNode, AdqlTable>(ReferenceEqualityComparer.Instance) { [select.From[0]] = TranslationSchema.Hipparcos };
        var resolved = new ResolvedQuery(query, [], tables, new Dictionary<AdqlNode, ResolvedColumn>(ReferenceEqualityComparer.Instance));
        var error = Assert.Throws<AdqlTranslationException>(() => new SqlTranslator(new TestDialect()).Translate(resolved));
        Assert.Equal(TranslationErrorCode.UnresolvedReference, error.Code);
    }

    [Fact]
    public void Translate_StringWithNul_ThrowsInvalidString()
    {
        var query = new Query([], new SelectStatement(null, null, [new DerivedColumn(new StringLiteral("a\0b"), null)],
            [new NamedTable(new TableName(null, Identifier.Regular("hipparcos"), Identifier.Regular("main")), null)], null, [], null));
        var resolved = SchemaResolver.Resolve(query, TranslationSchema.Schema);
        var error = Assert.Throws<AdqlTranslationException>(() => new SqlTranslator(new TestDialect()).Translate(resolved));
        Assert.Equal(TranslationErrorCode.InvalidString, error.Code);
    }

    [Fact]
    public void Translate_ResolvedQuery_IsThreadSafe()
    {
        var translator = new SqlTranslator(new TestDialect());
        var resolved = SchemaResolver.Resolve(AdqlParser.Parse(
            "SELECT TOP 5 h.hip, t.tyc FROM hipparcos.main AS h JOIN tycho2.main AS t ON t.hip = h.hip WHERE t.tyc < 'x' || 'y'"),
            TranslationSchema.Schema);
        var expected = translator.Translate(resolved).Sql;
        Parallel.For(0, 200, _ => Assert.Equal(expected, translator.Translate(resolved).Sql));
    }
}
