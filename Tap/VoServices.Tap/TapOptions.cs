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
}
