namespace VoServices.Dali.Tests;

public sealed class DaliIntervalTests
{
    // DALI 1.1 §3.4 examples, plus the spellings Python clients send (str(float('inf')) == 'inf').
    [Theory]
    [InlineData("0.5 1.0", 0.5, 1.0, "0.5 1")]
    [InlineData("-Inf 0.0", double.NegativeInfinity, 0.0, "-Inf 0")]
    [InlineData("0.0 +Inf", 0.0, double.PositiveInfinity, "0 +Inf")]
    [InlineData("-Inf +Inf", double.NegativeInfinity, double.PositiveInfinity, "-Inf +Inf")]
    [InlineData("1.0 1.0", 1.0, 1.0, "1 1")]
    [InlineData("-5 5", -5.0, 5.0, "-5 5")]
    [InlineData("-inf inf", double.NegativeInfinity, double.PositiveInfinity, "-Inf +Inf")]
    [InlineData("-INF +INF", double.NegativeInfinity, double.PositiveInfinity, "-Inf +Inf")]
    [InlineData("-Infinity Infinity", double.NegativeInfinity, double.PositiveInfinity, "-Inf +Inf")]
    [InlineData("5.5e-7 6.5e-7", 5.5e-7, 6.5e-7, "5.5E-07 6.5E-07")]
    [InlineData("55000 55000.5", 55000.0, 55000.5, "55000 55000.5")]
    public void Parse_Valid_ReturnsBoundsAndFormatsBack(string text, double lower, double upper, string formatted)
    {
        var interval = DaliInterval.Parse(text);
        Assert.Equal(lower, interval.Lower);
        Assert.Equal(upper, interval.Upper);
        Assert.Equal(formatted, interval.ToString());
        Assert.Equal(interval, DaliInterval.Parse(formatted));
    }

    [Theory]
    [InlineData("1", "expected 2 numbers")]
    [InlineData("1 2 3", "expected 2 numbers")]
    [InlineData("2 1", "lower bound 2 exceeds upper bound 1")]
    [InlineData("+Inf -Inf", "lower bound +Inf exceeds upper bound -Inf")]
    [InlineData("NaN 1", "a bound is NaN")]
    [InlineData("1 NaN", "a bound is NaN")]
    [InlineData("0,5 1", "'0,5' is not a number")]
    [InlineData("1 1e400", "'1e400' is not a number")]
    [InlineData("Inff 1", "'Inff' is not a number")]
    public void Parse_Invalid_ThrowsNamingXType(string text, string why)
    {
        var e = Assert.Throws<DaliFormatException>(() => DaliInterval.Parse(text));
        Assert.Equal("interval", e.XType);
        Assert.Contains("DALI interval", e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3 3", true)]
    [InlineData("3 4", false)]
    public void IsScalar_PairOfEqualValues_True(string text, bool expected)
    {
        Assert.Equal(expected, DaliInterval.Parse(text).IsScalar);
    }
}
