using VoServices.Tap.Ingest;
using VoServices.Testing;

namespace VoServices.Storage.Sqlite.Tests;

public sealed class SqliteCatalogStoreTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly SqliteCatalogStore store;

    public SqliteCatalogStoreTests() => store = new SqliteCatalogStore(temp.File("vo.db"));

    public void Dispose() => temp.Dispose();

    [SkippableFact]
    public async Task IngestAsync_Tycho2Field_PublishesTableRowsAndColumns()
    {
        var result = await StoreFixture.IngestAsync(store, "tycho2", StoreFixture.Tycho2Field("ngc1316"));

        Assert.Equal(("tycho2.main", 84L), (result.TableName, result.Rows));
        var doc = await store.GetSchemaAsync(CancellationToken.None);
        Assert.Equal(["tycho2", "TAP_SCHEMA"], doc.Schemas.Select(s => s.SchemaName));
        var table = doc.FindTable("tycho2.main")!;
        Assert.Equal(("tycho2", 84L), (table.SchemaName, table.RowCount));
        Assert.Equal(["tyc", "ra", "dec", "pmra", "pmdec", "bt_mag", "vt_mag", "hip", "pos_flag"],
            table.Columns.Select(c => c.ColumnName));
        var ra = table.Columns[1];
        Assert.Equal(("double", "deg", "pos.eq.ra;meta.main", true, true, false, 2),
            (ra.Datatype, ra.Unit, ra.Ucd, ra.Indexed, ra.Principal, ra.Std, ra.ColumnIndex));
        Assert.Equal(("float", "mas/yr", "pos.pm;pos.eq.ra"), (table.Columns[3].Datatype, table.Columns[3].Unit,
            table.Columns[3].Ucd));
        Assert.Equal(84L, StoreFixture.Scalar(store, "SELECT count(*) FROM \"tycho2.main\""));
    }

    [SkippableFact]
    public async Task IngestAsync_Tycho2Field_StoresValuesAsInTheCatalogueText()
    {
        await StoreFixture.IngestAsync(store, "tycho2", StoreFixture.Tycho2Field("ngc1316"));

        // Line 2 of tycho2_cone_ngc1316_r1.0deg.csv: 7026-1-1,50.6956328,-37.00720288,-8.4,-9.2,12.247,11.957,,M
        var row = StoreFixture.Query(store,
            "SELECT ra, dec, pmra, pmdec, bt_mag, vt_mag, hip, pos_flag, typeof(bt_mag) FROM \"tycho2.main\" " +
            "WHERE tyc = '7026-1-1'").Single();

        Assert.Equal(new object?[] { 50.6956328, -37.00720288, -8.4, -9.2, 12.247, 11.957, null, "M", "real" }, row);
        Assert.Equal(1L, StoreFixture.Scalar(store, "SELECT count(*) FROM \"tycho2.main\" WHERE bt_mag = 12.247"));
    }

    [SkippableFact]
    public async Task IngestAsync_IndexedColumns_GetSqliteIndexes()
    {
        await StoreFixture.IngestAsync(store, "tycho2", StoreFixture.Tycho2Field("ngc1316"));

        var indexed = StoreFixture.Query(store,
            "SELECT ii.name FROM sqlite_master m, pragma_index_info(m.name) ii " +
            "WHERE m.type = 'index' AND m.tbl_name = 'tycho2.main' ORDER BY ii.name");

        // The flagged columns, plus the hidden HEALPix index column the SQLite dialect prefilters on.
        Assert.Equal(["_healpix", "dec", "hip", "ra", "tyc"], indexed.Select(r => (string)r[0]!));
    }

    [SkippableFact]
    public async Task IngestAsync_SizeColumn_FollowsArraysize()
    {
        await StoreFixture.IngestAsync(store, "tycho2", StoreFixture.Tycho2Field("ngc1316"));

        var rows = StoreFixture.Query(store,
            "SELECT column_name, arraysize, \"size\", typeof(arraysize) FROM \"TAP_SCHEMA.columns\" " +
            "WHERE table_name = 'tycho2.main' AND column_name IN ('tyc', 'pos_flag', 'ra') ORDER BY column_index");

        Assert.Equal(new object?[] { "tyc", "*", null, "text" }, rows[0]);
        Assert.Equal(new object?[] { "ra", null, null, "null" }, rows[1]);
        Assert.Equal(new object?[] { "pos_flag", null, null, "null" }, rows[2]); // single char: no arraysize (VOTable 1.3 Erratum 3)
    }

    [SkippableFact]
    public async Task IngestAsync_Flags_AreZeroOrOneIntegers()
    {
        await StoreFixture.IngestAsync(store, "tycho2", StoreFixture.Tycho2Field("ngc1316"));

        var values = StoreFixture.Query(store,
            "SELECT DISTINCT typeof(principal) || principal, typeof(indexed) || indexed, typeof(std) || std " +
            "FROM \"TAP_SCHEMA.columns\"");

        Assert.All(values.SelectMany(r => r), v => Assert.Contains((string)v!, new[] { "integer0", "integer1" }));
    }

    [SkippableFact]
    public async Task IngestAsync_Again_ReplacesRowsAndMetadata()
    {
        await StoreFixture.IngestAsync(store, "tycho2", StoreFixture.Tycho2Field("ngc1316"));
        var before = await store.GetSchemaAsync(CancellationToken.None);

        var result = await StoreFixture.IngestAsync(store, "tycho2", StoreFixture.Tycho2Field("omegacen"));

        Assert.Equal(299L, result.Rows);
        var after = await store.GetSchemaAsync(CancellationToken.None);
        Assert.NotSame(before, after);
        Assert.Equal(299L, after.FindTable("tycho2.main")!.RowCount);
        Assert.Equal(9L, StoreFixture.Scalar(store, "SELECT count(*) FROM \"TAP_SCHEMA.columns\" WHERE table_name = 'tycho2.main'"));
        Assert.Equal(1L, StoreFixture.Scalar(store, "SELECT count(*) FROM \"TAP_SCHEMA.tables\" WHERE table_name = 'tycho2.main'"));
        Assert.Equal(0L, StoreFixture.Scalar(store, "SELECT count(*) FROM \"tycho2.main\" WHERE tyc = '7026-1-1'"));
    }

    [SkippableFact]
    public async Task IngestAsync_BadRowMidway_KeepsPreviousTableAndMetadata()
    {
        await StoreFixture.IngestAsync(store, "tycho2", StoreFixture.Tycho2Field("ngc1316"));
        var before = Snapshot();
        var lines = File.ReadAllLines(StoreFixture.Tycho2Field("omegacen"));
        lines[150] = lines[150].Replace(",", ",x", StringComparison.Ordinal); // tyc stays, ra becomes "x…"
        var bad = temp.File("bad.csv");
        File.WriteAllLines(bad, lines);

        var e = await Assert.ThrowsAsync<CatalogDataException>(() => StoreFixture.IngestAsync(store, "tycho2", bad));

        Assert.Equal((151L, "ra"), (e.Line, e.Column));
        Assert.Equal(before, Snapshot());
        Assert.Equal(84L, (await store.GetSchemaAsync(CancellationToken.None)).FindTable("tycho2.main")!.RowCount);
        Assert.Empty(StoreFixture.Query(store, "SELECT name FROM sqlite_master WHERE name LIKE '%staging%'"));
    }

    [SkippableFact]
    public async Task IngestAsync_Cancelled_KeepsPreviousTable()
    {
        var small = new SqliteCatalogStore(store.DatabasePath, new SqliteCatalogStoreOptions { ProgressInterval = 10 });
        await StoreFixture.IngestAsync(small, "tycho2", StoreFixture.Tycho2Field("ngc1316"));
        var before = Snapshot();
        using var cancel = new CancellationTokenSource();
        var descriptor = StoreFixture.Demo("tycho2");
        using var rows = new CancellingSource(
            CsvCatalogRowSource.Open(StoreFixture.Tycho2Field("omegacen"), descriptor.Columns), 100, cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            small.IngestAsync(descriptor.ToCatalogTable(), rows, null, cancel.Token));

        Assert.Equal(before, Snapshot());
        Assert.Equal(84L, (await small.GetSchemaAsync(CancellationToken.None)).FindTable("tycho2.main")!.RowCount);
    }

    [Fact]
    public async Task IngestAsync_FirstIngestFails_LeavesNoTable()
    {
        var csv = temp.File("t.csv");
        File.WriteAllText(csv, "tyc,ra,dec,pmra,pmdec,bt_mag,vt_mag,hip,pos_flag\n1-1-1,1,2,,,,,,M\n1-2-1,1,north,,,,,,M\n");

        await Assert.ThrowsAsync<CatalogDataException>(() => StoreFixture.IngestAsync(store, "tycho2", csv));

        var doc = await store.GetSchemaAsync(CancellationToken.None);
        Assert.Null(doc.FindTable("tycho2.main"));
        Assert.DoesNotContain(doc.Schemas, s => s.SchemaName == "tycho2");
        Assert.Empty(StoreFixture.Query(store, "SELECT name FROM sqlite_master WHERE name LIKE 'tycho2%'"));
    }

    [Fact]
    public async Task IngestAsync_DemoSubsets_LoadAllCsvCatalogues()
    {
        var tycho = await StoreFixture.IngestAsync(store, "tycho2", Path.Combine(SharedData.RepoRoot, "demo", "data", "tycho2_fields.csv.gz"));
        var hip = await StoreFixture.IngestAsync(store, "hipparcos", Path.Combine(SharedData.RepoRoot, "demo", "data", "hipparcos_vmag_lt7.csv.gz"));
        var ngc = await StoreFixture.IngestAsync(store, "openngc", Path.Combine(SharedData.RepoRoot, "demo", "data", "openngc_kstars.csv.gz"));

        // Row counts from demo/data/README.md (84 + 299 + 131 field stars; awk count of vmag < 7; whole OpenNGC).
        Assert.Equal((514L, 15404L, 13960L), (tycho.Rows, hip.Rows, ngc.Rows));
        var doc = await store.GetSchemaAsync(CancellationToken.None);
        Assert.Equal(["hipparcos", "openngc", "tycho2", "TAP_SCHEMA"], doc.Schemas.Select(s => s.SchemaName));
    }

    [Fact]
    public async Task IngestAsync_MessierVoTable_Publishes110Rows()
    {
        // Reads ../shared/data/catalogs/messier/messier_topcat.vot.xml, or the identical copy in demo/data.
        var result = await StoreFixture.IngestAsync(store, "messier", null);

        Assert.Equal(("messier.main", 110L), (result.TableName, result.Rows));
        Assert.Equal(110L, (await store.GetSchemaAsync(CancellationToken.None)).FindTable("messier.main")!.RowCount);
        // stilts tpipe in=messier_topcat.vot.xml cmd='select "Name == \"M31\""' ofmt=csv
        // → M31,31,224,And,5,10.50291666984558,41.266666666666666,3.4,178.0,2900.0,...
        var m31 = StoreFixture.Query(store,
            "SELECT messier_number, ngc, type, ra, dec, mag, diameter, distance_kly FROM \"messier.main\" WHERE name = 'M31'");
        Assert.Equal(new object?[] { 31L, "224", "5", 10.50291666984558, 41.266666666666666, 3.4, 178.0, 2900.0 },
            Assert.Single(m31));
    }

    [Fact]
    public async Task IngestAsync_TapSchemaTarget_IsRejected()
    {
        var table = StoreFixture.Demo("tycho2").ToCatalogTable();
        var hijack = table with { Schema = new("tap_schema"), Table = table.Table with { SchemaName = "tap_schema" } };
        using var rows = new CancellingSource(null, 0, null);

        await Assert.ThrowsAsync<ArgumentException>(() => store.IngestAsync(hijack, rows, null, CancellationToken.None));
    }

    [Fact]
    public async Task GetSchemaAsync_IsCachedUntilAnIngest()
    {
        var first = await store.GetSchemaAsync(CancellationToken.None);
        var second = await store.GetSchemaAsync(CancellationToken.None);
        Assert.Same(first, second);

        await StoreFixture.IngestAsync(store, "tycho2", Path.Combine(SharedData.RepoRoot, "demo", "data", "tycho2_fields.csv.gz"));

        var third = await store.GetSchemaAsync(CancellationToken.None);
        Assert.NotSame(first, third);
        Assert.NotNull(third.FindTable("TYCHO2.MAIN"));
    }

    [Fact]
    public async Task IngestAsync_DerivedPositionColumn_IsStoredHiddenAndRecorded()
    {
        var options = new SqliteCatalogStoreOptions
        {
            DerivedPositionColumns = [new DerivedPositionColumn("dec_zone", "INTEGER", (_, dec) => (long)Math.Floor(dec))],
        };
        var hooked = new SqliteCatalogStore(store.DatabasePath, options);

        await StoreFixture.IngestAsync(hooked, "tycho2", Path.Combine(SharedData.RepoRoot, "demo", "data", "tycho2_fields.csv.gz"));

        Assert.Equal(0L, StoreFixture.Scalar(hooked, "SELECT count(*) FROM \"tycho2.main\" WHERE dec_zone <> CAST(floor(dec) AS INTEGER)"));
        Assert.DoesNotContain((await hooked.GetSchemaAsync(CancellationToken.None)).FindTable("tycho2.main")!.Columns,
            c => c.ColumnName == "dec_zone");
        var position = await hooked.GetPositionAsync("tycho2.main", CancellationToken.None);
        Assert.Equal(("ra", "dec", "dec_zone"), (position!.RaColumn, position.DecColumn, Assert.Single(position.DerivedColumns)));
        Assert.Null(await hooked.GetPositionAsync("TAP_SCHEMA.columns", CancellationToken.None));
    }

    [Fact]
    public async Task ProbeAsync_NoDatabase_IsUnavailableWithoutCreatingIt()
    {
        var status = await store.ProbeAsync(CancellationToken.None);

        Assert.False(status.Available);
        Assert.Contains("does not exist", Assert.Single(status.Notes), StringComparison.Ordinal);
        Assert.False(File.Exists(store.DatabasePath));
    }

    [Fact]
    public async Task ProbeAsync_AfterIngest_IsAvailableWithTableCount()
    {
        await StoreFixture.IngestAsync(store, "tycho2", Path.Combine(SharedData.RepoRoot, "demo", "data", "tycho2_fields.csv.gz"));

        var status = await store.ProbeAsync(CancellationToken.None);

        Assert.True(status.Available);
        Assert.NotNull(status.UpSince);
        Assert.Matches(@"^SQLite 3\.\d+\.\d+: 1 catalogue table\(s\) published$", Assert.Single(status.Notes));
    }

    [Fact]
    public async Task ProbeAsync_NotADatabase_IsUnavailable()
    {
        await File.WriteAllTextAsync(store.DatabasePath, new string('x', 4096));

        var status = await store.ProbeAsync(CancellationToken.None);

        Assert.False(status.Available);
        Assert.Contains("database unavailable", Assert.Single(status.Notes), StringComparison.Ordinal);
    }

    private string Snapshot() => string.Join("\n", new[]
    {
        "SELECT * FROM \"TAP_SCHEMA.schemas\" ORDER BY 1",
        "SELECT * FROM \"TAP_SCHEMA.tables\" ORDER BY 2",
        "SELECT * FROM \"TAP_SCHEMA.columns\" ORDER BY 1, 2",
        "SELECT * FROM \"tycho2.main\" ORDER BY tyc",
        "SELECT * FROM voservices_positions",
    }.SelectMany(sql => StoreFixture.Query(store, sql)).Select(r => string.Join("|", r)));

    /// <summary>Wraps a row source and cancels a token after a number of rows (simulates Ctrl+C mid-load).</summary>
    private sealed class CancellingSource(ICatalogRowSource? inner, int after, CancellationTokenSource? cancel)
        : ICatalogRowSource
    {
        private int count;

        public string SourcePath => inner?.SourcePath ?? "none";
        public int ColumnCount => inner?.ColumnCount ?? 9;
        public long BytesRead => inner?.BytesRead ?? 0;
        public long? TotalBytes => inner?.TotalBytes;

        public ValueTask<bool> ReadAsync(object?[] values, CancellationToken cancellationToken)
        {
            if (++count == after)
            {
                cancel?.Cancel();
            }
            return inner?.ReadAsync(values, cancellationToken) ?? ValueTask.FromResult(false);
        }

        public void Dispose() => inner?.Dispose();
    }
}
