using System.Collections.Concurrent;
using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoServices.Storage.Postgres.Uws;
using VoServices.Uws;
using VoServices.Uws.Execution;
using VoServices.Uws.Jobs;

namespace VoServices.Storage.Postgres.Tests.Uws;

/// <summary>
/// The UWS service end to end on the PostgreSQL job store: real web hosts (Kestrel on a loopback port) sharing one
/// database and data folder run real jobs through the HTTP job list, as two service instances would.
/// </summary>
public sealed class PostgresUwsHostTests(PostgresServer server) : IClassFixture<PostgresServer>, IDisposable
{
    private static readonly XNamespace Uws = "http://www.ivoa.net/xml/UWS/v1.0";

    private readonly string root = Path.Combine(Path.GetTempPath(), "vo-pg-uws-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
    }

    [SkippableFact]
    public async Task Run_30JobsOnTwoHostsSharingOneDatabase_EachRunsExactlyOnceAndCompletes()
    {
        var db = await server.NewDatabaseAsync();
        var runs = new RunLog();
        await using var a = await UwsHost.StartAsync(db, root, "host-a", runs);
        await using var b = await UwsHost.StartAsync(db, root, "host-b", runs);

        var jobUrls = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            (i % 2 == 0 ? a : b).CreateJobAsync(("PHASE", "RUN"), ("DELAY", "20"))));
        foreach (var jobUrl in jobUrls)
        {
            Assert.Equal("COMPLETED", Value(await a.WaitForEndAsync(jobUrl), "phase"));
        }

        Assert.Equal(30, runs.Count.Count);
        Assert.All(runs.Count, run => Assert.Equal(1, run.Value));
        Assert.Equal(["host-a", "host-b"], runs.Runners.Distinct().Order());
        var last = jobUrls[^1];
        Assert.Equal("ran " + last[(last.LastIndexOf('/') + 1)..], await b.Client.GetStringAsync(last + "/results/result"));
    }

    [SkippableFact]
    public async Task Reaper_JobOfACrashedRunnerWithLapsedLease_EndsInErrorWithMessage()
    {
        var db = await server.NewDatabaseAsync();
        var jobId = UwsJobService.NewJobId();
        var now = DateTime.UtcNow;
        await using (var crashed = new PostgresJobStore(db))
        {
            await crashed.CreateAsync(new UwsJob
            {
                JobId = jobId,
                JobList = "demo",
                Phase = ExecutionPhase.Queued,
                CreationTime = now.AddMinutes(-2),
                ExecutionDuration = 600,
                Destruction = now.AddDays(1),
            }, CancellationToken.None);
            var claimed = await crashed.TryClaimAsync(["demo"],
                new JobLease("crashed-host", now.AddMinutes(-1), now.AddSeconds(-1)), CancellationToken.None);
            Assert.Equal(jobId, claimed?.JobId);
        }

        await using var host = await UwsHost.StartAsync(db, root, "survivor", new RunLog());
        var doc = await host.WaitForEndAsync(host.JobsUrl + "/" + jobId);

        Assert.Equal("ERROR", Value(doc, "phase"));
        Assert.Contains("interrupted", Value(doc, "message"), StringComparison.Ordinal);
        Assert.Equal(ExecutionPhase.Error, (await host.Store.GetAsync(jobId, CancellationToken.None))?.Phase);
    }

    private static string? Value(XDocument doc, string name) => doc.Descendants(Uws + name).FirstOrDefault()?.Value;

    /// <summary>Executions per job id and the runner of each, shared by every host of a test.</summary>
    private sealed class RunLog
    {
        public ConcurrentDictionary<string, int> Count { get; } = new();

        public ConcurrentBag<string> Runners { get; } = [];
    }

    /// <summary>Waits DELAY ms (honouring cancellation), then writes the text result <c>ran {jobId}</c>.</summary>
    private sealed class TextExecutor(RunLog log, Microsoft.Extensions.Options.IOptions<UwsOptions> options)
        : IJobExecutor
    {
        public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
        {
            log.Count.AddOrUpdate(context.Job.JobId, 1, (_, n) => n + 1);
            log.Runners.Add(options.Value.RunnerId);
            await Task.Delay(context.Parameters.GetInt32("DELAY") ?? 0, cancellationToken);
            await context.AddResultAsync("result", "text/plain",
                (s, ct) => s.WriteAsync(System.Text.Encoding.UTF8.GetBytes("ran " + context.Job.JobId), ct).AsTask(),
                cancellationToken);
        }
    }

    /// <summary>A UWS job list <c>/uws/demo</c> on Kestrel over a <see cref="PostgresJobStore"/>, short intervals.</summary>
    private sealed class UwsHost : IAsyncDisposable
    {
        private readonly WebApplication app;

        private UwsHost(WebApplication app, IJobStore store)
        {
            this.app = app;
            Store = store;
            var address = new Uri(app.Urls.Single());
            JobsUrl = new Uri(address, "/uws/demo").AbsoluteUri;
            Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
        }

        public HttpClient Client { get; }

        public IJobStore Store { get; }

        public string JobsUrl { get; }

        public static async Task<UwsHost> StartAsync(string connectionString, string root, string runnerId, RunLog log)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var store = new PostgresJobStore(connectionString);
            builder.Services.AddSingleton<IJobStore>(store);
            builder.Services.AddSingleton(log);
            builder.Services.AddUws(o =>
            {
                o.DataDirectory = Path.Combine(root, "data");
                o.RunnerId = runnerId;
                o.PollInterval = TimeSpan.FromMilliseconds(100);
                o.ReaperInterval = TimeSpan.FromMilliseconds(200);
                o.LeaseDuration = TimeSpan.FromSeconds(3);
                o.MaxWait = TimeSpan.FromSeconds(10);
            });
            builder.Services.AddUwsJobExecutor<TextExecutor>("demo");
            var app = builder.Build();
            app.MapUwsJobList("/uws/demo", "demo");
            await app.StartAsync();
            return new UwsHost(app, store);
        }

        /// <summary>Creates a job (asserting the 303) and returns its absolute URL.</summary>
        public async Task<string> CreateJobAsync(params (string Name, string Value)[] form)
        {
            using var response = await Client.PostAsync(JobsUrl, new FormUrlEncodedContent(
                form.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            return new Uri(Client.BaseAddress!, response.Headers.Location!).AbsoluteUri;
        }

        /// <summary>Blocks with WAIT until the job leaves the active phases (15 s at most); returns the job document.</summary>
        public async Task<XDocument> WaitForEndAsync(string jobUrl)
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (true)
            {
                var doc = XDocument.Parse(await Client.GetStringAsync(jobUrl + "?WAIT=5"));
                var phase = Value(doc, "phase");
                if (phase is not ("PENDING" or "QUEUED" or "EXECUTING") || DateTime.UtcNow > deadline)
                {
                    return doc;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
            await ((PostgresJobStore)Store).DisposeAsync();
        }
    }
}
