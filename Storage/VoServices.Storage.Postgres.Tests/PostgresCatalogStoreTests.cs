using VoServices.Tap.Ingest;

namespace VoServices.Storage.Postgres.Tests;

/// <summary>Ingest through binary COPY + staging + swap, and what it publishes (ICatalogStore, ITapSchemaSource).</summary>
public sealed class PostgresCatalogStoreTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [SkippableFact]
    public async Task IngestAsync_Tycho2Field_PublishesTableRowsAndColumns()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);

        var result = await Db.IngestAsync(store, "tycho2", Db.Tycho2Field("ngc1316"));

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
        Assert.Equal(84L, await Db.ScalarAsync(db, "SELECT count(*) FROM tycho2.main"));
        Assert.Equal(
            "tyc:text ra:double precision dec:double precision pmra:real pmdec:real bt_mag:real vt_mag:real " +
            "hip:integer pos_flag:text pos:USER-DEFINED",
            string.Join(' ', (await Db.QueryAsync(db, "SELECT column_name || ':' || data_type FROM information_schema.columns " +
                "WHERE table_schema = 'tycho2' AND table_name = 'main' ORDER BY ordinal_position")).Select(r => r[0])));
    }

    [SkippableFact]
    public async Task IngestAsync_Tycho2Field_StoresValuesAsInTheCatalogueText()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);

        await Db.IngestAsync(store, "tycho2", Db.Tycho2Field("ngc1316"));

        // Line 2 of tycho2_cone_ngc1316_r1.0deg.csv: 7026-1-1,50.6956328,-37.00720288,-8.4,-9.2,12.247,11.957,,M
        var row = (await Db.QueryAsync(db,
            "SELECT ra, dec, pmra, pmdec, bt_mag, vt_mag, hip, pos_flag, degrees(long(pos)), degrees(lat(pos)) " +
            "FROM tycho2.main WHERE tyc = '7026-1-1'")).Single();
        Assert.Equal(new object?[] { 50.6956328, -37.00720288, -8.4f, -9.2f, 12.247f, 11.957f, null, "M" }, row[..8]);
        Assert.Equal(50.6956328, (double)row[8]!, 1e-9);
        Assert.Equal(-37.00720288, (double)row[9]!, 1e-9);
    }

    [SkippableFact]
    public async Task IngestAsync_IndexedColumns_GetBtreeAndThePointColumnGist()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);

        await Db.IngestAsync(store, "tycho2", Db.Tycho2Field("ngc1316"));

        var indexes = await Db.QueryAsync(db,
            "SELECT indexname, regexp_replace(indexdef, '^.* USING ', '') FROM pg_indexes " +
            "WHERE schemaname = 'tycho2' AND tablename = 'main' ORDER BY 1");
        Assert.Equal(
            ["main#dec|btree (\"dec\")", "main#hip|btree (hip)", "main#pos|gist (pos)", "main#ra|btree (ra)", "main#tyc|btree (tyc)"],
            indexes.Select(r => $"{r[0]}|{r[1]}"));
        Assert.Empty(await Db.QueryAsync(db, "SELECT relname FROM pg_class WHERE relname LIKE 'staging%'"));
        Assert.NotNull(await Db.ScalarAsync(db,
            "SELECT last_analyze FROM pg_stat_user_tables WHERE schemaname = 'tycho2' AND relname = 'main'"));
    }

    [SkippableFact]
    public async Task IngestAsync_SizeColumn_FollowsArraysize()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);

        await Db.IngestAsync(store, "tycho2", Db.Tycho2Field("ngc1316"));

        var rows = await Db.QueryAsync(db,
            "SELECT column_name, arraysize, \"size\", indexed, principal, std FROM \"TAP_SCHEMA\".columns " +
            "WHERE table_name = 'tycho2.main' AND column_name IN ('tyc', 'pos_flag', 'ra') ORDER BY column_index");
        Assert.Equal(new object?[] { "tyc", "*", null, 1, 1, 0 }, rows[0]);
        Assert.Equal(new object?[] { "ra", null, null, 1, 1, 0 }, rows[1]);
        Assert.Equal(new object?[] { "pos_flag", null, null, 0, 0, 0 }, rows[2]); // single char: no arraysize (VOTable 1.3 Erratum 3)
    }

    [SkippableFact]
    public async Task IngestAsync_Again_ReplacesRowsAndMetadata()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);
        await Db.IngestAsync(store, "tycho2", Db.Tycho2Field("ngc1316"));
        var before = await store.GetSchemaAsync(CancellationToken.None);

        var result = await Db.IngestAsync(store, "tycho2", Db.Tycho2Field("omegacen"));

        Assert.Equal(299L, result.Rows);
        var after = await store.GetSchemaAsync(CancellationToken.None);
        Assert.NotSame(before, after);
        Assert.Equal(299L, after.FindTable("tycho2.main")!.RowCount);
        Assert.Equal(299L, await Db.ScalarAsync(db, "SELECT count(*) FROM tycho2.main"));
        Assert.Equal(9L, await Db.ScalarAsync(db, "SELECT count(*) FROM \"TAP_SCHEMA\".columns WHERE table_name = 'tycho2.main'"));
        Assert.Equal(0L, await Db.ScalarAsync(db, "SELECT count(*) FROM tycho2.main WHERE tyc = '7026-1-1'"));
        Assert.Equal(5L, await Db.ScalarAsync(db, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'tycho2'"));
    }

    [SkippableFact]
    public async Task IngestAsync_BadRowMidway_KeepsPreviousTableAndMetadata()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);
        await Db.IngestAsync(store, "tycho2", Db.Tycho2Field("ngc1316"));
        var before = await Db.SnapshotAsync(db, "tycho2.main");
        var lines = File.ReadAllLines(Db.Tycho2Field("omegacen"));
        lines[150] = lines[150].Replace(",", ",x", StringComparison.Ordinal); // tyc stays, ra becomes "x…"
        var bad = Path.Combine(Path.GetTempPath(), $"vo-pg-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(bad, lines);
        try
        {
            var e = await Assert.ThrowsAsync<CatalogDataException>(() => Db.IngestAsync(store, "tycho2", bad));

            Assert.Equal((151L, "ra"), (e.Line, e.Column));
        }
        finally
        {
            File.Delete(bad);
        }
        Assert.Equal(before, await Db.SnapshotAsync(db, "tycho2.main"));
        Assert.Equal(84L, (await store.GetSchemaAsync(CancellationToken.None)).FindTable("tycho2.main")!.RowCount);
        Assert.Empty(await Db.QueryAsync(db, "SELECT relname FROM pg_class WHERE relname LIKE 'staging%'"));
    }

    [SkippableFact]
    public async Task IngestAsync_ConcurrentFromTwoProcesses_PublishesEachTableOnce()
    {
        var db = await server.NewDatabaseAsync();
        await using var first = new PostgresCatalogStore(db);
        await using var second = new PostgresCatalogStore(db);

        var results = await Task.WhenAll(
            Db.IngestAsync(first, "tycho2", Db.Tycho2Field("ngc1316")),
            Db.IngestAsync(second, "tycho2", Db.Tycho2Field("tuc47")),
            Db.IngestAsync(second, "messier", null));

        Assert.Equal([84L, 131L, 110L], results.Select(r => r.Rows));
        var rows = (long)(await Db.ScalarAsync(db, "SELECT count(*) FROM tycho2.main"))!;
        Assert.Contains(rows, new[] { 84L, 131L });
        var doc = await first.GetSchemaAsync(CancellationToken.None);
        Assert.Equal(rows, doc.FindTable("tycho2.main")!.RowCount);
        Assert.Equal(["messier", "tycho2", "TAP_SCHEMA"], doc.Schemas.Select(s => s.SchemaName));
        Assert.Equal(9L, await Db.ScalarAsync(db, "SELECT count(*) FROM \"TAP_SCHEMA\".columns WHERE table_name = 'tycho2.main'"));
    }

    [SkippableFact]
    public async Task IngestAsync_Cancelled_KeepsPreviousTable()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db, new PostgresCatalogStoreOptions { ProgressInterval = 10 });
        await Db.IngestAsync(store, "tycho2", Db.Tycho2Field("ngc1316"));
        var before = await Db.SnapshotAsync(db, "tycho2.main");
        using var cancel = new CancellationTokenSource();
        var descriptor = Db.Demo("tycho2");
        using var rows = new CancellingSource(
            CsvCatalogRowSource.Open(Db.Tycho2Field("omegacen"), descriptor.Columns), 100, cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            store.IngestAsync(descriptor.ToCatalogTable(), rows, null, cancel.Token));

        Assert.Equal(before, await Db.SnapshotAsync(db, "tycho2.main"));
        Assert.Equal(84L, (await store.GetSchemaAsync(CancellationToken.None)).FindTable("tycho2.main")!.RowCount);
    }

    [SkippableFact]
    public async Task IngestAsync_FirstIngestFails_LeavesNoTableNorSchema()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);
        var csv = Path.Combine(Path.GetTempPath(), $"vo-pg-{Guid.NewGuid():N}.csv");
        File.WriteAllText(csv, "tyc,ra,dec,pmra,pmdec,bt_mag,vt_mag,hip,pos_flag\n1-1-1,1,2,,,,,,M\n1-2-1,1,north,,,,,,M\n");
        try
        {
            await Assert.ThrowsAsync<CatalogDataException>(() => Db.IngestAsync(store, "tycho2", csv));
        }
        finally
        {
            File.Delete(csv);
        }

        var doc = await store.GetSchemaAsync(CancellationToken.None);
        Assert.Null(doc.FindTable("tycho2.main"));
        Assert.DoesNotContain(doc.Schemas, s => s.SchemaName == "tycho2");
        Assert.Empty(await Db.QueryAsync(db, "SELECT nspname FROM pg_namespace WHERE nspname = 'tycho2'"));
    }

    [SkippableFact]
    public async Task IngestAsync_NulCharacter_ThrowsCatalogDataExceptionAndKeepsNothing()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);
        using var rows = new ListSource(
            ["1-1-1", 1.0, 2.0, null, null, null, null, null, "M"],
            ["1-2-1", 1.0, 2.0, null, null, null, null, null, "M\0"]);

        var e = await Assert.ThrowsAsync<CatalogDataException>(() =>
            store.IngestAsync(Db.Demo("tycho2").ToCatalogTable(), rows, null, CancellationToken.None));

        Assert.Contains("0x00", e.Message, StringComparison.Ordinal);
        Assert.Null((await store.GetSchemaAsync(CancellationToken.None)).FindTable("tycho2.main"));
    }

    // Validation happens before any I/O: these run without a server (nothing listens on port 1).
    private const string NoServer = "Host=127.0.0.1;Port=1;Username=nobody;Database=none";

    [Theory]
    [InlineData("tap_schema")]
    [InlineData("TAP_SCHEMA")]
    [InlineData("voservices")]
    [InlineData("pg_catalog")]
    [InlineData("information_schema")]
    public async Task IngestAsync_ReservedSchema_IsRejected(string schema)
    {
        await using var store = new PostgresCatalogStore(NoServer);
        var table = Db.Demo("tycho2").ToCatalogTable();
        var hijack = table with
        {
            Schema = new(schema),
            Table = table.Table with { SchemaName = schema, TableName = schema + ".main" },
        };
        using var rows = new ListSource();

        await Assert.ThrowsAsync<ArgumentException>(() => store.IngestAsync(hijack, rows, null, CancellationToken.None));
    }

    [Fact]
    public async Task IngestAsync_ColumnNamedLikeThePointColumn_IsRejected()
    {
        await using var store = new PostgresCatalogStore(NoServer);
        var table = Db.Demo("tycho2").ToCatalogTable();
        var clash = table with
        {
            Table = table.Table with { Columns = [.. table.Table.Columns.Select(c => c.ColumnName == "hip" ? c with { ColumnName = "POS" } : c)] },
        };
        using var rows = new ListSource();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => store.IngestAsync(clash, rows, null, CancellationToken.None));

        Assert.Contains("point column is 'pos'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_PositionNotANumberColumn_IsRejected()
    {
        await using var store = new PostgresCatalogStore(NoServer);
        var table = Db.Demo("tycho2").ToCatalogTable() with { RaColumn = "tyc" };
        using var rows = new ListSource();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => store.IngestAsync(table, rows, null, CancellationToken.None));

        Assert.Contains("'tyc' must be a double or float column", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a role name that is far too long for postgresql to keep without truncating it")]
    public void Constructor_BadReaderRole_ThrowsArgumentException(string role) =>
        Assert.ThrowsAny<ArgumentException>(() => new PostgresCatalogStore(NoServer, new() { ReaderRole = role }));

    [SkippableFact]
    public async Task GetSchemaAsync_IsCachedUntilAnIngestEvenByAnotherProcess()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);
        await using var otherProcess = new PostgresCatalogStore(db);
        var first = await store.GetSchemaAsync(CancellationToken.None);
        Assert.Same(first, await store.GetSchemaAsync(CancellationToken.None));

        await Db.IngestAsync(otherProcess, "tycho2", Db.Tycho2Field("ngc1316"));

        var third = await store.GetSchemaAsync(CancellationToken.None);
        Assert.NotSame(first, third);
        Assert.NotNull(third.FindTable("TYCHO2.MAIN"));
    }

    [SkippableFact]
    public async Task GetPositionAsync_AfterIngest_NamesRaDecAndPointColumns()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);

        await Db.IngestAsync(store, "tycho2", Db.Tycho2Field("ngc1316"));

        Assert.Equal(new PositionColumns("tycho2.main", "ra", "dec", "pos"),
            await store.GetPositionAsync("tycho2.main", CancellationToken.None));
        Assert.Null(await store.GetPositionAsync("TAP_SCHEMA.columns", CancellationToken.None));
    }

    [SkippableFact]
    public async Task IngestAsync_DemoSubsetsAndMessierVoTable_LoadAllCatalogues()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);

        var tycho = await Db.IngestAsync(store, "tycho2", Path.Combine(Testing.SharedData.RepoRoot, "demo", "data", "tycho2_fields.csv.gz"));
        var ngc = await Db.IngestAsync(store, "openngc", Path.Combine(Testing.SharedData.RepoRoot, "demo", "data", "openngc_kstars.csv.gz"));
        var messier = await Db.IngestAsync(store, "messier", null);

        // Row counts from demo/data/README.md (84 + 299 + 131 field stars; whole OpenNGC) and the Messier list.
        Assert.Equal((514L, 13960L, 110L), (tycho.Rows, ngc.Rows, messier.Rows));
        var doc = await store.GetSchemaAsync(CancellationToken.None);
        Assert.Equal(["messier", "openngc", "tycho2", "TAP_SCHEMA"], doc.Schemas.Select(s => s.SchemaName));
        // stilts tpipe in=messier_topcat.vot.xml cmd='select "Name == \"M31\""' ofmt=csv
        // → M31,31,224,And,5,10.50291666984558,41.266666666666666,3.4,178.0,2900.0,...
        var m31 = await Db.QueryAsync(db,
            "SELECT messier_number, ngc, type, ra, dec, mag, diameter, distance_kly FROM messier.main WHERE name = 'M31'");
        Assert.Equal(new object?[] { (short)31, "224", "5", 10.50291666984558, 41.266666666666666, 3.4f, 178.0f, 2900.0f },
            Assert.Single(m31));
    }
}
