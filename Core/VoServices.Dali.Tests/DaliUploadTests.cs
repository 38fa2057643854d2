namespace VoServices.Dali.Tests;

public sealed class DaliUploadTests
{
    private static DaliParameters Uploads(params string[] values) =>
        new(values.Select(v => new KeyValuePair<string, string>("upload", v)));

    [Theory]
    [InlineData("t1,http://example.com/t1.xml", "t1", "http://example.com/t1.xml", null)]
    [InlineData("T_2,https://example.com/a?b=c&d=e", "T_2", "https://example.com/a?b=c&d=e", null)]
    [InlineData("table3,param:t3", "table3", "param:t3", "t3")]
    [InlineData("x,PARAM:part", "x", "param:part", "part")]
    [InlineData(" t1 , http://example.com/x ", "t1", "http://example.com/x", null)]
    [InlineData("a9_,http://h/p;q=1", "a9_", "http://h/p;q=1", null)]
    public void Parse_ValidPair_ReturnsUpload(string pair, string name, string uri, string? part)
    {
        var upload = DaliUpload.Parse(pair);
        Assert.Equal(name, upload.Name);
        Assert.Equal(new Uri(uri), upload.Uri);
        Assert.Equal(part, upload.PartName);
        Assert.Equal(part is not null, upload.IsInline);
    }

    [Theory]
    [InlineData("t1", "not of the form name,URI")]
    [InlineData("", "not of the form name,URI")]
    [InlineData("1t,http://example.com/x", "must match [A-Za-z][A-Za-z0-9_]*")]
    [InlineData("_t,http://example.com/x", "must match")]
    [InlineData("my table,http://example.com/x", "must match")]
    [InlineData("t-1,http://example.com/x", "must match")]
    [InlineData(",http://example.com/x", "must match")]
    [InlineData("tä,http://example.com/x", "must match")]
    [InlineData("t,param:", "name of the multipart part")]
    [InlineData("t,example.com/x", "not an absolute URI")]
    [InlineData("t,", "not an absolute URI")]
    [InlineData("t,file:///etc/passwd", "scheme 'file' is not supported")]
    [InlineData("t,vos://example.authority!tempSpace/foo.fits", "scheme 'vos' is not supported")]
    [InlineData("t,ftp://example.com/x", "scheme 'ftp' is not supported")]
    [InlineData("t,http://", "not a valid http URI")]
    [InlineData("t,http:x", "not a valid http URI")]
    public void Parse_InvalidPair_ThrowsParameterException(string pair, string why)
    {
        var e = Assert.Throws<DaliParameterException>(() => DaliUpload.Parse(pair));
        Assert.Equal("UPLOAD", e.ParameterName);
        Assert.StartsWith("UPLOAD: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetUploads_RepeatedParameter_Accumulates()
    {
        var uploads = Uploads("a,http://example.com/a", "b,param:b").GetUploads();
        Assert.Equal(["a", "b"], uploads.Select(u => u.Name));
    }

    [Fact]
    public void GetUploads_SemicolonJoinedPairs_SplitsLikeTap10()
    {
        // pyvo joins several uploads into one value with ';' (TAP 1.0 §2.5.2 syntax).
        var uploads = Uploads("a,http://example.com/x;y=1;b,param:b", "c,https://example.com/c").GetUploads();
        Assert.Equal(["a", "b", "c"], uploads.Select(u => u.Name));
        Assert.Equal("http://example.com/x;y=1", uploads[0].Uri.OriginalString);
        Assert.Equal("b", uploads[1].PartName);
    }

    [Theory]
    [InlineData("a,http://example.com/1", "a,http://example.com/2")]
    [InlineData("a,http://example.com/1", "A,param:a")]
    [InlineData("a,http://example.com/1;a,param:x", "b,param:b")]
    public void GetUploads_DuplicateName_Throws(string first, string second)
    {
        var e = Assert.Throws<DaliParameterException>(() => Uploads(first, second).GetUploads());
        Assert.Contains("used more than once", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetUploads_AbsentOrBlank_Empty()
    {
        Assert.Empty(DaliParameters.Empty.GetUploads());
        Assert.Empty(Uploads("").GetUploads());
    }
}
