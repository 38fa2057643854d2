using System.Xml.Linq;
using VoServices.Tap.Examples;

namespace VoServices.Tap.Tests.Examples;

/// <summary>The DALI-examples rules of standards.md §1 (taplint EXA stage codes in brackets).</summary>
public sealed class TapExamplesWriterTests
{
    private static readonly XNamespace Html = "http://www.w3.org/1999/xhtml";

    private static async Task<XDocument> Document(IReadOnlyList<TapExample>? examples = null)
    {
        using var stream = new MemoryStream();
        await TapExamplesWriter.WriteAsync(stream, examples ?? TapExamples.Demo, CancellationToken.None);
        // Parsing as XML is the well-formedness check.
        return XDocument.Load(new MemoryStream(stream.ToArray()));
    }

    [Fact]
    public async Task WriteAsync_Demo_HasExactlyOneDaliVocab()
    {
        var vocab = (await Document()).Descendants().Where(e => e.Attribute("vocab") is not null).ToList();
        Assert.Equal(TapExamplesWriter.Vocabulary, Assert.Single(vocab).Attribute("vocab")!.Value);
        Assert.Equal(Html + "body", vocab[0].Name);
    }

    [Fact]
    public async Task WriteAsync_EachExample_HasIdResourceNameQueryAndTables()
    {
        var blocks = (await Document()).Descendants().Where(e => (string?)e.Attribute("typeof") == "example").ToList();
        Assert.Equal(TapExamples.Demo.Count, blocks.Count);
        foreach (var (block, example) in blocks.Zip(TapExamples.Demo))
        {
            Assert.Equal(example.Id, block.Attribute("id")!.Value);
            Assert.Equal("#" + example.Id, block.Attribute("resource")!.Value);
            Assert.Equal(example.Name, Property(block, "name").Single().Value);
            var query = Property(block, "query").Single();
            Assert.Equal((Html + "pre", example.Query), (query.Name, query.Value));
            Assert.Equal(example.Tables, Property(block, "table").Select(t => t.Value));
            Assert.All(Property(block, "table"), t => Assert.Empty(t.Elements()));
        }
    }

    [Fact]
    public async Task WriteAsync_Demo_HasAtLeastADozenExamplesWithUniqueIds()
    {
        Assert.True(TapExamples.Demo.Count >= 12);
        Assert.Equal(TapExamples.Demo.Count, TapExamples.Demo.Select(e => e.Id).Distinct().Count());
        Assert.Single(TapExamples.Demo, e => e.Upload is not null);
        Assert.Contains(TapExamples.Demo, e => e.Tables.Contains("TAP_SCHEMA.columns"));
        Assert.NotNull(await Document());
    }

    [Fact]
    public async Task WriteAsync_NoPropertyOnLinkElements()
    {
        var document = await Document();
        Assert.DoesNotContain(document.Descendants(), e => e.Attribute("property") is not null
            && (e.Attribute("href") is not null || e.Attribute("src") is not null));
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("a b")]
    [InlineData("")]
    public async Task WriteAsync_BadId_Throws(string id) =>
        await Assert.ThrowsAsync<ArgumentException>(() => Document([new TapExample(id, "n", "SELECT 1", "d", [])]));

    [Fact]
    public async Task WriteAsync_DuplicateId_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Document(
            [new TapExample("a", "n", "SELECT 1", "d", []), new TapExample("a", "m", "SELECT 2", "d", [])]));

    [Fact]
    public async Task WriteAsync_SpecialCharacters_AreEscaped()
    {
        var document = await Document([new TapExample("x", "a < b & c", "SELECT * FROM t WHERE a < 'x&y'", "d", ["t"])]);
        Assert.Equal("SELECT * FROM t WHERE a < 'x&y'", Property(document.Root!, "query").Single().Value);
    }

    private static IEnumerable<XElement> Property(XElement scope, string name) =>
        scope.Descendants().Where(e => (string?)e.Attribute("property") == name);
}
