using VoServices.Adql.Semantics;
using VoServices.Adql.Translation;

namespace VoServices.Adql.Tests.Translation;

/// <summary>
/// Regression: an upload with FIELDs <c>u</c> and <c>U</c> (TAP_SCHEMA names <c>u</c> and <c>"U"</c>, see
/// TapAdqlSchema.DescribeUpload) — <c>SELECT "U"</c> returned <c>u</c>'s values because the translator re-matched the
/// name case-insensitively and took the first hit instead of the column the resolver bound (ADQL 2.1 §2.1.3).
/// </summary>
public sealed class CaseDistinctColumnTests
{
    private static readonly AdqlTable Cased = new("TAP_UPLOAD", "TAP_UPLOAD.cased",
    [
        new AdqlColumn("id", "int"), new AdqlColumn("u", "double"), new AdqlColumn("\"U\"", "double"),
    ], AdqlTableKind.Upload, StorageName: "upload_cased");

    private static readonly AdqlSchema Schema = new([Cased]);

    [Theory]
    [InlineData("SELECT \"U\" FROM TAP_UPLOAD.cased", "SELECT \"t1\".\"U\" AS \"c1\" FROM")]
    [InlineData("SELECT \"u\" FROM TAP_UPLOAD.cased", "SELECT \"t1\".\"u\" AS \"c1\" FROM")]
    [InlineData("SELECT u FROM TAP_UPLOAD.cased", "SELECT \"t1\".\"u\" AS \"c1\" FROM")]
    [InlineData("SELECT U FROM TAP_UPLOAD.cased", "SELECT \"t1\".\"U\" AS \"c1\" FROM")]
    [InlineData("SELECT u, \"U\" FROM TAP_UPLOAD.cased", "SELECT \"t1\".\"u\" AS \"c1\", \"t1\".\"U\" AS \"c2\" FROM")]
    [InlineData("SELECT \"U\", u FROM TAP_UPLOAD.cased", "SELECT \"t1\".\"U\" AS \"c1\", \"t1\".\"u\" AS \"c2\" FROM")]
    [InlineData("SELECT t.\"U\" FROM TAP_UPLOAD.cased AS t", "SELECT \"t1\".\"U\" AS \"c1\" FROM")]
    [InlineData("SELECT id FROM TAP_UPLOAD.cased WHERE \"U\" > 1", "WHERE (\"t1\".\"U\" > 1)")]
    [InlineData("SELECT id FROM TAP_UPLOAD.cased ORDER BY \"U\"", "ORDER BY \"t1\".\"U\" ASC")]
    [InlineData("SELECT a.\"U\", b.u FROM TAP_UPLOAD.cased AS a JOIN TAP_UPLOAD.cased AS b ON a.id = b.id",
        "SELECT \"t1\".\"U\" AS \"c1\", \"t2\".\"u\" AS \"c2\" FROM")]
    public void Translate_ColumnsDifferingOnlyByCase_FollowTheResolversBinding(string adql, string fragment)
    {
        var sql = new SqlTranslator(new TestDialect()).Translate(SchemaResolver.Resolve(AdqlParser.Parse(adql), Schema)).Sql;
        Assert.Contains(fragment, sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_NaturalJoinOverCaseDistinctColumns_JoinsOnlyOnUnambiguousNames()
    {
        const string adql = "SELECT a.\"U\" FROM TAP_UPLOAD.cased AS a NATURAL JOIN TAP_UPLOAD.cased AS b";
        var sql = new SqlTranslator(new TestDialect()).Translate(SchemaResolver.Resolve(AdqlParser.Parse(adql), Schema)).Sql;
        Assert.Equal("SELECT \"t1\".\"U\" AS \"c1\" FROM \"upload_cased\" AS \"t1\" JOIN \"upload_cased\" AS \"t2\" "
            + "ON \"t1\".\"id\" = \"t2\".\"id\"", sql);
    }

    // Regression: a derived table or common table with columns u and "U" named them u and U_2 for binding, so an outer
    // x."U" took u (ADQL 2.1 §2.1.3). {inner} is the derived table, whose select items are c1 = u, c2 = "U".
    [Theory]
    [InlineData("SELECT x.\"U\" FROM (SELECT u, \"U\" FROM TAP_UPLOAD.cased) AS x", "SELECT \"t2\".\"c2\" AS \"c1\" FROM {inner}")]
    [InlineData("SELECT x.U FROM (SELECT u, \"U\" FROM TAP_UPLOAD.cased) AS x", "SELECT \"t2\".\"c2\" AS \"c1\" FROM {inner}")]
    [InlineData("SELECT x.u FROM (SELECT u, \"U\" FROM TAP_UPLOAD.cased) AS x", "SELECT \"t2\".\"c1\" AS \"c1\" FROM {inner}")]
    [InlineData("SELECT \"U\" FROM (SELECT u, \"U\" FROM TAP_UPLOAD.cased) AS x", "SELECT \"t2\".\"c2\" AS \"c1\" FROM {inner}")]
    [InlineData("SELECT x.u FROM (SELECT u, \"U\" FROM TAP_UPLOAD.cased) AS x WHERE x.\"U\" > 1",
        "SELECT \"t2\".\"c1\" AS \"c1\" FROM {inner} AS \"t2\" WHERE (\"t2\".\"c2\" > 1)")]
    [InlineData("SELECT x.\"U\" FROM (SELECT \"U\", u FROM TAP_UPLOAD.cased) AS x",
        "SELECT \"t2\".\"c1\" AS \"c1\" FROM (SELECT \"t1\".\"U\" AS \"c1\", \"t1\".\"u\" AS \"c2\"")]
    [InlineData("SELECT x.\"U\" FROM (SELECT * FROM TAP_UPLOAD.cased) AS x", "SELECT \"t2\".\"c3\" AS \"c1\" FROM")]
    [InlineData("WITH c AS (SELECT u, \"U\" FROM TAP_UPLOAD.cased) SELECT c.\"U\" FROM c", "SELECT \"t2\".\"c2\" AS \"c1\" FROM \"w1\"")]
    [InlineData("SELECT x.\"U\" FROM (SELECT u, \"U\" FROM TAP_UPLOAD.cased UNION SELECT u, \"U\" FROM TAP_UPLOAD.cased) AS x",
        "SELECT \"t3\".\"c2\" AS \"c1\" FROM")]
    [InlineData("SELECT u, \"U\" FROM TAP_UPLOAD.cased ORDER BY \"U\"", "ORDER BY 2 ASC")]
    [InlineData("SELECT u, \"U\" FROM TAP_UPLOAD.cased ORDER BY u", "ORDER BY 1 ASC")]
    public void Translate_DerivedColumnsDifferingOnlyByCase_BindByExactName(string adql, string fragment)
    {
        var sql = new SqlTranslator(new TestDialect()).Translate(SchemaResolver.Resolve(AdqlParser.Parse(adql), Schema)).Sql;
        Assert.Contains(fragment.Replace("{inner}", Inner, StringComparison.Ordinal), sql, StringComparison.Ordinal);
    }

    private const string Inner = "(SELECT \"t1\".\"u\" AS \"c1\", \"t1\".\"U\" AS \"c2\" FROM \"upload_cased\" AS \"t1\")";
}
