using System.Globalization;

namespace VoServices.Dali.Tests;

public sealed class DaliTimestampTests
{
    /// <summary>Rows of Fixtures/timestamps.csv: literal and the instant astropy reads (see make_timestamps.py).</summary>
    public static TheoryData<string, long> AstropyFixture()
    {
        var data = new TheoryData<string, long>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "timestamps.csv")).Skip(1))
        {
            var cells = line.Split(',');
            data.Add(cells[0], long.Parse(cells[1], CultureInfo.InvariantCulture));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AstropyFixture))]
    public void Parse_AstropyFixture_SameInstantAndUtcKind(string literal, long ticks)
    {
        var value = DaliTimestamp.Parse(literal);
        Assert.Equal(ticks, value.Ticks);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
    }

    [Theory]
    [MemberData(nameof(AstropyFixture))]
    public void Format_AstropyFixture_RoundTrips(string literal, long ticks)
    {
        var value = new DateTime(ticks, DateTimeKind.Utc);
        Assert.Equal(value, DaliTimestamp.Parse(DaliTimestamp.Format(value)));
        Assert.Equal(value, DaliTimestamp.Parse(DaliTimestamp.Format(value, utcDesignator: true)));
        Assert.True(DaliTimestamp.Format(value).Length <= literal.TrimEnd('Z').Length, "not the shortest form");
    }

    [Theory]
    [InlineData("2002-03-04T00:00:00", "2002-03-04")]
    [InlineData("2001-02-03T04:05:06.000", "2001-02-03T04:05:06")]
    [InlineData("2000-01-02T15:20:30.4560", "2000-01-02T15:20:30.456")]
    [InlineData("2000-01-02T15:20:30.5Z", "2000-01-02T15:20:30.5")]
    [InlineData("2000-01-02T15:20:30.0000001", "2000-01-02T15:20:30.0000001")]
    [InlineData("2000-01-02T00:00:00.1", "2000-01-02T00:00:00.1")]
    public void Format_Parsed_WritesShortestExactForm(string literal, string expected)
    {
        Assert.Equal(expected, DaliTimestamp.Format(DaliTimestamp.Parse(literal)));
    }

    [Theory]
    [InlineData("2002-03-04", "2002-03-04T00:00:00Z")]
    [InlineData("2000-01-02T15:20:30.456", "2000-01-02T15:20:30.456Z")]
    public void Format_UtcDesignator_AlwaysWritesTimeAndZ(string literal, string expected)
    {
        Assert.Equal(expected, DaliTimestamp.Format(DaliTimestamp.Parse(literal), utcDesignator: true));
    }

    [Fact]
    public void Format_UnspecifiedKind_TakenAsUtc()
    {
        Assert.Equal("2020-05-06T07:08:09", DaliTimestamp.Format(new DateTime(2020, 5, 6, 7, 8, 9, DateTimeKind.Unspecified)));
    }

    [Fact]
    public void Format_LocalKind_ConvertedToUtc()
    {
        var utc = new DateTime(2020, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        Assert.Equal("2020-05-06T07:08:09", DaliTimestamp.Format(utc.ToLocalTime()));
    }

    [Theory]
    [InlineData("2000-01-02T15:20", "expected YYYY-MM-DD")]
    [InlineData("2000-01-02 15:20:30", "expected YYYY-MM-DD")]
    [InlineData("2000-01-02T15:20:30+01:00", "expected YYYY-MM-DD")]
    [InlineData("2000-01-02Z", "expected YYYY-MM-DD")]
    [InlineData("2000-1-2", "expected YYYY-MM-DD")]
    [InlineData("20000102", "expected YYYY-MM-DD")]
    [InlineData("2000-01-02T15:20:30.", "expected YYYY-MM-DD")]
    [InlineData("2000-01-02t15:20:30", "expected YYYY-MM-DD")]
    [InlineData("2000-01-02T15:20:30z", "expected YYYY-MM-DD")]
    [InlineData(" 2000-01-02", "expected YYYY-MM-DD")]
    [InlineData("2000-01-02\n", "expected YYYY-MM-DD")]
    [InlineData("２０００-01-02", "expected YYYY-MM-DD")]
    [InlineData("", "expected YYYY-MM-DD")]
    [InlineData("2023-02-29", "no such date")]
    [InlineData("2000-13-01", "no such date")]
    [InlineData("2000-00-10", "no such date")]
    [InlineData("2000-04-31", "no such date")]
    [InlineData("0000-01-01", "no such date")]
    [InlineData("2000-01-01T24:00:00", "no such time of day")]
    [InlineData("2000-01-01T12:60:00", "no such time of day")]
    [InlineData("2016-12-31T23:59:60", "leap seconds cannot be represented")]
    [InlineData("2000-01-01T00:00:00.123456789", "at most 7 fraction digits")]
    public void Parse_Invalid_ThrowsNamingXType(string text, string why)
    {
        var e = Assert.Throws<DaliFormatException>(() => DaliTimestamp.Parse(text));
        Assert.Equal("timestamp", e.XType);
        Assert.Contains("Invalid DALI timestamp", e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }
}
