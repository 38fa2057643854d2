using VoServices.Tap.Ingest;
using VoServices.Tap.TapSchema;

using VoServices.Testing;

namespace VoServices.Tap.Tests.Ingest;

public sealed class CatalogIngesterTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private CatalogDescriptor Descriptor(bool withSource = true)
    {
        var yaml =
            "schema: {name: s}\ntable: {name: t}\n" +
            (withSource ? "source: full/t.csv\n" : "") +
            "demoSubset: demo/t.csv\nra: ra\ndec: dec\n" +
            "columns:\n  - {name: ra, datatype: double}\n  - {name: dec, datatype: double}\n";
        return CatalogDescriptorReader.Parse(yaml, temp.Path, "t.yaml");
    }

    private string WriteCsv(string relative, string text)
    {
        var path = Path.Combine(temp.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ResolveSource_SourcePresent_PrefersIt()
    {
        var full = WriteCsv("full/t.csv", "ra,dec\n");
        WriteCsv("demo/t.csv", "ra,dec\n");

        Assert.Equal((full, false), CatalogIngester.ResolveSource(Descriptor(), null));
    }

    [Fact]
    public void ResolveSource_SourceAbsent_FallsBackToDemoSubset()
    {
        var demo = WriteCsv("demo/t.csv", "ra,dec\n");

        Assert.Equal((demo, true), CatalogIngester.ResolveSource(Descriptor(), null));
        Assert.Equal((demo, true), CatalogIngester.ResolveSource(Descriptor(withSource: false), null));
    }

    [Fact]
    public void ResolveSource_Override_WinsAndMustExist()
    {
        WriteCsv("full/t.csv", "ra,dec\n");
        var other = WriteCsv("other.csv", "ra,dec\n");

        Assert.Equal((other, false), CatalogIngester.ResolveSource(Descriptor(), other));
        var e = Assert.Throws<CatalogDataException>(() => CatalogIngester.ResolveSource(Descriptor(), other + ".missing"));
        Assert.Contains("source file not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveSource_NothingPresent_ThrowsListingCandidates()
    {
        var e = Assert.Throws<CatalogDataException>(() => CatalogIngester.ResolveSource(Descriptor(), null));

        Assert.Contains("no source file for s.t", e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(temp.Path, "demo", "t.csv"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_DemoSubset_PassesTypedRowsAndTableToStore()
    {
        WriteCsv("demo/t.csv", "dec,ra\n-37.2,50.67\n1,2\n");
        var store = new RecordingStore();

        var result = await new CatalogIngester(store).IngestAsync(Descriptor(), null, null, CancellationToken.None);

        Assert.Equal(("s.t", 2L, true), (result.TableName, result.Rows, result.IsDemoSubset));
        Assert.Equal(Path.Combine(temp.Path, "demo", "t.csv"), result.SourcePath);
        Assert.Equal("s.t", store.Table!.Table.TableName);
        Assert.Equal(("ra", "dec"), (store.Table.RaColumn, store.Table.DecColumn));
        Assert.Equal(new object?[] { 50.67, -37.2 }, store.Rows[0]);
    }

    [Fact]
    public async Task IngestAsync_UnknownExtension_ThrowsAskingForFormat()
    {
        WriteCsv("demo/t.csv", "ra,dec\n");
        var other = WriteCsv("t.dat", "ra,dec\n");

        var e = await Assert.ThrowsAsync<CatalogDataException>(() =>
            new CatalogIngester(new RecordingStore()).IngestAsync(Descriptor(), other, null, CancellationToken.None));

        Assert.Contains("set 'format: csv' or 'format: votable'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestMissingAsync_TablePublishedAlready_OnlyIngestsTheOthers()
    {
        WriteCsv("demo/t.csv", "ra,dec\n1,2\n");
        var present = Path.Combine(temp.Path, "present.yaml");
        var missing = Path.Combine(temp.Path, "missing.yaml");
        const string body = "demoSubset: demo/t.csv\nra: ra\ndec: dec\n" +
            "columns:\n  - {name: ra, datatype: double}\n  - {name: dec, datatype: double}\n";
        File.WriteAllText(present, "schema: {name: a}\ntable: {name: t}\n" + body);
        File.WriteAllText(missing, "schema: {name: b}\ntable: {name: t}\n" + body);
        var published = new FixedSchema(new TapSchemaDocument([new SchemaDescription("a")],
            [new TableDescription("a", "a.t", [])]));
        var store = new RecordingStore();

        var results = await new CatalogIngester(store).IngestMissingAsync([present, missing], published, null,
            CancellationToken.None);

        Assert.Equal("b.t", Assert.Single(results).TableName);
        Assert.Equal("b.t", store.Table!.Table.TableName);
    }

    private sealed class FixedSchema(TapSchemaDocument document) : ITapSchemaSource
    {
        public ValueTask<TapSchemaDocument> GetSchemaAsync(CancellationToken cancellationToken) => ValueTask.FromResult(document);
    }

    private sealed class RecordingStore : ICatalogStore
    {
        public CatalogTable? Table { get; private set; }

        public List<object?[]> Rows { get; } = [];

        public string Location => "memory";

        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task<IngestResult> IngestAsync(CatalogTable table, ICatalogRowSource rows,
            IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
        {
            Table = table;
            var buffer = new object?[rows.ColumnCount];
            while (await rows.ReadAsync(buffer, cancellationToken))
            {
                Rows.Add((object?[])buffer.Clone());
            }
            return new IngestResult(table.Table.TableName, Rows.Count, TimeSpan.Zero);
        }
    }
}
