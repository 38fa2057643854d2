using VoServices.Tap.Ingest;

namespace VoServices.Tap.Tests.Ingest;

public sealed class AdqlIdentifiersTests
{
    [Theory]
    [InlineData("ra", null)]
    [InlineData("dec", null)]
    [InlineData("b_v", null)]
    [InlineData("type", null)]
    [InlineData("size", "reserved word")]
    [InlineData("DISTANCE", "lower case")]
    [InlineData("distance", "reserved word")]
    [InlineData("top", "reserved word")]
    [InlineData("offset", "reserved word")]
    [InlineData("RA", "lower case")]
    [InlineData("_x", "not a valid ADQL identifier")]
    [InlineData("", "not a valid ADQL identifier")]
    [InlineData("ra dec", "not a valid ADQL identifier")]
    [InlineData("hé", "not a valid ADQL identifier")]
    public void Problem_Name_ReportsWhyItIsRejected(string name, string? problem)
    {
        var actual = AdqlIdentifiers.Problem(name);

        if (problem is null)
        {
            Assert.Null(actual);
        }
        else
        {
            Assert.NotNull(actual);
            Assert.Contains(problem, actual, StringComparison.Ordinal);
        }
    }
}
