using System.Globalization;
using VoServices.Dali;
using VoServices.Tap.Results;

namespace VoServices.Tap.Query;

/// <summary>
/// A validated TAP 1.1 query request (TAP 1.1 §2.3, DALI 1.1 §4), the first stage of the query pipeline
/// (architecture.md §4): bound from the case-insensitive DALI parameters by <see cref="FromParameters"/>.
/// </summary>
/// <param name="Query">The ADQL text (QUERY).</param>
/// <param name="Language">LANG as given (<c>ADQL</c>, <c>ADQL-2.0</c> or <c>ADQL-2.1</c>, any case).</param>
/// <param name="Format">The output format and the Content-Type to answer with (RESPONSEFORMAT or FORMAT).</param>
/// <param name="MaxRec">The row limit in force: MAXREC, or the default, capped at the hard limit (DALI 1.1 §4.3.4).</param>
/// <param name="Uploads">The UPLOAD pairs in order (DALI 1.1 §4.3.5).</param>
/// <param name="RunId">RUNID, or null (DALI 1.1 §4.3.6).</param>
public sealed record TapRequest(
    string Query,
    string Language,
    ResolvedResponseFormat Format,
    long MaxRec,
    IReadOnlyList<DaliUpload> Uploads,
    string? RunId)
{
    /// <summary>The LANG values accepted (TAP 1.1 §2.7.1; matched case-insensitively).</summary>
    public static IReadOnlyList<string> Languages { get; } = ["ADQL", "ADQL-2.0", "ADQL-2.1"];

    /// <summary>
    /// Binds and validates a request. Unknown parameters are ignored (TAP 1.1 §2.7), REQUEST (removed in TAP 1.1 but
    /// still sent as <c>doQuery</c> by clients) and VERSION too.
    /// </summary>
    /// <param name="parameters">The request's parameters (query string, urlencoded or multipart body, or a UWS job).</param>
    /// <param name="options">Default and hard MAXREC, the output formats.</param>
    /// <exception cref="DaliParameterException">LANG or QUERY missing, LANG unknown, a single-valued parameter given
    /// twice, MAXREC malformed, RESPONSEFORMAT unsupported, UPLOAD malformed, RUNID too long (all HTTP 400).</exception>
    public static TapRequest FromParameters(DaliParameters parameters, TapOptions options)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(options);
        var language = parameters.GetSingle("LANG");
        if (string.IsNullOrWhiteSpace(language))
        {
            throw new DaliParameterException("LANG", "LANG: missing; a TAP query needs LANG=ADQL (TAP 1.1 §2.7.1)");
        }
        if (!Languages.Contains(language.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            throw new DaliParameterException("LANG",
                $"LANG: unknown query language '{Shorten(language)}'; supported: {string.Join(", ", Languages)}");
        }
        var query = parameters.GetSingle("QUERY");
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new DaliParameterException("QUERY", "QUERY: missing; give the ADQL query to run (TAP 1.1 §2.7.2)");
        }
        var format = options.ResponseFormats.Resolve(parameters.GetResponseFormat(acceptFormatSynonym: true));
        var maxRec = Math.Min(parameters.GetMaxRec() ?? options.DefaultMaxRec, options.HardMaxRec);
        return new TapRequest(query, language.Trim(), format, maxRec, parameters.GetUploads(), parameters.GetRunId());
    }

    /// <summary>The INFO elements written before the result table (TAP 1.1 §2.9 leaves them to the service).</summary>
    /// <param name="requestDate">When the request arrived (UTC).</param>
    public IReadOnlyList<VoTable.VoTableInfo> Infos(DateTime requestDate)
    {
        var infos = new List<VoTable.VoTableInfo>
        {
            new("standardID", "ivo://ivoa.net/std/TAP"),
            new("LANG", Language),
            new("QUERY", Query),
            new("MAXREC", MaxRec.ToString(CultureInfo.InvariantCulture)),
            new("request_date", DaliTimestamp.Format(requestDate, utcDesignator: true)),
        };
        if (RunId is not null)
        {
            infos.Add(new("RUNID", RunId));
        }
        return infos;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}
