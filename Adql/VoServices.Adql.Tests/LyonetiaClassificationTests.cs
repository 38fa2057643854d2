using VoServices.Adql.Ast;

namespace VoServices.Adql.Tests;

/// <summary>
/// Acceptance test of the ADQL issue: every query of the lyonetia suites is classified as its file says (valid
/// parses, invalid is rejected with an <see cref="AdqlSyntaxException"/>), except the cases listed in
/// <see cref="Disputed"/>, each with the BNF rule that contradicts the file. Cases whose version is not adql-2.1
/// would be skipped (the xsd default is adql-2.1; all current cases are 2.1).
/// </summary>
public sealed class LyonetiaClassificationTests
{
    /// <summary>Cases where the suite contradicts the ADQL 2.1 grammar: id → the rule and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> Disputed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ivoa/2_from.xml#4"] =
            "marked invalid, but <qualified_join> ::= <table_reference> [ NATURAL ] [ <join_type> ] JOIN <table_reference> "
            + "[ <join_specification> ] makes the join specification optional, so `t1 INNER JOIN t2` is grammatical "
            + "(and gavo/simpleunit.xml#23 `t1 INNER JOIN (t2 JOIN t3)` is marked valid).",
        ["ivoa/X1_obscore_eso.xml#36"] =
            "marked valid, but <select_list> ::= <asterisk> | <select_sublist> [ { <comma> <select_sublist> }... ] allows "
            + "a bare * only as the whole select list and <select_sublist> ::= <derived_column> | <qualifier> <period> "
            + "<asterisk>: `SELECT start_date, ..., *` is not ADQL 2.1 (write the table's qualified star).",
    };

    public static TheoryData<string> AllCases => LyonetiaSuite.Ids();

    [SkippableTheory]
    [MemberData(nameof(AllCases))]
    public void Parse_LyonetiaCase_ClassifiedAsTheSuiteSays(string id)
    {
        var testCase = LyonetiaSuite.Get(id);
        Skip.If(testCase.Version != "adql-2.1", $"case is for {testCase.Version}");
        var expectedValid = Disputed.ContainsKey(id) ? !testCase.Valid : testCase.Valid;

        var error = Classify(testCase);

        if (expectedValid)
        {
            Assert.True(error is null, $"{id} should parse: {error?.Message}\n{testCase.Adql}");
        }
        else
        {
            Assert.True(error is not null, $"{id} should be rejected:\n{testCase.Adql}");
        }
    }

    [SkippableFact]
    public void Parse_AllLyonetiaCases_DisagreeOnlyOnTheDisputedCases()
    {
        var cases = LyonetiaSuite.Cases;
        Skip.If(cases.Count == 0 && !Testing.SharedData.IsCi, "../shared/data is not present beside the checkout");

        var disagreements = cases.Values
            .Where(c => c.Version == "adql-2.1" && (Classify(c) is null) != c.Valid)
            .Select(c => c.Id)
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(Disputed.Keys.Order(StringComparer.Ordinal), disagreements);
        Assert.Equal(495, cases.Count);
    }

    private static AdqlSyntaxException? Classify(LyonetiaCase testCase)
    {
        try
        {
            AdqlParser.Parse(testCase.Adql, LyonetiaSuite.OptionsFor(testCase));
            return null;
        }
        catch (AdqlSyntaxException error)
        {
            return error;
        }
    }
}
