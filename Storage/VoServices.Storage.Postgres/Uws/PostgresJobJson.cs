using System.Text.Json;
using System.Text.Json.Serialization;
using VoServices.Uws.Jobs;

namespace VoServices.Storage.Postgres.Uws;

/// <summary>
/// The <c>jsonb</c> forms of the list-valued job columns, the same as the SQLite store's so rows can be copied between
/// backends: parameters <c>[{"n":name,"v":value,"r":true}]</c> (<c>r</c> only for inline uploads), results
/// <c>[{"id":…,"mime":…,"size":…,"file":…,"href":…}]</c> (null members omitted). Arrays keep the job's order
/// (jsonb reorders object keys, never array elements).
/// </summary>
internal static class PostgresJobJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Parameters(IReadOnlyList<UwsParameter> parameters) =>
        JsonSerializer.Serialize(parameters.Select(p => new ParameterRow(p.Name, p.Value, p.ByReference ? true : null)),
            Options);

    public static IReadOnlyList<UwsParameter> ReadParameters(string json) =>
        [.. Deserialize<List<ParameterRow>>(json).Select(p => new UwsParameter(p.n, p.v ?? "", p.r == true))];

    public static string Results(IReadOnlyList<UwsResult> results) =>
        JsonSerializer.Serialize(results.Select(r => new ResultRow(r.Id, r.MimeType, r.Size, r.FileName,
            r.ExternalHref?.AbsoluteUri)), Options);

    public static IReadOnlyList<UwsResult> ReadResults(string json) =>
    [
        .. Deserialize<List<ResultRow>>(json).Select(r => new UwsResult(r.id, r.mime, r.size)
        {
            FileName = r.file,
            ExternalHref = r.href is null ? null : new Uri(r.href, UriKind.Absolute),
        }),
    ];

    private static T Deserialize<T>(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new InvalidDataException("voservices.uws_job holds a JSON null in a list column");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"voservices.uws_job holds malformed JSON: {e.Message}", e);
        }
    }

#pragma warning disable IDE1006 // JSON property names are deliberately short
    private sealed record ParameterRow(string n, string? v, bool? r);

    private sealed record ResultRow(string id, string? mime, long? size, string? file, string? href);
#pragma warning restore IDE1006
}
