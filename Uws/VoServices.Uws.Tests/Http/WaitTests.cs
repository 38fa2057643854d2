using System.Diagnostics;
using System.Net;
using VoServices.Uws.Tests.Support;

using VoServices.Testing;

namespace VoServices.Uws.Tests.Http;

/// <summary>Blocking WAIT (UWS 1.1 §2.2.1.2).</summary>
public sealed class WaitTests : IAsyncLifetime
{
    private readonly TempFolder temp = new();
    private UwsTestHost host = null!;

    public async Task InitializeAsync() =>
        host = await UwsTestHost.StartAsync(temp.Path, configure: o => o.MaxWait = TimeSpan.FromSeconds(30));

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task Wait_FinishedJob_ReturnsAtOnce()
    {
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Demo, ("PHASE", "RUN"));
        await host.WaitForPhaseAsync(jobUrl, "COMPLETED");

        var watch = Stopwatch.StartNew();
        Assert.Equal("COMPLETED", await PhaseAfterWaitAsync(jobUrl + "?WAIT=30"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}"); // not the 30 s asked for
    }

    [Fact]
    public async Task Wait_PhaseDiffersFromGivenPhase_ReturnsAtOnce()
    {
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Idle);

        var watch = Stopwatch.StartNew();
        Assert.Equal("PENDING", await PhaseAfterWaitAsync(jobUrl + "?WAIT=30&PHASE=EXECUTING"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}"); // not the 30 s asked for
    }

    [Fact]
    public async Task Wait_ActivePhaseUnchanged_BlocksForWaitSeconds()
    {
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Idle);

        var watch = Stopwatch.StartNew();
        Assert.Equal("PENDING", await PhaseAfterWaitAsync(jobUrl + "?WAIT=1&PHASE=PENDING"));
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(4));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("3600")]
    public async Task Wait_LongOrIndefinite_IsCappedByMaxWait(string wait)
    {
        await using var capped = await UwsTestHost.StartAsync(Path.Combine(temp.Path, "capped"),
            configure: o => o.MaxWait = TimeSpan.FromSeconds(2));
        var jobUrl = await capped.CreateJobAsync(UwsTestHost.Idle);

        var watch = Stopwatch.StartNew();
        Assert.Equal("PENDING", UwsXml.Value(await capped.GetXmlAsync(jobUrl + "?WAIT=" + wait), "phase"));
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task Wait_PhaseChangesDuringWait_ReturnsEarlyWithNewPhase()
    {
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Idle);
        var watch = Stopwatch.StartNew();
        var waiting = host.GetXmlAsync(jobUrl + "?WAIT=20");

        await Task.Delay(300);
        using (await host.PostAsync(jobUrl + "/phase", ("PHASE", "RUN")))
        {
        }

        Assert.Equal("QUEUED", UwsXml.Value(await waiting, "phase"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"took {watch.Elapsed}"); // not the 20 s asked for
    }

    [Fact]
    public async Task Wait_ManyConcurrentWaiters_AllWokenWithoutThreadPerWaiter()
    {
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Idle);
        var threadsBefore = ThreadPool.ThreadCount;
        var waiters = Enumerable.Range(0, 200).Select(_ => host.GetXmlAsync(jobUrl + "?WAIT=20")).ToList();
        await Task.Delay(500);
        var threadsWhileWaiting = ThreadPool.ThreadCount;

        var watch = Stopwatch.StartNew();
        using (await host.PostAsync(jobUrl + "/phase", ("PHASE", "ABORT")))
        {
        }
        var docs = await Task.WhenAll(waiters);

        Assert.All(docs, d => Assert.Equal("ABORTED", UwsXml.Value(d, "phase")));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}"); // not the 20 s asked for
        Assert.True(threadsWhileWaiting < threadsBefore + 50, $"{threadsBefore} -> {threadsWhileWaiting} threads");
    }

    [Fact]
    public async Task Wait_BadValue_Returns400()
    {
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Idle);
        using var badWait = await host.Client.GetAsync(jobUrl + "?WAIT=soon");
        using var badPhase = await host.Client.GetAsync(jobUrl + "?WAIT=5&PHASE=RUNNING");
        Assert.Equal(HttpStatusCode.BadRequest, badWait.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPhase.StatusCode);
    }

    private async Task<string?> PhaseAfterWaitAsync(string url) => UwsXml.Value(await host.GetXmlAsync(url), "phase");
}
