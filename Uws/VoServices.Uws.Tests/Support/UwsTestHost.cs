using System.Net;
using System.Security.Claims;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoServices.Storage.Sqlite.Uws;
using VoServices.Uws.Jobs;

namespace VoServices.Uws.Tests.Support;

/// <summary>
/// An in-process web host serving UWS job lists over a SQLite job store in <c>root</c>, as a TAP or SODA service
/// would: <c>/uws/demo</c> (run by <see cref="DemoExecutor"/>), <c>/uws/text</c> (same, text/plain errors) and
/// <c>/uws/idle</c> (no executor in this host, so its jobs stay QUEUED). The header <c>X-Test-User</c> authenticates
/// the request as that user. Short intervals keep the tests fast.
/// </summary>
internal sealed class UwsTestHost : IAsyncDisposable
{
    public const string Demo = "/uws/demo";
    public const string Text = "/uws/text";
    public const string Idle = "/uws/idle";

    private readonly WebApplication app;

    private UwsTestHost(WebApplication app, HttpClient client, IJobStore store)
    {
        this.app = app;
        Client = client;
        Store = store;
    }

    public HttpClient Client { get; }

    public IJobStore Store { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<UwsTestHost> StartAsync(string root, ExecutionLog? log = null,
        Action<UwsOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var store = new SqliteJobStore(Path.Combine(root, "jobs.db"));
        builder.Services.AddSingleton<IJobStore>(store);
        builder.Services.AddSingleton(log ?? new ExecutionLog());
        builder.Services.AddUws(o =>
        {
            o.DataDirectory = Path.Combine(root, "data");
            o.PollInterval = TimeSpan.FromMilliseconds(100);
            o.ReaperInterval = TimeSpan.FromMilliseconds(200);
            o.LeaseDuration = TimeSpan.FromSeconds(3);
            o.MaxWait = TimeSpan.FromSeconds(10);
            configure?.Invoke(o);
        });
        builder.Services.AddUwsJobExecutor<DemoExecutor>("demo");
        builder.Services.AddUwsJobExecutor<DemoExecutor>("text");
        var app = builder.Build();
        app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue("X-Test-User", out var user))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user!)], "test"));
            }
            return next(context);
        });
        app.MapUwsJobList(Demo, "demo");
        app.MapUwsJobList(Text, "text", o => o.ErrorFormat = UwsErrorFormat.TextPlain);
        app.MapUwsJobList(Idle, "idle");
        await app.StartAsync();
        return new UwsTestHost(app, app.GetTestClient(), store);
    }

    /// <summary>POSTs a form; returns the response (redirects are not followed).</summary>
    public Task<HttpResponseMessage> PostAsync(string url, params (string Name, string Value)[] form) =>
        Client.PostAsync(url, new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    /// <summary>Creates a job and returns its absolute URL (asserting the 303).</summary>
    public async Task<string> CreateJobAsync(string jobList, params (string Name, string Value)[] form)
    {
        using var response = await PostAsync(jobList, form);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return response.Headers.Location!.ToString();
    }

    /// <summary>GETs and parses a UWS XML document.</summary>
    public async Task<XDocument> GetXmlAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The job's phase as the job document says.</summary>
    public async Task<string> PhaseAsync(string jobUrl) => UwsXml.Value(await GetXmlAsync(jobUrl), "phase")!;

    /// <summary>Polls the job document until the phase is one of <paramref name="phases"/> (10 s at most).</summary>
    public async Task<XDocument> WaitForPhaseAsync(string jobUrl, params string[] phases)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var doc = await GetXmlAsync(jobUrl + "?WAIT=1");
            if (phases.Contains(UwsXml.Value(doc, "phase")) || DateTime.UtcNow > deadline)
            {
                Assert.Contains(UwsXml.Value(doc, "phase"), phases);
                return doc;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>Reading UWS documents in assertions.</summary>
internal static class UwsXml
{
    public static readonly XNamespace Uws = "http://www.ivoa.net/xml/UWS/v1.0";
    public static readonly XNamespace Xlink = "http://www.w3.org/1999/xlink";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Text of the first descendant element with this local name in the UWS namespace; null when nil.</summary>
    public static string? Value(XDocument doc, string name)
    {
        var element = doc.Descendants(Uws + name).FirstOrDefault();
        return element is null || (string?)element.Attribute(Xsi + "nil") == "true" ? null : element.Value;
    }

    /// <summary>(id, value, byReference) of each parameter.</summary>
    public static IReadOnlyList<(string Id, string Value, bool ByReference)> Parameters(XDocument doc) =>
    [
        .. doc.Descendants(Uws + "parameter").Select(p =>
            ((string)p.Attribute("id")!, p.Value, (string?)p.Attribute("byReference") == "true")),
    ];
}
