namespace VoServices.Adql.Tests;

/// <summary>Errors are typed, with a stable code, the 1-based line and column of the culprit, and the expected tokens.</summary>
public sealed class AdqlSyntaxErrorTests
{
    // query | code | line | column  — one line per kind of error
    [Theory]
    [InlineData("SELECT FROM t", "ADQL0001", 1, 8)]
    [InlineData("SELECT a\nFROM t\nWHERE a = = 1", "ADQL0001", 3, 11)]
    [InlineData("SELECT a FROM t WHERE", "ADQL0001", 1, 22)]
    [InlineData("SELECT a FROM t\n\tWHERE x IN (1, 2,)", "ADQL0001", 2, 19)]
    [InlineData("SELECT a FROM t;", "ADQL0002", 1, 16)]
    [InlineData("SELECT a FROM t WHERE b = 'unterminated", "ADQL0003", 1, 27)]
    [InlineData("SELECT \"open FROM t", "ADQL0004", 1, 8)]
    [InlineData("SELECT \"\" FROM t", "ADQL0004", 1, 8)]
    [InlineData("SELECT size FROM t", "ADQL0005", 1, 8)]
    [InlineData("SELECT a FROM t AS top", "ADQL0005", 1, 20)]
    [InlineData("SELECT a FROM t WHERE\n  distance < 1", "ADQL0005", 2, 3)]
    [InlineData("SELECT a FROM t WHERE 1 = CONTAINS(POINT(1, 2), CIRCLE(1, 2))", "ADQL0006", 1, 49)]
    [InlineData("SELECT POINT('ICRS', 1) FROM t", "ADQL0006", 1, 8)]
    [InlineData("SELECT DISTANCE(1, 2, 3) FROM t", "ADQL0006", 1, 8)]
    [InlineData("SELECT COORD1(1) FROM t", "ADQL0006", 1, 15)]
    [InlineData("SELECT AREA(a + b) FROM t", "ADQL0006", 1, 13)]
    [InlineData("SELECT a FROM t WHERE 1 = CONTAINS(NULL, c)", "ADQL0006", 1, 36)]
    [InlineData("SELECT TOP 99999999999999999999 a FROM t", "ADQL0011", 1, 12)]
    [InlineData("SELECT CAST(a AS VARCHAR(0)) FROM t", "ADQL0011", 1, 26)]
    [InlineData("SELECT a.b.c.d.e FROM t", "ADQL0012", 1, 8)]
    [InlineData("SELECT a FROM w.x.y.z", "ADQL0012", 1, 15)]
    [InlineData("SELECT a FROM t WHERE a + 1 IS NULL", "ADQL0013", 1, 23)]
    [InlineData("SELECT 'a' 'b' FROM t", "ADQL0013", 1, 12)]
    [InlineData("SELECT a FROM t WHERE a LIKE 'x' ESCAPE '!!'", "ADQL0013", 1, 41)]
    [InlineData("SELECT POINT(1, 2) + 1 FROM t", "ADQL0013", 1, 8)]
    [InlineData("SELECT 'x' || CIRCLE(1, 2, 3) FROM t", "ADQL0013", 1, 15)]
    [InlineData("", "ADQL0010", 1, 1)]
    [InlineData("  -- only a comment\n", "ADQL0010", 1, 1)]
    public void Parse_InvalidQuery_ThrowsCodeAtPosition(string adql, string code, int line, int column)
    {
        var error = Assert.Throws<AdqlSyntaxException>(() => AdqlParser.Parse(adql));

        Assert.Equal(code, error.Code);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith($"{code} at line {line}, column {column}: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(Dali.DaliErrorKind.UsageError, error.Kind);
    }

    [Fact]
    public void Parse_MissingFrom_ExpectsFromAtTheEnd()
    {
        var error = Assert.Throws<AdqlSyntaxException>(() => AdqlParser.Parse("SELECT a, b"));

        Assert.Equal("ADQL0001", error.Code);
        Assert.Contains("FROM", error.ExpectedTokens);
        Assert.Equal((1, 12), (error.Line, error.Column));
        Assert.Equal("unexpected end of query", error.Detail);
        Assert.Equal(11, error.Offset);
    }

    [Fact]
    public void Parse_ExpressionExpected_SummarisesTheFirstTokensAsExpression()
    {
        var error = Assert.Throws<AdqlSyntaxException>(() => AdqlParser.Parse("SELECT a FROM t WHERE a BETWEEN AND 5"));

        Assert.Equal(["expression"], error.ExpectedTokens.ToArray());
        Assert.Equal("ADQL0001 at line 1, column 33: unexpected reserved word AND; expected expression", error.Message);
    }

    [Fact]
    public void Parse_ReservedWord_MessageSuggestsTheDelimitedForm()
    {
        var error = Assert.Throws<AdqlSyntaxException>(() => AdqlParser.Parse("SELECT distance FROM stars"));

        Assert.Equal(AdqlErrorCode.ReservedWord, error.Code);
        Assert.Contains("\"distance\"", error.Message, StringComparison.Ordinal);
        Assert.Empty(error.ExpectedTokens);
    }

    [Fact]
    public void Parse_BareStarAfterColumns_ExplainsTheSelectListRule()
    {
        var error = Assert.Throws<AdqlSyntaxException>(() => AdqlParser.Parse("SELECT a, * FROM t"));

        Assert.Equal((1, 11), (error.Line, error.Column));
        Assert.Contains("table.*", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => AdqlParser.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => AdqlParser.Parse("SELECT a FROM t", null!));
    }

    [Fact]
    public void AdqlSyntaxException_IsADaliUsageError()
    {
        var error = Assert.Throws<AdqlSyntaxException>(() => AdqlParser.Parse("SELECT"));

        Assert.IsAssignableFrom<AdqlException>(error);
        Assert.IsAssignableFrom<Dali.DaliException>(error);
        Assert.Equal(400, error.HttpStatus);
    }
}
