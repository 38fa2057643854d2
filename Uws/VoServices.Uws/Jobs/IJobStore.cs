namespace VoServices.Uws.Jobs;

/// <summary>
/// Persistence port for UWS jobs (architecture.md §3: owned by Uws, implemented in Storage by SQLite and
/// PostgreSQL adapters). Every state change is a compare-and-set, so several runner instances may share one store
/// and a job is never executed twice:
/// <list type="bullet">
/// <item><see cref="TryUpdateAsync"/> writes a whole job only if its stored <see cref="UwsJob.Revision"/> is unchanged;</item>
/// <item><see cref="TryClaimAsync"/> moves one QUEUED job to EXECUTING atomically (one winner per job);</item>
/// <item>leases let a crashed runner's EXECUTING jobs be failed by a survivor or by the next start.</item>
/// </list>
/// Implementations must be thread-safe and store times with at least millisecond precision, returning them as UTC.
/// Lease fields are bookkeeping of the store: <see cref="TryUpdateAsync"/> must not change them, and they matter only
/// while a job is EXECUTING.
/// </summary>
public interface IJobStore
{
    /// <summary>Creates (prepares) the storage, e.g. tables; idempotent. Called once by the UWS service at startup.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores a new job. Its <see cref="UwsJob.Revision"/> is stored as given (normally 0).</summary>
    /// <exception cref="InvalidOperationException">A job with the same id exists.</exception>
    Task CreateAsync(UwsJob job, CancellationToken cancellationToken);

    /// <summary>The job with this id, or null.</summary>
    Task<UwsJob?> GetAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>The jobs matching <paramref name="query"/>, newest first (see <see cref="JobListQuery"/>).</summary>
    Task<IReadOnlyList<UwsJobSummary>> ListAsync(JobListQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-set: replaces the stored job with <paramref name="job"/> if the stored revision equals
    /// <c>job.Revision</c>, storing revision + 1. The job id and job list never change.
    /// </summary>
    /// <returns>The stored job (with its new revision), or null when the job is gone or was changed meanwhile.</returns>
    Task<UwsJob?> TryUpdateAsync(UwsJob job, CancellationToken cancellationToken);

    /// <summary>Deletes the job; true if it existed.</summary>
    Task<bool> DeleteAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically takes the oldest QUEUED job of one of <paramref name="jobLists"/> (by creation time) and makes it
    /// EXECUTING with start time <c>lease.Now</c>, revision + 1, and the lease recorded. Two concurrent callers never
    /// get the same job.
    /// </summary>
    /// <returns>The claimed job as stored, or null when no job is queued.</returns>
    Task<UwsJob?> TryClaimAsync(IReadOnlyCollection<string> jobLists, JobLease lease,
        CancellationToken cancellationToken);

    /// <summary>
    /// Extends the lease of an EXECUTING job held by <c>lease.RunnerId</c> to <c>lease.ExpiresAt</c> (the revision is
    /// not changed).
    /// </summary>
    /// <returns>False when the job is gone, no longer EXECUTING, or held by another runner: stop executing it.</returns>
    Task<bool> RenewLeaseAsync(string jobId, JobLease lease, CancellationToken cancellationToken);

    /// <summary>
    /// Moves every EXECUTING job whose lease expired before <paramref name="now"/> to ERROR with
    /// <paramref name="error"/>, end time <paramref name="now"/> and revision + 1 (crash recovery).
    /// </summary>
    /// <returns>The ids of the jobs failed.</returns>
    Task<IReadOnlyList<string>> FailExpiredLeasesAsync(DateTime now, UwsErrorSummary error,
        CancellationToken cancellationToken);

    /// <summary>Ids of up to <paramref name="limit"/> jobs whose destruction time is at or before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<string>> ListDestructibleAsync(DateTime now, int limit, CancellationToken cancellationToken);
}
