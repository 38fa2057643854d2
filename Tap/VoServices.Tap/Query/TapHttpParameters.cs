using Microsoft.AspNetCore.Http;
using VoServices.Dali;
using VoServices.Tap.Uploads;

namespace VoServices.Tap.Query;

/// <summary>
/// Collects the DALI parameters of an HTTP request (DALI 1.1 §4.1): the query string, then the body when it is
/// <c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c>; names are matched case-insensitively later
/// by <see cref="DaliParameters"/>. Multipart file parts become the <see cref="IUploadContentSource"/> that
/// <c>UPLOAD=name,param:part</c> refers to.
/// </summary>
internal static class TapHttpParameters
{
    /// <summary>Reads the parameters and the multipart parts (null when the request has none).</summary>
    /// <exception cref="DaliException">The body is malformed (400) or larger than the form limits (413).</exception>
    public static async Task<(DaliParameters Parameters, IUploadContentSource? Parts)> ReadAsync(HttpRequest request,
        CancellationToken cancellationToken)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Query)
        {
            pairs.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v ?? "")));
        }
        IUploadContentSource? parts = null;
        if (request.HasFormContentType)
        {
            var form = await ReadFormAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var (name, values) in form)
            {
                pairs.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v ?? "")));
            }
            if (form.Files.Count > 0)
            {
                parts = new FormFileParts(form.Files);
            }
        }
        return (new DaliParameters(pairs), parts);
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            throw new DaliException(DaliErrorKind.TooLarge, "the request body exceeds the service's form limits: " + e.Message, e);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            throw new DaliException(DaliErrorKind.UsageError, "the request body is not a valid form: " + e.Message, e);
        }
    }

    /// <summary>The file parts of a multipart form, by exact part name (DALI 1.1 §4.3.5 <c>param:</c>).</summary>
    private sealed class FormFileParts(IFormFileCollection files) : IUploadContentSource
    {
        public Stream? OpenPart(string name) =>
            files.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal))?.OpenReadStream();
    }
}
