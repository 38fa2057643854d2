using VoServices.Storage.Sqlite.Uws;
using VoServices.Uws.Jobs;

namespace VoServices.Storage.Sqlite.Tests.Uws;

/// <summary>The IJobStore contract on SQLite: round trips, compare-and-set, claims, leases, listing, destruction.</summary>
public sealed class SqliteJobStoreTests : IDisposable
{
    private static readonly DateTime T0 = new(2024, 5, 1, 12, 0, 0, 123, DateTimeKind.Utc);

    private readonly TempFolder temp = new();
    private readonly SqliteJobStore store;

    public SqliteJobStoreTests() => store = new SqliteJobStore(temp.File("jobs.db"));

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task CreateAndGet_FullJob_RoundTripsEveryField()
    {
        var job = NewJob("a1") with
        {
            RunId = "r1",
            OwnerId = "alice",
            Phase = ExecutionPhase.Error,
            Quote = T0.AddMinutes(5),
            StartTime = T0.AddSeconds(1),
            EndTime = T0.AddSeconds(2),
            Parameters = [new("QUERY", "SELECT 'é' FROM t"), new("UPLOAD", "t,param:t"), new("t", "t.vot", true)],
            Results =
            [
                new UwsResult("result", "application/x-votable+xml", 42) { FileName = "r0" },
                new UwsResult("ext", null, null) { ExternalHref = new Uri("https://example.org/x?a=1") },
            ],
            ErrorSummary = new UwsErrorSummary("it broke \"badly\"", UwsErrorType.Transient),
        };
        await store.CreateAsync(job, CancellationToken.None);

        var read = await store.GetAsync("a1", CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(job with { Parameters = read.Parameters, Results = read.Results }, read);
        Assert.Equal(job.Parameters, read.Parameters);
        Assert.Equal(job.Results, read.Results);
        Assert.Equal(DateTimeKind.Utc, read.CreationTime.Kind);
        Assert.Null(await store.GetAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task Create_DuplicateId_ThrowsInvalidOperation()
    {
        await store.CreateAsync(NewJob("a1"), CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.CreateAsync(NewJob("a1"), CancellationToken.None));
    }

    [Fact]
    public async Task TryUpdate_StaleRevision_FailsAndCurrentRevisionWins()
    {
        var job = NewJob("a1");
        await store.CreateAsync(job, CancellationToken.None);

        var first = await store.TryUpdateAsync(job with { Phase = ExecutionPhase.Queued }, CancellationToken.None);
        var stale = await store.TryUpdateAsync(job with { Phase = ExecutionPhase.Aborted }, CancellationToken.None);

        Assert.Equal(1, first?.Revision);
        Assert.Null(stale);
        var stored = await store.GetAsync("a1", CancellationToken.None);
        Assert.Equal(ExecutionPhase.Queued, stored?.Phase);
        Assert.Equal(1, stored?.Revision);
        Assert.Null(await store.TryUpdateAsync(NewJob("missing"), CancellationToken.None));
    }

    [Fact]
    public async Task TryClaim_ConcurrentClaimersOnTwoStoreInstances_EachJobClaimedOnce()
    {
        for (var i = 0; i < 40; i++)
        {
            await store.CreateAsync(NewJob("j" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))
                with { Phase = ExecutionPhase.Queued, CreationTime = T0.AddSeconds(i) }, CancellationToken.None);
        }
        var other = new SqliteJobStore(temp.File("jobs.db"));
        var claimed = new System.Collections.Concurrent.ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var s = w % 2 == 0 ? store : other;
            while (await s.TryClaimAsync(["demo"], Lease("w" + w), CancellationToken.None) is { } job)
            {
                claimed.Add(job.JobId);
            }
        })));

        Assert.Equal(40, claimed.Count);
        Assert.Equal(40, claimed.Distinct().Count());
    }

    [Fact]
    public async Task TryClaim_OldestQueuedOfGivenListsOnly_BecomesExecutingWithStartTime()
    {
        await store.CreateAsync(NewJob("new") with { Phase = ExecutionPhase.Queued, CreationTime = T0.AddSeconds(5) }, CancellationToken.None);
        await store.CreateAsync(NewJob("old") with { Phase = ExecutionPhase.Queued }, CancellationToken.None);
        await store.CreateAsync(NewJob("other") with { JobList = "soda", Phase = ExecutionPhase.Queued, CreationTime = T0.AddSeconds(-5) }, CancellationToken.None);
        await store.CreateAsync(NewJob("pending") with { CreationTime = T0.AddSeconds(-9) }, CancellationToken.None);

        var lease = Lease("w1");
        var job = await store.TryClaimAsync(["demo"], lease, CancellationToken.None);

        Assert.Equal("old", job?.JobId);
        Assert.Equal(ExecutionPhase.Executing, job?.Phase);
        Assert.Equal(lease.Now, job?.StartTime);
        Assert.Equal(1, job?.Revision);
        Assert.Equal("new", (await store.TryClaimAsync(["demo"], lease, CancellationToken.None))?.JobId);
        Assert.Null(await store.TryClaimAsync(["demo"], lease, CancellationToken.None));
        Assert.Null(await store.TryClaimAsync([], lease, CancellationToken.None));
    }

    [Fact]
    public async Task Leases_RenewedByHolderOnly_ExpiredOnesFailedToError()
    {
        await store.CreateAsync(NewJob("a") with { Phase = ExecutionPhase.Queued }, CancellationToken.None);
        await store.CreateAsync(NewJob("b") with { Phase = ExecutionPhase.Queued, CreationTime = T0.AddSeconds(1) }, CancellationToken.None);
        await store.TryClaimAsync(["demo"], new JobLease("w1", T0, T0.AddSeconds(10)), CancellationToken.None);
        await store.TryClaimAsync(["demo"], new JobLease("w2", T0, T0.AddSeconds(10)), CancellationToken.None);

        Assert.True(await store.RenewLeaseAsync("a", new JobLease("w1", T0, T0.AddSeconds(60)), CancellationToken.None));
        Assert.False(await store.RenewLeaseAsync("a", new JobLease("w2", T0, T0.AddSeconds(60)), CancellationToken.None));
        var error = new UwsErrorSummary("lost", UwsErrorType.Transient);
        var failed = await store.FailExpiredLeasesAsync(T0.AddSeconds(30), error, CancellationToken.None);

        Assert.Equal(["b"], failed);
        var b = await store.GetAsync("b", CancellationToken.None);
        Assert.Equal(ExecutionPhase.Error, b?.Phase);
        Assert.Equal(error, b?.ErrorSummary);
        Assert.Equal(T0.AddSeconds(30), b?.EndTime);
        Assert.Equal(ExecutionPhase.Executing, (await store.GetAsync("a", CancellationToken.None))?.Phase);
        Assert.False(await store.RenewLeaseAsync("b", new JobLease("w2", T0, T0.AddSeconds(60)), CancellationToken.None));
    }

    [Fact]
    public async Task List_Filters_OwnerPhaseAfterLastNewestFirstArchivedHidden()
    {
        await store.CreateAsync(NewJob("a") with { CreationTime = T0 }, CancellationToken.None);
        await store.CreateAsync(NewJob("b") with { CreationTime = T0.AddSeconds(1), Phase = ExecutionPhase.Completed }, CancellationToken.None);
        await store.CreateAsync(NewJob("c") with { CreationTime = T0.AddSeconds(2), Phase = ExecutionPhase.Archived }, CancellationToken.None);
        await store.CreateAsync(NewJob("d") with { CreationTime = T0.AddSeconds(3), OwnerId = "alice" }, CancellationToken.None);
        await store.CreateAsync(NewJob("e") with { CreationTime = T0.AddSeconds(4), JobList = "soda" }, CancellationToken.None);

        Assert.Equal(["b", "a"], await Ids(new JobListQuery("demo", null)));
        Assert.Equal(["d"], await Ids(new JobListQuery("demo", "alice")));
        Assert.Equal(["c"], await Ids(new JobListQuery("demo", null) { Phases = [ExecutionPhase.Archived] }));
        Assert.Equal(["b", "a"], await Ids(new JobListQuery("demo", null) { Phases = [ExecutionPhase.Pending, ExecutionPhase.Completed] }));
        Assert.Equal(["b"], await Ids(new JobListQuery("demo", null) { After = T0 }));
        Assert.Equal(["b"], await Ids(new JobListQuery("demo", null) { Last = 1 }));
        Assert.Empty(await Ids(new JobListQuery("demo", null) { Last = 0 }));
        var summary = (await store.ListAsync(new JobListQuery("demo", "alice"), CancellationToken.None)).Single();
        Assert.Equal(new UwsJobSummary("d", ExecutionPhase.Pending, null, "alice", T0.AddSeconds(3)), summary);
    }

    [Fact]
    public async Task ListDestructibleAndDelete_ExpiredJobs_ListedThenGone()
    {
        await store.CreateAsync(NewJob("old") with { Destruction = T0 }, CancellationToken.None);
        await store.CreateAsync(NewJob("later") with { Destruction = T0.AddDays(1) }, CancellationToken.None);
        await store.CreateAsync(NewJob("never") with { Destruction = null }, CancellationToken.None);

        Assert.Equal(["old"], await store.ListDestructibleAsync(T0.AddSeconds(1), 10, CancellationToken.None));
        Assert.True(await store.DeleteAsync("old", CancellationToken.None));
        Assert.False(await store.DeleteAsync("old", CancellationToken.None));
        Assert.Empty(await store.ListDestructibleAsync(T0.AddSeconds(1), 10, CancellationToken.None));
    }

    private async Task<List<string>> Ids(JobListQuery query) =>
        [.. (await store.ListAsync(query, CancellationToken.None)).Select(j => j.JobId)];

    private static JobLease Lease(string runner) => new(runner, T0.AddMinutes(1), T0.AddMinutes(2));

    private static UwsJob NewJob(string id) => new()
    {
        JobId = id,
        JobList = "demo",
        Phase = ExecutionPhase.Pending,
        CreationTime = T0,
        ExecutionDuration = 600,
        Destruction = T0.AddDays(7),
    };
}
