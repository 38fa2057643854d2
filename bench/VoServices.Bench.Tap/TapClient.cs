using System.Net;
using System.Text.RegularExpressions;

namespace VoServices.Bench.Tap;

/// <summary>A minimal TAP 1.1 / UWS 1.1 client over one pooled HttpClient (POSTs like pyvo and TOPCAT do).</summary>
internal sealed partial class TapClient : IDisposable
{
    private readonly HttpClient http;
    private readonly Uri tap;

    public TapClient(Uri tap)
    {
        this.tap = tap;
        http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 32,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { Timeout = TimeSpan.FromMinutes(10) };
    }

    /// <summary>
    /// POSTs a sync query and reads the whole response, discarding it; returns its size in bytes.
    /// <paramref name="onChunk"/> is called after each read (for memory sampling).
    /// </summary>
    /// <exception cref="HttpRequestException">Any status but 200.</exception>
    public async Task<long> SyncAsync(string adql, long? maxRec, string? format, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(Form(adql, maxRec, format));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(tap, "sync")) { Content = content };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[81920];
        long total = 0;
        int n;
        while ((n = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += n;
        }
        return total;
    }

    /// <summary>Sync query as CSV (for row-count checks): the data lines, header excluded.</summary>
    public async Task<int> CountCsvRowsAsync(string adql, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(Form(adql, null, "csv"));
        using var response = await http.PostAsync(new Uri(tap, "sync"), content, cancellationToken);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
    }

    /// <summary>Creates a job with PHASE=RUN (UWS 1.1 §2.2.3.1) and returns its URL.</summary>
    public async Task<Uri> CreateRunningJobAsync(string adql, CancellationToken cancellationToken)
    {
        var form = Form(adql, null, null).Append(new("PHASE", "RUN"));
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri(tap, "async"), content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.SeeOther || response.Headers.Location is null)
        {
            throw new HttpRequestException($"job creation answered {(int)response.StatusCode}");
        }
        return new Uri(new Uri(tap, "async"), response.Headers.Location);
    }

    /// <summary>Blocks with WAIT (UWS 1.1 §2.2.1.2) until the job leaves PENDING/QUEUED/EXECUTING; returns the phase.</summary>
    public async Task<string> WaitFinalAsync(Uri job, CancellationToken cancellationToken)
    {
        while (true)
        {
            var xml = await http.GetStringAsync(new Uri(job + "?WAIT=30"), cancellationToken);
            var phase = Phase().Match(xml).Groups[1].Value;
            if (phase is not ("PENDING" or "QUEUED" or "EXECUTING"))
            {
                return phase;
            }
        }
    }

    /// <summary>Reads the job's result document, discarding it; returns its size.</summary>
    public async Task<long> FetchResultAsync(Uri job, CancellationToken cancellationToken)
    {
        var bytes = await http.GetByteArrayAsync(new Uri(job + "/results/result"), cancellationToken);
        return bytes.LongLength;
    }

    public async Task DeleteAsync(Uri job, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync(job, cancellationToken);
    }

    public void Dispose() => http.Dispose();

    private static IEnumerable<KeyValuePair<string, string>> Form(string adql, long? maxRec, string? format)
    {
        yield return new("REQUEST", "doQuery");
        yield return new("LANG", "ADQL");
        yield return new("QUERY", adql);
        if (maxRec is { } m)
        {
            yield return new("MAXREC", m.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (format is not null)
        {
            yield return new("RESPONSEFORMAT", format);
        }
    }

    [GeneratedRegex(@"<(?:uws:)?phase>\s*(\w+)\s*</(?:uws:)?phase>")]
    private static partial Regex Phase();
}
