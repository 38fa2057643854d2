using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using VoServices.Uws.Tests.Support;

using VoServices.Testing;

namespace VoServices.Uws.Tests.Http;

/// <summary>The UWS 1.1 REST binding (§2.2) driven over HTTP the way taplint's UWS stage and pyvo drive it.</summary>
public sealed class JobResourceTests : IAsyncLifetime
{
    private readonly TempFolder temp = new();
    private UwsTestHost host = null!;

    public async Task InitializeAsync() => host = await UwsTestHost.StartAsync(temp.Path);

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task PostJobList_Parameters_Creates303ToPendingJobWithParameters()
    {
        using var response = await host.PostAsync(UwsTestHost.Demo,
            ("REQUEST", "doQuery"), ("LANG", "ADQL"), ("QUERY", "SELECT 1"), ("RUNID", "TAPLINT-001"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var jobUrl = response.Headers.Location!.ToString();
        Assert.StartsWith("http://localhost/uws/demo/", jobUrl, StringComparison.Ordinal);
        var doc = await host.GetXmlAsync(jobUrl);
        Assert.Equal(jobUrl[(jobUrl.LastIndexOf('/') + 1)..], UwsXml.Value(doc, "jobId")); // taplint E_JDID
        Assert.Equal("PENDING", UwsXml.Value(doc, "phase"));
        Assert.Equal("TAPLINT-001", UwsXml.Value(doc, "runId"));
        Assert.Equal(
            [("REQUEST", "doQuery", false), ("LANG", "ADQL", false), ("QUERY", "SELECT 1", false),
                ("RUNID", "TAPLINT-001", false)],
            UwsXml.Parameters(doc));
    }

    [Fact]
    public async Task TextResources_NewJob_AreTextPlainAndAgreeWithJobDocument()
    {
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Demo, ("X", "1"));
        var doc = await host.GetXmlAsync(jobUrl);

        Assert.Equal("PENDING", await GetTextAsync(jobUrl + "/phase"));
        Assert.Equal(UwsXml.Value(doc, "executionDuration"), await GetTextAsync(jobUrl + "/executionduration"));
        var destruction = await GetTextAsync(jobUrl + "/destruction");
        Assert.Equal(UwsXml.Value(doc, "destruction"), destruction);
        Assert.EndsWith("Z", destruction, StringComparison.Ordinal);
        Assert.Equal("", await GetTextAsync(jobUrl + "/quote"));
        Assert.Equal("", await GetTextAsync(jobUrl + "/owner"));
        Assert.EndsWith("Z", UwsXml.Value(doc, "creationTime"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostPhaseRun_OnCreation_JobCompletesWithStreamedVoTableResult()
    {
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Demo, ("PHASE", "RUN"), ("ROWS", "4"));
        var doc = await host.WaitForPhaseAsync(jobUrl, "COMPLETED");

        Assert.DoesNotContain(UwsXml.Parameters(doc), p => p.Id == "PHASE"); // a control parameter, not a job parameter
        Assert.NotNull(UwsXml.Value(doc, "startTime"));
        Assert.NotNull(UwsXml.Value(doc, "endTime"));
        var results = await host.GetXmlAsync(jobUrl + "/results");
        var result = Assert.Single(results.Descendants(UwsXml.Uws + "result"));
        Assert.Equal("result", (string?)result.Attribute("id"));
        var href = (string)result.Attribute(UwsXml.Xlink + "href")!;
        Assert.Equal(jobUrl + "/results/result", href);

        using var response = await host.Client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DemoExecutor.VoTableType, response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((string?)result.Attribute("size"), body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("<TD>4</TD>", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_Job_Returns303ToCheapJobListAndThen404()
    {
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Demo);
        using var delete = await host.Client.DeleteAsync(jobUrl);

        Assert.Equal(HttpStatusCode.SeeOther, delete.StatusCode);
        Assert.Equal("http://localhost/uws/demo?LAST=20", delete.Headers.Location!.ToString());
        using var gone = await host.Client.GetAsync(jobUrl);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var phase = await host.Client.GetAsync(jobUrl + "/phase");
        Assert.Equal(HttpStatusCode.NotFound, phase.StatusCode);
    }

    [Fact]
    public async Task PostActionDelete_CompletedJob_Returns303AndRemovesResultFiles()
    {
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Demo, ("PHASE", "RUN"));
        await host.WaitForPhaseAsync(jobUrl, "COMPLETED");
        var jobDir = Path.Combine(temp.Path, "data", "jobs", jobUrl[(jobUrl.LastIndexOf('/') + 1)..]);
        Assert.True(Directory.Exists(jobDir));

        using var response = await host.PostAsync(jobUrl, ("action", "DELETE")); // names are case-insensitive

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.False(Directory.Exists(jobDir));
        using var gone = await host.Client.GetAsync(jobUrl + "/results/result");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task PostParameters_CaseInsensitiveName_ReplacesValueAndRunId()
    {
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Demo, ("RUNID", "TAPLINT-001"), ("QUERY", "SELECT 1"));

        using var response = await host.PostAsync(jobUrl + "/parameters", ("runId", "TAPLINT-002"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(jobUrl, response.Headers.Location!.ToString());
        var doc = await host.GetXmlAsync(jobUrl);
        Assert.Equal("TAPLINT-002", UwsXml.Value(doc, "runId"));
        var parameters = UwsXml.Parameters(doc);
        Assert.Single(parameters, p => p.Id.Equals("RUNID", StringComparison.OrdinalIgnoreCase)); // taplint E_PADU
        Assert.Contains(("runId", "TAPLINT-002", false), parameters);
        Assert.Contains(("QUERY", "SELECT 1", false), parameters);
    }

    [Fact]
    public async Task PostParameters_NotPending_Returns403()
    {
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Idle, ("PHASE", "RUN"));

        using var response = await host.PostAsync(jobUrl + "/parameters", ("QUERY", "SELECT 2"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostJob_ParameterToJobUrl_Returns403AndChangesNothing()
    {
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Demo, ("QUERY", "SELECT 1"));

        using var response = await host.PostAsync(jobUrl, ("QUERY", "SELECT 2"));
        using var badAction = await host.PostAsync(jobUrl, ("ACTION", "EXPLODE"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // DALI 1.1 §2.2
        Assert.Equal(HttpStatusCode.BadRequest, badAction.StatusCode);
        Assert.Contains(("QUERY", "SELECT 1", false), UwsXml.Parameters(await host.GetXmlAsync(jobUrl)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/phase")]
    [InlineData("/executionduration")]
    [InlineData("/destruction")]
    [InlineData("/quote")]
    [InlineData("/owner")]
    [InlineData("/error")]
    [InlineData("/parameters")]
    [InlineData("/parameters/QUERY")]
    [InlineData("/results")]
    [InlineData("/results/result")]
    public async Task Get_UnknownJob_Returns404(string child)
    {
        using var response = await host.Client.GetAsync(UwsTestHost.Demo + "/nosuchjob" + child);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/error")]
    [InlineData("/parameters/NOPE")]
    [InlineData("/results/nope")]
    public async Task Get_UnknownChildOfPendingJob_Returns404(string child)
    {
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Demo);
        using var response = await host.Client.GetAsync(jobUrl + child);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_JobOfAnotherList_Returns404()
    {
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Demo);
        var jobId = jobUrl[(jobUrl.LastIndexOf('/') + 1)..];
        using var response = await host.Client.GetAsync(UwsTestHost.Idle + "/" + jobId);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_OwnedJob_OwnerSeesItOthersGet403AndListsAreSeparate()
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, UwsTestHost.Demo)
        {
            Content = new FormUrlEncodedContent([new("QUERY", "SELECT 1")]),
        };
        create.Headers.Add("X-Test-User", "alice");
        using var created = await host.Client.SendAsync(create);
        var jobUrl = created.Headers.Location!.ToString();

        Assert.Equal("alice", await GetTextAsync(jobUrl + "/owner", "alice"));
        using var anonymous = await host.Client.GetAsync(jobUrl);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        using var bob = new HttpRequestMessage(HttpMethod.Delete, jobUrl);
        bob.Headers.Add("X-Test-User", "bob");
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client.SendAsync(bob)).StatusCode);
        Assert.Empty((await host.GetXmlAsync(UwsTestHost.Demo)).Descendants(UwsXml.Uws + "jobref"));
    }

    [Fact]
    public async Task Run_ExecutorThrowsDaliException_JobErrorWithVoTableErrorDocumentServedWith200()
    {
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Demo, ("PHASE", "RUN"), ("FAIL", "Unknown table 'nope'"));
        var doc = await host.WaitForPhaseAsync(jobUrl, "ERROR");

        Assert.Equal("Unknown table 'nope'", UwsXml.Value(doc, "message"));
        using var error = await host.Client.GetAsync(jobUrl + "/error");
        Assert.Equal(HttpStatusCode.OK, error.StatusCode); // DALI 1.1 §5.2: async errors are served with 200
        Assert.Equal("application/x-votable+xml", error.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">Unknown table 'nope'</INFO>",
            await error.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var result = await host.Client.GetAsync(jobUrl + "/results/result");
        Assert.Equal(HttpStatusCode.NotFound, result.StatusCode); // TAP 1.1 §2.2: no result for ERROR
    }

    [Fact]
    public async Task Run_ExecutorCrashes_ErrorSummaryHidesInternalsAndTextListGivesPlainError()
    {
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Text, ("PHASE", "RUN"), ("CRASH", "1"));
        var doc = await host.WaitForPhaseAsync(jobUrl, "ERROR");

        var message = UwsXml.Value(doc, "message")!;
        Assert.StartsWith("Internal error", message, StringComparison.Ordinal);
        Assert.DoesNotContain("passwd", message, StringComparison.Ordinal);
        Assert.Equal("Error: " + message + "\n", await GetTextAsync(jobUrl + "/error"));
    }

    [Fact]
    public async Task PostJobList_MultipartInlineUpload_StoredByReferenceAndReadableByExecutor()
    {
        var votable = "<VOTABLE version=\"1.4\"/>\n"u8.ToArray();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("t1,param:table1"), "UPLOAD" },
            { new StringContent("table1"), "ECHO" },
            { new ByteArrayContent(votable) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-votable+xml") } }, "table1", "my.vot" },
        };
        using var created = await host.Client.PostAsync(UwsTestHost.Demo, form);
        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        var jobUrl = created.Headers.Location!.ToString();

        var parameters = UwsXml.Parameters(await host.GetXmlAsync(jobUrl));
        Assert.Contains(("UPLOAD", "t1,param:table1", false), parameters);
        Assert.Contains(("table1", jobUrl + "/parameters/table1", true), parameters);
        Assert.Equal(votable, await host.Client.GetByteArrayAsync(jobUrl + "/parameters/table1"));

        using var run = await host.PostAsync(jobUrl + "/phase", ("PHASE", "RUN"));
        Assert.Equal(HttpStatusCode.SeeOther, run.StatusCode);
        await host.WaitForPhaseAsync(jobUrl, "COMPLETED");
        Assert.Equal(votable, await host.Client.GetByteArrayAsync(jobUrl + "/results/echo"));
    }

    [Fact]
    public async Task PostJobList_OversizedInlineUpload_Returns413AndNoJob()
    {
        await using var small = await UwsTestHost.StartAsync(Path.Combine(temp.Path, "small"),
            configure: o => o.MaxInlineParameterBytes = 10);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[11]), "t", "t.vot" } };

        using var response = await small.Client.PostAsync(UwsTestHost.Demo, form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty((await small.GetXmlAsync(UwsTestHost.Demo)).Descendants(UwsXml.Uws + "jobref"));
    }

    [Theory]
    [InlineData("EXECUTIONDURATION", "-5")]
    [InlineData("EXECUTIONDURATION", "ten")]
    [InlineData("DESTRUCTION", "next week")]
    [InlineData("PHASE", "ABORT")]
    [InlineData("PHASE", "SUSPEND")]
    [InlineData("RUNID", "01234567890123456789012345678901234567890123456789012345678901234")]
    public async Task PostJobList_BadControlParameter_Returns400(string name, string value)
    {
        using var response = await host.PostAsync(UwsTestHost.Demo, (name, value));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostExecutionDurationAndDestruction_Pending_ClampedAndShownEverywhere()
    {
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Demo);

        using var duration = await host.PostAsync(jobUrl + "/executionduration", ("EXECUTIONDURATION", "999999"));
        using var destruction = await host.PostAsync(jobUrl + "/destruction", ("DESTRUCTION", "2100-01-01T00:00:00Z"));

        Assert.Equal(HttpStatusCode.SeeOther, duration.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, destruction.StatusCode);
        Assert.Equal("3600", await GetTextAsync(jobUrl + "/executionduration")); // clamped to MaxExecutionDuration
        var doc = await host.GetXmlAsync(jobUrl);
        Assert.Equal("3600", UwsXml.Value(doc, "executionDuration"));
        var destroyAt = DateTime.Parse(await GetTextAsync(jobUrl + "/destruction"), CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal);
        Assert.Equal(UwsXml.Value(doc, "destruction"), await GetTextAsync(jobUrl + "/destruction"));
        Assert.InRange(destroyAt, DateTime.UtcNow.AddDays(29.9), DateTime.UtcNow.AddDays(30)); // clamped to MaxDestruction
    }

    [Fact]
    public async Task GetJobList_Filters_PhaseAfterAndLastCombine()
    {
        var first = await host.CreateJobAsync(UwsTestHost.Idle);
        await Task.Delay(20);
        var second = await host.CreateJobAsync(UwsTestHost.Idle, ("PHASE", "RUN"));
        await Task.Delay(20);
        var third = await host.CreateJobAsync(UwsTestHost.Idle);
        var firstCreated = UwsXml.Value(await host.GetXmlAsync(first), "creationTime");

        Assert.Equal([Id(third), Id(second), Id(first)], await ListAsync(""));
        Assert.Equal([Id(third), Id(first)], await ListAsync("?PHASE=PENDING"));
        Assert.Equal([Id(third), Id(second), Id(first)], await ListAsync("?PHASE=PENDING&phase=QUEUED"));
        Assert.Equal([Id(third)], await ListAsync("?LAST=1"));
        Assert.Equal([Id(third), Id(second)], await ListAsync("?AFTER=" + firstCreated));
        Assert.Equal([Id(third)], await ListAsync("?AFTER=" + firstCreated + "&PHASE=PENDING&LAST=5"));
        Assert.Empty(await ListAsync("?PHASE=ARCHIVED"));
        using var bad = await host.Client.GetAsync(UwsTestHost.Idle + "?PHASE=RUNNING");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task GetJobList_Entries_HaveHrefPhaseRunIdAndCreationTime()
    {
        var jobUrl = await host.CreateJobAsync(UwsTestHost.Demo, ("RUNID", "r1"));
        var jobref = (await host.GetXmlAsync(UwsTestHost.Demo)).Descendants(UwsXml.Uws + "jobref").Single();

        Assert.Equal(jobUrl, (string?)jobref.Attribute(UwsXml.Xlink + "href"));
        Assert.Equal("PENDING", jobref.Element(UwsXml.Uws + "phase")!.Value);
        Assert.Equal("r1", jobref.Element(UwsXml.Uws + "runId")!.Value);
        Assert.EndsWith("Z", jobref.Element(UwsXml.Uws + "creationTime")!.Value, StringComparison.Ordinal);
    }

    private async Task<List<string>> ListAsync(string query) =>
    [
        .. (await host.GetXmlAsync(UwsTestHost.Idle + query)).Descendants(UwsXml.Uws + "jobref")
            .Select(j => (string)j.Attribute("id")!),
    ];

    private static string Id(string jobUrl) => jobUrl[(jobUrl.LastIndexOf('/') + 1)..];

    private async Task<string> GetTextAsync(string url, string? user = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (user is not null)
        {
            request.Headers.Add("X-Test-User", user);
        }
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }
}
