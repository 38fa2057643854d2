using VoServices.Tap.Query;
using VoServices.Tap.Results;

namespace VoServices.Tap.Tests.Query;

public sealed class ResultCellConverterTests
{
    private static object? Convert(ResultColumn column, object? value) => ResultCellConverter.For(column).Convert(value);

    [Theory]
    [InlineData("point", "2", "201.5 -47.25", new[] { 201.5, -47.25 })]
    [InlineData("circle", "3", "10 20 0.5", new[] { 10.0, 20.0, 0.5 })]
    [InlineData("polygon", "*", "1 2 3 4 5 6", new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0 })]
    [InlineData("interval", "2", "-Inf 5", new[] { double.NegativeInfinity, 5.0 })]
    public void Convert_DaliTextOfGeometry_GivesDoubles(string xtype, string arraySize, string text, double[] expected) =>
        Assert.Equal(expected, Convert(new ResultColumn("g", "double") { ArraySize = arraySize, XType = xtype }, text));

    [Fact]
    public void Convert_PostgresDoubleArrayGeometry_IsKept()
    {
        var value = new[] { 1.0, 2.0 };
        Assert.Same(value, Convert(new ResultColumn("p", "double") { ArraySize = "2", XType = "point" }, value));
    }

    [Theory]
    [InlineData("2020-01-02T03:04:05.25", "*", 2020, 1, 2, 3, 4, 5, 250)]
    [InlineData("2020-01-02 03:04:05", "*", 2020, 1, 2, 3, 4, 5, 0)]
    [InlineData("2020-01-02", null, 2020, 1, 2, 0, 0, 0, 0)]
    public void Convert_TimestampText_GivesUtcDateTime(string text, string? arraySize, int y, int mo, int d, int h, int mi, int s, int ms)
    {
        var value = Convert(new ResultColumn("t", "char") { ArraySize = arraySize, XType = "timestamp" }, text);
        Assert.Equal(new DateTime(y, mo, d, h, mi, s, ms, DateTimeKind.Utc), value);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)value!).Kind);
    }

    /// <summary>The writers format timestamps (VoTableTimestampTests), so a fixed-width column gets a DateTime too.</summary>
    [Theory]
    [InlineData("19", "timestamp")]
    [InlineData("10", "timestamp")]
    [InlineData("*", "adql:timestamp")]
    public void Convert_TimestampInAnyDeclaredColumn_GivesUtcDateTime(string arraySize, string xtype) =>
        Assert.Equal(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Convert(new ResultColumn("t", "char") { ArraySize = arraySize, XType = xtype }, "2000-01-01"));

    [Fact]
    public void Convert_TextThatIsNoTimestamp_IsPassedOnAsText() =>
        Assert.Equal("yesterday", Convert(new ResultColumn("t", "char") { ArraySize = "*", XType = "timestamp" }, "yesterday"));

    [Theory]
    [InlineData(1L, true)]
    [InlineData(0L, false)]
    [InlineData(true, true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    public void Convert_Boolean_GivesBool(object value, bool expected) =>
        Assert.Equal(expected, Convert(new ResultColumn("b", "boolean"), value));

    [Theory]
    [InlineData("int", "1 2 3", new long[] { 1, 2, 3 })]
    [InlineData("short", "-4", new long[] { -4 })]
    public void Convert_IntegerArrayText_GivesLongs(string datatype, string text, long[] expected) =>
        Assert.Equal(expected, Convert(new ResultColumn("a", datatype) { ArraySize = "*" }, text));

    [Fact]
    public void Convert_DoubleArrayText_GivesDoubles() =>
        Assert.Equal([1.5, double.NaN], (double[])Convert(new ResultColumn("a", "double") { ArraySize = "2" }, "1.5 NaN")!);

    [Theory]
    [InlineData(null)]
    [InlineData("dbnull")]
    public void Convert_Null_IsNull(string? kind) =>
        Assert.Null(Convert(new ResultColumn("x", "double"), kind is null ? null : DBNull.Value));

    [Theory]
    [InlineData(12L, "12")]
    [InlineData(0.1, "0.1")]
    public void Convert_NumberInCharColumn_GivesInvariantText(object value, string expected) =>
        Assert.Equal(expected, Convert(new ResultColumn("c", "char") { ArraySize = "*" }, value));

    [Theory]
    [InlineData("42", "long", 42L)]
    [InlineData("2.5", "double", 2.5)]
    public void Convert_NumberText_IsParsed(string text, string datatype, object expected) =>
        Assert.Equal(expected, Convert(new ResultColumn("n", datatype), text));

    [Fact]
    public void Convert_Numbers_PassThrough() => Assert.Equal(7L, Convert(new ResultColumn("n", "int"), 7L));

    [Fact]
    public void Convert_MalformedGeometryText_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => Convert(new ResultColumn("p", "double") { ArraySize = "2", XType = "point" }, "1 x"));
}
