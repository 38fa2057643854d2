using System.Diagnostics;
using System.Text;
using Npgsql;
using VoServices.Adql;
using VoServices.Adql.Semantics;
using VoServices.Dali;
using VoServices.Storage.Postgres.Query;
using VoServices.Tap.Query;
using VoServices.Tap.Uploads;
using VoServices.Testing;

namespace VoServices.Storage.Postgres.Tests.Query;

/// <summary>
/// A database of its own with the demo subsets of hipparcos and tycho2 (demo/data), created on first use inside a test
/// so that a missing <c>VOSERVICES_TEST_DB</c> skips the test.
/// </summary>
public sealed class PostgresQueryDatabase : IAsyncLifetime
{
    private readonly PostgresServer server = new();
    private readonly SemaphoreSlim gate = new(1, 1);
    private PostgresCatalogStore? store;

    public async Task<PostgresCatalogStore> StoreAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (store is null)
            {
                var created = new PostgresCatalogStore(await server.NewDatabaseAsync());
                foreach (var name in new[] { "hipparcos", "tycho2" })
                {
                    await Db.IngestAsync(created, name, Db.Demo(name).DemoSubset);
                }
                store = created;
            }
            return store;
        }
        finally
        {
            gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (store is not null)
        {
            await store.DisposeAsync();
        }
        await server.DisposeAsync();
    }
}

public sealed class PostgresQueryExecutorTests(PostgresQueryDatabase db) : IClassFixture<PostgresQueryDatabase>
{
    private const string SlowQuery =
        "SELECT COUNT(*) FROM hipparcos.main AS a, hipparcos.main AS b, hipparcos.main AS c WHERE a.vmag + b.vmag + c.vmag < -100";

    private async Task<PostgresQueryExecutor> ExecutorAsync() => new(await db.StoreAsync());

    private static async Task<ResolvedQuery> ResolveAsync(PostgresQueryExecutor executor, string adql, params AdqlTable[] uploads)
    {
        var document = await executor.Store.GetSchemaAsync(CancellationToken.None);
        var catalog = await executor.DescribeCatalogAsync(document, CancellationToken.None);
        return SchemaResolver.Resolve(AdqlParser.Parse(adql), catalog.With(uploads));
    }

    private static async Task<List<object?[]>> RunAsync(PostgresQueryExecutor executor, IQuerySession session, string adql,
        params AdqlTable[] uploads)
    {
        await using var result = await session.ExecuteAsync(await ResolveAsync(executor, adql, uploads), null, CancellationToken.None);
        var rows = new List<object?[]>();
        var row = new object?[result.Columns.Count];
        while (await result.ReadAsync(row, CancellationToken.None))
        {
            rows.Add((object?[])row.Clone());
        }
        return rows;
    }

    private static Task<IQuerySession> OpenAsync(PostgresQueryExecutor executor, double seconds = 30) =>
        executor.OpenSessionAsync(new QuerySessionOptions { Timeout = TimeSpan.FromSeconds(seconds) }, CancellationToken.None);

    [SkippableFact]
    public async Task Execute_Cone_GivesTheWritersTypes()
    {
        var executor = await ExecutorAsync();
        await using var session = await OpenAsync(executor);
        var rows = await RunAsync(executor, session,
            "SELECT TOP 1 tyc, ra, vt_mag, hip, POINT(ra, dec) AS p FROM tycho2.main " +
            "WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(201.6968, -47.4795, 0.25)) AND hip IS NOT NULL ORDER BY tyc");
        var row = Assert.Single(rows);
        Assert.IsType<string>(row[0]);
        Assert.IsType<double>(row[1]);
        Assert.Equal((double)row[1]!, Assert.IsType<double[]>(row[4])[0], 9);
    }

    [SkippableFact]
    public async Task Session_AfterUploads_CatalogueStaysReadOnly()
    {
        var executor = await ExecutorAsync();
        await using var session = await OpenAsync(executor);
        using var upload = await Uploads.OpenAsync("t", Uploads.Positions);
        var table = await session.LoadUploadAsync(upload, CancellationToken.None);
        Assert.Equal(4, (await RunAsync(executor, session, "SELECT * FROM TAP_UPLOAD.t", table)).Count);
        var connection = ((PostgresQuerySession)session).Connection;
        // The default transaction is read-only (25006) ...
        var readOnly = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "DELETE FROM hipparcos.main"));
        Assert.Equal("25006", readOnly.SqlState);
        // ... and even a READ WRITE transaction cannot touch the catalogue: the reader role may only SELECT (42501).
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await ExecuteAsync(connection, "SET TRANSACTION READ WRITE");
            var denied = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "DELETE FROM hipparcos.main"));
            Assert.Equal("42501", denied.SqlState);
        }
        Assert.Equal("voservices_reader", await ScalarAsync(connection, "SELECT current_user"));
    }

    [SkippableFact]
    public async Task LoadUpload_TemporaryTable_IsPrivateAndGoneWithTheSession()
    {
        var executor = await ExecutorAsync();
        await using (var first = await OpenAsync(executor))
        {
            using var upload = await Uploads.OpenAsync("t", Uploads.Positions);
            await first.LoadUploadAsync(upload, CancellationToken.None);
            await using var second = await OpenAsync(executor);
            Assert.Null(await ScalarAsync(((PostgresQuerySession)second).Connection, "SELECT to_regclass('pg_temp.tap_upload_t')::text"));
        }
        // The pooled connection comes back reset (Npgsql DISCARD ALL): no temporary table survives the request.
        for (var i = 0; i < 3; i++)
        {
            await using var next = await OpenAsync(executor);
            Assert.Null(await ScalarAsync(((PostgresQuerySession)next).Connection, "SELECT to_regclass('pg_temp.tap_upload_t')::text"));
        }
    }

    [SkippableFact]
    public async Task LoadUpload_EveryDaliType_RoundTrips()
    {
        var executor = await ExecutorAsync();
        await using var session = await OpenAsync(executor);
        using var upload = await Uploads.OpenAsync("t", Uploads.AllTypes);
        var table = await session.LoadUploadAsync(upload, CancellationToken.None);
        var rows = await RunAsync(executor, session, "SELECT * FROM TAP_UPLOAD.t ORDER BY i", table);
        var (full, empty) = (rows[0], rows[1]);
        Assert.Equal(true, full[0]);
        Assert.Equal([1L, 2L, 3L], full[1..4].Select(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([4.5, 5.25], full[4..6].Select(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("héllo", full[6]);
        Assert.Equal(new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc), full[7]);
        Assert.Equal([10.0, 20.0], (double[])full[8]!);
        Assert.Equal([10.0, 20.0, 0.5], (double[])full[9]!);
        Assert.Equal([1.0, 2.0, 3.0, 2.0, 2.0, 3.0], (double[])full[10]!);
        Assert.Equal([0.5, 1.5], (double[])full[11]!);
        Assert.Equal([7L, 8L, 9L], (long[])full[12]!);
        Assert.Equal(3, Convert.ToInt32(empty[2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(empty.Where((_, k) => k != 2), Assert.Null);
    }

    [SkippableFact]
    public async Task LoadUpload_OddColumnNames_AreStoredUnderStorageNames()
    {
        var executor = await ExecutorAsync();
        await using var session = await OpenAsync(executor);
        using var upload = await Uploads.OpenAsync("t", Uploads.Document(
            "<FIELD name='u' datatype='int'/><FIELD name='U' datatype='int'/><FIELD name='2mass id' datatype='char' arraysize='*'/>" +
            "<FIELD name='select' datatype='int'/>", "<TR><TD>1</TD><TD>2</TD><TD>x</TD><TD>3</TD></TR>"));
        var table = await session.LoadUploadAsync(upload, CancellationToken.None);
        var rows = await RunAsync(executor, session, "SELECT u, \"2mass id\", \"select\" FROM TAP_UPLOAD.t", table);
        Assert.Equal([1, "x", 3], rows.Single());
    }

    [SkippableFact]
    public async Task Execute_StatementTimeout_ThrowsQueryTimeoutQuickly()
    {
        var executor = await ExecutorAsync();
        await using var session = await OpenAsync(executor, seconds: 0.3);
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<QueryTimeoutException>(() => RunAsync(executor, session, SlowQuery));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Contains("time limit of 0.3 s", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Execute_CallerCancels_CancelsTheStatement()
    {
        var executor = await ExecutorAsync();
        await using var session = await OpenAsync(executor);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await using var result = await session.ExecuteAsync(await ResolveAsync(executor, SlowQuery), null, cancel.Token);
            await result.ReadAsync(new object?[1], cancel.Token);
        });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [SkippableFact]
    public async Task Execute_DivisionByZero_Is400WithTheReason()
    {
        var executor = await ExecutorAsync();
        await using var session = await OpenAsync(executor);
        var e = await Assert.ThrowsAsync<QueryBackendException>(() =>
            RunAsync(executor, session, "SELECT hip / (hip - hip) FROM hipparcos.main"));
        Assert.Equal(400, e.HttpStatus);
        Assert.Contains("division by zero", e.Message, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }
}
