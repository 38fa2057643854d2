using System.Collections.Concurrent;
using System.Globalization;
using VoServices.Uws.Jobs;

namespace VoServices.Uws.Tests.Jobs;

/// <summary>
/// The behaviours every <see cref="IJobStore"/> must have (its XML docs; ADR 0001): round trips, compare-and-set on
/// the revision, one winner per claim across store instances, leases, job list filters, destruction. An adapter's
/// test class derives from this once; the file is compiled into each storage test project (a linked
/// <c>Compile</c> item), so it must use nothing but the port, xunit and Xunit.SkippableFact.
/// </summary>
public abstract class JobStoreContractTests
{
    /// <summary>A reference instant with milliseconds, as the service produces (UTC, truncated to ms).</summary>
    protected static readonly DateTime T0 = new(2024, 5, 1, 12, 0, 0, 123, DateTimeKind.Utc);

    /// <summary>A new store over new, empty storage. May skip the test (integration tier without a server).</summary>
    protected abstract Task<IJobStore> NewStoreAsync();

    /// <summary>A second, independent store instance over the storage of <paramref name="store"/> (another process).</summary>
    protected abstract IJobStore OpenAgain(IJobStore store);

    [SkippableFact]
    public async Task CreateAndGet_FullJob_RoundTripsEveryField()
    {
        var store = await StoreAsync();
        var job = NewJob("a1") with
        {
            RunId = "r1",
            OwnerId = "alice",
            Phase = ExecutionPhase.Error,
            Quote = T0.AddMinutes(5),
            StartTime = T0.AddSeconds(1),
            EndTime = T0.AddSeconds(2),
            Parameters = [new("QUERY", "SELECT 'é' FROM t"), new("UPLOAD", "t,param:t"), new("t", "t.vot", true),
                new("query", ""), new("x", "\\u0000 {\"a\": [1]} \t\n")],
            Results =
            [
                new UwsResult("result", "application/x-votable+xml", 42) { FileName = "r0" },
                new UwsResult("ext", null, null) { ExternalHref = new Uri("https://example.org/x?a=1&b=%20") },
            ],
            ErrorSummary = new UwsErrorSummary("it broke \"badly\"", UwsErrorType.Transient),
            Revision = 3,
        };
        await store.CreateAsync(job, CancellationToken.None);

        var read = await store.GetAsync("a1", CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(job with { Parameters = read.Parameters, Results = read.Results }, read);
        Assert.Equal(job.Parameters, read.Parameters);
        Assert.Equal(job.Results, read.Results);
        Assert.All([read.CreationTime, read.Quote!.Value, read.StartTime!.Value, read.EndTime!.Value,
            read.Destruction!.Value], t => Assert.Equal(DateTimeKind.Utc, t.Kind));
        Assert.Null(await store.GetAsync("nope", CancellationToken.None));
    }

    [SkippableFact]
    public async Task CreateAndGet_MinimalJob_NullsAndEmptyListsRoundTrip()
    {
        var store = await StoreAsync();
        var job = NewJob("m1") with { Destruction = null, ExecutionDuration = 0 };
        await store.CreateAsync(job, CancellationToken.None);

        var read = await store.GetAsync("m1", CancellationToken.None);

        Assert.Equal(job with { Parameters = read!.Parameters, Results = read.Results }, read);
        Assert.Empty(read.Parameters);
        Assert.Empty(read.Results);
        Assert.Null(read.ErrorSummary);
    }

    [SkippableFact]
    public async Task Create_DuplicateId_ThrowsInvalidOperation()
    {
        var store = await StoreAsync();
        await store.CreateAsync(NewJob("a1"), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.CreateAsync(NewJob("a1"), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            OpenAgain(store).CreateAsync(NewJob("a1") with { JobList = "soda" }, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Initialize_RepeatedOnAnotherInstance_KeepsJobs()
    {
        var store = await StoreAsync();
        await store.CreateAsync(NewJob("a1"), CancellationToken.None);
        var other = OpenAgain(store);

        await Task.WhenAll(other.InitializeAsync(CancellationToken.None), store.InitializeAsync(CancellationToken.None));

        Assert.Equal("a1", (await other.GetAsync("a1", CancellationToken.None))?.JobId);
    }

    [SkippableFact]
    public async Task TryUpdate_StaleRevision_FailsAndCurrentRevisionWins()
    {
        var store = await StoreAsync();
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

    [SkippableFact]
    public async Task TryUpdate_EightConcurrentWritersOfOneRevision_ExactlyOneWins()
    {
        var store = await StoreAsync();
        var other = OpenAgain(store);
        var job = NewJob("a1");
        await store.CreateAsync(job, CancellationToken.None);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            await start.Task;
            var runId = "w" + w.ToString(CultureInfo.InvariantCulture);
            return await (w % 2 == 0 ? store : other).TryUpdateAsync(job with { RunId = runId }, CancellationToken.None);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(writers);

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(1, winner!.Revision);
        var stored = await store.GetAsync("a1", CancellationToken.None);
        Assert.Equal((winner.RunId, 1L), (stored?.RunId, stored?.Revision));
    }

    [SkippableFact]
    public async Task TryUpdate_ChangedFields_StoredAsReturned()
    {
        var store = await StoreAsync();
        var job = NewJob("a1") with { ErrorSummary = new UwsErrorSummary("old", UwsErrorType.Fatal) };
        await store.CreateAsync(job, CancellationToken.None);
        var changed = job with
        {
            RunId = "run",
            Phase = ExecutionPhase.Completed,
            EndTime = T0.AddSeconds(9),
            ExecutionDuration = 5,
            Destruction = T0.AddDays(1),
            Parameters = [new("MAXREC", "10")],
            Results = [new UwsResult("result", "text/csv", 7) { FileName = "r0" }],
            ErrorSummary = null,
        };

        var updated = await store.TryUpdateAsync(changed, CancellationToken.None);
        var read = await store.GetAsync("a1", CancellationToken.None);

        Assert.Equal(changed with { Revision = 1, Parameters = read!.Parameters, Results = read.Results }, read);
        Assert.Equal(changed.Parameters, read.Parameters);
        Assert.Equal(changed.Results, read.Results);
        Assert.Equal((updated!.Revision, updated.Phase, updated.ErrorSummary), (read.Revision, read.Phase, read.ErrorSummary));
    }

    [SkippableFact]
    public async Task TryClaim_50JobsFourConcurrentClaimersOnTwoInstances_EachClaimedExactlyOnce()
    {
        var store = await StoreAsync();
        for (var i = 0; i < 50; i++)
        {
            await store.CreateAsync(NewJob("j" + i.ToString("D2", CultureInfo.InvariantCulture))
                with { Phase = ExecutionPhase.Queued, CreationTime = T0.AddSeconds(i) }, CancellationToken.None);
        }
        var other = OpenAgain(store);
        var claimed = new ConcurrentBag<(string JobId, string Runner)>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var claimers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            await start.Task;
            var runner = "w" + w.ToString(CultureInfo.InvariantCulture);
            var s = w % 2 == 0 ? store : other;
            while (await s.TryClaimAsync(["demo"], Lease(runner), CancellationToken.None) is { } job)
            {
                Assert.Equal((ExecutionPhase.Executing, 1L), (job.Phase, job.Revision));
                claimed.Add((job.JobId, runner));
            }
        })).ToList();
        start.SetResult();
        await Task.WhenAll(claimers);

        Assert.Equal(50, claimed.Count);
        Assert.Equal(50, claimed.Select(c => c.JobId).Distinct().Count());
        foreach (var (jobId, runner) in claimed)
        {
            // Only the winner's lease is recorded: its renewal succeeds, another runner's fails.
            Assert.True(await store.RenewLeaseAsync(jobId, Lease(runner), CancellationToken.None));
            Assert.False(await store.RenewLeaseAsync(jobId, Lease(runner + "x"), CancellationToken.None));
        }
        Assert.Empty(await store.ListAsync(new JobListQuery("demo", null) { Phases = [ExecutionPhase.Queued] },
            CancellationToken.None));
    }

    [SkippableFact]
    public async Task TryClaim_OldestQueuedOfGivenListsOnly_BecomesExecutingWithStartTime()
    {
        var store = await StoreAsync();
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
        Assert.Equal(ExecutionPhase.Queued, (await store.GetAsync("new", CancellationToken.None))?.Phase); // one per call
        var stored = await store.GetAsync("old", CancellationToken.None);
        Assert.Equal(job! with { Parameters = stored!.Parameters, Results = stored.Results }, stored);
        Assert.Equal("new", (await store.TryClaimAsync(["demo"], lease, CancellationToken.None))?.JobId);
        Assert.Null(await store.TryClaimAsync(["demo"], lease, CancellationToken.None));
        Assert.Null(await store.TryClaimAsync([], lease, CancellationToken.None));
        Assert.Equal("other", (await store.TryClaimAsync(["idle", "soda"], lease, CancellationToken.None))?.JobId);
    }

    [SkippableFact]
    public async Task TryClaim_JobAbortedMeanwhile_NotClaimedAndStaleUpdateOfClaimedJobFails()
    {
        var store = await StoreAsync();
        var aborted = NewJob("a") with { Phase = ExecutionPhase.Queued };
        var claimed = NewJob("b") with { Phase = ExecutionPhase.Queued, CreationTime = T0.AddSeconds(1) };
        await store.CreateAsync(aborted, CancellationToken.None);
        await store.CreateAsync(claimed, CancellationToken.None);
        await store.TryUpdateAsync(aborted with { Phase = ExecutionPhase.Aborted }, CancellationToken.None);

        Assert.Equal("b", (await store.TryClaimAsync(["demo"], Lease("w1"), CancellationToken.None))?.JobId);
        // A writer that read "b" before the claim holds revision 0: its abort must not overwrite EXECUTING.
        Assert.Null(await store.TryUpdateAsync(claimed with { Phase = ExecutionPhase.Aborted }, CancellationToken.None));
        Assert.Null(await store.TryClaimAsync(["demo"], Lease("w2"), CancellationToken.None));
        Assert.Equal(ExecutionPhase.Aborted, (await store.GetAsync("a", CancellationToken.None))?.Phase);
    }

    [SkippableFact]
    public async Task Leases_RenewedByHolderOnly_ExpiredOnesFailedToError()
    {
        var store = await StoreAsync();
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
        Assert.Equal(2, b?.Revision);
        Assert.Equal(ExecutionPhase.Executing, (await store.GetAsync("a", CancellationToken.None))?.Phase);
        Assert.False(await store.RenewLeaseAsync("b", new JobLease("w2", T0, T0.AddSeconds(60)), CancellationToken.None));
    }

    [SkippableFact]
    public async Task FailExpiredLeases_LeaseEndingNowOrUnclaimedJobs_OnlyLapsedAndLeaselessExecutingFail()
    {
        var store = await StoreAsync();
        await store.CreateAsync(NewJob("held") with { Phase = ExecutionPhase.Queued }, CancellationToken.None);
        await store.TryClaimAsync(["demo"], new JobLease("w1", T0, T0.AddSeconds(30)), CancellationToken.None);
        await store.CreateAsync(NewJob("nolease") with { Phase = ExecutionPhase.Executing }, CancellationToken.None);
        await store.CreateAsync(NewJob("queued") with { Phase = ExecutionPhase.Queued }, CancellationToken.None);
        await store.CreateAsync(NewJob("done") with { Phase = ExecutionPhase.Completed }, CancellationToken.None);
        var error = new UwsErrorSummary("interrupted", UwsErrorType.Fatal);

        // "Expired before now": a lease ending exactly now still holds.
        Assert.Equal(["nolease"], await store.FailExpiredLeasesAsync(T0.AddSeconds(30), error, CancellationToken.None));
        Assert.Equal(["held"], await store.FailExpiredLeasesAsync(T0.AddMilliseconds(30_001), error, CancellationToken.None));
        Assert.Empty(await store.FailExpiredLeasesAsync(T0.AddDays(1), error, CancellationToken.None));
        Assert.Equal(ExecutionPhase.Queued, (await store.GetAsync("queued", CancellationToken.None))?.Phase);
        Assert.Equal(ExecutionPhase.Completed, (await store.GetAsync("done", CancellationToken.None))?.Phase);
        Assert.Equal(error, (await store.GetAsync("held", CancellationToken.None))?.ErrorSummary);
    }

    [SkippableFact]
    public async Task TryUpdate_ClaimedJob_KeepsLeaseForRenewalAndExpiry()
    {
        var store = await StoreAsync();
        await store.CreateAsync(NewJob("a") with { Phase = ExecutionPhase.Queued }, CancellationToken.None);
        var job = await store.TryClaimAsync(["demo"], new JobLease("w1", T0, T0.AddSeconds(30)), CancellationToken.None);

        var updated = await store.TryUpdateAsync(job! with { Results = [new UwsResult("partial", null, 1)] },
            CancellationToken.None);

        Assert.Equal(2, updated?.Revision);
        Assert.Empty(await store.FailExpiredLeasesAsync(T0.AddSeconds(29), new("x", UwsErrorType.Fatal), CancellationToken.None));
        Assert.True(await store.RenewLeaseAsync("a", new JobLease("w1", T0, T0.AddSeconds(60)), CancellationToken.None));
        Assert.Empty(await store.FailExpiredLeasesAsync(T0.AddSeconds(59), new("x", UwsErrorType.Fatal), CancellationToken.None));
        Assert.Equal(2, (await store.GetAsync("a", CancellationToken.None))?.Revision); // renewal leaves the revision
        Assert.Equal(["a"], await store.FailExpiredLeasesAsync(T0.AddSeconds(61), new("x", UwsErrorType.Fatal), CancellationToken.None));
    }

    [SkippableFact]
    public async Task RenewLease_JobEndedOrDeletedOrUnknown_ReturnsFalse()
    {
        var store = await StoreAsync();
        await store.CreateAsync(NewJob("a") with { Phase = ExecutionPhase.Queued }, CancellationToken.None);
        await store.CreateAsync(NewJob("b") with { Phase = ExecutionPhase.Queued, CreationTime = T0.AddSeconds(1) }, CancellationToken.None);
        var a = await store.TryClaimAsync(["demo"], Lease("w1"), CancellationToken.None);
        await store.TryClaimAsync(["demo"], Lease("w1"), CancellationToken.None);

        await store.TryUpdateAsync(a! with { Phase = ExecutionPhase.Aborted, EndTime = T0 }, CancellationToken.None);
        await store.DeleteAsync("b", CancellationToken.None);

        Assert.False(await store.RenewLeaseAsync("a", Lease("w1"), CancellationToken.None));
        Assert.False(await store.RenewLeaseAsync("b", Lease("w1"), CancellationToken.None));
        Assert.False(await store.RenewLeaseAsync("zz", Lease("w1"), CancellationToken.None));
    }

    [SkippableFact]
    public async Task List_Filters_OwnerPhaseAfterLastNewestFirstArchivedHidden()
    {
        var store = await StoreAsync();
        await store.CreateAsync(NewJob("a") with { CreationTime = T0 }, CancellationToken.None);
        await store.CreateAsync(NewJob("b") with { CreationTime = T0.AddSeconds(1), Phase = ExecutionPhase.Completed }, CancellationToken.None);
        await store.CreateAsync(NewJob("c") with { CreationTime = T0.AddSeconds(2), Phase = ExecutionPhase.Archived }, CancellationToken.None);
        await store.CreateAsync(NewJob("d") with { CreationTime = T0.AddSeconds(3), OwnerId = "alice" }, CancellationToken.None);
        await store.CreateAsync(NewJob("e") with { CreationTime = T0.AddSeconds(4), JobList = "soda" }, CancellationToken.None);

        Assert.Equal(["b", "a"], await Ids(store, new JobListQuery("demo", null)));
        Assert.Equal(["d"], await Ids(store, new JobListQuery("demo", "alice")));
        Assert.Empty(await Ids(store, new JobListQuery("demo", "bob")));
        Assert.Equal(["c"], await Ids(store, new JobListQuery("demo", null) { Phases = [ExecutionPhase.Archived] }));
        Assert.Equal(["b", "a"], await Ids(store, new JobListQuery("demo", null) { Phases = [ExecutionPhase.Pending, ExecutionPhase.Completed, ExecutionPhase.Pending] }));
        Assert.Equal(["b"], await Ids(store, new JobListQuery("demo", null) { After = T0 }));
        Assert.Equal(["b"], await Ids(store, new JobListQuery("demo", null) { Last = 1 }));
        Assert.Empty(await Ids(store, new JobListQuery("demo", null) { Last = 0 }));
        Assert.Equal(["e"], await Ids(store, new JobListQuery("soda", null) { Phases = [ExecutionPhase.Pending], After = T0, Last = 5 }));
        var summary = (await store.ListAsync(new JobListQuery("demo", "alice"), CancellationToken.None)).Single();
        Assert.Equal(new UwsJobSummary("d", ExecutionPhase.Pending, null, "alice", T0.AddSeconds(3)), summary);
        Assert.Equal(DateTimeKind.Utc, summary.CreationTime.Kind);
    }

    [SkippableFact]
    public async Task List_EqualCreationTimes_NewestFirstThenJobIdDescending()
    {
        var store = await StoreAsync();
        foreach (var id in new[] { "b", "c", "a" })
        {
            await store.CreateAsync(NewJob(id), CancellationToken.None);
        }
        await store.CreateAsync(NewJob("z") with { CreationTime = T0.AddMilliseconds(-1) }, CancellationToken.None);

        Assert.Equal(["c", "b", "a", "z"], await Ids(store, new JobListQuery("demo", null)));
        Assert.Equal(["c", "b"], await Ids(store, new JobListQuery("demo", null) { Last = 2 }));
        Assert.Equal(["c", "b", "a"], await Ids(store, new JobListQuery("demo", null) { After = T0.AddMilliseconds(-1) }));
    }

    [SkippableFact]
    public async Task ListDestructibleAndDelete_ExpiredJobs_ListedThenGone()
    {
        var store = await StoreAsync();
        await store.CreateAsync(NewJob("old") with { Destruction = T0 }, CancellationToken.None);
        await store.CreateAsync(NewJob("later") with { Destruction = T0.AddDays(1) }, CancellationToken.None);
        await store.CreateAsync(NewJob("never") with { Destruction = null }, CancellationToken.None);

        Assert.Equal(["old"], await store.ListDestructibleAsync(T0.AddSeconds(1), 10, CancellationToken.None));
        Assert.True(await store.DeleteAsync("old", CancellationToken.None));
        Assert.False(await store.DeleteAsync("old", CancellationToken.None));
        Assert.Null(await store.GetAsync("old", CancellationToken.None));
        Assert.Empty(await store.ListDestructibleAsync(T0.AddSeconds(1), 10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task ListDestructible_LimitAndBoundary_EarliestFirstAtOrBeforeNow()
    {
        var store = await StoreAsync();
        await store.CreateAsync(NewJob("b") with { Destruction = T0.AddSeconds(-1) }, CancellationToken.None);
        await store.CreateAsync(NewJob("a") with { Destruction = T0.AddSeconds(-2) }, CancellationToken.None);
        await store.CreateAsync(NewJob("now") with { Destruction = T0 }, CancellationToken.None);
        await store.CreateAsync(NewJob("after") with { Destruction = T0.AddMilliseconds(1) }, CancellationToken.None);

        Assert.Equal(["a", "b"], await store.ListDestructibleAsync(T0, 2, CancellationToken.None));
        Assert.Equal(["a", "b", "now"], await store.ListDestructibleAsync(T0, 10, CancellationToken.None));
        Assert.Empty(await store.ListDestructibleAsync(T0, 0, CancellationToken.None));
    }

    /// <summary>A new, initialised store for one test.</summary>
    protected async Task<IJobStore> StoreAsync()
    {
        var store = await NewStoreAsync();
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    protected static async Task<List<string>> Ids(IJobStore store, JobListQuery query) =>
        [.. (await store.ListAsync(query, CancellationToken.None)).Select(j => j.JobId)];

    protected static JobLease Lease(string runner) => new(runner, T0.AddMinutes(1), T0.AddMinutes(2));

    protected static UwsJob NewJob(string id) => new()
    {
        JobId = id,
        JobList = "demo",
        Phase = ExecutionPhase.Pending,
        CreationTime = T0,
        ExecutionDuration = 600,
        Destruction = T0.AddDays(7),
    };
}
