using System.Net;
using System.Xml.Linq;
using static VoServices.Server.Tests.Tap.TapHttp;

namespace VoServices.Server.Tests.Tap;

/// <summary>/tap/async on the embedded backend (SQLite catalogue and SQLite job store).</summary>
public sealed class SqliteTapAsyncEndpointTests(SqliteTapBackend backend)
    : TapAsyncEndpointTests(backend), IClassFixture<SqliteTapBackend>;

/// <summary>/tap/async on PostgreSQL + pg_sphere, with the PostgreSQL UWS job store.</summary>
public sealed class PostgresTapAsyncEndpointTests(PostgresTapBackend backend)
    : TapAsyncEndpointTests(backend), IClassFixture<PostgresTapBackend>;

/// <summary>/tap/async (TAP 1.1 §2.2, UWS 1.1) through the real host on the demo archive, per backend.</summary>
public abstract class TapAsyncEndpointTests(TapBackend backend)
{
    private static readonly XNamespace Uws = "http://www.ivoa.net/xml/UWS/v1.0";

    private async Task<Uri> CreateAsync(HttpClient client, HttpContent content)
    {
        var response = await client.PostAsync(new Uri("/tap/async", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return response.Headers.Location!;
    }

    private static async Task<XElement> WaitAsync(HttpClient client, Uri job)
    {
        for (var i = 0; i < 30; i++)
        {
            var root = XDocument.Parse(await client.GetStringAsync(new Uri(job + "?WAIT=5"))).Root!;
            if (root.Element(Uws + "phase")!.Value is "COMPLETED" or "ERROR" or "ABORTED")
            {
                return root;
            }
        }
        throw new TimeoutException("the job did not finish");
    }

    [SkippableFact]
    public async Task Post_PhaseRun_RedirectsAndCompletesWithAVoTableResult()
    {
        var client = await backend.ClientAsync(followRedirects: false);
        using var content = new FormUrlEncodedContent(
        [
            new("LANG", "ADQL"), new("QUERY", "SELECT TOP 5 name, ra, dec FROM messier.main ORDER BY messier_number"),
            new("PHASE", "RUN"),
        ]);
        var job = await CreateAsync(client, content);
        var root = await WaitAsync(client, job);
        Assert.Equal("COMPLETED", root.Element(Uws + "phase")!.Value);
        var result = root.Descendants(Uws + "result").Single();
        Assert.Equal("result", result.Attribute("id")!.Value);
        var answer = await ReadAsync(await client.GetAsync(new Uri(job + "/results/result")));
        Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode);
        Assert.Equal("application/x-votable+xml", answer.MediaType);
        var document = answer.VoTable();
        Assert.Equal("OK", Status(document));
        Assert.Equal(["M1", "M2", "M3", "M4", "M5"], document.Resources[0].Tables[0].Rows.Select(r => (string)r[0]!));
    }

    [SkippableFact]
    public async Task ZeroRowQuery_StillHasAResultFile()
    {
        var client = await backend.ClientAsync(followRedirects: false);
        using var content = new FormUrlEncodedContent(
        [
            new("LANG", "ADQL"), new("QUERY", "SELECT name FROM messier.main WHERE mag > 100"), new("PHASE", "RUN"),
            new("RESPONSEFORMAT", "csv"),
        ]);
        var job = await CreateAsync(client, content);
        Assert.Equal("COMPLETED", (await WaitAsync(client, job)).Element(Uws + "phase")!.Value);
        var answer = await ReadAsync(await client.GetAsync(new Uri(job + "/results/result")));
        Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode);
        Assert.Equal("name", answer.Text.Trim());
    }

    [SkippableFact]
    public async Task BadQuery_EndsInErrorWithTheMessageAtErrorAndNoResult()
    {
        var client = await backend.ClientAsync(followRedirects: false);
        using var content = new FormUrlEncodedContent(
        [
            new("LANG", "ADQL"), new("QUERY", "SELECT nme FROM messier.main"), new("PHASE", "RUN"),
        ]);
        var job = await CreateAsync(client, content);
        var root = await WaitAsync(client, job);
        Assert.Equal("ERROR", root.Element(Uws + "phase")!.Value);
        var error = await ReadAsync(await client.GetAsync(new Uri(job + "/error")));
        Assert.Equal(HttpStatusCode.OK, error.Response.StatusCode);
        Assert.Matches("ADQL0102 .*did you mean.*'name'", ErrorMessage(error.VoTable()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(job + "/results/result"))).StatusCode);
    }

    [SkippableFact]
    public async Task EmptyJob_IsValidatedOnlyWhenRun()
    {
        var client = await backend.ClientAsync(followRedirects: false);
        using var empty = new FormUrlEncodedContent([]);
        var job = await CreateAsync(client, empty);
        var root = XDocument.Parse(await client.GetStringAsync(job)).Root!;
        Assert.Equal("PENDING", root.Element(Uws + "phase")!.Value);
        using var run = new FormUrlEncodedContent([new("PHASE", "RUN")]);
        await client.PostAsync(new Uri(job + "/phase"), run);
        Assert.Equal("ERROR", (await WaitAsync(client, job)).Element(Uws + "phase")!.Value);
        var error = await ReadAsync(await client.GetAsync(new Uri(job + "/error")));
        Assert.Contains("LANG: missing", ErrorMessage(error.VoTable()), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task InlineUpload_IsReadFromTheJobsStoredPart()
    {
        var client = await backend.ClientAsync(followRedirects: false);
        using var content = Multipart(
            [("LANG", "ADQL"), ("UPLOAD", "t,param:t"), ("PHASE", "RUN"), ("RESPONSEFORMAT", "csv"),
             ("QUERY", "SELECT u.id, t.tyc FROM TAP_UPLOAD.t AS u JOIN tycho2.main AS t " +
                       "ON 1 = CONTAINS(POINT(t.ra, t.dec), CIRCLE(u.ra, u.dec, 0.0001)) ORDER BY u.id")],
            ("t", PositionsUpload));
        var job = await CreateAsync(client, content);
        Assert.Equal("COMPLETED", (await WaitAsync(client, job)).Element(Uws + "phase")!.Value);
        var answer = await ReadAsync(await client.GetAsync(new Uri(job + "/results/result")));
        Assert.Equal(["id,tyc", "1,8252-1600-1", "2,8252-1907-1", "3,8252-2753-1"],
            answer.Text.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries));
    }
}
