namespace VoServices.VoTable.Tests;

public sealed class ArraySizeTests
{
    [Theory]
    // text,      fixed dims, variable, bound, elementCount, maxElementCount (-1 = unbounded), canonical
    [InlineData("*", new int[0], true, -1, 1, -1, "*")]
    [InlineData("10", new[] { 10 }, false, -1, 10, 10, "10")]
    [InlineData("1", new[] { 1 }, false, -1, 1, 1, "1")]
    [InlineData("10*", new int[0], true, 10, 1, 10, "10*")]
    [InlineData("3x4", new[] { 3, 4 }, false, -1, 12, 12, "3x4")]
    [InlineData("3x*", new[] { 3 }, true, -1, 3, -1, "3x*")]
    [InlineData("2x3x5*", new[] { 2, 3 }, true, 5, 6, 30, "2x3x5*")]
    [InlineData(" 2 x 3 ", new[] { 2, 3 }, false, -1, 6, 6, "2x3")]
    public void Parse_ValidText_GivesDimensions(string text, int[] dims, bool variable, int bound, int count,
        int max, string canonical)
    {
        var size = ArraySize.Parse(text);
        Assert.Equal(dims, size.FixedDimensions);
        Assert.Equal(variable, size.IsVariable);
        Assert.Equal(bound < 0 ? null : bound, size.VariableBound);
        Assert.Equal(count, size.ElementCount);
        Assert.Equal(max < 0 ? null : max, size.MaxElementCount);
        Assert.Equal(canonical, size.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("*x3")]
    [InlineData("3**")]
    [InlineData("x")]
    [InlineData("3x")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("100000x100000")]
    public void Parse_InvalidText_ThrowsVoTableFormatException(string text)
    {
        var e = Assert.Throws<VoTableFormatException>(() => ArraySize.Parse(text));
        Assert.Contains("arraysize", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(ArraySize.TryParse(text, out _));
    }

    [Fact]
    public void Equals_SameText_AreEqual()
    {
        Assert.Equal(ArraySize.Parse("3x*"), ArraySize.Parse("3 x *"));
        Assert.NotEqual(ArraySize.Parse("3x*"), ArraySize.Parse("3x4"));
        Assert.Equal(ArraySize.Variable(10), ArraySize.Parse("10*"));
        Assert.Equal(ArraySize.Fixed(7), ArraySize.Parse("7"));
    }
}
