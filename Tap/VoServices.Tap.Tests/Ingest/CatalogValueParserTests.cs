using System.Text;
using VoServices.Tap.Ingest;

namespace VoServices.Tap.Tests.Ingest;

public sealed class CatalogValueParserTests
{
    private static CatalogColumn Column(string datatype, string? nullValue = null) =>
        new("c", "c", CatalogDatatypes.Parse(datatype), NullValue: nullValue);

    public static TheoryData<string, string, object?> Valid => new()
    {
        { "short", "32767", (short)32767 },
        { "short", "-32768", (short)-32768 },
        { "int", "42", 42 },
        { "int", " -7 ", -7 },
        { "int", "+7", 7 },
        { "long", "9007199254740993", 9007199254740993L },
        { "float", "8.4", 8.4f },
        { "float", "-1.5E-3", -1.5e-3f },
        { "double", "50.6956328", 50.6956328 },
        { "double", "1.5e3", 1500.0 },
        { "double", ".5", 0.5 },
        { "double", "12.", 12.0 },
        { "double", "NaN", double.NaN },
        { "double", "+Inf", double.PositiveInfinity },
        { "double", "-Inf", double.NegativeInfinity },
        { "float", "-Inf", float.NegativeInfinity },
        { "boolean", "T", true },
        { "boolean", "f", false },
        { "boolean", "true", true },
        { "boolean", "FALSE", false },
        { "boolean", "1", true },
        { "boolean", "0", false },
        { "boolean", "?", null },
        { "char", " a b ", " a b " },
        { "unicodeChar", "Høg", "Høg" },
        { "int", "   ", null },
        { "double", " ", null },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_ValidText_GivesTypedValue(string datatype, string text, object? expected)
    {
        var column = Column(datatype);

        Assert.Equal(expected, CatalogValueParser.Parse(text, column));
        if (datatype is not ("char" or "unicodeChar"))
        {
            Assert.Equal(expected, CatalogValueParser.ParseUtf8(Encoding.UTF8.GetBytes(text), column));
        }
    }

    [Theory]
    [InlineData("int", "1.5", typeof(FormatException))]
    [InlineData("int", "0x10", typeof(FormatException))]
    [InlineData("int", "1,000", typeof(FormatException))]
    [InlineData("int", "3000000000", typeof(OverflowException))]
    [InlineData("short", "40000", typeof(OverflowException))]
    [InlineData("long", "12abc", typeof(FormatException))]
    [InlineData("double", "1,5", typeof(FormatException))]
    [InlineData("double", "abc", typeof(FormatException))]
    [InlineData("double", "1e400", typeof(OverflowException))]
    [InlineData("double", "Infinity", typeof(OverflowException))]
    [InlineData("float", "1e39", typeof(OverflowException))]
    [InlineData("boolean", "yes", typeof(FormatException))]
    [InlineData("boolean", "2", typeof(FormatException))]
    public void Parse_InvalidText_Throws(string datatype, string text, Type exception)
    {
        var column = Column(datatype);

        Assert.Throws(exception, () => CatalogValueParser.Parse(text, column));
        Assert.Throws(exception, () => CatalogValueParser.ParseUtf8(Encoding.UTF8.GetBytes(text), column));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("-999")]
    public void Parse_EmptyOrNullValue_GivesNull(string? text)
    {
        Assert.Null(CatalogValueParser.Parse(text, Column("int", "-999")));
    }
}
