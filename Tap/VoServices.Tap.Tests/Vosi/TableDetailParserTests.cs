using VoServices.Tap.Vosi;

namespace VoServices.Tap.Tests.Vosi;

public sealed class TableDetailParserTests
{
    [Theory]
    [InlineData("min", TableDetail.Max, TableDetail.Min)]
    [InlineData("MIN", TableDetail.Max, TableDetail.Min)]
    [InlineData(" min ", TableDetail.Max, TableDetail.Min)]
    [InlineData("max", TableDetail.Min, TableDetail.Max)]
    [InlineData("Max", TableDetail.Min, TableDetail.Max)]
    [InlineData(null, TableDetail.Min, TableDetail.Min)]
    [InlineData(null, TableDetail.Max, TableDetail.Max)]
    [InlineData("", TableDetail.Min, TableDetail.Min)]
    [InlineData("minimal", TableDetail.Max, TableDetail.Max)]
    public void Parse_Value_GivesDetailOrFallback(string? value, TableDetail fallback, TableDetail expected)
    {
        Assert.Equal(expected, TableDetailParser.Parse(value, fallback));
    }
}
