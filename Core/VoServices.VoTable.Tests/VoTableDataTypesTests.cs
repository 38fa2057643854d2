namespace VoServices.VoTable.Tests;

public sealed class VoTableDataTypesTests
{
    [Theory]
    [InlineData(VoTableDataType.Boolean, "boolean", 1)]
    [InlineData(VoTableDataType.Bit, "bit", 0)]
    [InlineData(VoTableDataType.UnsignedByte, "unsignedByte", 1)]
    [InlineData(VoTableDataType.Short, "short", 2)]
    [InlineData(VoTableDataType.Int, "int", 4)]
    [InlineData(VoTableDataType.Long, "long", 8)]
    [InlineData(VoTableDataType.Char, "char", 1)]
    [InlineData(VoTableDataType.UnicodeChar, "unicodeChar", 2)]
    [InlineData(VoTableDataType.Float, "float", 4)]
    [InlineData(VoTableDataType.Double, "double", 8)]
    [InlineData(VoTableDataType.FloatComplex, "floatComplex", 8)]
    [InlineData(VoTableDataType.DoubleComplex, "doubleComplex", 16)]
    public void ToName_EachType_RoundTripsThroughParse(VoTableDataType type, string name, int size)
    {
        Assert.Equal(name, type.ToName());
        Assert.Equal(type, VoTableDataTypes.Parse(name));
        Assert.Equal(size, type.ElementByteSize());
    }

    [Theory]
    [InlineData("string", VoTableDataType.Char)]
    [InlineData("unicodeString", VoTableDataType.UnicodeChar)]
    [InlineData("int16", VoTableDataType.Short)]
    [InlineData("int32", VoTableDataType.Int)]
    [InlineData("int64", VoTableDataType.Long)]
    [InlineData("float32", VoTableDataType.Float)]
    [InlineData("float64", VoTableDataType.Double)]
    [InlineData("unsignedInt", VoTableDataType.Long)]
    [InlineData("unsignedShort", VoTableDataType.Int)]
    public void TryParseLenient_AstropyW13Alias_MapsAndFlags(string name, VoTableDataType expected)
    {
        Assert.False(VoTableDataTypes.TryParse(name, out _));
        Assert.True(VoTableDataTypes.TryParseLenient(name, out var type, out var legacy));
        Assert.Equal(expected, type);
        Assert.True(legacy);
    }

    [Theory]
    [InlineData("integer")]
    [InlineData("Double")]
    [InlineData("")]
    [InlineData("bar")]
    public void Parse_UnknownName_ThrowsVoTableFormatException(string name)
    {
        Assert.Throws<VoTableFormatException>(() => VoTableDataTypes.Parse(name));
        Assert.False(VoTableDataTypes.TryParseLenient(name, out _, out _));
    }
}
