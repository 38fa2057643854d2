using System.Diagnostics;
using Xunit.Abstractions;

namespace VoServices.Adql.Tests;

/// <summary>Hostile input fails quickly with a typed error and never takes the process down (stack, memory).</summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    private AdqlSyntaxException Rejects(string adql, AdqlParserOptions? options = null)
    {
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<AdqlSyntaxException>(() => AdqlParser.Parse(adql, options ?? AdqlParserOptions.Default));
        output.WriteLine($"{adql.Length} chars rejected in {clock.Elapsed.TotalMilliseconds:F1} ms: {error.Message}");
        return error;
    }

    [Fact]
    public void Parse_OneMegabyteQuery_IsRejectedBeforeParsing()
    {
        var adql = "SELECT a FROM t WHERE a IN (" + string.Join(", ", Enumerable.Repeat("1", 500_000)) + ")";

        var error = Rejects(adql);

        Assert.Equal(AdqlErrorCode.QueryTooLong, error.Code);
        Assert.Equal(Dali.DaliErrorKind.TooLarge, error.Kind);
        Assert.Equal(413, error.HttpStatus);
    }

    [Fact]
    public void Parse_LargeQueryWithinTheLimit_Parses()
    {
        var values = string.Join(", ", Enumerable.Range(0, 30_000));
        var adql = $"SELECT a FROM t WHERE a IN ({values})";
        Assert.True(adql.Length < AdqlParserOptions.Default.MaxQueryLength);

        var select = (Ast.SelectStatement)AdqlParser.Parse(adql).Body;

        Assert.Equal(30_000, ((Ast.InListPredicate)select.Where!).Values.Count);
    }

    [Theory]
    [InlineData(201)]
    [InlineData(10_000)]
    public void Parse_DeeplyNestedParentheses_IsRejectedAtTheFirstTooDeepParenthesis(int depth)
    {
        var adql = "SELECT " + new string('(', depth) + "1" + new string(')', depth) + " FROM t";

        var error = Rejects(adql);

        Assert.Equal(AdqlErrorCode.NestingTooDeep, error.Code);
        Assert.Equal(8 + 200, error.Column);
    }

    [Fact]
    public void Parse_TenThousandOpenParenthesesOnly_IsRejected()
    {
        Assert.Equal(AdqlErrorCode.NestingTooDeep, Rejects(new string('(', 10_000)).Code);
    }

    [Fact]
    public void Parse_NestingAtTheLimit_Parses()
    {
        var adql = "SELECT " + new string('(', 199) + "1" + new string(')', 199) + " FROM t";

        AdqlParser.Parse(adql);
    }

    [Fact]
    public void Parse_DeeplyNestedSubqueries_IsRejected()
    {
        var adql = string.Concat(Enumerable.Repeat("SELECT * FROM (", 300)) + "SELECT 1 FROM t" + string.Concat(Enumerable.Repeat(") AS q", 300));

        Assert.Equal(AdqlErrorCode.NestingTooDeep, Rejects(adql).Code);
    }

    [Fact]
    public void Parse_DeeplyNestedCase_IsRejected()
    {
        var adql = "SELECT " + string.Concat(Enumerable.Repeat("CASE WHEN a = 1 THEN ", 5_000)) + "1" + string.Concat(Enumerable.Repeat(" END", 5_000)) + " FROM t";

        Assert.Equal(AdqlErrorCode.NestingTooDeep, Rejects(adql).Code);
    }

    [Theory]
    [InlineData("- ")]
    [InlineData("~")]
    [InlineData("+")]
    public void Parse_LongRunOfPrefixOperators_IsRejected(string op)
    {
        var adql = "SELECT " + string.Concat(Enumerable.Repeat(op, 50_000)) + "1 FROM t";

        Assert.Equal(AdqlErrorCode.NestingTooDeep, Rejects(adql).Code);
    }

    [Fact]
    public void Parse_LongOperatorChain_IsRejectedByTheTreeDepthLimit()
    {
        var adql = "SELECT " + string.Join(" + ", Enumerable.Repeat("a", 50_000)) + " FROM t";

        Assert.Equal(AdqlErrorCode.NestingTooDeep, Rejects(adql).Code);
    }

    [Fact]
    public void Parse_LongJoinAndUnionChains_AreRejectedByTheTreeDepthLimit()
    {
        var joins = "SELECT * FROM t" + string.Concat(Enumerable.Repeat(" JOIN t", 5_000));
        var unions = string.Join(" UNION ", Enumerable.Repeat("SELECT a FROM t", 5_000));

        Assert.Equal(AdqlErrorCode.NestingTooDeep, Rejects(joins).Code);
        Assert.Equal(AdqlErrorCode.NestingTooDeep, Rejects(unions).Code);
    }

    [Fact]
    public void Parse_ChainWithinTheTreeDepthLimit_ParsesPrintsAndCompares()
    {
        var adql = "SELECT " + string.Join(" + ", Enumerable.Repeat("a", 400)) + " FROM t WHERE " + string.Join(" OR ", Enumerable.Repeat("a = 1", 5_000));

        var tree = AdqlParser.Parse(adql);

        Assert.Equal(tree, AdqlParser.Parse(AdqlPrinter.Print(tree)));
    }

    [Theory]
    [InlineData("SELECT a\0 FROM t", 1, 9)]
    [InlineData("SELECT 'a\0b' FROM t", 1, 10)]
    [InlineData("SELECT a\nFROM t WHERE b = '\0'", 2, 19)]
    public void Parse_NulCharacter_IsRejectedWherever(string adql, int line, int column)
    {
        var error = Rejects(adql);

        Assert.Equal(AdqlErrorCode.InvalidCharacter, error.Code);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("SELECT ra FROM t WHERE nom = 'Orion ✓'", true)]
    [InlineData("SELECT \"Déclinaison\" FROM \"Étoiles\"", true)]
    [InlineData("SELECT '🚀' FROM t", true)]
    [InlineData("SELECT déclinaison FROM t", false)]
    [InlineData("SELECT a FROM t WHERE a = ‘x’", false)]
    [InlineData("SELECT a\u00A0FROM t", false)]
    public void Parse_Unicode_AllowedInLiteralsAndDelimitedNamesOnly(string adql, bool valid)
    {
        if (valid)
        {
            Assert.Equal(adql, AdqlPrinter.Print(AdqlParser.Parse(adql)));
        }
        else
        {
            Assert.Equal(AdqlErrorCode.InvalidCharacter, Rejects(adql).Code);
        }
    }

    [Theory]
    [InlineData("SELECT '", "' FROM t", '\uD800', 9)]
    [InlineData("SELECT a FROM t WHERE b = 'x", "'", '\uDC00', 29)]
    public void Parse_UnpairedSurrogate_IsRejected(string before, string after, char surrogate, int column)
    {
        var error = Rejects(before + surrogate + after);

        Assert.Equal(AdqlErrorCode.InvalidCharacter, error.Code);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void Parse_ManyErrorsAndGarbage_ReportsTheFirstOnly()
    {
        var garbage = new string(Enumerable.Range(0, 100_000).Select(i => (char)('!' + (i * 7919 % 90))).ToArray());

        var error = Rejects(garbage);

        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Options_SmallerLimits_AreHonoured()
    {
        var options = new AdqlParserOptions { MaxQueryLength = 20, MaxNestingDepth = 2, MaxExpressionDepth = 10 };

        Assert.Equal(AdqlErrorCode.QueryTooLong, Rejects("SELECT a FROM table_with_long_name", options).Code);
        Assert.Equal(AdqlErrorCode.NestingTooDeep, Rejects("SELECT (((1))) FROM t", options with { MaxQueryLength = 100 }).Code);
        Assert.Equal(AdqlErrorCode.NestingTooDeep, Rejects("SELECT 1+1+1+1+1+1+1+1+1+1+1 FROM t", options with { MaxQueryLength = 100 }).Code);
    }
}
