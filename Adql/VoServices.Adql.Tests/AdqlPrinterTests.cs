using VoServices.Adql.Ast;

namespace VoServices.Adql.Tests;

/// <summary>
/// Printing trees built in code (as SIA builds its ObsCore query): precedence needs parentheses that the tree does
/// not store, and the output must parse back to the same tree.
/// </summary>
public sealed class AdqlPrinterTests
{
    private static readonly ColumnReference A = new(null, Identifier.Regular("a"));
    private static readonly ColumnReference B = new(null, Identifier.Regular("b"));
    private static readonly ColumnReference C = new(null, Identifier.Regular("c"));

    private static SelectStatement Select(params ValueExpression[] columns) => new(
        null, null,
        columns.Select(c => (SelectItem)new DerivedColumn(c, null)).ToEquatableArray(),
        [new NamedTable(new TableName(null, Identifier.Regular("ivoa"), Identifier.Regular("obscore")), null)],
        null, [], null);

    private static void AssertPrintsAndReparses(QueryExpression body, string expected)
    {
        var query = new Query([], body);

        var printed = AdqlPrinter.Print(query);

        Assert.Equal(expected, printed);
        Assert.Equal(query, AdqlParser.Parse(printed));
    }

    [Fact]
    public void Print_BinaryTreesBuiltInCode_AddsTheParenthesesPrecedenceNeeds()
    {
        var sum = new BinaryExpression(BinaryOperator.Add, A, B);
        AssertPrintsAndReparses(
            Select(
                new BinaryExpression(BinaryOperator.Multiply, sum, C),
                new BinaryExpression(BinaryOperator.Subtract, A, new BinaryExpression(BinaryOperator.Subtract, B, C)),
                new BinaryExpression(BinaryOperator.Concatenate, new StringLiteral("x"), sum),
                new BinaryExpression(BinaryOperator.BitwiseAnd, new BinaryExpression(BinaryOperator.BitwiseOr, A, B), C),
                new UnaryExpression(UnaryOperator.Minus, new UnaryExpression(UnaryOperator.Minus, NumericLiteral.FromInt64(2))),
                new UnaryExpression(UnaryOperator.Minus, sum)),
            "SELECT (a + b) * c, a - (b - c), 'x' || a + b, (a | b) & c, - -2, -(a + b) FROM ivoa.obscore");
    }

    [Fact]
    public void Print_NullAndGeometryAsOperands_AreParenthesised()
    {
        var point = new GeometryValueFunction(GeometryFunction.Point, null, [NumericLiteral.FromDouble(10.5), NumericLiteral.FromInt64(20)]);
        AssertPrintsAndReparses(
            Select(
                new BinaryExpression(BinaryOperator.Concatenate, new NullLiteral(), new StringLiteral("it's")),
                new FunctionCall("ABS", [new NullLiteral()]),
                new FunctionCall("COORD1", [point]),
                point),
            "SELECT (NULL) || 'it''s', ABS((NULL)), COORD1(POINT(10.5, 20)), POINT(10.5, 20) FROM ivoa.obscore");
    }

    [Fact]
    public void Print_SiaStyleQuery_IsValidAdql()
    {
        var region = new ColumnReference(null, Identifier.Regular("s_region"));
        var circle = new GeometryValueFunction(GeometryFunction.Circle, null,
            [NumericLiteral.FromDouble(83.63), NumericLiteral.FromDouble(22.01), NumericLiteral.FromDouble(0.25)]);
        var where = new AndCondition([
            new ComparisonPredicate(NumericLiteral.FromInt64(1), ComparisonOperator.Equal, new FunctionCall("INTERSECTS", [region, circle])),
            new OrCondition([
                new ComparisonPredicate(new ColumnReference(null, Identifier.Regular("dataproduct_type")), ComparisonOperator.Equal, new StringLiteral("image")),
                new NullPredicate(new ColumnReference(null, Identifier.Regular("dataproduct_type")), false)]),
            new NotCondition(new BetweenPredicate(new ColumnReference(null, Identifier.Delimited("t_min")), NumericLiteral.FromInt64(1), NumericLiteral.FromInt64(2), false))]);
        var select = Select(new ColumnReference(null, Identifier.Regular("obs_publisher_did"))) with { Where = where, Top = 1000 };

        AssertPrintsAndReparses(select,
            "SELECT TOP 1000 obs_publisher_did FROM ivoa.obscore WHERE 1 = INTERSECTS(s_region, CIRCLE(83.63, 22.01, 0.25)) "
            + "AND (dataproduct_type = 'image' OR dataproduct_type IS NULL) AND NOT \"t_min\" BETWEEN 1 AND 2");
    }

    [Fact]
    public void Print_SetOperationsAndJoinsBuiltInCode_KeepTheirShape()
    {
        var t = new NamedTable(new TableName(null, null, Identifier.Regular("t")), null);
        var u = new NamedTable(new TableName(null, null, Identifier.Regular("u")), Identifier.Regular("x"));
        var rightJoin = new JoinedTable(t, JoinKind.Inner, u, true, null);
        var join = new JoinedTable(t, JoinKind.FullOuter, rightJoin, false, new JoinUsing([Identifier.Regular("k")]));
        SelectStatement From(TableReference table) => new(null, null, [new AllColumns()], [table], null, [], null);
        var union = new SetOperation(SetOperator.Union, true, From(t), From(t));
        var body = new SetOperation(SetOperator.Intersect, false, union, From(join) with { OrderBy = [new SortSpecification(NumericLiteral.FromInt64(1), null)] });

        AssertPrintsAndReparses(body,
            "(SELECT * FROM t UNION ALL SELECT * FROM t) INTERSECT (SELECT * FROM t FULL OUTER JOIN (t NATURAL JOIN u AS x) USING (k) ORDER BY 1)");
    }

    [Fact]
    public void Print_AnyNode_PrintsItsOwnText()
    {
        var query = AdqlParser.Parse("SELECT TOP 3 a AS \"A b\" FROM s.t AS q JOIN u ON q.k = u.k WHERE x IN (1, 2) ORDER BY a DESC");
        var select = (SelectStatement)query.Body;

        Assert.Equal("a AS \"A b\"", select.Columns[0].ToString());
        Assert.Equal("s.t AS q JOIN u ON q.k = u.k", select.From[0].ToString());
        Assert.Equal("ON q.k = u.k", ((JoinedTable)select.From[0]).Condition!.ToString());
        Assert.Equal("x IN (1, 2)", select.Where!.ToString());
        Assert.Equal("a DESC", select.OrderBy[0].ToString());
        Assert.Equal("\"A b\"", ((DerivedColumn)select.Columns[0]).Alias!.ToString());
    }

    [Fact]
    public void EquatableArray_ComparesByValue()
    {
        EquatableArray<ValueExpression> first = [A, NumericLiteral.FromInt64(1)];
        EquatableArray<ValueExpression> second = [new ColumnReference(null, Identifier.Regular("a")), new NumericLiteral("1")];

        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, [A]);
        Assert.Equal(EquatableArray<ValueExpression>.Empty, default);
        Assert.Empty(default(EquatableArray<int>));
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e20, "1E+20")]
    [InlineData(1.5e-7, "1.5E-07")]
    public void NumericLiteral_FromDouble_WritesAParseableLiteral(double value, string text)
    {
        var literal = NumericLiteral.FromDouble(value);

        Assert.Equal(text, literal.Text);
        Assert.Equal(value, literal.ToDouble());
        Assert.Equal(literal, ((DerivedColumn)((SelectStatement)AdqlParser.Parse($"SELECT {text} FROM t").Body).Columns[0]).Expression);
    }

    [Fact]
    public void NumericLiteral_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NumericLiteral.FromInt64(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NumericLiteral.FromDouble(-0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => NumericLiteral.FromDouble(double.NaN));
    }
}
