using System.Security;
using VoServices.Tap.Uploads;

namespace VoServices.Tap.Tests.Uploads;

/// <summary>Storage names given to uploaded FIELDs (UploadedColumn.StorageName).</summary>
public sealed class UploadStorageNamesTests
{
    private static async Task<string[]> StorageNamesAsync(params string[] fieldNames)
    {
        var fields = string.Concat(fieldNames.Select(n => $"<FIELD name=\"{SecurityElement.Escape(n)}\" datatype=\"int\"/>"));
        var document = Uploaded.Document(fields, "");
        using var reader = new UploadReader();
        var (table, _) = await Uploaded.ReadAllAsync(reader, Uploaded.Inline("t"), new PartSource("t", document));
        Assert.Equal(fieldNames, table.UploadedColumns.Select(c => c.Name));
        return [.. table.UploadedColumns.Select(c => c.StorageName)];
    }

    [Theory]
    [InlineData(new[] { "ra", "dec" }, new[] { "ra", "dec" })]
    [InlineData(new[] { "u", "U" }, new[] { "u", "u_2" })]
    [InlineData(new[] { "2mass id" }, new[] { "c_2mass_id" })]
    [InlineData(new[] { "RA (J2000)", "ra_j2000" }, new[] { "ra_j2000", "ra_j2000_2" })]
    [InlineData(new[] { "select", "size", "limit", "ctid" }, new[] { "select_", "size_", "limit_", "ctid_" })]
    [InlineData(new[] { "%%", "é" }, new[] { "c_", "c__2" })]
    [InlineData(new[] { "a", "A", "a_2" }, new[] { "a", "a_2", "a_2_2" })]
    public async Task StorageName_FieldNames_UniqueLowerCaseSafeNames(string[] names, string[] expected) =>
        Assert.Equal(expected, await StorageNamesAsync(names));

    [Fact]
    public async Task StorageName_VeryLongNames_CutTo63AndStayUnique() =>
        Assert.Equal([new string('x', 63), new string('x', 61) + "_2"], await StorageNamesAsync(new string('x', 100), new string('x', 80)));
}
