using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoServices.Uws.Jobs;

/// <summary>
/// The JSON forms of a job's list-valued fields, one for every <see cref="IJobStore"/> (SQLite text, PostgreSQL
/// jsonb), so rows can be copied between backends: parameters <c>[{"n":name,"v":value,"r":true}]</c> (<c>r</c> only
/// for inline uploads), results <c>[{"id":…,"mime":…,"size":…,"file":…,"href":…}]</c> (null members omitted), error
/// summary <c>{"m":message,"t":"fatal"|"transient"}</c>. Arrays keep the job's order. Malformed stored JSON throws
/// <see cref="InvalidDataException"/>.
/// </summary>
public static class UwsJobJson
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

    public static string Error(UwsErrorSummary error) => JsonSerializer.Serialize(
        new ErrorRow(error.Message, error.Type == UwsErrorType.Transient ? "transient" : "fatal"), Options);

    public static UwsErrorSummary ReadError(string json)
    {
        var row = Deserialize<ErrorRow>(json);
        return new UwsErrorSummary(row.m, row.t == "transient" ? UwsErrorType.Transient : UwsErrorType.Fatal);
    }

    private static T Deserialize<T>(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new InvalidDataException("a job row holds a JSON null in a list column");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"a job row holds malformed JSON: {e.Message}", e);
        }
    }

#pragma warning disable IDE1006 // JSON property names are deliberately short
    private sealed record ParameterRow(string n, string? v, bool? r);

    private sealed record ResultRow(string id, string? mime, long? size, string? file, string? href);

    private sealed record ErrorRow(string m, string t);
#pragma warning restore IDE1006
}
