using VoServices.Adql.Functions;

namespace VoServices.Storage.Postgres.Tests.Adql;

/// <summary>
/// Every function of <see cref="FunctionCatalog.Default"/> (ADQL 2.1 functions and the service's UDFs) translates in both
/// dialects and runs on both backends with the same result. A new catalogue function fails here until it has a sample
/// call below and a translation in both dialects.
/// </summary>
public sealed class FunctionCatalogTranslationTests(BackendPair pair) : IClassFixture<BackendPair>
{
    private static readonly Dictionary<string, string> Samples = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ABS"] = "ABS(dec)", ["CEILING"] = "CEILING(dec)", ["DEGREES"] = "DEGREES(dec / 100)", ["EXP"] = "EXP(-vmag)",
        ["FLOOR"] = "FLOOR(dec)", ["LOG"] = "LOG(ra + 1)", ["LOG10"] = "LOG10(ra + 1)", ["MOD"] = "MOD(hip, 7)", ["PI"] = "PI()",
        ["POWER"] = "POWER(vmag, 2)", ["RADIANS"] = "RADIANS(ra)", ["RAND"] = "FLOOR(RAND())", ["ROUND"] = "ROUND(ra, 2)",
        ["SQRT"] = "SQRT(ra)", ["TRUNCATE"] = "TRUNCATE(dec, 1)", ["ACOS"] = "ACOS(dec / 90)", ["ASIN"] = "ASIN(dec / 90)",
        ["ATAN"] = "ATAN(dec)", ["ATAN2"] = "ATAN2(dec, ra + 1)", ["COS"] = "COS(ra)", ["COT"] = "COT(ra + 1)", ["SIN"] = "SIN(ra)",
        ["TAN"] = "TAN(dec)", ["AVG"] = "AVG(vmag)", ["COUNT"] = "COUNT(*)", ["MAX"] = "MAX(vmag)", ["MIN"] = "MIN(b_v)",
        ["SUM"] = "SUM(hip)", ["LOWER"] = "LOWER('AbC')", ["UPPER"] = "UPPER('AbC')", ["AREA"] = "AREA(CIRCLE(ra, dec, 1))",
        ["BOX"] = "CONTAINS(POINT(ra, dec), BOX(10, 10, 40, 40))", ["CENTROID"] = "COORD2(CENTROID(CIRCLE(ra, dec, 1)))",
        ["CIRCLE"] = "CIRCLE(ra, dec, 1)", ["CONTAINS"] = "CONTAINS(POINT(ra, dec), CIRCLE(10, 10, 30))",
        ["COORD1"] = "COORD1(POINT(ra, dec))", ["COORD2"] = "COORD2(POINT(ra, dec))", ["COORDSYS"] = "COORDSYS(POINT(ra, dec))",
        ["DISTANCE"] = "DISTANCE(POINT(ra, dec), POINT(0, 0))", ["INTERSECTS"] = "INTERSECTS(CIRCLE(ra, dec, 1), CIRCLE(10, 10, 30))",
        ["POINT"] = "POINT(ra, dec)", ["POLYGON"] = "POLYGON(ra, dec, ra + 1, dec, ra, dec + 1)",
        ["REGION"] = "REGION('Circle ICRS 1 2 3')", ["CAST"] = "CAST(hip AS DOUBLE PRECISION)", ["COALESCE"] = "COALESCE(b_v, 0)",
        ["IN_UNIT"] = "IN_UNIT(ra, 'arcmin')", ["ivo_healpix_index"] = "ivo_healpix_index(6, ra, dec)",
        ["vo_nanojansky_to_abmag"] = "vo_nanojansky_to_abmag(hip)", ["vo_nanojansky_to_abmag_sigma"] = "vo_nanojansky_to_abmag_sigma(hip, 3)",
        ["vo_crossmatch"] = "vo_crossmatch(ra, dec, 10, 10, 30)",
    };

    public static TheoryData<string> Functions => [.. FunctionCatalog.Default.Functions.Select(f => f.Name)];

    [SkippableTheory]
    [MemberData(nameof(Functions))]
    public async Task CatalogFunction_SampleCall_TranslatesAndGivesTheSameResultOnBothBackends(string name)
    {
        Assert.True(Samples.TryGetValue(name, out var sample), $"add a sample call of {name} to this test");
        var aggregate = FunctionCatalog.Default.Find(name)!.IsAggregate;
        var adql = aggregate
            ? $"SELECT {sample} FROM hipparcos.main WHERE hip < 3000"
            : $"SELECT hip, {sample} FROM hipparcos.main WHERE hip < 3000";
        var (resolvedLite, lite) = pair.TranslateForSqlite(adql);
        var sqlite = ResultRows.Sorted(ResultRows.Normalize(pair.RunSqlite(lite), resolvedLite.Columns));
        Assert.NotEmpty(sqlite);

        pair.RequirePostgres();
        var (resolvedPg, pg) = pair.TranslateForPostgres(adql);
        var postgres = ResultRows.Sorted(ResultRows.Normalize(await pair.RunPostgresAsync(pg), resolvedPg.Columns));
        Assert.Null(ResultRows.Difference(postgres, sqlite, 1e-9));
    }
}
