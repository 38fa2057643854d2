using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using VoServices.Dali;
using VoServices.Uws.Jobs;

namespace VoServices.Uws.Http;

/// <summary>
/// Reads the parameters of a UWS request (DALI 1.1 §4): the query string, then an
/// <c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c> body, in order, as
/// <see cref="DaliParameters"/> (names case-insensitive). Multipart parts with a file name are inline uploads: they
/// are streamed to disk through a <see cref="Stager"/> (never buffered in memory) and listed separately.
/// </summary>
internal static class UwsRequestReader
{
    /// <summary>The parameters and the staged uploads of one request.</summary>
    internal sealed record Content(DaliParameters Parameters, IReadOnlyList<StagedFile> Files);

    /// <summary>Stages one upload: part name, content, cancellation.</summary>
    internal delegate Task<StagedFile> Stager(string partName, Stream content, CancellationToken cancellationToken);

    /// <summary>Reads the request.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="stage">Where uploads go; null refuses them with a 400.</param>
    /// <param name="maxChars">Limit on the total length of names and values.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="DaliException">400 for malformed bodies, duplicate upload names, refused uploads or too much
    /// text; 413 for an upload over the size limit. Staged files are discarded on failure.</exception>
    public static async Task<Content> ReadAsync(HttpRequest request, Stager? stage, int maxChars,
        CancellationToken cancellationToken)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Query)
        {
            pairs.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v ?? "")));
        }
        var files = new List<StagedFile>();
        try
        {
            if (MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
                && mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                await ReadMultipartAsync(request, mediaType, stage, pairs, files, cancellationToken).ConfigureAwait(false);
            }
            else if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
                foreach (var (name, values) in form)
                {
                    pairs.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v ?? "")));
                }
            }
            CheckSize(pairs, maxChars);
            return new Content(new DaliParameters(pairs), files);
        }
        catch (Exception e)
        {
            foreach (var file in files)
            {
                file.Discard();
            }
            if (e is InvalidDataException or BadHttpRequestException)
            {
                throw new DaliException(DaliErrorKind.UsageError, "Malformed request body: " + e.Message, e);
            }
            throw;
        }
    }

    private static async Task ReadMultipartAsync(HttpRequest request, MediaTypeHeaderValue mediaType, Stager? stage,
        List<KeyValuePair<string, string>> pairs, List<StagedFile> files, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            throw new DaliException(DaliErrorKind.UsageError, "multipart/form-data without a boundary");
        }
        var reader = new MultipartReader(boundary, request.Body);
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false)) is not null)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                continue; // not a form field (RFC 7578 §4.2): nothing to read
            }
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                if (stage is null)
                {
                    throw new DaliException(DaliErrorKind.UsageError,
                        $"Inline uploads are not accepted here (part '{name}'); send them when creating the job or to its parameters.");
                }
                if (name.Length == 0 || files.Any(f => f.Name == name))
                {
                    throw new DaliException(DaliErrorKind.UsageError,
                        $"Inline upload parts need distinct, non-empty names ('{name}').");
                }
                files.Add(await stage(name, section.Body, cancellationToken).ConfigureAwait(false));
            }
            else
            {
                using var text = new StreamReader(section.Body, Encoding.UTF8);
                pairs.Add(new(name, await text.ReadToEndAsync(cancellationToken).ConfigureAwait(false)));
            }
        }
    }

    private static void CheckSize(List<KeyValuePair<string, string>> pairs, int maxChars)
    {
        long total = pairs.Sum(p => (long)p.Key.Length + p.Value.Length);
        if (total > maxChars)
        {
            throw new DaliException(DaliErrorKind.TooLarge, string.Create(CultureInfo.InvariantCulture,
                $"The request parameters hold {total} characters; at most {maxChars} are accepted."));
        }
    }
}
