using VoServices.Adql.Functions;
using VoServices.Tap.Examples;
using VoServices.Tap.Results;
using VoServices.Tap.Uploads;
using VoServices.Tap.Vosi;

namespace VoServices.Tap;

/// <summary>
/// Settings of the TAP service (<c>services.AddTap(o => …)</c>, or the <c>VoServices:Tap</c> configuration section
/// when the host binds it).
/// </summary>
public sealed class TapOptions
{
    /// <summary>
    /// Public base URL of the TAP service as clients must see it (e.g. <c>https://vo.example.org/tap</c>), used for
    /// the accessURLs in <c>/capabilities</c>. Null (default): built from each request's scheme, host, PathBase and
    /// the prefix given to <c>MapTap</c>; behind a reverse proxy either set this or enable forwarded headers.
    /// </summary>
    public Uri? PublicBaseUri { get; set; }

    /// <summary>
    /// The <c>detail</c> used for <c>/tables</c> when the request has none or an unknown value (VOSI 1.1 §3.4 makes
    /// it a hint). Default <see cref="TableDetail.Max"/>; large catalogues should choose <see cref="TableDetail.Min"/>.
    /// </summary>
    public TableDetail DefaultTableDetail { get; set; } = TableDetail.Max;

    /// <summary>
    /// Whether <c>/tables</c> publishes TAP_SCHEMA row counts as <c>nrows</c> (VODataService 1.2; TOPCAT shows them).
    /// Default true; set false for clients whose VODataService 1.1 parser rejects unknown elements (pyvo 1.2 in
    /// pedantic mode).
    /// </summary>
    public bool PublishRowCounts { get; set; } = true;

    /// <summary>
    /// Longest wait for the backend (TAP_SCHEMA read, availability probe) before answering 503 / available=false.
    /// Default 30 s; must be positive.
    /// </summary>
    public TimeSpan BackendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// MAXREC when the request gives none (DALI 1.1 §4.3.4), in rows; advertised as the TAPRegExt
    /// <c>outputLimit/default</c>. Default 100,000; must be between 0 and <see cref="HardMaxRec"/>.
    /// </summary>
    public long DefaultMaxRec { get; set; } = 100_000;

    /// <summary>
    /// Largest MAXREC honoured (larger requests are capped, DALI 1.1 §4.3.4), in rows; advertised as the TAPRegExt
    /// <c>outputLimit/hard</c>. Default 10,000,000 (every demo table fits).
    /// </summary>
    public long HardMaxRec { get; set; } = 10_000_000;

    /// <summary>
    /// Longest run of a /sync query, from its start to the last row streamed (a statement timeout; longer queries
    /// belong in /async, limited by the UWS execution duration). Default 60 s; must be positive.
    /// </summary>
    public TimeSpan SyncTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The ADQL functions and optional features offered: parsing accepts exactly these user-defined functions, the
    /// resolver checks calls against them, and <c>/capabilities</c> lists them as TAPRegExt languageFeatures.
    /// Default <see cref="FunctionCatalog.Default"/>.
    /// </summary>
    public FunctionCatalog Functions { get; set; } = FunctionCatalog.Default;

    /// <summary>The output formats (RESPONSEFORMAT); default <see cref="ResponseFormatRegistry.Default"/>.</summary>
    public ResponseFormatRegistry ResponseFormats { get; set; } = ResponseFormatRegistry.Default;

    /// <summary>Limits of UPLOAD (TAP 1.1 §2.5.x); <c>MaxBytesPerUpload</c> is advertised as TAPRegExt <c>uploadLimit</c>.</summary>
    public UploadOptions Uploads { get; set; } = new();

    /// <summary>
    /// The DALI examples served at <c>/examples</c> (DALI 1.1 §2.4); default <see cref="TapExamples.Demo"/> (queries on
    /// the demo archive). Empty: <c>/examples</c> answers 404 and no examples capability is declared.
    /// </summary>
    public IReadOnlyList<TapExample> Examples { get; set; } = TapExamples.Demo;
}
