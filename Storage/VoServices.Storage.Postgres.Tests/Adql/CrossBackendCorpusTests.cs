namespace VoServices.Storage.Postgres.Tests.Adql;

/// <summary>
/// Issue 4 acceptance: every query of <c>corpus.adql</c> (≥ 150: cones across RA = 0 and near the poles, polygon
/// crossmatches with a TAP_UPLOAD-like table, set operations, CTEs, ADQL numeric and string semantics, …) returns the
/// same rows on PostgreSQL + pg_sphere and on SQLite + C# geometry, compared after sorting, doubles to 1e-9 relative.
/// </summary>
public sealed class CrossBackendCorpusTests(BackendPair pair) : IClassFixture<BackendPair>
{
    public static TheoryData<string> Names => [.. AdqlCorpus.Entries.Select(e => e.Name)];

    [Fact]
    public void Corpus_File_HasAtLeast150UniquelyNamedQueries()
    {
        var names = AdqlCorpus.Entries.Select(e => e.Name).ToList();
        Assert.True(names.Count >= 150, $"corpus has {names.Count} queries");
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(AdqlCorpus.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Adql), e.Name));
    }

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public async Task Corpus_Query_SameRowsOnBothBackends(string name)
    {
        pair.RequirePostgres();
        var entry = AdqlCorpus.Entries.Single(e => e.Name == name);
        var (resolvedPg, pg) = pair.TranslateForPostgres(entry.Adql);
        var (resolvedLite, lite) = pair.TranslateForSqlite(entry.Adql);

        var expected = ResultRows.Sorted(ResultRows.Normalize(await pair.RunPostgresAsync(pg), resolvedPg.Columns));
        var actual = ResultRows.Sorted(ResultRows.Normalize(pair.RunSqlite(lite), resolvedLite.Columns));

        var difference = ResultRows.Difference(expected, actual, entry.Tolerance);
        Assert.True(difference is null, $"{name}: {difference}\nPostgreSQL: {pg.Sql}\nSQLite: {lite.Sql}");
        Assert.True(entry.MayBeEmpty || expected.Count > 0, $"{name} returned no row (mark it '| empty' if that is the point)");
    }
}
