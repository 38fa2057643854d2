using VoServices.Dali;
using VoServices.Tap.Results;

namespace VoServices.Tap.Tests.Results;

public sealed class ResponseFormatRegistryTests
{
    private const string B2 = "application/x-votable+xml;serialization=BINARY2";
    private const string Td = "application/x-votable+xml;serialization=TABLEDATA";
    private const string Bin = "application/x-votable+xml;serialization=BINARY";

    [Theory]
    [InlineData(null, B2, B2)]
    [InlineData("  ", B2, B2)]
    [InlineData("votable", B2, B2)]
    [InlineData("VOTable", B2, B2)]
    [InlineData("application/x-votable+xml", B2, "application/x-votable+xml")]
    [InlineData("application/x-votable+xml;serialization=binary2", B2, "application/x-votable+xml;serialization=binary2")]
    [InlineData("Application/X-VOTable+XML; serialization=\"BINARY2\"", B2, "Application/X-VOTable+XML; serialization=\"BINARY2\"")]
    [InlineData("votable/b2", B2, B2)]
    [InlineData("application/x-votable+xml;serialization=TABLEDATA", Td, "application/x-votable+xml;serialization=TABLEDATA")]
    [InlineData("application/x-votable+xml; serialization=tabledata; charset=utf-8", Td, "application/x-votable+xml; serialization=tabledata; charset=utf-8")]
    [InlineData("votable/td", Td, Td)]
    [InlineData("text/xml", Td, "text/xml")]
    [InlineData("application/xml", Td, "application/xml")]
    [InlineData("text/xml;serialization=BINARY2", B2, "text/xml;serialization=BINARY2")]
    [InlineData("application/x-votable+xml;serialization=BINARY", Bin, "application/x-votable+xml;serialization=BINARY")]
    [InlineData("votable/b", Bin, Bin)]
    [InlineData("votable-binary", Bin, Bin)]
    [InlineData("csv", "text/csv;header=present", "text/csv;header=present")]
    [InlineData("CSV", "text/csv;header=present", "text/csv;header=present")]
    [InlineData("text/csv", "text/csv;header=present", "text/csv")]
    [InlineData("text/csv;header=present", "text/csv;header=present", "text/csv;header=present")]
    [InlineData("tsv", "text/tab-separated-values", "text/tab-separated-values")]
    [InlineData("text/tab-separated-values", "text/tab-separated-values", "text/tab-separated-values")]
    [InlineData("fits", "application/fits", "application/fits")]
    [InlineData("application/fits", "application/fits", "application/fits")]
    [InlineData("json", "application/json", "application/json")]
    [InlineData("application/json", "application/json", "application/json")]
    public void Resolve_KnownFormat_SelectsFormatAndEchoesMediaType(string? requested, string mime, string contentType)
    {
        var resolved = ResponseFormatRegistry.Default.Resolve(requested);

        Assert.Equal(mime, resolved.Format.MimeType);
        Assert.Equal(contentType, resolved.ContentType);
    }

    [Theory]
    [InlineData("html")]
    [InlineData("text/html")]
    [InlineData("application/x-votable+xml;serialization=FITS")]
    [InlineData("votable/fits")]
    [InlineData("application/")]
    [InlineData("text/csv;header")]
    public void Resolve_UnknownFormat_ThrowsUsageErrorListingFormats(string requested)
    {
        var e = Assert.Throws<DaliParameterException>(() => ResponseFormatRegistry.Default.Resolve(requested));

        Assert.Equal(DaliErrorKind.UsageError, e.Kind);
        Assert.Equal("RESPONSEFORMAT", e.ParameterName);
        Assert.Contains(requested, e.Message, StringComparison.Ordinal);
        Assert.Contains("text/csv;header=present (csv)", e.Message, StringComparison.Ordinal);
        Assert.Contains("votable/td", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Formats_Default_DeclareTapRegExtIdsForVoTables()
    {
        var ids = ResponseFormatRegistry.Default.Formats.Where(f => f.IvoId is not null).ToDictionary(f => f.Serialization, f => f.IvoId);

        Assert.Equal("ivo://ivoa.net/std/TAPRegExt#output-votable-td", ids[VoServices.VoTable.VoTableSerialization.TableData]);
        Assert.Equal("ivo://ivoa.net/std/TAPRegExt#output-votable-binary", ids[VoServices.VoTable.VoTableSerialization.Binary]);
        Assert.Equal("ivo://ivoa.net/std/TAPRegExt#output-votable-binary2", ids[VoServices.VoTable.VoTableSerialization.Binary2]);
        Assert.Same(ResponseFormats.VoTableBinary2, ResponseFormatRegistry.Default.DefaultFormat);
        Assert.Equal(7, ResponseFormatRegistry.Default.Formats.Count);
    }

    [Fact]
    public void Constructor_DuplicateShortName_Throws()
    {
        var clash = ResponseFormats.Json with { MimeType = "application/x-json", MimeAliases = [] , ShortNames = ["csv"] };

        Assert.Throws<ArgumentException>(() => new ResponseFormatRegistry([ResponseFormats.Csv, clash], ResponseFormats.Csv));
    }

    [Theory]
    [InlineData(ResultFormatKind.VoTable, typeof(VoTableResultWriter))]
    [InlineData(ResultFormatKind.Csv, typeof(CsvResultWriter))]
    [InlineData(ResultFormatKind.Tsv, typeof(TsvResultWriter))]
    [InlineData(ResultFormatKind.Fits, typeof(FitsResultWriter))]
    [InlineData(ResultFormatKind.Json, typeof(JsonResultWriter))]
    public void CreateWriter_EachKind_GivesItsWriter(ResultFormatKind kind, Type expected)
    {
        var format = ResponseFormats.All.First(f => f.Kind == kind);

        Assert.IsType(expected, format.CreateWriter());
    }
}
