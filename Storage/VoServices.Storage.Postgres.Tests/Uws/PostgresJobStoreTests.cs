using System.Collections.Concurrent;
using Npgsql;
using VoServices.Storage.Postgres.Uws;
using VoServices.Uws.Jobs;
using VoServices.Uws.Tests.Jobs;

namespace VoServices.Storage.Postgres.Tests.Uws;

/// <summary>
/// The IJobStore contract (<see cref="JobStoreContractTests"/>) on PostgreSQL, one database per test, a second
/// <see cref="PostgresJobStore"/> (own connection pool) standing for another process; then what is specific to
/// PostgreSQL: the schema, SKIP LOCKED claims, initialisation racing the catalogue store, NUL characters.
/// </summary>
public sealed class PostgresJobStoreTests(PostgresServer server)
    : JobStoreContractTests, IClassFixture<PostgresServer>, IAsyncLifetime
{
    private readonly ConcurrentDictionary<IJobStore, string> databases = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in databases.Keys.OfType<PostgresJobStore>())
        {
            await store.DisposeAsync();
        }
    }

    protected override async Task<IJobStore> NewStoreAsync()
    {
        var db = await server.NewDatabaseAsync();
        return Track(new PostgresJobStore(db), db);
    }

    protected override IJobStore OpenAgain(IJobStore store) => Track(new PostgresJobStore(databases[store]), databases[store]);

    [SkippableFact]
    public async Task Initialize_FreshDatabase_CreatesJsonbAndTimestamptzTableInPrivateSchema()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresJobStore(db);
        await store.InitializeAsync(CancellationToken.None);
        await store.CreateAsync(NewJob("a1") with { Parameters = [new("QUERY", "SELECT 1"), new("t", "t.xml", true)] },
            CancellationToken.None);

        var types = await Db.QueryAsync(db, "SELECT column_name, data_type FROM information_schema.columns " +
            "WHERE table_schema = 'voservices' AND table_name = 'uws_job' AND column_name IN " +
            "('creation_time', 'lease_expires', 'parameters', 'results', 'revision') ORDER BY 1");
        Assert.Equal(
            "creation_time:timestamp with time zone lease_expires:timestamp with time zone parameters:jsonb " +
            "results:jsonb revision:bigint",
            string.Join(' ', types.Select(r => r[0] + ":" + r[1])));
        Assert.Equal("SELECT 1|t.xml|true", await Db.ScalarAsync(db, "SELECT (parameters->0->>'v') || '|' || " +
            "(parameters->1->>'v') || '|' || (parameters->1->>'r') FROM voservices.uws_job"));
        Assert.Equal("2024-05-01 12:00:00.123", await Db.ScalarAsync(db,
            "SELECT to_char(creation_time AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') FROM voservices.uws_job"));
    }

    [SkippableFact]
    public async Task Initialize_ConcurrentWithCatalogueStoreOnFreshDatabase_BothSucceed()
    {
        var db = await server.NewDatabaseAsync();
        await using var catalogue = new PostgresCatalogStore(db);
        var jobStores = Enumerable.Range(0, 3).Select(_ => new PostgresJobStore(db)).ToList();

        await Task.WhenAll([
            Task.Run(() => catalogue.InitializeAsync(CancellationToken.None)),
            .. jobStores.Select(s => Task.Run(() => s.InitializeAsync(CancellationToken.None))),
        ]);

        Assert.Equal(2L, await Db.ScalarAsync(db, "SELECT count(*) FROM pg_tables WHERE schemaname = 'voservices' " +
            "AND tablename IN ('uws_job', 'published_tables')"));
        foreach (var store in jobStores)
        {
            await store.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task TryClaim_OldestRowLockedByAnotherTransaction_SkipsItWithoutWaiting()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresJobStore(db);
        await store.CreateAsync(NewJob("old") with { Phase = ExecutionPhase.Queued }, CancellationToken.None);
        await store.CreateAsync(NewJob("new") with { Phase = ExecutionPhase.Queued, CreationTime = T0.AddSeconds(1) },
            CancellationToken.None);
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand(
            "SELECT job_id FROM voservices.uws_job WHERE job_id = 'old' FOR UPDATE", connection, transaction))
        {
            await command.ExecuteScalarAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        var claimed = await store.TryClaimAsync(["demo"], Lease("w1"), timeout.Token);
        var whileLocked = await store.TryClaimAsync(["demo"], Lease("w1"), timeout.Token);
        await transaction.CommitAsync();
        var afterwards = await store.TryClaimAsync(["demo"], Lease("w1"), timeout.Token);

        Assert.Equal("new", claimed?.JobId);
        Assert.Null(whileLocked);
        Assert.Equal("old", afterwards?.JobId);
    }

    [SkippableFact]
    public async Task CreateAndUpdate_NulCharacter_ThrowArgumentExceptionAndStoreNothing()
    {
        var store = await StoreAsync();
        var job = NewJob("a1");

        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.CreateAsync(job with { Parameters = [new("QUERY", "SELECT\0")] }, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            store.CreateAsync(job with { RunId = "r\0" }, CancellationToken.None));
        await store.CreateAsync(job, CancellationToken.None);
        var e = await Assert.ThrowsAsync<ArgumentException>(() => store.TryUpdateAsync(
            job with { Results = [new UwsResult("r\0", null, null)] }, CancellationToken.None));

        Assert.Contains("U+0000", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await store.GetAsync("a1", CancellationToken.None))?.Revision);
    }

    [SkippableFact]
    public async Task Create_UnspecifiedAndLocalTimes_StoredAndReturnedAsUtc()
    {
        var store = await StoreAsync();
        var unspecified = DateTime.SpecifyKind(T0, DateTimeKind.Unspecified);

        await store.CreateAsync(NewJob("a1") with { CreationTime = unspecified, Quote = T0.ToLocalTime() },
            CancellationToken.None);

        var read = await store.GetAsync("a1", CancellationToken.None);
        Assert.Equal((T0, DateTimeKind.Utc), (read!.CreationTime, read.CreationTime.Kind));
        Assert.Equal((T0, DateTimeKind.Utc), (read.Quote!.Value, read.Quote.Value.Kind));
    }

    [Fact]
    public void Constructor_BlankConnectionString_ThrowsArgumentException()
    {
        Assert.ThrowsAny<ArgumentException>(() => new PostgresJobStore(" "));
        Assert.ThrowsAny<ArgumentException>(() => new PostgresJobStore("Hots=x"));
    }

    [Fact]
    public async Task GetAsync_NoServerListening_ThrowsNpgsqlException()
    {
        await using var store = new PostgresJobStore("Host=127.0.0.1;Port=1;Timeout=3;Username=nobody");

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => store.GetAsync("a1", CancellationToken.None));
    }

    private PostgresJobStore Track(PostgresJobStore store, string connectionString)
    {
        databases[store] = connectionString;
        return store;
    }
}
