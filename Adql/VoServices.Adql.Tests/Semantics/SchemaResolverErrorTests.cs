using VoServices.Adql.Functions;
using VoServices.Adql.Semantics;

namespace VoServices.Adql.Tests.Semantics;

/// <summary>Semantic errors are typed, with a stable code, the position of the culprit and "did you mean" suggestions.</summary>
public sealed class SchemaResolverErrorTests
{
    // query | code | line | column | first suggestion ("" for none) — one line per rule
    [Theory]
    [InlineData("SELECT ra FROM tycho2.mian", "ADQL0101", 1, 16, "tycho2.main")]
    [InlineData("SELECT ra FROM tycho.main", "ADQL0101", 1, 16, "tycho2.main")]
    [InlineData("SELECT ra FROM hipparcos", "ADQL0101", 1, 16, "hipparcos.main")]
    [InlineData("SELECT ra FROM x.y.main", "ADQL0101", 1, 16, "")]
    [InlineData("SELECT ra FROM main", "ADQL0103", 1, 16, "tycho2.main")]
    [InlineData("SELECT rra FROM tycho2.main", "ADQL0102", 1, 8, "ra")]
    [InlineData("SELECT ra FROM tycho2.main WHERE vmag > 5", "ADQL0102", 1, 34, "vt_mag")]
    [InlineData("SELECT t.rra FROM tycho2.main AS t", "ADQL0102", 1, 8, "ra")]
    [InlineData("SELECT \"flux\" FROM TAP_UPLOAD.mine", "ADQL0102", 1, 8, "\"Flux\"")]
    [InlineData("SELECT ra AS x FROM tycho2.main WHERE x > 1", "ADQL0102", 1, 39, "")]
    [InlineData("SELECT x.ra FROM tycho2.main AS t", "ADQL0101", 1, 8, "")]
    [InlineData("SELECT main.ra FROM tycho2.main AS t", "ADQL0101", 1, 8, "t")]
    [InlineData("SELECT ra FROM tycho2.main, hipparcos.main", "ADQL0103", 1, 8, "tycho2.main.ra")]
    [InlineData("SELECT main.ra FROM tycho2.main, hipparcos.main", "ADQL0103", 1, 8, "tycho2.main")]
    [InlineData("SELECT h.ra FROM tycho2.main AS t WHERE EXISTS (SELECT 1 FROM hipparcos.main AS h WHERE h.hip = t.hip)", "ADQL0101", 1, 8, "")]
    [InlineData("SELECT * FROM tycho2.main AS t, (SELECT * FROM hipparcos.main AS h WHERE h.hip = t.hip) AS x", "ADQL0101", 1, 82, "")]
    [InlineData("SELECT * FROM tycho2.main AS t JOIN hipparcos.main AS h ON h.hip = m.messier_number, messier.main AS m", "ADQL0101", 1, 68, "")]
    [InlineData("SELECT * FROM tycho2.main JOIN hipparcos.main USING (vmag)", "ADQL0102", 1, 54, "vt_mag")]
    [InlineData("WITH a AS (SELECT * FROM b), b AS (SELECT ra FROM tycho2.main) SELECT * FROM a", "ADQL0101", 1, 26, "")]
    [InlineData("SELECT ra FROM tycho2.main AS t, hipparcos.main AS t", "ADQL0110", 1, 34, "")]
    [InlineData("SELECT ra FROM tycho2.main, tycho2.main", "ADQL0110", 1, 29, "")]
    [InlineData("WITH a AS (SELECT ra FROM tycho2.main), A AS (SELECT dec FROM tycho2.main) SELECT * FROM a", "ADQL0110", 1, 41, "")]
    [InlineData("SELECT name + 1 FROM messier.main", "ADQL0104", 1, 8, "")]
    [InlineData("SELECT -tyc FROM tycho2.main", "ADQL0104", 1, 9, "")]
    [InlineData("SELECT hip & 1.5 FROM tycho2.main", "ADQL0104", 1, 14, "")]
    [InlineData("SELECT ra FROM tycho2.main WHERE tyc > 5", "ADQL0104", 1, 34, "")]
    [InlineData("SELECT ra FROM tycho2.main WHERE hip LIKE '1%'", "ADQL0104", 1, 34, "")]
    [InlineData("SELECT ra FROM tycho2.main WHERE ra BETWEEN 'a' AND 2", "ADQL0104", 1, 34, "")]
    [InlineData("SELECT ra FROM tycho2.main WHERE hip IN (1, 'two')", "ADQL0104", 1, 45, "")]
    [InlineData("SELECT ra FROM tycho2.main WHERE 1 = CONTAINS(ra, CIRCLE(1, 2, 3))", "ADQL0104", 1, 47, "")]
    [InlineData("SELECT id FROM TAP_UPLOAD.mine WHERE pos = POINT(1, 2)", "ADQL0104", 1, 38, "")]
    [InlineData("SELECT pos + 1 FROM TAP_UPLOAD.mine", "ADQL0104", 1, 8, "")]
    [InlineData("SELECT DISTANCE(pos, footprint) FROM TAP_UPLOAD.mine", "ADQL0104", 1, 22, "")]
    [InlineData("SELECT CAST(pos AS INTEGER) FROM TAP_UPLOAD.mine", "ADQL0104", 1, 8, "")]
    [InlineData("SELECT LOWER(hip) FROM tycho2.main", "ADQL0104", 1, 14, "")]
    [InlineData("SELECT IN_UNIT(tyc, 'deg') FROM tycho2.main", "ADQL0104", 1, 16, "")]
    [InlineData("SELECT CASE WHEN ra > 1 THEN 'a' ELSE 1 END FROM tycho2.main", "ADQL0104", 1, 8, "")]
    [InlineData("SELECT COALESCE(tyc, ra) FROM tycho2.main", "ADQL0104", 1, 8, "")]
    [InlineData("SELECT ra FROM tycho2.main WHERE ra IN (SELECT ra, dec FROM hipparcos.main)", "ADQL0104", 1, 41, "")]
    [InlineData("SELECT (SELECT ra, dec FROM hipparcos.main) FROM tycho2.main", "ADQL0104", 1, 9, "")]
    [InlineData("SELECT name FROM messier.main UNION SELECT ra FROM openngc.main", "ADQL0104", 1, 37, "")]
    [InlineData("SELECT ivo_healpix_index(ra, ra, dec) FROM tycho2.main", "ADQL0104", 1, 26, "")]
    [InlineData("SELECT ra FROM tycho2.main WHERE AVG(ra) > 1", "ADQL0105", 1, 34, "")]
    [InlineData("SELECT ra, COUNT(*) FROM tycho2.main", "ADQL0105", 1, 8, "")]
    [InlineData("SELECT * FROM tycho2.main GROUP BY tyc", "ADQL0105", 1, 8, "")]
    [InlineData("SELECT hip, COUNT(*) FROM tycho2.main GROUP BY hip HAVING vt_mag > 1", "ADQL0105", 1, 59, "")]
    [InlineData("SELECT hip FROM tycho2.main GROUP BY hip ORDER BY ra", "ADQL0105", 1, 51, "")]
    [InlineData("SELECT AVG(MAX(ra)) FROM tycho2.main", "ADQL0105", 1, 12, "")]
    [InlineData("SELECT ra FROM tycho2.main GROUP BY COUNT(*)", "ADQL0105", 1, 37, "")]
    [InlineData("SELECT t.ra FROM tycho2.main AS t JOIN hipparcos.main AS h ON MAX(h.hip) = t.hip", "ADQL0105", 1, 63, "")]
    [InlineData("SELECT vo_crosmatch(ra, dec, 1, 2, 0.1) FROM tycho2.main", "ADQL0106", 1, 8, "vo_crossmatch")]
    [InlineData("SELECT ivo_healpix_idx(6, ra, dec) FROM tycho2.main", "ADQL0106", 1, 8, "ivo_healpix_index")]
    [InlineData("SELECT vo_crossmatch(ra, dec, 1) FROM tycho2.main", "ADQL0107", 1, 8, "")]
    [InlineData("SELECT ivo_healpix_index(30, ra, dec) FROM tycho2.main", "ADQL0107", 1, 26, "")]
    [InlineData("SELECT ivo_healpix_index(-1, ra, dec) FROM tycho2.main", "ADQL0107", 1, 26, "")]
    [InlineData("SELECT POLYGON(ra, dec, ra, dec, ra, dec, ra) FROM tycho2.main", "ADQL0107", 1, 8, "")]
    [InlineData("SELECT IN_UNIT(ra, ' ') FROM tycho2.main", "ADQL0107", 1, 20, "")]
    [InlineData("SELECT ra FROM tycho2.main ORDER BY 2", "ADQL0108", 1, 37, "")]
    [InlineData("SELECT ra FROM tycho2.main ORDER BY 0", "ADQL0108", 1, 37, "")]
    [InlineData("SELECT ra FROM tycho2.main GROUP BY 2", "ADQL0108", 1, 37, "")]
    [InlineData("SELECT ra FROM tycho2.main UNION SELECT ra FROM hipparcos.main ORDER BY ra + 1", "ADQL0108", 1, 73, "")]
    [InlineData("SELECT name FROM messier.main UNION SELECT name, ra FROM openngc.main", "ADQL0109", 1, 37, "")]
    public void Resolve_InvalidQuery_ThrowsCodeAtPosition(string adql, string code, int line, int column, string suggestion)
    {
        var error = Resolve.Error(adql);

        Assert.Equal(code, error.Code);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith($"{code} at line {line}, column {column}: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(suggestion, error.Suggestions.FirstOrDefault() ?? "");
        Assert.Equal(Dali.DaliErrorKind.UsageError, error.Kind);
    }

    [Fact]
    public void Resolve_UnknownColumn_MessageSaysDidYouMean()
    {
        var error = Resolve.Error("SELECT rra\nFROM tycho2.main");

        Assert.Equal("ADQL0102 at line 1, column 8: unknown column rra; did you mean one of: 'ra', 'pmra'?", error.Message);
    }

    [Fact]
    public void Resolve_ErrorOnLaterLine_ReportsThatLine()
    {
        var error = Resolve.Error("SELECT ra\n  FROM tycho2.main\n  WHERE  dec > 'x'");

        Assert.Equal((3, 10), (error.Line, error.Column));
    }

    // query | feature removed from the catalogue
    [Theory]
    [InlineData("SELECT ra FROM tycho2.main UNION SELECT ra FROM hipparcos.main", "UNION")]
    [InlineData("SELECT ra FROM tycho2.main INTERSECT SELECT ra FROM hipparcos.main", "INTERSECT")]
    [InlineData("WITH a AS (SELECT ra FROM tycho2.main) SELECT * FROM a", "WITH")]
    [InlineData("SELECT ra FROM tycho2.main ORDER BY ra OFFSET 10", "OFFSET")]
    [InlineData("SELECT name FROM messier.main WHERE name ILIKE 'm3%'", "ILIKE")]
    [InlineData("SELECT ra FROM tycho2.main WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(1, 2, 3))", "CONTAINS")]
    [InlineData("SELECT POINT(ra, dec) FROM tycho2.main", "POINT")]
    [InlineData("SELECT CAST(ra AS INTEGER) FROM tycho2.main", "CAST")]
    [InlineData("SELECT LOWER(tyc) FROM tycho2.main", "LOWER")]
    [InlineData("SELECT COUNT(*) FROM tycho2.main", "COUNT")]
    public void Resolve_FeatureNotInCatalogue_IsUnsupported(string adql, string feature)
    {
        Resolve.Query(adql);

        var error = Resolve.Error(adql, FunctionCatalog.Default.Without(feature));

        Assert.Equal(AdqlErrorCode.UnsupportedFeature, error.Code);
        Assert.Contains(feature, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UdfOutsideCatalogue_IsUndeclared()
    {
        var error = Resolve.Error("SELECT vo_crossmatch(ra, dec, 1, 2, 0.1) FROM tycho2.main", FunctionCatalog.Standard);

        Assert.Equal(AdqlErrorCode.UndeclaredFunction, error.Code);
    }

    [Fact]
    public void Resolve_TreeBuiltInCodeTooDeep_ThrowsNestingTooDeep()
    {
        Ast.ValueExpression value = Ast.NumericLiteral.FromInt64(1);
        for (var i = 0; i < 200_000; i++)
        {
            value = new Ast.UnaryExpression(Ast.UnaryOperator.Minus, value);
        }
        var query = AdqlParser.Parse("SELECT 1 FROM tycho2.main");
        var deep = query with { Body = ((Ast.SelectStatement)query.Body) with { Columns = [new Ast.DerivedColumn(value, null)] } };

        var error = Assert.Throws<AdqlSyntaxException>(() => SchemaResolver.Resolve(deep, DemoSchema.Instance));

        Assert.Equal(AdqlErrorCode.NestingTooDeep, error.Code);
    }

    [Fact]
    public void Resolve_TreeBuiltInCode_ErrorHasNoPosition()
    {
        var query = AdqlParser.Parse("SELECT nope FROM tycho2.main");
        var stripped = query with { Body = ((Ast.SelectStatement)query.Body) with { Columns = [new Ast.DerivedColumn(new Ast.ColumnReference(null, Ast.Identifier.Regular("nope")), null)] } };

        var error = Assert.Throws<AdqlSemanticException>(() => SchemaResolver.Resolve(stripped, DemoSchema.Instance));

        Assert.Equal((0, 0), (error.Line, error.Column));
        Assert.StartsWith("ADQL0102: unknown column nope", error.Message, StringComparison.Ordinal);
    }
}
