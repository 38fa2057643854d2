using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using VoServices.Dali;

namespace VoServices.Tap.Uploads;

/// <summary>
/// Opens the tables of a request's UPLOAD parameter (DALI 1.1 §4.3.5, TAP 1.1 §2.5): inline <c>param:part</c>
/// content from the multipart request, or an http(s) URL fetched by the service, each parsed as a VOTable
/// (TABLEDATA, BINARY, BINARY2) and streamed as an <see cref="UploadedTable"/>. One instance serves the whole
/// application (it owns an <see cref="HttpClient"/>); thread-safe.
/// </summary>
/// <remarks>
/// Limits (<see cref="UploadOptions"/>) are enforced while streaming: more than MaxTables tables, more than
/// MaxBytesPerUpload bytes in one upload, MaxTotalBytes in all, or MaxRows rows in one table each give a
/// <see cref="DaliException"/> of kind TooLarge (HTTP 413, "the request exceeds a service limit"). A missing
/// multipart part, an unreachable or failing URL, a non-public address (unless allowed), a timeout and a
/// malformed VOTable give a <see cref="DaliParameterException"/> for UPLOAD (HTTP 400). Every message names the
/// upload. HTTP content is decompressed (gzip, deflate) before it is counted, so the limits also bound what a
/// compressed upload expands to. No proxy is used, so the address check applies to the real destination.
/// </remarks>
public sealed class UploadReader : IDisposable
{
    private readonly HttpClient http;

    /// <summary>Creates the reader and its HTTP client.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive limit or timeout.</exception>
    public UploadReader(UploadOptions? options = null)
    {
        Options = options ?? new UploadOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.MaxTables, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.MaxBytesPerUpload, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.MaxTotalBytes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.MaxRows, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Options.HttpTimeout, TimeSpan.Zero, nameof(options));
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = Options.MaxRedirects > 0,
            MaxAutomaticRedirections = Math.Max(1, Options.MaxRedirects),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            ConnectTimeout = Options.HttpTimeout,
        };
        if (!Options.AllowPrivateAddresses)
        {
            handler.ConnectCallback = ConnectToPublicAddressAsync;
        }
        // The per-upload timeout is ours (it must also cover the body, which HttpClient.Timeout does not).
        http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("VoServices-TAP-upload/1.0");
    }

    /// <summary>The limits in force.</summary>
    public UploadOptions Options { get; }

    /// <summary>
    /// Opens the uploads in order, one at a time: each table is opened when the enumeration reaches it, so read
    /// (e.g. load into the database) and dispose each one before moving on.
    /// </summary>
    /// <param name="uploads">From <c>DaliParameters.GetUploads()</c>.</param>
    /// <param name="parts">The multipart parts of the request; null when it has none.</param>
    /// <param name="cancellationToken">Cancels fetching (reads of an opened table are synchronous).</param>
    /// <exception cref="DaliException">See the class remarks; thrown by the enumeration.</exception>
    public async IAsyncEnumerable<UploadedTable> ReadAsync(IReadOnlyList<DaliUpload> uploads, IUploadContentSource? parts,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        if (uploads.Count > Options.MaxTables)
        {
            throw new DaliException(DaliErrorKind.TooLarge,
                $"UPLOAD: {uploads.Count.ToString(CultureInfo.InvariantCulture)} tables given; at most {Options.MaxTables.ToString(CultureInfo.InvariantCulture)} are allowed per request");
        }
        var budget = new UploadByteBudget(Options.MaxTotalBytes);
        foreach (var upload in uploads)
        {
            yield return await OpenAsync(upload, parts, budget, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Disposes the HTTP client.</summary>
    public void Dispose() => http.Dispose();

    private async Task<UploadedTable> OpenAsync(DaliUpload upload, IUploadContentSource? parts, UploadByteBudget budget,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.PartName is { } part)
        {
            var stream = parts?.OpenPart(part) ?? throw Usage(upload,
                $"the request has no multipart part named '{part}' (UPLOAD=name,param:part refers to a part of the same multipart/form-data POST)");
            var content = new UploadStream(stream, upload.Name, Options.MaxBytesPerUpload, budget);
            return UploadedTable.Open(upload, content, [], CancellationToken.None, Options);
        }
        return await FetchAsync(upload, budget, cancellationToken).ConfigureAwait(false);
    }

    private async Task<UploadedTable> FetchAsync(DaliUpload upload, UploadByteBudget budget, CancellationToken cancellationToken)
    {
        var timeout = new CancellationTokenSource(Options.HttpTimeout);
        var owned = new List<IDisposable> { timeout };
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var response = await SendAsync(upload, linked.Token, timeout.Token, cancellationToken).ConfigureAwait(false);
            owned.Add(response);
            if (!response.IsSuccessStatusCode)
            {
                throw Usage(upload, $"GET {upload.Uri} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }
            if (response.Content.Headers.ContentLength is long length && length > Options.MaxBytesPerUpload)
            {
                throw UploadStream.TooLarge(upload.Name, $"is larger than the limit of {UploadStream.Bytes(Options.MaxBytesPerUpload)} per upload ({UploadStream.Bytes(length)} announced)");
            }
            var body = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            // Rows are parsed synchronously later; when the time is up, disposing the response fails the pending read.
            owned.Add(timeout.Token.Register(response.Dispose));
            var content = new UploadStream(body, upload.Name, Options.MaxBytesPerUpload, budget);
            return UploadedTable.Open(upload, content, owned, timeout.Token, Options);
        }
        catch
        {
            foreach (var item in owned)
            {
                item.Dispose();
            }
            throw;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(DaliUpload upload, CancellationToken linked, CancellationToken timeout,
        CancellationToken caller)
    {
        try
        {
            return await http.GetAsync(upload.Uri, HttpCompletionOption.ResponseHeadersRead, linked).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (caller.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
        {
            throw Usage(upload, $"GET {upload.Uri} did not answer within {Options.HttpTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s", e);
        }
        catch (HttpRequestException e)
        {
            var reason = FindAddressRefusal(e)?.Message ?? e.Message;
            throw Usage(upload, $"GET {upload.Uri} failed: {reason}", e);
        }
    }

    private static UploadAddressException? FindAddressRefusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is UploadAddressException refusal)
            {
                return refusal;
            }
        }
        return null;
    }

    // Connects only to public addresses, after DNS resolution, so neither a hostile name nor a redirect can reach
    // the service's own network (server-side request forgery).
    private static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context,
        CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var allowed = addresses.Where(UploadAddressPolicy.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new UploadAddressException(
                $"'{host}' is not a public internet address (loopback, private and link-local addresses are refused)");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static DaliParameterException Usage(DaliUpload upload, string why, Exception? inner = null) =>
        new(DaliUpload.ParameterName, $"UPLOAD '{upload.Name}': {why}", inner);
}
