using VoServices.Adql;
using VoServices.Adql.Semantics;
using VoServices.Tap.Query;
using VoServices.Tap.TapSchema;

namespace VoServices.Tap.Tests.Query;

public sealed class TapAdqlSchemaTests
{
    private static readonly string OddFields =
        "<FIELD name='u' datatype='int'/><FIELD name='U' datatype='int'/><FIELD name='2mass id' datatype='char' arraysize='*'/>" +
        "<FIELD name='size' datatype='double'/><FIELD name='Ra' datatype='double' unit='deg'/><FIELD name='c' datatype='char' arraysize='1'/>";

    [Fact]
    public async Task DescribeUpload_OddNames_FollowTheTapSchemaConvention()
    {
        using var upload = await QueryTestUploads.OpenAsync("t", QueryTestUploads.Document(OddFields, ""));
        var table = TapAdqlSchema.DescribeUpload(upload, "tap_upload_t");
        Assert.Equal(("TAP_UPLOAD", "TAP_UPLOAD.t", AdqlTableKind.Upload, "tap_upload_t"),
            (table.SchemaName, table.QualifiedName, table.Kind, table.StorageName));
        Assert.Equal(["u", "\"U\"", "\"2mass id\"", "\"size\"", "Ra", "c"], table.Columns.Select(c => c.Name));
        Assert.Null(table.Columns[5].ArraySize);
        Assert.Equal("deg", table.Columns[4].Unit);
    }

    [Theory]
    [InlineData("SELECT u FROM TAP_UPLOAD.t", "u")]
    [InlineData("SELECT \"U\" FROM TAP_UPLOAD.t", "\"U\"")]
    [InlineData("SELECT \"u\" FROM TAP_UPLOAD.t", "u")]
    [InlineData("SELECT \"2mass id\" FROM TAP_UPLOAD.t", "\"2mass id\"")]
    [InlineData("SELECT ra FROM TAP_UPLOAD.t", "Ra")]
    public async Task DescribeUpload_Columns_ResolveToTheirOwnColumn(string adql, string expected)
    {
        using var upload = await QueryTestUploads.OpenAsync("t", QueryTestUploads.Document(OddFields, ""));
        var table = TapAdqlSchema.DescribeUpload(upload, "tap_upload_t");
        var resolved = SchemaResolver.Resolve(AdqlParser.Parse(adql), new AdqlSchema([table]));
        var reference = (Adql.Ast.ColumnReference)((Adql.Ast.DerivedColumn)((Adql.Ast.SelectStatement)resolved.Query.Body).Columns[0]).Expression;
        Assert.Equal(expected, resolved.ColumnOf(reference)!.Column.Name);
    }

    [Theory]
    [InlineData(true, "ra", "dec")]
    [InlineData(false, null, null)]
    public void FromDocument_SpatialIndex_DecidesRaDecColumns(bool indexed, string? ra, string? dec)
    {
        var document = new TapSchemaDocument([new SchemaDescription("cat")],
        [
            new TableDescription("cat", "cat.main", [new ColumnDescription("ra", "double"), new ColumnDescription("dec", "double")],
                RaColumn: "ra", DecColumn: "dec"),
        ]);
        var table = TapAdqlSchema.FromDocument(document, _ => indexed).Tables.Single();
        Assert.Equal((ra, dec), (table.RaColumn, table.DecColumn));
        Assert.Equal(["ra", "dec"], table.Columns.Select(c => c.Name));
    }

    [Theory]
    [InlineData("t", "tap_upload_t")]
    [InlineData("MyTable_2", "tap_upload_mytable_2")]
    public void StorageName_ValidUploadName_IsPrefixedLowerCase(string name, string expected) =>
        Assert.Equal(expected, TapAdqlSchema.StorageName(name));

    [Theory]
    [InlineData("2t")]
    [InlineData("a b")]
    [InlineData("x\"y")]
    public void StorageName_InvalidUploadName_Throws(string name) =>
        Assert.Throws<ArgumentException>(() => TapAdqlSchema.StorageName(name));
}
