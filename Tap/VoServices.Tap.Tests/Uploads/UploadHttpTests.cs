using System.Text;
using Microsoft.AspNetCore.Http;
using VoServices.Dali;
using VoServices.Tap.Tests.Results;
using VoServices.Tap.Uploads;
using VoServices.VoTable;

namespace VoServices.Tap.Tests.Uploads;

/// <summary>http uploads fetched from a loopback server (UPLOAD=name,http://…; DALI 1.1 §4.3.5).</summary>
public sealed class UploadHttpTests
{
    private static readonly UploadOptions Loopback = new() { AllowPrivateAddresses = true };

    private static RequestDelegate Serve(byte[] content, string type = "application/x-votable+xml") => async context =>
    {
        context.Response.ContentType = type;
        await context.Response.Body.WriteAsync(content, context.RequestAborted);
    };

    [SkippableFact]
    public async Task ReadAsync_HttpUrl_FetchesAndStreamsTheTable()
    {
        var document = await Tycho100.VoTableAsync(VoTableSerialization.Binary2);
        await using var server = await LoopbackServer.StartAsync(new Dictionary<string, RequestDelegate> { ["/stars.vot"] = Serve(document) });
        using var reader = new UploadReader(Loopback);
        var upload = DaliUpload.Parse($"stars,{server.Url("/stars.vot")}");

        var (table, rows) = await Uploaded.ReadAllAsync(reader, upload, null);

        Assert.Equal(server.Url("/stars.vot"), table.Source);
        CellNormalizer.AssertRows(Tycho100.Rows().Select(CellNormalizer.Row), rows.Select(CellNormalizer.Row));
    }

    [SkippableFact]
    public async Task ReadAsync_HttpUrlGzipEncoded_CountsDecompressedBytes()
    {
        var document = await Tycho100.VoTableAsync(VoTableSerialization.TableData);
        using var packed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(document);
        }
        await using var server = await LoopbackServer.StartAsync(new Dictionary<string, RequestDelegate>
        {
            ["/stars.vot"] = async context =>
            {
                context.Response.Headers.ContentEncoding = "gzip";
                await context.Response.Body.WriteAsync(packed.ToArray());
            },
        });
        using var reader = new UploadReader(Loopback with { MaxBytesPerUpload = packed.Length * 2 });

        var e = await Assert.ThrowsAsync<DaliException>(() => Uploaded.ReadAllAsync(reader, DaliUpload.Parse($"s,{server.Url("/stars.vot")}"), null));

        Assert.Equal(DaliErrorKind.TooLarge, e.Kind); // the document is ~5x its gzip size
    }

    [Fact]
    public async Task ReadAsync_HttpNotFound_ThrowsUsageErrorWithStatus()
    {
        await using var server = await LoopbackServer.StartAsync(new Dictionary<string, RequestDelegate>());
        using var reader = new UploadReader(Loopback);

        var e = await Assert.ThrowsAsync<DaliParameterException>(() =>
            Uploaded.ReadAllAsync(reader, DaliUpload.Parse($"gone,{server.Url("/missing.vot")}"), null));

        Assert.Equal($"UPLOAD 'gone': GET {server.Url("/missing.vot")} answered HTTP 404 Not Found", e.Message);
    }

    [Fact]
    public async Task ReadAsync_LoopbackWithoutPermission_RefusesTheAddress()
    {
        await using var server = await LoopbackServer.StartAsync(new Dictionary<string, RequestDelegate> { ["/t.vot"] = Serve([]) });
        using var reader = new UploadReader();

        var e = await Assert.ThrowsAsync<DaliParameterException>(() =>
            Uploaded.ReadAllAsync(reader, DaliUpload.Parse($"t,{server.Url("/t.vot")}"), null));

        Assert.Contains("'127.0.0.1' is not a public internet address", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AnnouncedLengthOverLimit_ThrowsTooLargeBeforeReading()
    {
        await using var server = await LoopbackServer.StartAsync(new Dictionary<string, RequestDelegate>
        {
            ["/big.vot"] = async context =>
            {
                context.Response.ContentLength = 10_000;
                await context.Response.Body.WriteAsync(new byte[10_000]);
            },
        });
        using var reader = new UploadReader(Loopback with { MaxBytesPerUpload = 1000 });

        var e = await Assert.ThrowsAsync<DaliException>(() => Uploaded.ReadAllAsync(reader, DaliUpload.Parse($"big,{server.Url("/big.vot")}"), null));

        Assert.Equal(DaliErrorKind.TooLarge, e.Kind);
        Assert.Equal("UPLOAD 'big': the table is larger than the limit of 1,000 bytes per upload (10,000 bytes announced)", e.Message);
    }

    [Fact]
    public async Task ReadAsync_ServerStallsMidBody_FailsAfterTheTimeout()
    {
        var head = Encoding.UTF8.GetBytes("<?xml version='1.0'?><VOTABLE version='1.4' xmlns='http://www.ivoa.net/xml/VOTable/v1.3'><RESOURCE><TABLE>" +
            "<FIELD name='a' datatype='int'/><DATA><TABLEDATA><TR><TD>1</TD></TR>" + new string(' ', 8192));
        await using var server = await LoopbackServer.StartAsync(new Dictionary<string, RequestDelegate>
        {
            ["/slow.vot"] = async context =>
            {
                await context.Response.Body.WriteAsync(head, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            },
        });
        using var reader = new UploadReader(Loopback with { HttpTimeout = TimeSpan.FromSeconds(1) });
        var started = DateTime.UtcNow;

        var e = await Assert.ThrowsAsync<DaliParameterException>(() =>
            Uploaded.ReadAllAsync(reader, DaliUpload.Parse($"slow,{server.Url("/slow.vot")}"), null));

        Assert.Equal("UPLOAD 'slow': the download did not finish within the time limit", e.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ReadAsync_ServerNeverAnswers_FailsAfterTheTimeout()
    {
        await using var server = await LoopbackServer.StartAsync(new Dictionary<string, RequestDelegate>
        {
            ["/mute.vot"] = context => Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted),
        });
        using var reader = new UploadReader(Loopback with { HttpTimeout = TimeSpan.FromSeconds(1) });

        var e = await Assert.ThrowsAsync<DaliParameterException>(() =>
            Uploaded.ReadAllAsync(reader, DaliUpload.Parse($"mute,{server.Url("/mute.vot")}"), null));

        Assert.Equal($"UPLOAD 'mute': GET {server.Url("/mute.vot")} did not answer within 1 s", e.Message);
    }
}
