using System.Text.RegularExpressions;
using VoServices.Testing;

namespace VoServices.Adql.Tests;

/// <summary>
/// ADQL 2.1 &lt;keyword&gt;: reserved words (the SQL-92 list plus the ADQL list) cannot be regular identifiers but are
/// fine as delimited identifiers. The word lists are read from the BNF itself (lyonetia ADQL-2.1.bnf), plus the
/// words the ADQL 2.1 Recommendation adds to its ADQL list (ivoa-std/ADQL adql.bnf) and OFFSET (standards.md §5).
/// </summary>
public sealed partial class ReservedWordTests
{
    // In the Recommendation's <ADQL_reserved_word> but not in the lyonetia copy of the BNF (a 2016 draft).
    private static readonly string[] RecommendationAdditions = ["BIGINT", "CAST", "CHAR", "COALESCE", "DOUBLE", "INTEGER", "NULL",
        "PRECISION", "REAL", "SMALLINT", "TIMESTAMP", "VARCHAR", "OFFSET"];

    public static TheoryData<string> Words() => new(AllWords());

    private static SortedSet<string> AllWords()
    {
        var words = new SortedSet<string>(RecommendationAdditions, StringComparer.Ordinal);
        var bnf = SharedData.Root is { } root ? Path.Combine(root, "adql", "lyonetia", "src", "bnf", "ADQL-2.1.bnf") : null;
        if (bnf is not null && File.Exists(bnf))
        {
            words.UnionWith(WordsOf(File.ReadAllText(bnf)));
        }
        return words;
    }

    /// <summary>The alternatives of &lt;SQL_reserved_word&gt; and &lt;ADQL_reserved_word&gt; (END-EXEC is two tokens and skipped).</summary>
    private static IEnumerable<string> WordsOf(string bnf)
    {
        foreach (var rule in new[] { "SQL_reserved_word", "ADQL_reserved_word" })
        {
            var start = bnf.IndexOf($"<{rule}> ::=", StringComparison.Ordinal);
            Assert.True(start >= 0, $"<{rule}> not found in the BNF");
            var end = bnf.IndexOf("\n\n", start, StringComparison.Ordinal);
            foreach (Match match in Word().Matches(bnf[(start + rule.Length + 6)..end]))
            {
                yield return match.Value;
            }
        }
    }

    [GeneratedRegex(@"\b[A-Z][A-Z0-9_]*\b(?!-)")]
    private static partial Regex Word();

    [SkippableFact]
    public void Words_FromTheBnf_AreAllLoaded()
    {
        SharedData.File("adql", "lyonetia", "src", "bnf", "ADQL-2.1.bnf");

        var words = AllWords();

        Assert.Contains("ABSOLUTE", words);
        Assert.Contains("ZONE", words);
        Assert.Contains("TRUNCATE", words);
        Assert.Contains("IN_UNIT", words);
        Assert.DoesNotContain("END-EXEC", words);
        Assert.True(words.Count > 250, $"only {words.Count} reserved words read");
    }

    [Theory]
    [MemberData(nameof(Words))]
    public void Parse_ReservedWordAsRegularIdentifier_IsRejectedAtTheWord(string word)
    {
        foreach (var adql in new[] { $"SELECT a AS {word} FROM t", $"SELECT a AS {word.ToLowerInvariant()} FROM t" })
        {
            var error = Assert.Throws<AdqlSyntaxException>(() => AdqlParser.Parse(adql));
            Assert.Equal((AdqlErrorCode.ReservedWord, 1, 13), (error.Code, error.Line, error.Column));
        }
        Assert.Throws<AdqlSyntaxException>(() => AdqlParser.Parse($"SELECT * FROM {word}"));
    }

    [Theory]
    [MemberData(nameof(Words))]
    public void Parse_ReservedWordAsDelimitedIdentifier_IsAccepted(string word)
    {
        var tree = AdqlParser.Parse($"SELECT \"{word}\" AS \"{word.ToLowerInvariant()}\" FROM \"{word}\".\"{word}\"");

        Assert.Equal($"SELECT \"{word}\" AS \"{word.ToLowerInvariant()}\" FROM \"{word}\".\"{word}\"", AdqlPrinter.Print(tree));
    }

    [Theory]
    [InlineData("cot")]
    [InlineData("dec")]
    [InlineData("tables")]
    [InlineData("name")]
    [InlineData("type")]
    [InlineData("region_x")]
    [InlineData("selection")]
    public void Parse_NonReservedName_IsARegularIdentifier(string name)
    {
        AdqlParser.Parse($"SELECT {name} FROM {name} AS {name} WHERE {name}.{name} > 0");
    }
}
