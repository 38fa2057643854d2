namespace VoServices.Uws.Jobs;

/// <summary>
/// One UWS job as stored (UWS 1.1 §2.1; XSD <c>uws:JobSummary</c>). Immutable: every change is a new record
/// written back through <see cref="IJobStore.TryUpdateAsync"/>, which compares <see cref="Revision"/>. All times are
/// UTC (<see cref="DateTimeKind.Utc"/>) with millisecond precision, so they survive a round trip through any store.
/// </summary>
public sealed record UwsJob
{
    /// <summary>The job identifier: the last path segment of the job URL (lower-case letters and digits).</summary>
    public required string JobId { get; init; }

    /// <summary>The job list the job belongs to, e.g. <c>tap</c>; decides which <c>IJobExecutor</c> runs it.</summary>
    public required string JobList { get; init; }

    /// <summary>The client's RUNID tag (DALI 1.1 §4.3.6, at most 64 characters), or null.</summary>
    public string? RunId { get; init; }

    /// <summary>The authenticated creator, or null for an anonymous job (UWS 1.1 §2.1.6).</summary>
    public string? OwnerId { get; init; }

    /// <summary>The current phase.</summary>
    public required ExecutionPhase Phase { get; init; }

    /// <summary>When the service expects the job to complete, or null when it does not know (UWS 1.1 §2.1.4).</summary>
    public DateTime? Quote { get; init; }

    /// <summary>When the job was created (UTC).</summary>
    public required DateTime CreationTime { get; init; }

    /// <summary>When a worker started executing the job (UTC), or null.</summary>
    public DateTime? StartTime { get; init; }

    /// <summary>When the job reached COMPLETED, ERROR or ABORTED (UTC), or null.</summary>
    public DateTime? EndTime { get; init; }

    /// <summary>The wall-clock limit on execution in seconds; 0 means unlimited (UWS 1.1 §2.1.7).</summary>
    public required int ExecutionDuration { get; init; }

    /// <summary>When the service destroys the job and its files (UTC), or null for never (UWS 1.1 §2.1.8).</summary>
    public DateTime? Destruction { get; init; }

    /// <summary>The job parameters in the order given; names compare case-insensitively (DALI 1.1 §4).</summary>
    public IReadOnlyList<UwsParameter> Parameters { get; init; } = [];

    /// <summary>The results in the order produced; ids are unique within the job.</summary>
    public IReadOnlyList<UwsResult> Results { get; init; } = [];

    /// <summary>Why the job failed or was aborted by the service, or null.</summary>
    public UwsErrorSummary? ErrorSummary { get; init; }

    /// <summary>
    /// Optimistic-concurrency token: 0 for a new job, incremented by the store on every successful update.
    /// </summary>
    public long Revision { get; init; }
}

/// <summary>
/// One job parameter (XSD <c>uws:Parameter</c>). When <see cref="ByReference"/> is true the parameter is an inline
/// upload (a multipart part, DALI 1.1 §4.3.5 <c>param:</c> URIs) stored with the job: <see cref="Value"/> is then the
/// file name the client sent (possibly empty), and the job document shows the URL
/// <c>{job}/parameters/{Name}</c> instead.
/// </summary>
/// <param name="Name">Parameter name as the client spelled it.</param>
/// <param name="Value">Value exactly as given (values are case-sensitive, DALI 1.1 §4).</param>
/// <param name="ByReference">True for an inline upload stored as a file.</param>
public sealed record UwsParameter(string Name, string Value, bool ByReference = false);

/// <summary>
/// One result (XSD <c>uws:ResultReference</c>). Either a file kept with the job (<see cref="FileName"/>, served at
/// <c>{job}/results/{Id}</c>) or an external resource (<see cref="ExternalHref"/>, answered with a 303).
/// </summary>
/// <param name="Id">Unique within the job; TAP uses <c>result</c> (TAP 1.1 §2.2).</param>
/// <param name="MimeType">Media type to serve the result with, or null for <c>application/octet-stream</c>.</param>
/// <param name="Size">Size in bytes, or null when unknown.</param>
public sealed record UwsResult(string Id, string? MimeType, long? Size)
{
    /// <summary>File name inside the job's results folder, for results stored by the service.</summary>
    public string? FileName { get; init; }

    /// <summary>Absolute URL of a result kept elsewhere.</summary>
    public Uri? ExternalHref { get; init; }
}

/// <summary>The kind of a job error (XSD <c>uws:ErrorType</c>).</summary>
public enum UwsErrorType
{
    /// <summary>Retrying later may succeed.</summary>
    Transient,

    /// <summary>Retrying will fail again.</summary>
    Fatal,
}

/// <summary>
/// Why a job failed or was aborted by the service (XSD <c>uws:ErrorSummary</c>). The detailed document at
/// <c>{job}/error</c> is built from <see cref="Message"/> (a DALI error VOTable or text/plain, per job list).
/// </summary>
/// <param name="Message">User-facing explanation; never internals such as stack traces or file paths.</param>
/// <param name="Type">Transient or fatal.</param>
public sealed record UwsErrorSummary(string Message, UwsErrorType Type);

/// <summary>The short description of a job in a job list (XSD <c>uws:ShortJobDescription</c>).</summary>
/// <param name="JobId">The job identifier.</param>
/// <param name="Phase">The current phase.</param>
/// <param name="RunId">The client's RUNID, or null.</param>
/// <param name="OwnerId">The owner, or null for anonymous.</param>
/// <param name="CreationTime">When the job was created (UTC).</param>
public sealed record UwsJobSummary(string JobId, ExecutionPhase Phase, string? RunId, string? OwnerId,
    DateTime CreationTime);

/// <summary>
/// A job list request (UWS 1.1 §2.2.1.1). Filters combine with AND; <see cref="Phases"/> are ORed. Results are
/// newest first (by creation time, then job id). ARCHIVED jobs are listed only when asked for by phase.
/// </summary>
/// <param name="JobList">The job list name.</param>
/// <param name="OwnerId">Only jobs of this owner; null selects anonymous jobs.</param>
public sealed record JobListQuery(string JobList, string? OwnerId)
{
    /// <summary>Only jobs in one of these phases; empty for every phase but ARCHIVED.</summary>
    public IReadOnlyList<ExecutionPhase> Phases { get; init; } = [];

    /// <summary>Only jobs created strictly after this instant (UTC), or null.</summary>
    public DateTime? After { get; init; }

    /// <summary>At most this many jobs (the newest), or null for no limit besides the store's own.</summary>
    public int? Last { get; init; }
}

/// <summary>
/// A worker's claim on an EXECUTING job: the job stays its own while <see cref="ExpiresAt"/> lies in the future,
/// and the worker renews it while running. After a crash the lease lapses and the job is failed
/// (<see cref="IJobStore.FailExpiredLeasesAsync"/>).
/// </summary>
/// <param name="RunnerId">Identifies the runner instance (process) holding the lease.</param>
/// <param name="Now">The current time (UTC); becomes the job's start time when claiming.</param>
/// <param name="ExpiresAt">When the lease lapses unless renewed (UTC).</param>
public sealed record JobLease(string RunnerId, DateTime Now, DateTime ExpiresAt);
