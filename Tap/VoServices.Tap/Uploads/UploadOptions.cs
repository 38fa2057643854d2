namespace VoServices.Tap.Uploads;

/// <summary>
/// Limits and network settings of <see cref="UploadReader"/> (TAP 1.1 §2.5.x; TAPRegExt 1.0 <c>uploadLimit</c>
/// should advertise <see cref="MaxBytesPerUpload"/>). Exceeding any limit is a DALI error with HTTP 413
/// (<c>DaliErrorKind.TooLarge</c>), raised while streaming, before the limit is much exceeded.
/// </summary>
public sealed record UploadOptions
{
    /// <summary>Most tables in one request (default 10).</summary>
    public int MaxTables { get; init; } = 10;

    /// <summary>
    /// Most bytes of one upload document (default 64 MiB), counted after HTTP content decoding, so a gzip-encoded
    /// transfer cannot expand beyond it.
    /// </summary>
    public long MaxBytesPerUpload { get; init; } = 64L * 1024 * 1024;

    /// <summary>Most bytes of all uploads of one request together (default 128 MiB).</summary>
    public long MaxTotalBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Most rows of one uploaded table (default 1,000,000).</summary>
    public long MaxRows { get; init; } = 1_000_000;

    /// <summary>Longest time for fetching one http(s) upload, from the request to the last byte (default 60 s).</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether http(s) uploads may come from loopback, private (RFC 1918, RFC 4193), link-local or otherwise
    /// non-public addresses. False (default) protects the network behind the server from request forgery (SSRF);
    /// redirects are checked too. Tests fetching from a loopback server set it to true.
    /// </summary>
    public bool AllowPrivateAddresses { get; init; }

    /// <summary>Most HTTP redirects followed for one upload (default 5).</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>
    /// False (default): tolerate what real VOTable writers produce and astropy reads with warnings (an
    /// unparsable cell becomes NULL). True: such a cell rejects the upload.
    /// </summary>
    public bool Strict { get; init; }
}
