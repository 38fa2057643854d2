using VoServices.Adql.Ast;
using VoServices.Adql.Semantics;

namespace VoServices.Adql.Tests.Semantics;

/// <summary>What the translator reads from a <see cref="ResolvedQuery"/>: table, column, type, expansion and function bindings.</summary>
public sealed class BindingTests
{
    // query | the n-th column reference in the tree (0-based) | table | column | correlation name
    [Theory]
    [InlineData("SELECT ra FROM tycho2.main", 0, "tycho2.main", "ra", "tycho2.main")]
    [InlineData("SELECT t.ra FROM tycho2.main AS t", 0, "tycho2.main", "ra", "t")]
    [InlineData("SELECT tycho2.main.dec FROM tycho2.main", 0, "tycho2.main", "dec", "tycho2.main")]
    [InlineData("SELECT main.dec FROM tycho2.main", 0, "tycho2.main", "dec", "tycho2.main")]
    [InlineData("SELECT \"T\".ra FROM tycho2.main AS \"T\"", 0, "tycho2.main", "ra", "T")]
    [InlineData("SELECT \"size\" FROM tap_schema.COLUMNS", 0, "TAP_SCHEMA.columns", "\"size\"", "TAP_SCHEMA.columns")]
    [InlineData("SELECT flux FROM TAP_UPLOAD.mine", 0, "TAP_UPLOAD.mine", "\"Flux\"", "TAP_UPLOAD.mine")]
    [InlineData("SELECT hip FROM hipparcos.main AS h JOIN tycho2.main AS t USING (hip)", 0, "hipparcos.main", "hip", "h")]
    [InlineData("SELECT hip FROM hipparcos.main AS h RIGHT JOIN tycho2.main AS t USING (hip)", 0, "tycho2.main", "hip", "t")]
    [InlineData("SELECT t.tyc FROM tycho2.main AS t WHERE EXISTS (SELECT 1 FROM hipparcos.main AS h WHERE h.hip = t.hip)", 2, "tycho2.main", "hip", "t")]
    [InlineData("SELECT b.v FROM (SELECT vmag AS v FROM hipparcos.main) AS b", 0, "b", "v", "b")]
    [InlineData("SELECT b.\"Mixed Case\" FROM (SELECT vmag AS \"Mixed Case\" FROM hipparcos.main) AS b", 0, "b", "\"Mixed Case\"", "b")]
    [InlineData("WITH c AS (SELECT hip FROM hipparcos.main) SELECT hip FROM c", 1, "c", "hip", "c")]
    public void ColumnOf_Reference_IsBoundToItsTable(string adql, int index, string table, string column, string correlation)
    {
        var resolved = Resolve.Query(adql);

        var reference = Nodes<ColumnReference>(resolved.Query).ElementAt(index);
        var bound = resolved.ColumnOf(reference);

        Assert.NotNull(bound);
        Assert.Equal((table, column, correlation), (bound.Table.QualifiedName, bound.Column.Name, bound.CorrelationName));
    }

    [Fact]
    public void TableOf_CatalogueAndCommonTables_AreTellApart()
    {
        var resolved = Resolve.Query("WITH c AS (SELECT hip FROM hipparcos.main) SELECT c.hip, t.tyc FROM c JOIN tycho2.main AS t ON c.hip = t.hip");

        var named = Nodes<NamedTable>(resolved.Query).ToList();

        Assert.Equal("hipparcos.main", resolved.TableOf(named[0])!.QualifiedName);
        Assert.Null(resolved.TableOf(named[1]));
        Assert.Same(resolved.Query.With[0], resolved.CommonTableOf(named[1]));
        Assert.Equal("tycho2.main", resolved.TableOf(named[2])!.QualifiedName);
        Assert.Equal(["hipparcos.main", "tycho2.main"], resolved.ReferencedTables.Select(t => t.QualifiedName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ExpansionOf_StarOverUsingJoin_ListsMergedColumnFirst()
    {
        var resolved = Resolve.Query("SELECT * FROM hipparcos.main AS h JOIN tycho2.main AS t USING (hip)");

        var expansion = resolved.ExpansionOf(((SelectStatement)resolved.Query.Body).Columns[0])!;

        Assert.Equal(13, expansion.Count);
        Assert.Equal(("h", "hip"), (expansion[0].CorrelationName, expansion[0].Column.Name));
        Assert.Equal(("h", "b_v"), (expansion[4].CorrelationName, expansion[4].Column.Name));
        Assert.Equal(("t", "tyc"), (expansion[5].CorrelationName, expansion[5].Column.Name));
        Assert.DoesNotContain(expansion, c => c.CorrelationName == "t" && c.Column.Name == "hip");
    }

    // query | output index of each ORDER BY key ("-" for an ordinary expression)
    [Theory]
    [InlineData("SELECT ra AS alpha, dec FROM tycho2.main ORDER BY alpha, 2, dec, ra + 1", "0 1 1 -")]
    [InlineData("SELECT ra FROM tycho2.main UNION SELECT ra FROM hipparcos.main ORDER BY ra DESC, 1", "0 0")]
    [InlineData("SELECT ra AS dec, dec AS ra FROM tycho2.main ORDER BY ra", "1")]
    [InlineData("SELECT ra FROM tycho2.main ORDER BY vt_mag", "-")]
    public void OutputIndexOf_SortKeys_PointAtResultColumns(string adql, string expected)
    {
        var resolved = Resolve.Query(adql);

        var keys = resolved.Query.Body.OrderBy.Select(s => resolved.OutputIndexOf(s.Key)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-");

        Assert.Equal(expected, string.Join(" ", keys));
    }

    [Fact]
    public void OutputIndexOf_GroupByAlias_PointsAtSelectItem()
    {
        var resolved = Resolve.Query("SELECT FLOOR(vmag) AS bin, COUNT(*) FROM hipparcos.main GROUP BY bin");

        Assert.Equal(0, resolved.OutputIndexOf(((SelectStatement)resolved.Query.Body).GroupBy[0]));
    }

    // query | key of each function node, in tree order
    [Theory]
    [InlineData("SELECT DISTANCE(POINT(ra, dec), POINT(1, 2)) FROM tycho2.main", "DISTANCE POINT POINT")]
    [InlineData("SELECT COUNT(*), AVG(vt_mag) FROM tycho2.main", "COUNT AVG")]
    [InlineData("SELECT IVO_HEALPIX_INDEX(6, ra, dec), vo_crossmatch(ra, dec, 1, 2, 3) FROM tycho2.main", "ivo_healpix_index vo_crossmatch")]
    [InlineData("SELECT CAST(hip AS BIGINT), COALESCE(hip, 0), IN_UNIT(ra, 'rad') FROM tycho2.main", "CAST COALESCE IN_UNIT")]
    [InlineData("SELECT ra FROM tycho2.main WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(1, 2, 3))", "CONTAINS POINT CIRCLE")]
    public void FunctionOf_Calls_GiveTheDialectKey(string adql, string keys)
    {
        var resolved = Resolve.Query(adql);

        var found = Nodes<ValueExpression>(resolved.Query).Select(resolved.FunctionOf).OfType<VoServices.Adql.Functions.FunctionDeclaration>().Select(f => f.Key);

        Assert.Equal(keys, string.Join(" ", found));
    }

    [Fact]
    public void TypeOf_Expressions_AreTyped()
    {
        var resolved = Resolve.Query("SELECT ra FROM tycho2.main WHERE hip / 2 > 3 AND 1 = CONTAINS(POINT(ra, dec), CIRCLE(1, 2, 3))");
        var where = (AndCondition)((SelectStatement)resolved.Query.Body).Where!;
        var division = ((ComparisonPredicate)where.Operands[0]).Left;
        var contains = ((ComparisonPredicate)where.Operands[1]).Right;

        Assert.Equal("int", resolved.TypeOf(division)!.Datatype);
        Assert.Equal(ValueCategory.Numeric, resolved.TypeOf(contains)!.Category);
        Assert.Equal(ValueCategory.Point, resolved.TypeOf(((FunctionCall)contains).Arguments[0])!.Category);
    }

    [Fact]
    public void ColumnsOf_DerivedTableQuery_GivesTheNamesToAliasWith()
    {
        var resolved = Resolve.Query("SELECT q.* FROM (SELECT t.ra, h.ra, t.ra + 1 FROM tycho2.main AS t, hipparcos.main AS h) AS q");

        var derived = Nodes<DerivedTable>(resolved.Query).Single();

        Assert.Equal(["ra", "ra_2", "col3"], resolved.ColumnsOf(derived.Query)!.Select(c => c.Name));
        Assert.Equal(["ra", "ra_2", "col3"], resolved.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Resolve_SameTreeTwice_GivesEqualResults()
    {
        var query = AdqlParser.Parse("SELECT t.ra, COUNT(*) FROM tycho2.main AS t GROUP BY t.ra");

        var a = SchemaResolver.Resolve(query, DemoSchema.Instance);
        var b = SchemaResolver.Resolve(query, DemoSchema.Instance);

        Assert.Equal(a.Columns, b.Columns);
    }

    // query against a schema with delimited names | column it resolves to ("" when it must fail with ADQL0101)
    [Theory]
    [InlineData("SELECT \"Amount\" FROM \"public\".\"MyTable\"", "\"Amount\"")]
    [InlineData("SELECT t.amount FROM \"public\".mytable AS t", "amount")]
    [InlineData("SELECT t.AMOUNT FROM \"public\".MYTABLE AS t", "")]
    [InlineData("SELECT amount FROM \"public\".\"mytable\"", "")]
    public void Resolve_DelimitedNames_FollowAdqlCaseRules(string adql, string column)
    {
        var schema = new AdqlSchema([new("\"public\"", "\"public\".\"MyTable\"", [new("\"Amount\"", "double"), new("amount", "int")])]);
        var resolve = () => SchemaResolver.Resolve(AdqlParser.Parse(adql), schema);

        if (column.Length == 0)
        {
            var error = Assert.Throws<AdqlSemanticException>(resolve);
            Assert.Contains(error.Code, new[] { AdqlErrorCode.UnknownTable, AdqlErrorCode.AmbiguousName });
            return;
        }
        var resolved = resolve();
        Assert.Equal(column, resolved.ColumnOf(Nodes<ColumnReference>(resolved.Query).Single())!.Column.Name);
    }

    [Fact]
    public void Resolve_CommonTable_ShadowsCatalogueTableOfThatName()
    {
        var resolved = Resolve.Query("WITH main AS (SELECT 1 AS one FROM tycho2.main) SELECT one FROM main");

        var named = Nodes<NamedTable>(resolved.Query).ToList();

        Assert.Null(resolved.TableOf(named[1]));
        Assert.NotNull(resolved.CommonTableOf(named[1]));
        Assert.Equal("one int", Resolve.Describe(resolved.Columns));
    }

    [Fact]
    public void Resolve_ManyThreads_GiveTheSameResult()
    {
        const string adql = "SELECT h.hip, COUNT(*) AS n FROM hipparcos.main AS h JOIN tycho2.main AS t USING (hip) GROUP BY h.hip ORDER BY n";
        var expected = Resolve.Describe(Resolve.Query(adql).Columns);

        var results = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 200, _ => results.Add(Resolve.Describe(Resolve.Query(adql).Columns)));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    /// <summary>All nodes of type T in the tree, depth-first in source order (via reflection over the records).</summary>
    private static IEnumerable<T> Nodes<T>(AdqlNode root) where T : AdqlNode
    {
        var found = new List<T>();
        Walk(root, found);
        return found;
    }

    private static void Walk<T>(object node, List<T> found) where T : AdqlNode
    {
        if (node is T match)
        {
            found.Add(match);
        }
        foreach (var property in node.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name is not "EqualityContract" and not "Span"))
        {
            var value = property.GetValue(node);
            if (value is AdqlNode child)
            {
                Walk(child, found);
            }
            else if (value is System.Collections.IEnumerable list and not string)
            {
                foreach (var item in list.OfType<AdqlNode>())
                {
                    Walk(item, found);
                }
            }
        }
    }
}
