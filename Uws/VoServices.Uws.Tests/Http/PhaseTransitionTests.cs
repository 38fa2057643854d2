using System.Net;
using VoServices.Uws.Tests.Support;

using VoServices.Testing;

namespace VoServices.Uws.Tests.Http;

/// <summary>
/// Every client-driven transition of the UWS 1.1 state machine (§2.1.3, §2.2.3) from every phase a job can be
/// brought to, with the status code (303 on success, 403 when the phase forbids it, 400 for a bad value).
/// </summary>
public sealed class PhaseTransitionTests : IAsyncLifetime
{
    private readonly TempFolder temp = new();
    private UwsTestHost host = null!;

    public async Task InitializeAsync() => host = await UwsTestHost.StartAsync(temp.Path);

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        temp.Dispose();
    }

    [Theory]
    //          from         resource                 form                        status  phase after
    [InlineData("PENDING", "/phase", "PHASE=RUN", 303, "QUEUED")]
    [InlineData("PENDING", "/phase", "PHASE=ABORT", 303, "ABORTED")]
    [InlineData("PENDING", "/phase", "PHASE=SUSPEND", 400, "PENDING")]
    [InlineData("PENDING", "/phase", "", 400, "PENDING")]
    [InlineData("PENDING", "/parameters", "QUERY=x", 303, "PENDING")]
    [InlineData("PENDING", "/parameters", "QUERY=x&PHASE=RUN", 303, "QUEUED")]
    [InlineData("PENDING", "/executionduration", "EXECUTIONDURATION=60", 303, "PENDING")]
    [InlineData("PENDING", "/destruction", "DESTRUCTION=2099-01-01T00:00:00Z", 303, "PENDING")]
    [InlineData("QUEUED", "/phase", "PHASE=RUN", 303, "QUEUED")]
    [InlineData("QUEUED", "/phase", "PHASE=ABORT", 303, "ABORTED")]
    [InlineData("QUEUED", "/parameters", "QUERY=x", 403, "QUEUED")]
    [InlineData("QUEUED", "/executionduration", "EXECUTIONDURATION=60", 403, "QUEUED")]
    [InlineData("QUEUED", "/destruction", "DESTRUCTION=2099-01-01T00:00:00Z", 303, "QUEUED")]
    [InlineData("EXECUTING", "/phase", "PHASE=RUN", 303, "EXECUTING")]
    [InlineData("EXECUTING", "/phase", "PHASE=ABORT", 303, "ABORTED")]
    [InlineData("EXECUTING", "/parameters", "QUERY=x", 403, "EXECUTING")]
    [InlineData("EXECUTING", "/executionduration", "EXECUTIONDURATION=60", 403, "EXECUTING")]
    [InlineData("COMPLETED", "/phase", "PHASE=RUN", 403, "COMPLETED")]
    [InlineData("COMPLETED", "/phase", "PHASE=ABORT", 403, "COMPLETED")]
    [InlineData("COMPLETED", "/parameters", "QUERY=x", 403, "COMPLETED")]
    [InlineData("COMPLETED", "/destruction", "DESTRUCTION=2099-01-01T00:00:00Z", 303, "COMPLETED")]
    [InlineData("ERROR", "/phase", "PHASE=RUN", 403, "ERROR")]
    [InlineData("ERROR", "/phase", "PHASE=ABORT", 403, "ERROR")]
    [InlineData("ERROR", "/parameters", "QUERY=x", 403, "ERROR")]
    [InlineData("ABORTED", "/phase", "PHASE=RUN", 403, "ABORTED")]
    [InlineData("ABORTED", "/phase", "PHASE=ABORT", 303, "ABORTED")]
    [InlineData("ABORTED", "/parameters", "QUERY=x", 403, "ABORTED")]
    [InlineData("ABORTED", "/executionduration", "EXECUTIONDURATION=60", 403, "ABORTED")]
    public async Task Post_FromPhase_GivesStatusAndPhase(string from, string resource, string form, int status,
        string after)
    {
        var jobUrl = await JobInPhaseAsync(from);

        using var response = await host.Client.PostAsync(jobUrl + resource, new StringContent(form,
            System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(status, (int)response.StatusCode);
        if (status == 303)
        {
            Assert.Equal(jobUrl, response.Headers.Location!.ToString());
        }
        Assert.Equal(after, await host.PhaseAsync(jobUrl));
    }

    [Theory]
    [InlineData("PENDING")]
    [InlineData("QUEUED")]
    [InlineData("EXECUTING")]
    [InlineData("COMPLETED")]
    [InlineData("ERROR")]
    [InlineData("ABORTED")]
    public async Task Delete_FromPhase_Gives303ThenNotFound(string from)
    {
        var jobUrl = await JobInPhaseAsync(from);

        using var response = await host.Client.DeleteAsync(jobUrl);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        using var gone = await host.Client.GetAsync(jobUrl);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("/phase", "PHASE=RUN")]
    [InlineData("/phase", "PHASE=ABORT")]
    [InlineData("/parameters", "QUERY=x")]
    [InlineData("/executionduration", "EXECUTIONDURATION=60")]
    [InlineData("/destruction", "DESTRUCTION=2099-01-01T00:00:00Z")]
    [InlineData("", "ACTION=DELETE")]
    public async Task Post_UnknownJob_Returns404(string resource, string form)
    {
        using var response = await host.Client.PostAsync(UwsTestHost.Demo + "/nosuchjob" + resource,
            new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Abort_ExecutingJob_CancelsExecutorAndKeepsAborted()
    {
        var jobUrl = await JobInPhaseAsync("EXECUTING");
        using var abort = await host.PostAsync(jobUrl + "/phase", ("PHASE", "ABORT"));
        await Task.Delay(300); // a worker that ignored the abort would now store COMPLETED or ERROR

        var doc = await host.GetXmlAsync(jobUrl);
        Assert.Equal("ABORTED", UwsXml.Value(doc, "phase"));
        Assert.NotNull(UwsXml.Value(doc, "endTime"));
        Assert.Null(UwsXml.Value(doc, "message"));
    }

    /// <summary>A new job brought to <paramref name="phase"/>; PENDING and QUEUED jobs use the list without workers.</summary>
    private async Task<string> JobInPhaseAsync(string phase)
    {
        switch (phase)
        {
            case "PENDING":
                return await host.CreateJobAsync(UwsTestHost.Idle); // so that RUN leaves it QUEUED
            case "QUEUED":
                return await host.CreateJobAsync(UwsTestHost.Idle, ("PHASE", "RUN"));
            case "EXECUTING":
                var executing = await host.CreateJobAsync(UwsTestHost.Demo, ("PHASE", "RUN"), ("DELAY", "30000"));
                await host.WaitForPhaseAsync(executing, "EXECUTING");
                return executing;
            case "COMPLETED":
                var completed = await host.CreateJobAsync(UwsTestHost.Demo, ("PHASE", "RUN"));
                await host.WaitForPhaseAsync(completed, "COMPLETED");
                return completed;
            case "ERROR":
                var failed = await host.CreateJobAsync(UwsTestHost.Demo, ("PHASE", "RUN"), ("FAIL", "no"));
                await host.WaitForPhaseAsync(failed, "ERROR");
                return failed;
            default:
                var aborted = await host.CreateJobAsync(UwsTestHost.Demo);
                using (await host.PostAsync(aborted + "/phase", ("PHASE", "ABORT")))
                {
                    return aborted;
                }
        }
    }
}
