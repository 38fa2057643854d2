using System.Buffers.Binary;
using System.Globalization;
using VoServices.Testing;

namespace VoServices.Fits.Tests;

/// <summary>Headers: typed access, editing, serialisation, and every header in the shared data against astropy.</summary>
public sealed class FitsHeaderTests
{
    private static readonly FitsHeader Sample = new([
        new FitsCard("SIMPLE", true),
        new FitsCard("BITPIX", 16),
        new FitsCard("NAXIS", 0),
        new FitsCard("OBJECT", "NGC 104", "target"),
        new FitsCard("EXPTIME", 60),
        new FitsCard("CRVAL1", 6.0271),
        new FitsCard("HUGE", 1L << 40),
        new FitsCard("BLANKVAL", null),
        FitsCard.Commentary("HISTORY", "one"),
        FitsCard.Commentary("HISTORY", "two"),
    ]);

    public static TheoryData<string, int> StoredHeaders()
    {
        var data = new TheoryData<string, int>();
        foreach (var e in ReferenceData.Headers)
        {
            data.Add(e.File, e.Hdu);
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(StoredHeaders))]
    public void Header_EveryHduInSharedData_HasTheValuesAstropyReads(string file, int hdu)
    {
        var expected = ReferenceData.Header(file, hdu);
        using var fits = FitsFile.Open(SharedData.File(["images", .. expected.Path]));

        var lines = fits[hdu].Header.Where(c => !c.IsCommentary && c.Value is not null && c.Keyword is not ("COMMENT"
            or "HISTORY" or "")).Select(Canonical).ToList();

        Assert.Equal(expected.HeaderValueCards, lines.Count);
        Assert.Equal(expected.HeaderSha256, ReferenceData.TextHash(string.Join('\n', lines)));
        Assert.Equal(ReferenceData.Headers.Count(e => e.File == file), fits.Hdus.Count);
    }

    [Fact]
    public void TypedGetters_PresentValues_ReturnThem()
    {
        Assert.True(Sample.GetBoolean("SIMPLE"));
        Assert.Equal(16, Sample.GetInt32("BITPIX"));
        Assert.Equal("NGC 104", Sample.GetString("OBJECT"));
        Assert.Equal(60.0, Sample.GetDouble("EXPTIME"));
        Assert.Equal(6.0271, Sample.GetDouble("CRVAL1"));
        Assert.Equal(1L << 40, Sample.GetInt64("HUGE"));
        Assert.Equal(["one", "two"], Sample.GetCommentary("HISTORY"));
    }

    [Fact]
    public void TypedGetters_AbsentOrUndefined_UseTheDefault()
    {
        Assert.Equal(1.0, Sample.GetDouble("BSCALE", 1.0));
        Assert.Equal(5, Sample.GetInt32("BLANKVAL", 5));
        Assert.Null(Sample.GetString("NOPE"));
        Assert.False(Sample.TryGetDouble("BLANKVAL", out _));
        Assert.True(Sample.Contains("BLANKVAL"));
    }

    [Theory]
    [InlineData("NAXIS1")]
    [InlineData("BLANKVAL")]
    public void GetInt64_MissingOrUndefined_ThrowsFitsFormatExceptionNamingTheKeyword(string keyword)
    {
        var e = Assert.Throws<FitsFormatException>(() => Sample.GetInt64(keyword));

        Assert.Equal(keyword, e.Keyword);
    }

    [Fact]
    public void TypedGetters_WrongType_ThrowFitsFormatException()
    {
        Assert.Throws<FitsFormatException>(() => Sample.GetString("BITPIX"));
        Assert.Throws<FitsFormatException>(() => Sample.GetInt64("OBJECT"));
        Assert.Throws<FitsFormatException>(() => Sample.GetInt64("CRVAL1"));
        Assert.Throws<FitsFormatException>(() => Sample.GetBoolean("NAXIS"));
        Assert.Throws<FitsFormatException>(() => Sample.GetDouble("SIMPLE", 0));
        Assert.Throws<FitsFormatException>(() => Sample.GetInt32("HUGE"));
    }

    [Fact]
    public void Set_ExistingKeyword_ReplacesInPlaceKeepingTheComment()
    {
        var edited = Sample.Set("OBJECT", "47 Tuc");

        Assert.Equal(3, edited.IndexOf("OBJECT"));
        Assert.Equal("47 Tuc", edited.GetString("OBJECT"));
        Assert.Equal("target", edited.Find("OBJECT")!.Comment);
        Assert.Equal("NGC 104", Sample.GetString("OBJECT"));    // the original is unchanged
    }

    [Fact]
    public void SetAndRemove_NewKeyword_AppendsAndRemovesAll()
    {
        var edited = Sample.Set("NEWKEY", 1.5, "added").Remove("HISTORY");

        Assert.Equal("NEWKEY", edited[^1].Keyword);
        Assert.Empty(edited.GetCommentary("HISTORY"));
        Assert.Equal(Sample.Count - 1, edited.Count);
    }

    [Fact]
    public void ToBytes_Header_IsPaddedWithSpacesToWholeBlocksAfterEnd()
    {
        var bytes = Sample.ToBytes();

        Assert.Equal(2880, bytes.Length);
        var text = System.Text.Encoding.ASCII.GetString(bytes);
        Assert.Equal("END".PadRight(80), text.Substring(Sample.Count * 80, 80));
        Assert.True(text[((Sample.Count + 1) * 80)..].All(c => c == ' '));
        Assert.Equal(Sample.ToList(), FitsHeader.Parse(bytes).ToList());
    }

    [Fact]
    public void Parse_NoEndRecord_ThrowsFitsFormatException()
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(new string(' ', 2880));

        var e = Assert.Throws<FitsFormatException>(() => FitsHeader.Parse(bytes));
        Assert.Equal("END", e.Keyword);
    }

    /// <summary>The line format of make_image_fixtures.py card_hash: keyword, type letter, value (floats by bits).</summary>
    private static string Canonical(FitsCard card) => card.Value switch
    {
        bool b => $"{card.Keyword}\tL\t{(b ? "T" : "F")}",
        long l => string.Create(CultureInfo.InvariantCulture, $"{card.Keyword}\tI\t{l}"),
        double d => $"{card.Keyword}\tF\t{Bits(d)}",
        FitsComplex c => $"{card.Keyword}\tC\t{Bits(c.Real)}{Bits(c.Imaginary)}",
        _ => $"{card.Keyword}\tS\t{card.Value}",
    };

    private static string Bits(double d)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(bytes, d);
        return Convert.ToHexStringLower(bytes);
    }
}
