using VoServices.Adql.Ast;

namespace VoServices.Adql.Tests;

/// <summary>What the parser builds: canonical text of each construct, and the AST shapes other stages rely on.</summary>
public sealed class AdqlParserTests
{
    // ADQL as a user writes it → canonical ADQL (the printed tree). One line per language feature.
    [Theory]
    [InlineData("select all x from t", "SELECT ALL x FROM t")]
    [InlineData("select distinct top 5 x from t", "SELECT DISTINCT TOP 5 x FROM t")]
    [InlineData("SELECT t.*, u.x FROM t, u", "SELECT t.*, u.x FROM t, u")]
    [InlineData("select a b, c as d from s.t x", "SELECT a AS b, c AS d FROM s.t AS x")]
    [InlineData("select * from c.s.t", "SELECT * FROM c.s.t")]
    [InlineData("select c.s.t.col from c.s.t", "SELECT c.s.t.col FROM c.s.t")]
    [InlineData("select * from (select * from t) q", "SELECT * FROM (SELECT * FROM t) AS q")]
    [InlineData("select * from a inner join b on a.x = b.x", "SELECT * FROM a JOIN b ON a.x = b.x")]
    [InlineData("select * from a left join b using (x, y)", "SELECT * FROM a LEFT OUTER JOIN b USING (x, y)")]
    [InlineData("select * from a right outer join b on (x = y)", "SELECT * FROM a RIGHT OUTER JOIN b ON x = y")]
    [InlineData("select * from a full join b on x = y", "SELECT * FROM a FULL OUTER JOIN b ON x = y")]
    [InlineData("select * from a natural join b", "SELECT * FROM a NATURAL JOIN b")]
    [InlineData("select * from a natural left outer join b", "SELECT * FROM a NATURAL LEFT OUTER JOIN b")]
    [InlineData("select * from a cross join b", "SELECT * FROM a CROSS JOIN b")]
    [InlineData("select * from a join (b join c on b.x = c.x) on a.y = b.y", "SELECT * FROM a JOIN (b JOIN c ON b.x = c.x) ON a.y = b.y")]
    [InlineData("select * from ((a join b) join c)", "SELECT * FROM a JOIN b JOIN c")]
    [InlineData("select x from t where a = 1 and (b = 2 or c = 3)", "SELECT x FROM t WHERE a = 1 AND (b = 2 OR c = 3)")]
    [InlineData("select x from t where a = 1 or b = 2 and c = 3", "SELECT x FROM t WHERE a = 1 OR b = 2 AND c = 3")]
    [InlineData("select x from t where not (a = 1 and b = 2)", "SELECT x FROM t WHERE NOT (a = 1 AND b = 2)")]
    [InlineData("select x from t where not a != 1", "SELECT x FROM t WHERE NOT a <> 1")]
    [InlineData("select x from t where a not between 1 and 2", "SELECT x FROM t WHERE a NOT BETWEEN 1 AND 2")]
    [InlineData("select x from t where a not in (1, 'b', null)", "SELECT x FROM t WHERE a NOT IN (1, 'b', NULL)")]
    [InlineData("select x from t where a in (select b from u)", "SELECT x FROM t WHERE a IN (SELECT b FROM u)")]
    [InlineData("select x from t where exists (select 1 from u)", "SELECT x FROM t WHERE EXISTS (SELECT 1 FROM u)")]
    [InlineData("select x from t where n like 'a%' and m not ilike 'B_'", "SELECT x FROM t WHERE n LIKE 'a%' AND m NOT ILIKE 'B_'")]
    [InlineData("select x from t where n like 'a!%%' escape '!'", "SELECT x FROM t WHERE n LIKE 'a!%%' ESCAPE '!'")]
    [InlineData("select x from t where t.x is not null", "SELECT x FROM t WHERE t.x IS NOT NULL")]
    [InlineData("select x from t where x > (select avg(x) from t)", "SELECT x FROM t WHERE x > (SELECT AVG(x) FROM t)")]
    [InlineData("select count(*), count(distinct x), sum(all y) from t group by z having count(*) > 1",
        "SELECT COUNT(*), COUNT(DISTINCT x), SUM(ALL y) FROM t GROUP BY z HAVING COUNT(*) > 1")]
    [InlineData("select x from t order by 1 desc, x asc, log10(y)", "SELECT x FROM t ORDER BY 1 DESC, x ASC, LOG10(y)")]
    [InlineData("select x from t offset 10", "SELECT x FROM t OFFSET 10")]
    [InlineData("select x from t order by x offset 0", "SELECT x FROM t ORDER BY x OFFSET 0")]
    [InlineData("with a as (select * from t), b as (select * from a) select * from b", "WITH a AS (SELECT * FROM t), b AS (SELECT * FROM a) SELECT * FROM b")]
    [InlineData("select a from t union all select a from u except select a from v", "SELECT a FROM t UNION ALL SELECT a FROM u EXCEPT SELECT a FROM v")]
    [InlineData("select a from t union select a from u intersect all select a from v", "SELECT a FROM t UNION SELECT a FROM u INTERSECT ALL SELECT a FROM v")]
    [InlineData("(select a from t union select a from u) intersect select a from v", "(SELECT a FROM t UNION SELECT a FROM u) INTERSECT SELECT a FROM v")]
    [InlineData("select a from t union (select a from u union select a from v)", "SELECT a FROM t UNION (SELECT a FROM u UNION SELECT a FROM v)")]
    [InlineData("(select a from t order by a) union select a from u order by 1", "(SELECT a FROM t ORDER BY a) UNION SELECT a FROM u ORDER BY 1")]
    [InlineData("(select a from t order by a offset 1) order by a desc", "(SELECT a FROM t ORDER BY a OFFSET 1) ORDER BY a DESC")]
    [InlineData("select 1 + 2 * 3, (1 + 2) * 3, 1 - (2 - 3), 1 - 2 - 3, -x * y, -(x * y) from t",
        "SELECT 1 + 2 * 3, (1 + 2) * 3, 1 - (2 - 3), 1 - 2 - 3, -x * y, -(x * y) FROM t")]
    [InlineData("select - -x, ~~x, a - -b, +1 from t", "SELECT - -x, ~ ~x, a - -b, +1 FROM t")]
    [InlineData("select a & b | c ^ d, (a | b) & c, ~a & b from t", "SELECT a & b | c ^ d, (a | b) & c, ~a & b FROM t")]
    [InlineData("select 'a' || b || 1 + 2, ('a' || b) || c, 'a' || (b || c) from t", "SELECT 'a' || b || 1 + 2, 'a' || b || c, 'a' || (b || c) FROM t")]
    [InlineData("select abs(-1), ceiling(x), degrees(x), exp(x), floor(x), log(x), log10(x), mod(x, 2), pi(), power(x, 2) from t",
        "SELECT ABS(-1), CEILING(x), DEGREES(x), EXP(x), FLOOR(x), LOG(x), LOG10(x), MOD(x, 2), PI(), POWER(x, 2) FROM t")]
    [InlineData("select radians(x), rand(), rand(3), round(x), round(x, -2), sqrt(x), truncate(x, +1) from t",
        "SELECT RADIANS(x), RAND(), RAND(3), ROUND(x), ROUND(x, -2), SQRT(x), TRUNCATE(x, +1) FROM t")]
    [InlineData("select acos(x), asin(x), atan(x), atan2(y, x), cos(x), cot(x), sin(x), tan(x) from t",
        "SELECT ACOS(x), ASIN(x), ATAN(x), ATAN2(y, x), COS(x), COT(x), SIN(x), TAN(x) FROM t")]
    [InlineData("select lower(name), upper('x') from t where lower(name) like 'm%'", "SELECT LOWER(name), UPPER('x') FROM t WHERE LOWER(name) LIKE 'm%'")]
    [InlineData("select cast(x as double precision), cast(y as varchar(12)), cast(z as char) from t",
        "SELECT CAST(x AS DOUBLE PRECISION), CAST(y AS VARCHAR(12)), CAST(z AS CHAR) FROM t")]
    [InlineData("select coalesce(a, b, 0), in_unit(ra, 'rad') from t", "SELECT COALESCE(a, b, 0), IN_UNIT(ra, 'rad') FROM t")]
    [InlineData("select case when x > 1 then 'big' when x is null then null else 'small' end from t",
        "SELECT CASE WHEN x > 1 THEN 'big' WHEN x IS NULL THEN NULL ELSE 'small' END FROM t")]
    [InlineData("select case x when 1 then 'one' end from t", "SELECT CASE x WHEN 1 THEN 'one' END FROM t")]
    [InlineData("select gavo_specconv(x, 'nm'), ivo_hasword(d, 'x') from t", "SELECT gavo_specconv(x, 'nm'), ivo_hasword(d, 'x') FROM t")]
    [InlineData("select point('ICRS', ra, dec), point(ra, dec), circle(ra, dec, 1), circle(point(1, 2), 0.5) from t",
        "SELECT POINT('ICRS', ra, dec), POINT(ra, dec), CIRCLE(ra, dec, 1), CIRCLE(POINT(1, 2), 0.5) FROM t")]
    [InlineData("select box(null, 1, 2, 3, 4), box(p, 3, 4), polygon(1, 2, 3, 4, 5, 6), polygon(p, q, centroid(r)) from t",
        "SELECT BOX(NULL, 1, 2, 3, 4), BOX(p, 3, 4), POLYGON(1, 2, 3, 4, 5, 6), POLYGON(p, q, CENTROID(r)) FROM t")]
    [InlineData("select region('Circle ICRS 1 2 3'), area(s_region), coord1(p), coord2(point(1, 2)), coordsys(p) from t",
        "SELECT REGION('Circle ICRS 1 2 3'), AREA(s_region), COORD1(p), COORD2(POINT(1, 2)), COORDSYS(p) FROM t")]
    [InlineData("select distance(p, point(1, 2)), distance(ra, dec, 1, 2) from t where 1 = contains(p, circle(1, 2, 3)) and intersects(r, s) = 0",
        "SELECT DISTANCE(p, POINT(1, 2)), DISTANCE(ra, dec, 1, 2) FROM t WHERE 1 = CONTAINS(p, CIRCLE(1, 2, 3)) AND INTERSECTS(r, s) = 0")]
    [InlineData("select x from t where point(1, 2) = p", "SELECT x FROM t WHERE POINT(1, 2) = p")]
    [InlineData("select 0xFF & flags, 12., .5, 1.2E3, 10e-5 from t", "SELECT 0xFF & flags, 12., .5, 1.2E3, 10e-5 FROM t")]
    public void Parse_Feature_PrintsCanonicalAdql(string adql, string canonical)
    {
        var tree = AdqlParser.Parse(adql);

        Assert.Equal(canonical, AdqlPrinter.Print(tree));
        Assert.Equal(tree, AdqlParser.Parse(canonical));
    }

    [Fact]
    public void Parse_SelectStatement_BuildsEveryClause()
    {
        var query = AdqlParser.Parse("SELECT DISTINCT TOP 10 a AS x, t.* FROM s.t WHERE a > 1 GROUP BY a HAVING COUNT(*) > 2 ORDER BY 1 DESC OFFSET 5");

        var select = Assert.IsType<SelectStatement>(query.Body);
        Assert.Empty(query.With);
        Assert.Equal(SetQuantifier.Distinct, select.Quantifier);
        Assert.Equal(10, select.Top);
        Assert.Equal(new Identifier("x", false), Assert.IsType<DerivedColumn>(select.Columns[0]).Alias);
        Assert.Equal(new TableName(null, null, Identifier.Regular("t")), Assert.IsType<QualifiedAllColumns>(select.Columns[1]).Qualifier);
        Assert.Equal(new TableName(null, Identifier.Regular("s"), Identifier.Regular("t")), Assert.IsType<NamedTable>(Assert.Single(select.From)).Name);
        Assert.IsType<ComparisonPredicate>(select.Where);
        Assert.Single(select.GroupBy);
        Assert.IsType<ComparisonPredicate>(select.Having);
        var sort = Assert.Single(select.OrderBy);
        Assert.Equal(SortDirection.Descending, sort.Direction);
        Assert.Equal(1, sort.Position);
        Assert.Equal(5, select.Offset);
    }

    [Fact]
    public void Parse_SetOperators_IntersectBindsTighterThanUnion()
    {
        var query = AdqlParser.Parse("SELECT a FROM t UNION SELECT a FROM u INTERSECT SELECT a FROM v ORDER BY a");

        var union = Assert.IsType<SetOperation>(query.Body);
        Assert.Equal(SetOperator.Union, union.Operator);
        Assert.IsType<SelectStatement>(union.Left);
        Assert.Equal(SetOperator.Intersect, Assert.IsType<SetOperation>(union.Right).Operator);
        Assert.Single(union.OrderBy);
    }

    [Fact]
    public void Parse_CommaJoinAndJoinChain_AreLeftDeep()
    {
        var select = (SelectStatement)AdqlParser.Parse("SELECT * FROM a JOIN b USING (k) LEFT JOIN c ON b.x = c.x, d").Body;

        Assert.Equal(2, select.From.Count);
        var outer = Assert.IsType<JoinedTable>(select.From[0]);
        Assert.Equal(JoinKind.LeftOuter, outer.Kind);
        Assert.IsType<JoinOn>(outer.Condition);
        var inner = Assert.IsType<JoinedTable>(outer.Left);
        Assert.Equal(JoinKind.Inner, inner.Kind);
        Assert.Equal([Identifier.Regular("k")], Assert.IsType<JoinUsing>(inner.Condition).Columns);
    }

    [Fact]
    public void Parse_OrAndChains_AreFlattened()
    {
        var select = (SelectStatement)AdqlParser.Parse("SELECT * FROM t WHERE a = 1 OR (b = 2 OR c = 3) OR d = 4 AND e = 5 AND (f = 6 AND g = 7)").Body;

        var or = Assert.IsType<OrCondition>(select.Where);
        Assert.Equal(4, or.Operands.Count);
        Assert.Equal(4, Assert.IsType<AndCondition>(or.Operands[3]).Operands.Count);
    }

    [Fact]
    public void Parse_GeometryConstructors_SeparateCoordinateSystemAndArguments()
    {
        var select = (SelectStatement)AdqlParser.Parse("SELECT CIRCLE('ICRS', 10, 20, 1), CIRCLE(POINT(10, 20), 1), POLYGON(NULL, 1, 2, 3, 4, 5, 6) FROM t").Body;
        var circle = (GeometryValueFunction)((DerivedColumn)select.Columns[0]).Expression;
        var centred = (GeometryValueFunction)((DerivedColumn)select.Columns[1]).Expression;
        var polygon = (GeometryValueFunction)((DerivedColumn)select.Columns[2]).Expression;

        Assert.Equal(GeometryFunction.Circle, circle.Function);
        Assert.Equal(new StringLiteral("ICRS"), circle.CoordinateSystem);
        Assert.Equal(3, circle.Arguments.Count);
        Assert.False(circle.UsesPointArguments);
        Assert.Null(centred.CoordinateSystem);
        Assert.True(centred.UsesPointArguments);
        Assert.IsType<NullLiteral>(polygon.CoordinateSystem);
        Assert.Equal(6, polygon.Arguments.Count);
    }

    [Fact]
    public void Parse_SignedNumber_IsUnaryMinusOverTheExactLiteralText()
    {
        var select = (SelectStatement)AdqlParser.Parse("SELECT -3.0e-4 FROM t").Body;

        var negated = Assert.IsType<UnaryExpression>(((DerivedColumn)select.Columns[0]).Expression);
        Assert.Equal(UnaryOperator.Minus, negated.Operator);
        var literal = Assert.IsType<NumericLiteral>(negated.Operand);
        Assert.Equal("3.0e-4", literal.Text);
        Assert.Equal(NumericLiteralKind.Approximate, literal.Kind);
        Assert.Equal(3.0e-4, literal.ToDouble());
    }

    [Fact]
    public void Parse_Nodes_CarrySourcePositions()
    {
        var select = (SelectStatement)AdqlParser.Parse("SELECT a,\n  bb + 1 AS c\nFROM t").Body;

        var column = (DerivedColumn)select.Columns[1];
        Assert.Equal(new SourceSpan(12, 6, 2, 3), column.Expression.Span);
        Assert.Equal(new SourceSpan(22, 1, 2, 13), column.Alias!.Span);
    }

    [Fact]
    public void Parse_SameQueryDifferentLayout_GivesEqualTreesDespiteDifferentSpans()
    {
        var compact = AdqlParser.Parse("SELECT a FROM t WHERE x=1");
        var spread = AdqlParser.Parse("select\n  a -- the column\nfrom t\nwhere x = 1\n");

        Assert.Equal(compact, spread);
        Assert.Equal(compact.GetHashCode(), spread.GetHashCode());
        Assert.NotEqual(compact.Span, spread.Span);
    }

    [Fact]
    public void Parse_UserDefinedFunctionPolicy_RejectsUndeclaredNames()
    {
        var options = new AdqlParserOptions { UserDefinedFunctions = new UserDefinedFunctionFilter(["gavo_match"], ["ivo_"]) };

        AdqlParser.Parse("SELECT GAVO_MATCH(a), ivo_healpix_index(6, ra, dec) FROM t", options);
        var error = Assert.Throws<AdqlSyntaxException>(() => AdqlParser.Parse("SELECT my_func(a) FROM t", options));

        Assert.Equal(AdqlErrorCode.UnknownFunction, error.Code);
        Assert.Equal((1, 8), (error.Line, error.Column));
        AdqlParser.Parse("SELECT my_func(a) FROM t");
    }

    [Theory]
    [InlineData("SELECT x FROM t WHERE a=1 OR b=2", "a = 1 OR b = 2")]
    [InlineData("SELECT x FROM t WHERE (a = 1)", "a = 1")]
    public void Print_Condition_GivesItsCanonicalText(string adql, string condition)
    {
        var select = (SelectStatement)AdqlParser.Parse(adql).Body;

        Assert.Equal(condition, AdqlPrinter.Print(select.Where!));
        Assert.Equal(condition, select.Where!.ToString());
    }
}
