namespace VoServices.Dali.Tests;

public sealed class DaliParametersTests
{
    private static DaliParameters Params(params string[] nameValue)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < nameValue.Length; i += 2)
        {
            pairs.Add(new(nameValue[i], nameValue[i + 1]));
        }
        return new DaliParameters(pairs);
    }

    [Theory]
    [InlineData("MAXREC", "maxrec")]
    [InlineData("maxrec", "MAXREC")]
    [InlineData("MaxRec", "mAxReC")]
    [InlineData("ResponseFormat", "RESPONSEFORMAT")]
    public void GetSingle_NameInOtherCase_FindsValue(string given, string asked)
    {
        Assert.Equal("VaLuE", Params(given, "VaLuE").GetSingle(asked));
    }

    [Fact]
    public void GetSingle_Absent_ReturnsNull()
    {
        Assert.Null(Params("LANG", "ADQL").GetSingle("QUERY"));
    }

    [Theory]
    [InlineData("MAXREC", "10", "MAXREC", "10", "MAXREC")]
    [InlineData("MAXREC", "10", "maxrec", "10", "MAXREC")]
    [InlineData("MAXREC", "10", "MaxRec", "20", "maxrec")]
    [InlineData("LANG", "ADQL", "lang", "ADQL-2.0", "LANG")]
    [InlineData("QUERY", "", "query", "", "QUERY")]
    public void GetSingle_GivenTwice_Throws(string name1, string value1, string name2, string value2, string asked)
    {
        var p = Params(name1, value1, name2, value2);
        var e = Assert.Throws<DaliParameterException>(() => p.GetSingle(asked));
        Assert.Equal(asked, e.ParameterName);
        Assert.Contains("given 2 times", e.Message, StringComparison.Ordinal);
        Assert.Equal(DaliErrorKind.UsageError, e.Kind);
        Assert.Equal(400, e.HttpStatus);
    }

    [Fact]
    public void GetAll_MixedCaseRepeats_ReturnsValuesInRequestOrder()
    {
        var p = Params("ID", "a", "other", "x", "id", "b", "Id", "c");
        Assert.Equal(["a", "b", "c"], p.GetAll("ID"));
        Assert.Empty(p.GetAll("POS"));
    }

    [Fact]
    public void Names_RepeatedNames_DistinctInFirstSpelling()
    {
        var p = Params("query", "q", "LANG", "ADQL", "QUERY", "q2", "REQUEST", "doQuery");
        Assert.Equal(["query", "LANG", "REQUEST"], p.Names);
        Assert.Equal(4, p.Pairs.Count);
        Assert.True(p.Contains("Request"));
        Assert.False(p.Contains("FORMAT"));
    }

    [Fact]
    public void GetSingle_ValueCase_IsPreserved()
    {
        Assert.Equal("SELECT * FROM Tap_Schema.Tables", Params("QUERY", "SELECT * FROM Tap_Schema.Tables").GetSingle("query"));
    }

    [Fact]
    public void Constructor_NullValue_TakenAsEmpty()
    {
        var p = new DaliParameters([new KeyValuePair<string, string>("RUNID", null!)]);
        Assert.Equal("", p.GetSingle("RUNID"));
        Assert.Null(p.GetRunId());
    }

    [Fact]
    public void Constructor_NullName_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new DaliParameters([new KeyValuePair<string, string>(null!, "x")]));
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("10", 10L)]
    [InlineData("+7", 7L)]
    [InlineData(" 42 ", 42L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void GetMaxRec_Valid_ReturnsValue(string text, long expected)
    {
        Assert.Equal(expected, Params("MAXREC", text).GetMaxRec());
    }

    [Theory]
    [InlineData("-1", "negative")]
    [InlineData("-9223372036854775808", "negative")]
    [InlineData("abc", "expected an integer")]
    [InlineData("1e3", "expected an integer")]
    [InlineData("10.0", "expected an integer")]
    [InlineData("10,5", "expected an integer")]
    [InlineData("0x10", "expected an integer")]
    [InlineData("9223372036854775808", "from -9223372036854775808 to 9223372036854775807")]
    [InlineData("- 1", "expected an integer")]
    public void GetMaxRec_Invalid_ThrowsNamingParameter(string text, string why)
    {
        var e = Assert.Throws<DaliParameterException>(() => Params("maxrec", text).GetMaxRec());
        Assert.Equal("MAXREC", e.ParameterName);
        Assert.StartsWith("MAXREC: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void GetMaxRec_BlankOrAbsent_ReturnsNull(string text)
    {
        Assert.Null(Params("MAXREC", text).GetMaxRec());
        Assert.Null(DaliParameters.Empty.GetMaxRec());
    }

    [Fact]
    public void GetMaxRec_GivenTwice_Throws()
    {
        Assert.Throws<DaliParameterException>(() => Params("MAXREC", "5", "MAXREC", "5").GetMaxRec());
    }

    [Theory]
    [InlineData("2147483647", 2147483647)]
    [InlineData("-2147483648", -2147483648)]
    [InlineData("0", 0)]
    public void GetInt32_InRange_ReturnsValue(string text, int expected)
    {
        Assert.Equal(expected, Params("N", text).GetInt32("N"));
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("1.5")]
    public void GetInt32_OutOfRangeOrNotInteger_Throws(string text)
    {
        var e = Assert.Throws<DaliParameterException>(() => Params("N", text).GetInt32("N"));
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.5", 0.5)]
    [InlineData("-1e3", -1000.0)]
    [InlineData("1.5E-3", 0.0015)]
    [InlineData("+2", 2.0)]
    public void GetDouble_Valid_ReturnsValue(string text, double expected)
    {
        Assert.Equal(expected, Params("X", text).GetDouble("x"));
    }

    [Theory]
    [InlineData("0,5")]
    [InlineData("NaN")]
    [InlineData("+Inf")]
    [InlineData("1e999")]
    [InlineData("1 2")]
    [InlineData("abc")]
    public void GetDouble_Invalid_Throws(string text)
    {
        var e = Assert.Throws<DaliParameterException>(() => Params("X", text).GetDouble("X"));
        Assert.Contains("finite number", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("True", true)]
    [InlineData("T", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("F", false)]
    [InlineData("0", false)]
    public void GetBoolean_Valid_ReturnsValue(string text, bool expected)
    {
        Assert.Equal(expected, Params("FLAG", text).GetBoolean("flag"));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("2")]
    [InlineData("tru")]
    public void GetBoolean_Invalid_Throws(string text)
    {
        var e = Assert.Throws<DaliParameterException>(() => Params("FLAG", text).GetBoolean("FLAG"));
        Assert.Contains("true, false, 1 or 0", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "RESPONSEFORMAT", "votable", "votable")]
    [InlineData(true, "responseformat", "text/xml", "text/xml")]
    [InlineData(true, "FORMAT", "csv", "csv")]
    [InlineData(true, "format", "application/x-votable+xml;serialization=BINARY2", "application/x-votable+xml;serialization=BINARY2")]
    [InlineData(false, "FORMAT", "image/fits", null)]
    [InlineData(false, "RESPONSEFORMAT", "fits", "fits")]
    [InlineData(true, "RESPONSEFORMAT", "", null)]
    public void GetResponseFormat_OneGiven_ReturnsIt(bool synonym, string name, string value, string? expected)
    {
        Assert.Equal(expected, Params(name, value).GetResponseFormat(synonym));
    }

    [Fact]
    public void GetResponseFormat_BothFormatAndResponseFormat_Throws()
    {
        var p = Params("RESPONSEFORMAT", "votable", "FORMAT", "votable");
        var e = Assert.Throws<DaliParameterException>(() => p.GetResponseFormat(acceptFormatSynonym: true));
        Assert.Contains("only one", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetResponseFormat_BothGivenWithoutSynonym_IgnoresFormat()
    {
        var p = Params("RESPONSEFORMAT", "votable", "FORMAT", "image/fits", "FORMAT", "image/png");
        Assert.Equal("votable", p.GetResponseFormat(acceptFormatSynonym: false));
    }

    [Fact]
    public void GetResponseFormat_GivenTwice_Throws()
    {
        Assert.Throws<DaliParameterException>(() =>
            Params("RESPONSEFORMAT", "csv", "responseformat", "tsv").GetResponseFormat(acceptFormatSynonym: false));
    }

    [Fact]
    public void GetRunId_SixtyFourChars_Accepted()
    {
        var id = new string('r', 64);
        Assert.Equal(id, Params("runid", id).GetRunId());
    }

    [Fact]
    public void GetRunId_SixtyFiveChars_Throws()
    {
        var e = Assert.Throws<DaliParameterException>(() => Params("RUNID", new string('r', 65)).GetRunId());
        Assert.Equal("RUNID", e.ParameterName);
        Assert.Contains("65", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetSingleOfT_BadXType_ThrowsParameterExceptionNamingParameter()
    {
        var e = Assert.Throws<DaliParameterException>(() => Params("circle", "10 95 1").GetSingle("CIRCLE", DaliCircle.Parse));
        Assert.Equal("CIRCLE", e.ParameterName);
        Assert.StartsWith("CIRCLE: Invalid DALI circle", e.Message, StringComparison.Ordinal);
        Assert.IsType<DaliFormatException>(e.InnerException);
    }

    [Fact]
    public void GetSingleOfT_Valid_Parses()
    {
        Assert.Equal(new DaliCircle(10, 20, 0.5), Params("CIRCLE", "10 20 0.5").GetSingle("circle", DaliCircle.Parse));
        Assert.Null(Params("CIRCLE", " ").GetSingle("circle", DaliCircle.Parse));
    }

    [Fact]
    public void GetAllOfT_MultiValued_ParsesEachInOrder()
    {
        var p = Params("BAND", "1e-7 2e-7", "band", "-Inf 5e-7", "BAND", "");
        Assert.Equal([new DaliInterval(1e-7, 2e-7), new DaliInterval(double.NegativeInfinity, 5e-7)],
            p.GetAll("BAND", DaliInterval.Parse));
    }
}
