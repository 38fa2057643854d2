using System.Text.RegularExpressions;
using VoServices.Adql.Functions;
using VoServices.Adql.Semantics;
using VoServices.Adql.Translation;

namespace VoServices.Adql.Tests.Translation;

/// <summary>
/// Issue 5 item 5 (safety): hostile ADQL through parser, resolver and translator either fails with a typed
/// <see cref="AdqlException"/> or gives one statement whose every identifier is a table, a column or a generated name of
/// the schema, and whose user strings are parameters.
/// </summary>
public sealed partial class HostileTranslationTests
{
    public static TheoryData<string> Hostile =>
    [
        "SELECT * FROM \"x\"\"; DROP TABLE y; --\"",
        "SELECT \"ra\"\"; DROP TABLE tycho2.main; --\" FROM tycho2.main",
        "SELECT ra AS \"a\"\"; DROP TABLE y; --\" FROM tycho2.main",
        "SELECT t.ra FROM tycho2.main AS \"t\"\"; DELETE FROM x; --\"",
        "SELECT ra FROM tycho2.main WHERE tyc = 'x''; DROP TABLE tycho2.main; --'",
        "SELECT ra FROM tycho2.main WHERE tyc = 'a\\'; DROP TABLE tycho2.main; --'",
        "SELECT ra FROM tycho2.main WHERE tyc LIKE '%''||pg_sleep(10)||''%' ESCAPE '\\'",
        "SELECT 'abc'' OR 1=1 --' FROM tycho2.main",
        "SELECT ra FROM tycho2.main -- ; DROP TABLE tycho2.main",
        "SELECT ra FROM tycho2.main /* ; DROP TABLE tycho2.main */",
        "SELECT ra FROM tycho2.main; DROP TABLE tycho2.main",
        "SELECT ra FROM tycho2.main WHERE 1 = 1; SELECT * FROM pg_authid",
        "SELECT * FROM pg_catalog.pg_authid",
        "SELECT * FROM information_schema.tables",
        "SELECT * FROM voservices.published_tables",
        "SELECT * FROM sqlite_master",
        "SELECT * FROM \"tycho2.main\"",
        "SELECT * FROM tycho2.\"main\"\"--\"",
        "SELECT pos FROM tycho2.main",
        "SELECT _healpix FROM tycho2.main",
        "SELECT \"_healpix\" FROM tycho2.main",
        "SELECT pg_sleep(10) FROM tycho2.main",
        "SELECT vo_crossmatch(ra, dec, 1, 2, 3) FROM tycho2.main",
        "SELECT load_extension('x') FROM tycho2.main",
        "SELECT rа FROM tycho2.main",
        "SELECT \"rа\" FROM tycho2.main",
        "SELECT ra FROM tусho2.main",
        "SELECT ra FROM tycho2.main WHERE tyc = 'ｄｒｏｐ ｔａｂｌｅ'",
        "SELECT 1e400 FROM tycho2.main",
        "SELECT -1e309 FROM tycho2.main",
        "SELECT TOP 99999999999999999999 ra FROM tycho2.main",
        "SELECT ra FROM tycho2.main OFFSET 99999999999999999999",
        "SELECT 0xFFFFFFFFFFFFFFFFFFFF FROM tycho2.main",
        "SELECT ra FROM tycho2.main WHERE ra = 1e-400",
        "SELECT " + new string('(', 1000) + "1" + new string(')', 1000) + " FROM tycho2.main",
        "SELECT ra FROM tycho2.main WHERE " + string.Join(" AND ", Enumerable.Repeat("ra > 0", 2000)),
        "SELECT ra FROM tycho2.main WHERE ra IN (SELECT ra FROM tycho2.main WHERE ra IN (SELECT ra FROM (SELECT ra FROM tycho2.main) AS a))",
        "SELECT " + string.Concat(Enumerable.Repeat("- ", 600)) + "1 FROM tycho2.main",
        "SELECT ra FROM tycho2.main WHERE tyc = '\u0000'",
        "SELECT ra FROM tycho2.main WHERE tyc = '\ud800'",
        "SELECT ra FROM tycho2.main\u0000; DROP TABLE x",
        "SELECT * FROM TAP_UPLOAD.\"mine\"\"; DROP TABLE x; --\"",
        "SELECT * FROM TAP_UPLOAD.mine WHERE 1 = CONTAINS(p, REGION('Circle ICRS 0 0 1; DROP TABLE x'))",
        "SELECT REGION('Polygon ICRS 1 2 3 4 5 6 ''; DROP TABLE x') FROM tycho2.main",
        "SELECT CAST('1 2; DROP TABLE x' AS POINT) FROM tycho2.main",
        "SELECT IN_UNIT(ra, 'deg''; DROP TABLE x; --') FROM tycho2.main",
        "SELECT ra FROM tycho2.main ORDER BY 1; DROP TABLE x",
        "SELECT ra FROM tycho2.main WHERE tyc = 'a' UNION SELECT table_name FROM TAP_SCHEMA.columns",
        "WITH \"x\"\"; DROP TABLE y; --\" AS (SELECT ra FROM tycho2.main) SELECT * FROM \"x\"\"; DROP TABLE y; --\"",
        "SELECT ra FROM tycho2.main WHERE CONTAINS(POINT(ra, dec), CIRCLE('ICRS''; DROP TABLE x', 1, 2, 3)) = 1",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Translate_HostileInput_TypedErrorOrSafeSingleStatement(string adql)
    {
        SqlStatement statement;
        try
        {
            var catalog = FunctionCatalog.Default;
            var resolved = SchemaResolver.Resolve(AdqlParser.Parse(adql, catalog.ParserOptions()), TranslationSchema.Schema, catalog);
            statement = new SqlTranslator(new TestDialect()).Translate(resolved);
        }
        catch (AdqlException error)
        {
            Assert.Matches("^ADQL0[0-9]{3}", error.Code);
            return;
        }
        AssertSafe(statement, TranslationSchema.KnownIdentifiers);
    }

    [Fact]
    public void Translate_InjectionThroughString_StaysInOneParameter()
    {
        var statement = TranslationSchema.Translate("SELECT ra FROM tycho2.main WHERE tyc = 'x''; DROP TABLE tycho2.main; --'");
        Assert.Equal("SELECT \"t1\".\"ra\" AS \"c1\" FROM \"tycho2\".\"main\" AS \"t1\" WHERE (\"t1\".\"tyc\" = :p1)", statement.Sql);
        Assert.Equal("x'; DROP TABLE tycho2.main; --", Assert.Single(statement.Parameters).Value);
    }

    /// <summary>One statement, no comment, only known or generated identifiers, no user keyword outside parameters.</summary>
    internal static void AssertSafe(SqlStatement statement, IReadOnlySet<string> known)
    {
        var outside = Quoted().Replace(statement.Sql, " ");
        Assert.DoesNotContain(";", outside, StringComparison.Ordinal);
        Assert.DoesNotContain("--", outside, StringComparison.Ordinal);
        Assert.DoesNotContain("/*", outside, StringComparison.Ordinal);
        foreach (var keyword in new[] { "DROP", "DELETE", "INSERT", "UPDATE", "pg_sleep", "load_extension", "pg_authid", "sqlite_master" })
        {
            Assert.DoesNotContain(keyword, outside, StringComparison.OrdinalIgnoreCase);
        }
        foreach (Match identifier in Identifier().Matches(statement.Sql))
        {
            var name = identifier.Groups[1].Value.Replace("\"\"", "\"", StringComparison.Ordinal);
            Assert.True(known.Contains(name) || Generated().IsMatch(name), $"unknown identifier {name} in {statement.Sql}");
        }
    }

    [GeneratedRegex("\"(?:[^\"]|\"\")*\"|'(?:[^']|'')*'")]
    private static partial Regex Quoted();

    [GeneratedRegex("\"((?:[^\"]|\"\")*)\"")]
    private static partial Regex Identifier();

    [GeneratedRegex("^([tcsw][0-9]+|n)$")]
    private static partial Regex Generated();
}
