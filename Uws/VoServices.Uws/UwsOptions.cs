namespace VoServices.Uws;

/// <summary>
/// Settings of the UWS job service (<see cref="UwsServiceCollectionExtensions.AddUws"/>). Durations in seconds are
/// <see cref="int"/> because <c>executionDuration</c> is an <c>xs:int</c> in UWS.xsd.
/// </summary>
public sealed class UwsOptions
{
    /// <summary>
    /// Folder for job files: <c>{DataDirectory}/jobs/{jobId}/results</c> and <c>…/params</c>. Several runner
    /// instances sharing one store must share this folder too. Default: <c>voservices-uws</c> in the temp folder;
    /// hosts should set it below their data directory.
    /// </summary>
    public string DataDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "voservices-uws");

    /// <summary>Number of jobs this instance executes at once (worker loops); 0 makes a web-only instance.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>
    /// How often idle workers look for QUEUED jobs and WAITing requests re-read their job, to see changes made by
    /// other instances sharing the store. Changes made in this instance are signalled at once. Default 2 s.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Server-side cap on a blocking WAIT, also used for <c>WAIT=-1</c> (UWS 1.1 §2.2.1.2; clients time out near
    /// 60 s, pyvo#713). Default 60 s.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>EXECUTIONDURATION of a new job in seconds (0 = unlimited). Default 600.</summary>
    public int DefaultExecutionDuration { get; set; } = 600;

    /// <summary>
    /// Largest EXECUTIONDURATION a client may set, in seconds; requests above it (or 0 = unlimited) are clamped to
    /// it. 0 allows unlimited. Default 3600.
    /// </summary>
    public int MaxExecutionDuration { get; set; } = 3600;

    /// <summary>Time from creation to destruction of a new job. Default 7 days.</summary>
    public TimeSpan DefaultDestruction { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Latest destruction a client may ask for, counted from now; later requests are clamped. Default 30 days.</summary>
    public TimeSpan MaxDestruction { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a worker's claim on an EXECUTING job lasts without renewal (renewed every third of it). After a
    /// crash, the job is failed once the lease lapses. Default 30 s.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the reaper destroys expired jobs and fails jobs with lapsed leases. Default 30 s.</summary>
    public TimeSpan ReaperInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest inline upload (one multipart file part) in bytes; more gives HTTP 413. Default 100 MiB.</summary>
    public long MaxInlineParameterBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Largest total of parameter names and values in one request, in characters. Default 4 Mi.</summary>
    public int MaxParameterChars { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most jobs listed in one job list response (newest first). Default 10000.</summary>
    public int MaxJobListSize { get; set; } = 10_000;

    /// <summary>
    /// LAST value of the job-list URL a DELETE redirects to, keeping that 303 target cheap (astropy/pyvo#535).
    /// Default 20.
    /// </summary>
    public int DeleteRedirectLast { get; set; } = 20;

    /// <summary>
    /// Public scheme, host and path base (e.g. <c>https://vo.example.org/</c>) for job URLs behind a proxy; null to
    /// use the request's.
    /// </summary>
    public Uri? PublicBaseUri { get; set; }

    /// <summary>Identifies this runner instance in leases; default host name, process id and a random suffix.</summary>
    public string RunnerId { get; set; } =
        $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}

/// <summary>How <c>{job}/error</c> presents a job's error (DALI 1.1 §5.2).</summary>
public enum UwsErrorFormat
{
    /// <summary>A DALI error VOTable with QUERY_STATUS=ERROR (TAP).</summary>
    VoTable,

    /// <summary>A text/plain document <c>Error: message</c> (SODA 1.0 §5.2).</summary>
    TextPlain,
}

/// <summary>Settings of one mapped job list (<see cref="UwsEndpoints.MapUwsJobList"/>).</summary>
public sealed class UwsJobListOptions
{
    /// <summary>Format of <c>{job}/error</c>. Default VOTable.</summary>
    public UwsErrorFormat ErrorFormat { get; set; } = UwsErrorFormat.VoTable;
}
