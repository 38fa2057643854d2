using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using VoServices.Adql;
using VoServices.Adql.Semantics;
using VoServices.Dali;
using VoServices.Storage.Sqlite.Query;
using VoServices.Storage.Sqlite.Tests.Adql;
using VoServices.Tap.Ingest;
using VoServices.Tap.Query;
using VoServices.Tap.Uploads;
using VoServices.Testing;

namespace VoServices.Storage.Sqlite.Tests.Query;

/// <summary>The embedded executor on the demo subset with the HEALPix column (<see cref="AdqlDemoDatabase"/>).</summary>
public sealed class SqliteQueryExecutorTests(AdqlDemoDatabase db) : IClassFixture<AdqlDemoDatabase>
{
    private const string SlowQuery =
        "SELECT COUNT(*) FROM hipparcos.main AS a, hipparcos.main AS b WHERE a.vmag + b.vmag < -100";

    private SqliteQueryExecutor Executor { get; } = new(db.Store);

    private async Task<ResolvedQuery> ResolveAsync(string adql, params AdqlTable[] uploads)
    {
        var document = await db.Store.GetSchemaAsync(CancellationToken.None);
        var catalog = await Executor.DescribeCatalogAsync(document, CancellationToken.None);
        return SchemaResolver.Resolve(AdqlParser.Parse(adql), catalog.With(uploads));
    }

    private async Task<List<object?[]>> RunAsync(IQuerySession session, string adql, params AdqlTable[] uploads)
    {
        await using var result = await session.ExecuteAsync(await ResolveAsync(adql, uploads), null, CancellationToken.None);
        var rows = new List<object?[]>();
        var row = new object?[result.Columns.Count];
        while (await result.ReadAsync(row, CancellationToken.None))
        {
            rows.Add((object?[])row.Clone());
        }
        return rows;
    }

    private Task<IQuerySession> OpenAsync(double seconds = 30) =>
        Executor.OpenSessionAsync(new QuerySessionOptions { Timeout = TimeSpan.FromSeconds(seconds) }, CancellationToken.None);

    [Fact]
    public async Task DescribeCatalog_TablesWithTheHealpixColumn_KeepRaDec()
    {
        var catalog = await Executor.DescribeCatalogAsync(await db.Store.GetSchemaAsync(CancellationToken.None), CancellationToken.None);
        var tycho = catalog.Tables.Single(t => t.QualifiedName == "tycho2.main");
        Assert.Equal(("ra", "dec"), (tycho.RaColumn, tycho.DecColumn));
        Assert.All(catalog.Tables.Where(t => t.SchemaName == "TAP_SCHEMA"), t => Assert.Null(t.RaColumn));
    }

    [Fact]
    public async Task DescribeCatalog_StoreWithoutHealpixColumn_DropsRaDecAndConesStillWork()
    {
        using var folder = new TempFolder();
        var store = new SqliteCatalogStore(folder.File("plain.db"), new SqliteCatalogStoreOptions { DerivedPositionColumns = [] });
        var descriptor = CatalogDescriptorReader.Read(Path.Combine(SharedData.RepoRoot, "demo", "catalogs", "messier.yaml"));
        await new CatalogIngester(store).IngestAsync(descriptor, descriptor.DemoSubset, null, CancellationToken.None);
        using var executor = new SqliteQueryExecutor(store);
        var document = await store.GetSchemaAsync(CancellationToken.None);
        var catalog = await executor.DescribeCatalogAsync(document, CancellationToken.None);
        Assert.Null(catalog.Tables.Single(t => t.QualifiedName == "messier.main").RaColumn);
        await using var session = await executor.OpenSessionAsync(new QuerySessionOptions(), CancellationToken.None);
        var resolved = SchemaResolver.Resolve(AdqlParser.Parse(
            "SELECT name FROM messier.main WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(83.63, 22.01, 0.5))"), catalog);
        await using var result = await session.ExecuteAsync(resolved, null, CancellationToken.None);
        var row = new object?[1];
        Assert.True(await result.ReadAsync(row, CancellationToken.None));
        Assert.Equal("M1", row[0]);
    }

    [Fact]
    public async Task Execute_Cone_GivesTheWritersTypes()
    {
        await using var session = await OpenAsync();
        var rows = await RunAsync(session,
            "SELECT TOP 1 tyc, ra, vt_mag, hip, POINT(ra, dec) AS p FROM tycho2.main " +
            "WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(201.6968, -47.4795, 0.25)) AND hip IS NOT NULL ORDER BY tyc");
        var row = Assert.Single(rows);
        Assert.IsType<string>(row[0]);
        Assert.IsType<double>(row[1]);
        Assert.IsType<double>(row[2]);
        Assert.IsType<long>(row[3]);
        Assert.Equal((double)row[1]!, Assert.IsType<double[]>(row[4])[0]);
    }

    [Fact]
    public async Task Execute_AfterUploads_ConnectionWritesNothing()
    {
        await using var session = await OpenAsync();
        using var upload = await Uploads.OpenAsync("t", Uploads.Positions);
        var table = await session.LoadUploadAsync(upload, CancellationToken.None);
        Assert.Equal(4, (await RunAsync(session, "SELECT * FROM TAP_UPLOAD.t", table)).Count);
        var connection = ((SqliteQuerySession)session).Connection;
        Assert.Equal(1L, Scalar(connection, "PRAGMA query_only"));
        foreach (var write in new[]
        {
            "INSERT INTO temp.tap_upload_t VALUES (9, 1, 2)", "DELETE FROM \"tycho2.main\"", "CREATE TEMP TABLE x (a)",
            "UPDATE \"TAP_SCHEMA.tables\" SET description = 'x'",
        })
        {
            var e = Assert.Throws<SqliteException>(() => Scalar(connection, write));
            Assert.Equal(8, e.SqliteErrorCode); // SQLITE_READONLY
        }
        // The query connection itself is opened read-only, so even without query_only the catalogue is safe.
        using var readOnly = new SqliteConnection(Executor.ConnectionString);
        readOnly.Open();
        Assert.Equal(8, Assert.Throws<SqliteException>(() => Scalar(readOnly, "DELETE FROM \"tycho2.main\"")).SqliteErrorCode);
    }

    [Fact]
    public async Task LoadUpload_TemporaryTable_IsInvisibleToOtherSessions()
    {
        await using var first = await OpenAsync();
        using var upload = await Uploads.OpenAsync("t", Uploads.Positions);
        await first.LoadUploadAsync(upload, CancellationToken.None);
        await using var second = await OpenAsync();
        var e = Assert.Throws<SqliteException>(() => Scalar(((SqliteQuerySession)second).Connection, "SELECT count(*) FROM tap_upload_t"));
        Assert.Contains("no such table", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadUpload_AfterTheQuery_Throws()
    {
        await using var session = await OpenAsync();
        await RunAsync(session, "SELECT TOP 1 hip FROM hipparcos.main");
        using var upload = await Uploads.OpenAsync("t", Uploads.Positions);
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.LoadUploadAsync(upload, CancellationToken.None));
    }

    [Fact]
    public async Task LoadUpload_EveryDaliType_RoundTrips()
    {
        await using var session = await OpenAsync();
        using var upload = await Uploads.OpenAsync("t", Uploads.AllTypes);
        var table = await session.LoadUploadAsync(upload, CancellationToken.None);
        var rows = await RunAsync(session, "SELECT * FROM TAP_UPLOAD.t ORDER BY i", table);
        Assert.Equal(2, rows.Count);
        var (full, empty) = (rows[0], rows[1]);
        Assert.Equal(true, full[0]);
        Assert.Equal([1L, 2L, 3L], full[1..4]);
        Assert.Equal([4.5, 5.25], full[4..6].Select(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("héllo", full[6]);
        Assert.Equal(new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc), full[7]);
        Assert.Equal([10.0, 20.0], (double[])full[8]!);
        Assert.Equal([10.0, 20.0, 0.5], (double[])full[9]!);
        Assert.Equal([1.0, 2.0, 3.0, 2.0, 2.0, 3.0], (double[])full[10]!);
        Assert.Equal([0.5, 1.5], (double[])full[11]!);
        Assert.Equal([7L, 8L, 9L], (long[])full[12]!);
        // The second row: NULL everywhere (NaN is the NULL of a double) but in the int column i.
        Assert.Equal(3L, empty[2]);
        Assert.All(empty.Where((_, k) => k != 2), Assert.Null);
    }

    [Fact]
    public async Task LoadUpload_OddColumnNames_AreStoredUnderStorageNames()
    {
        await using var session = await OpenAsync();
        using var upload = await Uploads.OpenAsync("t", Uploads.Document(
            "<FIELD name='u' datatype='int'/><FIELD name='U' datatype='int'/><FIELD name='2mass id' datatype='char' arraysize='*'/>" +
            "<FIELD name='select' datatype='int'/>", "<TR><TD>1</TD><TD>2</TD><TD>x</TD><TD>3</TD></TR>"));
        var table = await session.LoadUploadAsync(upload, CancellationToken.None);
        var rows = await RunAsync(session, "SELECT u, \"2mass id\", \"select\" FROM TAP_UPLOAD.t", table);
        Assert.Equal([1L, "x", 3L], rows.Single());
    }

    [Fact]
    public async Task Execute_TimeLimitReached_ThrowsQueryTimeoutQuickly()
    {
        await using var session = await OpenAsync(seconds: 0.2);
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<QueryTimeoutException>(() => RunAsync(session, SlowQuery));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(500, e.HttpStatus);
        Assert.Contains("time limit of 0.2 s", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_CallerCancels_InterruptsTheStatement()
    {
        await using var session = await OpenAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await using var result = await session.ExecuteAsync(await ResolveAsync(SlowQuery), null, cancel.Token);
            await result.ReadAsync(new object?[1], cancel.Token);
        });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task OpenSession_AfterAQuery_ReusesTheConnection()
    {
        using var executor = new SqliteQueryExecutor(db.Store);
        SqliteConnection first;
        await using (var session = await executor.OpenSessionAsync(new QuerySessionOptions(), CancellationToken.None))
        {
            first = ((SqliteQuerySession)session).Connection;
            Assert.Single(await RunAsync(session, "SELECT TOP 1 hip FROM hipparcos.main"));
        }
        await using var next = await executor.OpenSessionAsync(new QuerySessionOptions(), CancellationToken.None);
        Assert.Same(first, ((SqliteQuerySession)next).Connection);
        Assert.Single(await RunAsync(next, "SELECT TOP 1 hip FROM hipparcos.main WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(201.7, -47.5, 1))"));
    }

    [Fact]
    public async Task OpenSession_PooledConnection_WritesNothing()
    {
        await using var session = await OpenAsync();
        var connection = ((SqliteQuerySession)session).Connection;
        Assert.Equal(1L, Scalar(connection, "PRAGMA query_only"));
        foreach (var write in new[] { "CREATE TEMP TABLE x (a)", "DELETE FROM \"tycho2.main\"" })
        {
            Assert.Equal(8, Assert.Throws<SqliteException>(() => Scalar(connection, write)).SqliteErrorCode); // SQLITE_READONLY
        }
    }

    [Fact]
    public async Task OpenSession_AfterAnUploadSession_PooledConnectionHasNoTempTables()
    {
        using var executor = new SqliteQueryExecutor(db.Store, maxIdleConnections: 1);
        SqliteConnection pooled, uploads;
        await using (var session = await executor.OpenSessionAsync(new QuerySessionOptions(), CancellationToken.None))
        {
            pooled = ((SqliteQuerySession)session).Connection;
            using var upload = await Uploads.OpenAsync("t", Uploads.Positions);
            var table = await session.LoadUploadAsync(upload, CancellationToken.None);
            uploads = ((SqliteQuerySession)session).Connection;
            Assert.NotSame(pooled, uploads);
            Assert.Equal(1L, Scalar(uploads, "SELECT count(*) FROM temp.sqlite_master"));
            Assert.Equal(4, (await RunAsync(session, "SELECT * FROM TAP_UPLOAD.t", table)).Count);
        }
        Assert.Equal(System.Data.ConnectionState.Closed, uploads.State);
        await using var next = await executor.OpenSessionAsync(new QuerySessionOptions(), CancellationToken.None);
        var connection = ((SqliteQuerySession)next).Connection;
        Assert.Same(pooled, connection);
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM temp.sqlite_master"));
        Assert.Equal(1L, Scalar(connection, "PRAGMA query_only"));
    }

    [Fact]
    public void Return_ConnectionWithTempTableOrQueryOnlyOff_IsClosedNotPooled()
    {
        using var executor = new SqliteQueryExecutor(db.Store, maxIdleConnections: 4);
        var withTemp = executor.Pool.Rent();
        Scalar(withTemp, "PRAGMA query_only = OFF");
        Scalar(withTemp, "CREATE TEMP TABLE leftover (a)");
        Scalar(withTemp, "PRAGMA query_only = ON");
        var writable = executor.Pool.Rent();
        Scalar(writable, "PRAGMA query_only = OFF");
        executor.Pool.Return(withTemp);
        executor.Pool.Return(writable);
        Assert.Equal(System.Data.ConnectionState.Closed, withTemp.State);
        Assert.Equal(System.Data.ConnectionState.Closed, writable.State);
        Assert.Equal(0, executor.Pool.IdleCount);
    }

    [Fact]
    public async Task OpenSession_AfterATimedOutQuery_NextSessionWorks()
    {
        using var executor = new SqliteQueryExecutor(db.Store, maxIdleConnections: 1);
        SqliteConnection interrupted;
        await using (var session = await executor.OpenSessionAsync(
            new QuerySessionOptions { Timeout = TimeSpan.FromSeconds(0.2) }, CancellationToken.None))
        {
            interrupted = ((SqliteQuerySession)session).Connection;
            await Assert.ThrowsAsync<QueryTimeoutException>(() => RunAsync(session, SlowQuery));
        }
        // A connection that sqlite3_interrupt may have reached is closed, never pooled.
        Assert.Equal(System.Data.ConnectionState.Closed, interrupted.State);
        Assert.Equal(0, executor.Pool.IdleCount);
        await using var next = await executor.OpenSessionAsync(new QuerySessionOptions(), CancellationToken.None);
        Assert.NotSame(interrupted, ((SqliteQuerySession)next).Connection);
        Assert.Single(await RunAsync(next, "SELECT TOP 1 hip FROM hipparcos.main"));
    }

    [Fact]
    public async Task OpenSession_EightConcurrentTasks_GetDistinctConnections()
    {
        using var executor = new SqliteQueryExecutor(db.Store, maxIdleConnections: 8);
        var options = new QuerySessionOptions();
        for (var round = 0; round < 2; round++)
        {
            // Round 0 opens new connections; round 1 takes them all from the pool.
            using var ready = new Barrier(8);
            var sessions = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                ready.SignalAndWait(TimeSpan.FromSeconds(10));
                return await executor.OpenSessionAsync(options, CancellationToken.None);
            })));
            var connections = sessions.Select(s => ((SqliteQuerySession)s).Connection).ToArray();
            Assert.Equal(8, connections.Distinct(ReferenceEqualityComparer.Instance).Count());
            Assert.Equal(8, connections.Select(c => c.Handle!.DangerousGetHandle()).Distinct().Count());
            var counts = await Task.WhenAll(sessions.Select(s => Task.Run(async () =>
                (await RunAsync(s, "SELECT TOP 3 hip FROM hipparcos.main")).Count)));
            Assert.All(counts, c => Assert.Equal(3, c));
            foreach (var session in sessions)
            {
                await session.DisposeAsync();
            }
            Assert.Equal(8, executor.Pool.IdleCount);
        }
    }

    [Theory]
    [InlineData(1, "SQLite Error 1: 'invalid polygon: edges cross'.", 400, "the query failed on the data: invalid polygon: edges cross")]
    [InlineData(1, "SQLite Error 1: 'no such column: x'.", 500, "internal error")]
    [InlineData(5, "SQLite Error 5: 'database is locked'.", 503, "temporarily unavailable")]
    [InlineData(10, "SQLite Error 10: 'disk I/O error'.", 503, "temporarily unavailable")]
    public void Map_SqliteErrors_GiveTheirDaliKind(int code, string message, int status, string expected)
    {
        var e = SqliteQueryErrors.Map(new SqliteException(message, code));
        Assert.Equal(status, e.HttpStatus);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
