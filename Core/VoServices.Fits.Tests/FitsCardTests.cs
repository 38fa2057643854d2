namespace VoServices.Fits.Tests;

/// <summary>Keyword records (FITS 4.0 §4.1–4.2): fixed-format writing, parsing, CONTINUE, HIERARCH, validation.</summary>
public sealed class FitsCardTests
{
    public static TheoryData<FitsCard, string> Formatted => new()
    {
        // Fixed format: logical and numbers right-justified to column 30, strings from column 11 (§4.2.1-4.2.4).
        { new FitsCard("SIMPLE", true, "conforms to FITS standard"), "SIMPLE  =                    T / conforms to FITS standard" },
        { new FitsCard("NAXIS1", 1024), "NAXIS1  =                 1024" },
        { new FitsCard("BZERO", -32768L), "BZERO   =               -32768" },
        { new FitsCard("CRVAL1", 6.0271), "CRVAL1  =               6.0271" },
        { new FitsCard("CDELT1", 1e-5), "CDELT1  =              1.0E-05" },
        { new FitsCard("EQUINOX", 2000.0), "EQUINOX =               2000.0" },
        { new FitsCard("BIG", 1.2345678901234567E+300), "BIG     = 1.2345678901234567E+300" },   // wider than 20: free format
        { new FitsCard("EXTNAME", "SCI", "extension name"), "EXTNAME = 'SCI     '           / extension name" },
        { new FitsCard("OBSERVER", "O'Brien"), "OBSERVER= 'O''Brien'" },
        { new FitsCard("EMPTY", ""), "EMPTY   = '        '" },
        { new FitsCard("UNDEF", null, "no value"), "UNDEF   =                      / no value" },
        { new FitsCard("CPLX", new FitsComplex(1.5, -2)), "CPLX    =          (1.5, -2.0)" },
        { new FitsCard("ESO DET CHIP NAME", "CCD1"), "HIERARCH ESO DET CHIP NAME = 'CCD1    '" },
        { FitsCard.Commentary("HISTORY", "cut out by VoServices"), "HISTORY cut out by VoServices" },
        { FitsCard.Commentary("", "a blank keyword"), "        a blank keyword" },
    };

    [Theory]
    [MemberData(nameof(Formatted))]
    public void ToString_Card_IsTheFixedFormatRecord(FitsCard card, string expected)
    {
        var record = card.ToString();

        Assert.Equal(80, record.Length);
        Assert.Equal(expected.PadRight(80), record);
    }

    [Theory]
    [MemberData(nameof(Formatted))]
    public void Parse_FormattedCard_GivesTheSameCard(FitsCard card, string expected)
    {
        _ = expected;
        var header = FitsHeader.Parse(new FitsHeader([card]).ToBytes());

        Assert.Equal(card, Assert.Single(header));
    }

    [Theory]
    [InlineData("DATE    = '2002-04-13'         / date of observation", "2002-04-13", "date of observation")]
    [InlineData("STR     = 'trailing   '", "trailing", null)]
    [InlineData("STR     = '  leading'", "  leading", null)]
    [InlineData("STR     = ''", "", null)]
    [InlineData("QUOTE   = 'it''s'/no space before the slash", "it's", "no space before the slash")]
    [InlineData("SKEW    =  1.0862137556581E+00,  9.6376731260861E-01 /Measure of skew", "1.0862137556581E+00,  9.6376731260861E-01", "Measure of skew")]
    public void Parse_StringOrMalformedValue_KeepsTheText(string record, string value, string? comment)
    {
        var card = Parse(record);

        Assert.Equal(value, card.Value);
        Assert.Equal(comment, card.Comment);
        Assert.False(card.IsCommentary);
    }

    [Theory]
    [InlineData("EXPTIME =                 60.0", 60.0)]
    [InlineData("DVAL    =            1.5D+03 / FORTRAN exponent", 1500.0)]
    [InlineData("SMALL   = -.5E-3", -0.0005)]
    [InlineData("TRAIL   = 5.", 5.0)]
    [InlineData("HUGE    = 123456789012345678901234", 1.2345678901234568E+23)]
    public void Parse_RealValue_IsADouble(string record, double expected) => Assert.Equal(expected, Parse(record).Value);

    [Theory]
    [InlineData("NAXIS   =                    2", 2L)]
    [InlineData("BZERO   =               +32768", 32768L)]
    [InlineData("NEG     =                 -007", -7L)]
    [InlineData("DATE    = 1994/07/12", 1994L)]     // an unquoted date: 1994 and the comment "07/12", as astropy reads it
    public void Parse_IntegerValue_IsALong(string record, long expected) => Assert.Equal(expected, Parse(record).Value);

    [Theory]
    [InlineData("FLAG    =                    F", false)]
    [InlineData("FLAG    = T / leading", true)]
    public void Parse_LogicalValue_IsABool(string record, bool expected) => Assert.Equal(expected, Parse(record).Value);

    [Theory]
    [InlineData("NOVAL   =")]
    [InlineData("NOVAL   =                    / only a comment")]
    public void Parse_UndefinedValue_IsNull(string record)
    {
        var card = Parse(record);

        Assert.Null(card.Value);
        Assert.False(card.IsCommentary);
    }

    [Theory]
    [InlineData("COMMENT   FITS (Flexible Image Transport System)", "COMMENT", "  FITS (Flexible Image Transport System)")]
    [InlineData("HISTORY = not a value", "HISTORY", "= not a value")]
    [InlineData("KEY      no value indicator", "KEY", " no value indicator")]
    public void Parse_RecordWithoutValueIndicator_IsCommentary(string record, string keyword, string text)
    {
        var card = Parse(record);

        Assert.True(card.IsCommentary);
        Assert.Equal(keyword, card.Keyword);
        Assert.Equal(text, card.Comment);
    }

    [Fact]
    public void Parse_Hierarch_StripsThePrefix()
    {
        var card = Parse("HIERARCH ESO TEL AIRM START = 1.283 / airmass at start");

        Assert.Equal("ESO TEL AIRM START", card.Keyword);
        Assert.Equal(1.283, card.Value);
        Assert.Equal("airmass at start", card.Comment);
    }

    [Fact]
    public void Format_LongString_UsesContinueRecordsAndReadsBack()
    {
        var value = string.Concat(Enumerable.Repeat("It's a long string, ", 12)) + "the end";
        var card = new FitsCard("LONGSTR", value, "a comment");

        var records = card.ToString().Split('\n');

        Assert.True(records.Length > 3);
        Assert.All(records, r => Assert.Equal(80, r.Length));
        Assert.StartsWith("LONGSTR = '", records[0], StringComparison.Ordinal);
        Assert.All(records[..^1], r => Assert.EndsWith("&'", r.TrimEnd(), StringComparison.Ordinal));
        Assert.All(records[1..], r => Assert.StartsWith("CONTINUE  '", r, StringComparison.Ordinal));
        Assert.EndsWith(" / a comment", records[^1].TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(card, Assert.Single(FitsHeader.Parse(new FitsHeader([card]).ToBytes())));
    }

    [Fact]
    public void Format_LongStringOfQuotes_NeverSplitsADoubledQuote()
    {
        var card = new FitsCard("QUOTES", new string('\'', 150));

        foreach (var record in card.ToString().Split('\n'))
        {
            var inner = record.TrimEnd()[(record.IndexOf('\'', StringComparison.Ordinal) + 1)..^1].TrimEnd('&');
            Assert.Equal(0, inner.Length % 2);
        }
        Assert.Equal(card, Assert.Single(FitsHeader.Parse(new FitsHeader([card]).ToBytes())));
    }

    [Fact]
    public void Format_LongComment_IsTruncatedAtColumn80()
    {
        var card = new FitsCard("KEY", 1, new string('c', 100));

        Assert.Equal(80, card.ToString().Length);
    }

    [Fact]
    public void Format_LongCommentary_IsSplitOverRecords()
    {
        var records = FitsCard.Commentary("COMMENT", new string('x', 100)).ToString().Split('\n');

        Assert.Equal(2, records.Length);
        Assert.Equal("COMMENT " + new string('x', 72), records[0]);
    }

    [Theory]
    [InlineData("lower")]
    [InlineData("BAD=KEY")]
    [InlineData("")]
    [InlineData("TAB\tKEY")]
    [InlineData("COMMENT")]
    [InlineData("END")]
    [InlineData(" LEADING SPACE")]
    public void Constructor_InvalidKeyword_ThrowsArgumentException(string keyword) =>
        Assert.Throws<ArgumentException>(() => new FitsCard(keyword, 1));

    [Fact]
    public void Constructor_InvalidValues_ThrowArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new FitsCard("KEY", double.NaN));
        Assert.Throws<ArgumentException>(() => new FitsCard("KEY", double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => new FitsCard("KEY", "caf\u00e9"));
        Assert.Throws<ArgumentException>(() => new FitsCard("KEY", "line\nbreak"));
        Assert.Throws<ArgumentException>(() => new FitsCard("KEY", 1, "tab\tin comment"));
        Assert.Throws<ArgumentException>(() => new FitsCard("KEY", new object()));
        Assert.Throws<ArgumentException>(() => new FitsCard("KEY", ulong.MaxValue));
    }

    [Fact]
    public void Constructor_IntegerTypes_AreStoredAsLong()
    {
        Assert.Equal(7L, new FitsCard("A", (short)7).Value);
        Assert.Equal(7L, new FitsCard("A", (byte)7).Value);
        Assert.Equal(4000000000L, new FitsCard("A", 4000000000u).Value);
        Assert.Equal(0.5, new FitsCard("A", 0.5f).Value);
    }

    private static FitsCard Parse(string record)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(record.PadRight(80) + "END".PadRight(80));
        return Assert.Single(FitsHeader.Parse(bytes));
    }
}
