using System.Net;
using VoServices.Uws.Jobs;
using VoServices.Uws.Tests.Support;

using VoServices.Testing;

namespace VoServices.Uws.Tests.Execution;

/// <summary>The store-backed runner: exactly-once execution, limits, destruction and recovery after a restart.</summary>
public sealed class JobRunnerTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Run_50JobsOnTwoCompetingHostsSharingOneStore_EachRunsExactlyOnce()
    {
        var log = new ExecutionLog();
        await using var a = await UwsTestHost.StartAsync(temp.Path, log, o => o.RunnerId = "host-a");
        await using var b = await UwsTestHost.StartAsync(temp.Path, log, o => o.RunnerId = "host-b");

        var submissions = Enumerable.Range(0, 50).Select(i => (i % 2 == 0 ? a : b)
            .CreateJobAsync(UwsTestHost.Demo, ("PHASE", "RUN"), ("DELAY", "20")));
        var jobUrls = await Task.WhenAll(submissions);
        foreach (var jobUrl in jobUrls)
        {
            await a.WaitForPhaseAsync(jobUrl, "COMPLETED");
        }

        Assert.Equal(50, jobUrls.Distinct().Count());
        Assert.Equal(50, log.All.Count);
        Assert.All(log.All, run => Assert.Equal(1, run.Value));
        Assert.Equal(["host-a", "host-b"], log.Runners.Order());
    }

    [Fact]
    public async Task Run_ExecutionDurationExceeded_JobAbortedWithErrorSummary()
    {
        await using var host = await UwsTestHost.StartAsync(temp.Path);
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Demo,
            ("EXECUTIONDURATION", "1"), ("DELAY", "30000"), ("PHASE", "RUN"));

        var doc = await host.WaitForPhaseAsync(jobUrl, "ABORTED");

        Assert.Contains("EXECUTIONDURATION of 1 s", UwsXml.Value(doc, "message"), StringComparison.Ordinal);
        var started = DateTime.Parse(UwsXml.Value(doc, "startTime")!, System.Globalization.CultureInfo.InvariantCulture);
        var ended = DateTime.Parse(UwsXml.Value(doc, "endTime")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(ended - started, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        using var error = await host.Client.GetAsync(jobUrl + "/error");
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task Reaper_DestructionReached_DeletesJobAndResultFiles()
    {
        await using var host = await UwsTestHost.StartAsync(temp.Path);
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Demo, ("PHASE", "RUN"));
        await host.WaitForPhaseAsync(jobUrl, "COMPLETED");
        var jobDir = Path.Combine(temp.Path, "data", "jobs", jobUrl[(jobUrl.LastIndexOf('/') + 1)..]);
        Assert.True(File.Exists(Path.Combine(jobDir, "results", "r0")));

        var soon = DateTime.UtcNow.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
            System.Globalization.CultureInfo.InvariantCulture);
        using (await host.PostAsync(jobUrl + "/destruction", ("DESTRUCTION", soon)))
        {
        }
        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode status;
        do
        {
            await Task.Delay(100);
            using var response = await host.Client.GetAsync(jobUrl);
            status = response.StatusCode;
        }
        while (status != HttpStatusCode.NotFound && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.False(Directory.Exists(jobDir));
    }

    [Fact]
    public async Task Restart_HostStoppedMidJob_ExecutingEndsInErrorAndQueuedRunsOnNewHost()
    {
        string executingUrl, queuedUrl;
        await using (var first = await UwsTestHost.StartAsync(temp.Path, configure: o => o.WorkerCount = 1))
        {
            executingUrl = await first.CreateJobAsync(UwsTestHost.Demo, ("PHASE", "RUN"), ("DELAY", "30000"));
            await first.WaitForPhaseAsync(executingUrl, "EXECUTING");
            queuedUrl = await first.CreateJobAsync(UwsTestHost.Demo, ("PHASE", "RUN"));
            Assert.Equal("QUEUED", await first.PhaseAsync(queuedUrl)); // the only worker is busy
        }

        await using var second = await UwsTestHost.StartAsync(temp.Path);

        var interrupted = await second.GetXmlAsync(executingUrl);
        Assert.Equal("ERROR", UwsXml.Value(interrupted, "phase"));
        Assert.Contains("stopped while the job was executing", UwsXml.Value(interrupted, "message"),
            StringComparison.Ordinal);
        await second.WaitForPhaseAsync(queuedUrl, "COMPLETED");
    }

    [Fact]
    public async Task Restart_RunnerCrashedMidJob_LapsedLeaseEndsJobInError()
    {
        // A crash leaves a row EXECUTING under a lease nobody renews: claim it as a runner that then "dies".
        await using var host = await UwsTestHost.StartAsync(temp.Path, configure: o => o.WorkerCount = 0);
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Demo, ("PHASE", "RUN"));
        var now = DateTime.UtcNow;
        var claimed = await host.Store.TryClaimAsync(["demo"], new JobLease("dead-runner", now, now.AddSeconds(1)),
            CancellationToken.None);
        Assert.NotNull(claimed);
        Assert.Equal("EXECUTING", await host.PhaseAsync(jobUrl));

        var doc = await host.WaitForPhaseAsync(jobUrl, "ERROR");

        Assert.Contains("interrupted", UwsXml.Value(doc, "message"), StringComparison.Ordinal);
        Assert.NotNull(UwsXml.Value(doc, "endTime"));
    }

    [Fact]
    public async Task Run_AbortOnOtherHost_StopsExecutionThroughLeaseCheck()
    {
        var log = new ExecutionLog();
        await using var runner = await UwsTestHost.StartAsync(temp.Path, log,
            o => o.LeaseDuration = TimeSpan.FromMilliseconds(600));
        await using var web = await UwsTestHost.StartAsync(temp.Path, log, o => o.WorkerCount = 0);
        var jobUrl = await runner.CreateJobAsync(UwsTestHost.Demo, ("PHASE", "RUN"), ("DELAY", "30000"));
        await runner.WaitForPhaseAsync(jobUrl, "EXECUTING");

        using (await web.PostAsync(jobUrl + "/phase", ("PHASE", "ABORT")))
        {
        }
        await Task.Delay(1000); // more than one renewal period

        Assert.Equal("ABORTED", await runner.PhaseAsync(jobUrl));
        Assert.Equal(1, log.Runs(jobUrl[(jobUrl.LastIndexOf('/') + 1)..]));
    }
}
