using System.Text.Json;
using VoServices.Uws.Jobs;

namespace VoServices.Storage.Sqlite.Uws;

/// <summary>
/// The JSON forms of the list-valued job columns. Short property names keep rows small:
/// parameters <c>[{"n":name,"v":value,"r":byReference}]</c>, results
/// <c>[{"id":…,"mime":…,"size":…,"file":…,"href":…}]</c>, error summary <c>{"m":message,"t":"fatal"|"transient"}</c>.
/// </summary>
internal static class SqliteJobJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
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

    private static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidDataException("uws_job holds a null JSON column");

#pragma warning disable IDE1006 // JSON property names are deliberately short
    private sealed record ParameterRow(string n, string? v, bool? r);

    private sealed record ResultRow(string id, string? mime, long? size, string? file, string? href);

    private sealed record ErrorRow(string m, string t);
#pragma warning restore IDE1006
}
