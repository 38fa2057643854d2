using System.Text.RegularExpressions;
using VoServices.Adql;
using VoServices.Adql.Translation;
using VoServices.Storage.Postgres.Adql;
using VoServices.Storage.Sqlite.Adql;

namespace VoServices.Storage.Postgres.Tests.Adql;

/// <summary>
/// Issue 5 item 5 on the real dialects: hostile input gives a typed <see cref="AdqlException"/> or one statement whose
/// identifiers are all known tables, columns or generated names, with user strings as parameters — and the SQL that
/// does come out runs on PostgreSQL (read-only role) without touching anything else.
/// </summary>
public sealed partial class DialectHostileInputTests(BackendPair pair) : IClassFixture<BackendPair>
{
    public static TheoryData<string, string> Cases
    {
        get
        {
            string[] hostile =
            [
                "SELECT * FROM \"x\"\"; DROP TABLE y; --\"",
                "SELECT \"ra\"\"; DROP TABLE messier.main; --\" FROM messier.main",
                "SELECT name FROM messier.main WHERE name = 'x''; DROP TABLE messier.main; --'",
                "SELECT name FROM messier.main WHERE name = 'a\\'; SELECT 1; --'",
                "SELECT name FROM messier.main WHERE name LIKE '%\\%' OR name ILIKE '_''||pg_sleep(5)||''_'",
                "SELECT name FROM messier.main -- ; DROP TABLE messier.main",
                "SELECT name FROM messier.main; DROP TABLE messier.main",
                "SELECT * FROM pg_catalog.pg_authid",
                "SELECT * FROM voservices.published_tables",
                "SELECT * FROM \"TAP_SCHEMA\".\"columns\"\"; --\"",
                "SELECT pos FROM hipparcos.main",
                "SELECT _healpix FROM hipparcos.main",
                "SELECT pg_sleep(5) FROM messier.main",
                "SELECT nаme FROM messier.main",
                "SELECT 1e400 FROM messier.main",
                "SELECT name FROM messier.main WHERE dec > -1e308 * 10",
                "SELECT " + new string('(', 300) + "1" + new string(')', 300) + " FROM messier.main",
                "SELECT name FROM messier.main WHERE name = '\u0000'",
                "SELECT name FROM messier.main WHERE 1 = CONTAINS(POINT(ra, dec), REGION('Circle ICRS 1 2 3''); DROP TABLE x; --'))",
                "SELECT IN_UNIT(ra, 'deg''; DROP TABLE x') FROM messier.main",
                "SELECT name AS \"a\"\"; DROP TABLE x; --\" FROM messier.main AS \"m\"\"; --\" ORDER BY 1",
                "WITH \"w\"\"; DROP TABLE x; --\" AS (SELECT name FROM messier.main) SELECT * FROM \"w\"\"; DROP TABLE x; --\"",
            ];
            var data = new TheoryData<string, string>();
            foreach (var adql in hostile)
            {
                data.Add("postgres", adql);
                data.Add("sqlite", adql);
            }
            return data;
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Translate_HostileInput_TypedErrorOrSafeStatementThatRuns(string backend, string adql)
    {
        ISqlDialect dialect = backend == "postgres" ? PostgresSqlDialect.Default : SqliteSqlDialect.Default;
        SqlStatement statement;
        try
        {
            statement = DialectSchema.Translate(dialect, adql);
        }
        catch (AdqlException error)
        {
            Assert.Matches("^ADQL0[0-9]{3}$", error.Code);
            return;
        }
        var outside = Quoted().Replace(statement.Sql, " ");
        foreach (var forbidden in new[] { ";", "--", "/*", "DROP", "pg_sleep", "pg_authid", "published_tables" })
        {
            Assert.DoesNotContain(forbidden, outside, StringComparison.OrdinalIgnoreCase);
        }
        foreach (Match identifier in Identifier().Matches(statement.Sql))
        {
            var name = identifier.Groups[1].Value.Replace("\"\"", "\"", StringComparison.Ordinal);
            Assert.True(DialectSchema.KnownIdentifiers.Contains(name) || Generated().IsMatch(name), $"unknown identifier {name}");
        }
        if (backend == "postgres")
        {
            pair.RequirePostgres();
            // The same query against the demo database (its schema has these tables) runs as the read-only role.
            var (_, sql) = pair.TranslateForPostgres(adql);
            await pair.RunPostgresAsync(sql);
        }
    }

    [GeneratedRegex("\"(?:[^\"]|\"\")*\"|'(?:[^']|'')*'")]
    private static partial Regex Quoted();

    [GeneratedRegex("\"((?:[^\"]|\"\")*)\"")]
    private static partial Regex Identifier();

    [GeneratedRegex("^([tcsw][0-9]+|n)$")]
    private static partial Regex Generated();
}
