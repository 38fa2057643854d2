using VoServices.Adql.Ast;

namespace VoServices.Adql.Tests;

/// <summary>Tokens of ADQL 2.1: identifiers, literals, comments, case.</summary>
public sealed class LexicalTests
{
    private static ValueExpression FirstColumn(string adql) =>
        ((DerivedColumn)((SelectStatement)AdqlParser.Parse(adql).Body).Columns[0]).Expression;

    [Theory]
    [InlineData("\"size\"", "size")]
    [InlineData("\"c\"\"ho\"", "c\"ho")]
    [InlineData("\" \"\"cute\"\" Monkeys\"", " \"cute\" Monkeys")]
    [InlineData("\"Ünïcødé ✓\"", "Ünïcødé ✓")]
    [InlineData("\"SELECT\"", "SELECT")]
    public void Parse_DelimitedIdentifier_UnescapesDoubledQuotes(string written, string value)
    {
        var column = Assert.IsType<ColumnReference>(FirstColumn($"SELECT {written} FROM t"));

        Assert.Equal(Identifier.Delimited(value), column.Name);
        Assert.Equal(written, column.Name.ToAdql());
    }

    [Theory]
    [InlineData("'M31'", "M31")]
    [InlineData("'it''s'", "it's")]
    [InlineData("''", "")]
    [InlineData("''''", "'")]
    [InlineData("'-- not a comment'", "-- not a comment")]
    [InlineData("'Ünïcødé \"x\"'", "Ünïcødé \"x\"")]
    [InlineData("'qua' -- comment\n'tsch'", "quatsch")]
    [InlineData("'a'\n\n  'b'\r\n'c'", "abc")]
    public void Parse_StringLiteral_UnescapesAndJoinsContinuations(string written, string value)
    {
        Assert.Equal(new StringLiteral(value), FirstColumn($"SELECT {written} FROM t"));
    }

    [Theory]
    [InlineData("12", NumericLiteralKind.Integer, 12.0)]
    [InlineData("12.", NumericLiteralKind.Decimal, 12.0)]
    [InlineData(".5", NumericLiteralKind.Decimal, 0.5)]
    [InlineData("3.14", NumericLiteralKind.Decimal, 3.14)]
    [InlineData("1.2E3", NumericLiteralKind.Approximate, 1200.0)]
    [InlineData("10e-5", NumericLiteralKind.Approximate, 1e-4)]
    [InlineData(".5e+2", NumericLiteralKind.Approximate, 50.0)]
    [InlineData("7.E1", NumericLiteralKind.Approximate, 70.0)]
    [InlineData("0x1F", NumericLiteralKind.Hexadecimal, 31.0)]
    [InlineData("0XfF", NumericLiteralKind.Hexadecimal, 255.0)]
    public void Parse_NumericLiteral_KeepsExactText(string written, NumericLiteralKind kind, double value)
    {
        var literal = Assert.IsType<NumericLiteral>(FirstColumn($"SELECT {written} FROM t"));

        Assert.Equal(written, literal.Text);
        Assert.Equal(kind, literal.Kind);
        Assert.Equal(value, literal.ToDouble(), 12);
    }

    [Theory]
    [InlineData("SELECT 89x FROM t", "89", "x")]
    [InlineData("SELECT 2desc FROM t", null, null)]
    [InlineData("SELECT 0xg FROM t", "0", "xg")]
    [InlineData("SELECT 3else3 FROM t", "3", "else3")]
    public void Parse_NumberFollowedByLetters_SplitsIntoNumberAndName(string adql, string? number, string? alias)
    {
        if (number is null)
        {
            Assert.Throws<AdqlSyntaxException>(() => AdqlParser.Parse(adql));
            return;
        }
        var column = (DerivedColumn)((SelectStatement)AdqlParser.Parse(adql).Body).Columns[0];

        Assert.Equal(new NumericLiteral(number), column.Expression);
        Assert.Equal(Identifier.Regular(alias!), column.Alias);
    }

    [Theory]
    [InlineData("-- leading\nSELECT a FROM t")]
    [InlineData("SELECT a FROM t -- trailing, no newline")]
    [InlineData("SELECT--x\na--y\nFROM--z\nt")]
    [InlineData("SELECT a --- more dashes\nFROM t")]
    [InlineData("SELECT\ta\r\nFROM\u000Bt\f")]
    public void Parse_CommentsAndWhitespace_AreSeparators(string adql)
    {
        Assert.Equal(AdqlParser.Parse("SELECT a FROM t"), AdqlParser.Parse(adql));
    }

    [Fact]
    public void Parse_KeywordsInAnyCase_AreKeywordsAndRegularNamesKeepTheirCase()
    {
        var tree = AdqlParser.Parse("sElEcT Width fRoM Spatial wHeRe hEiGhT > 0");

        Assert.Equal("SELECT Width FROM Spatial WHERE hEiGhT > 0", AdqlPrinter.Print(tree));
    }

    [Theory]
    [InlineData("alpha", false, "ALPHA", false, true)]
    [InlineData("alpha", false, "Alpha", true, true)]
    [InlineData("alpha", true, "Alpha", true, false)]
    [InlineData("alpha", true, "alpha", true, true)]
    [InlineData("alpha", false, "beta", false, false)]
    public void Identifier_Matches_FoldsCaseUnlessBothAreDelimited(string a, bool aDelimited, string b, bool bDelimited, bool matches)
    {
        Assert.Equal(matches, new Identifier(a, aDelimited).Matches(new Identifier(b, bDelimited)));
    }
}
