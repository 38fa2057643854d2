namespace VoServices.Adql.Tests;

/// <summary>Parse(Print(Parse(q))) == Parse(q) for every valid lyonetia query (record equality).</summary>
public sealed class LyonetiaRoundTripTests
{
    public static TheoryData<string> ValidCases => LyonetiaSuite.Ids(c => c.Valid && !LyonetiaClassificationTests.Disputed.ContainsKey(c.Id));

    [SkippableTheory]
    [MemberData(nameof(ValidCases))]
    public void Print_ValidLyonetiaCase_ReparsesToTheSameTree(string id)
    {
        var testCase = LyonetiaSuite.Get(id);
        var options = LyonetiaSuite.OptionsFor(testCase);
        var tree = AdqlParser.Parse(testCase.Adql, options);

        var printed = AdqlPrinter.Print(tree);
        var reparsed = AdqlParser.Parse(printed, options);

        Assert.True(tree == reparsed, $"{id}\noriginal: {testCase.Adql}\nprinted:  {printed}\nreprinted: {AdqlPrinter.Print(reparsed)}");
        Assert.Equal(printed, AdqlPrinter.Print(reparsed));
        Assert.Equal(tree.GetHashCode(), reparsed.GetHashCode());
    }
}
