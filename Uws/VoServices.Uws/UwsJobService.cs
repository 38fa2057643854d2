using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoServices.Dali;
using VoServices.Uws.Execution;
using VoServices.Uws.Jobs;

namespace VoServices.Uws;

/// <summary>
/// The UWS 1.1 job state machine over an <see cref="IJobStore"/> (UWS 1.1 §2.1.3): creation, PHASE=RUN/ABORT,
/// parameter, EXECUTIONDURATION and DESTRUCTION changes, deletion and the blocking WAIT. Every change is a
/// compare-and-set on the job's revision, retried on conflict. Client-visible failures are
/// <see cref="DaliException"/>s: <see cref="DaliErrorKind.NotFound"/> (404) for an unknown job or one of another job
/// list, <see cref="DaliErrorKind.Forbidden"/> (403) for another owner's job or a change the current phase forbids.
/// Registered as a singleton by <see cref="UwsServiceCollectionExtensions.AddUws"/>; thread-safe.
/// </summary>
public sealed class UwsJobService
{
    private const string JobIdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const int JobIdLength = 16;
    private const string RunIdName = "RUNID";

    private readonly IJobStore store;
    private readonly JobFileStore files;
    private readonly JobNotifier notifier;
    private readonly ExecutingJobs executing;
    private readonly UwsOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly Lazy<Task> initialization;

    internal UwsJobService(IJobStore store, JobFileStore files, JobNotifier notifier, ExecutingJobs executing,
        IOptions<UwsOptions> options, TimeProvider clock, ILogger<UwsJobService> logger)
    {
        this.store = store;
        this.files = files;
        this.notifier = notifier;
        this.executing = executing;
        this.options = options.Value;
        this.clock = clock;
        this.logger = logger;
        initialization = new Lazy<Task>(() => store.InitializeAsync(CancellationToken.None));
    }

    /// <summary>The store behind the service.</summary>
    public IJobStore Store => store;

    /// <summary>The job files on disk.</summary>
    public JobFileStore Files => files;

    /// <summary>A new random job id: 16 characters from <c>[a-z0-9]</c> (about 82 bits).</summary>
    public static string NewJobId() => RandomNumberGenerator.GetString(JobIdAlphabet, JobIdLength);

    /// <summary>
    /// Creates a job in PENDING, or QUEUED when <see cref="JobCreation.Run"/> (PHASE=RUN on creation, UWS 1.1
    /// §2.2.3.1). EXECUTIONDURATION and DESTRUCTION are clamped to the limits in <see cref="UwsOptions"/>; RUNID is
    /// taken from the parameter of that name. Staged inline uploads are committed once the job is stored.
    /// </summary>
    /// <exception cref="DaliException"><see cref="DaliErrorKind.UsageError"/> for a RUNID over 64 characters.</exception>
    public async Task<UwsJob> CreateAsync(JobCreation creation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(creation);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var now = Now();
        var job = new UwsJob
        {
            JobId = creation.JobId ?? NewJobId(),
            JobList = creation.JobList,
            OwnerId = creation.OwnerId,
            RunId = RunIdOf(creation.Parameters),
            Phase = creation.Run ? ExecutionPhase.Queued : ExecutionPhase.Pending,
            CreationTime = now,
            ExecutionDuration = ClampExecutionDuration(creation.ExecutionDuration ?? options.DefaultExecutionDuration),
            Destruction = ClampDestruction(creation.Destruction ?? now + options.DefaultDestruction, now),
            Parameters = creation.Parameters,
        };
        files.JobDirectory(job.JobId); // validates the id before anything is stored
        await store.CreateAsync(job, cancellationToken).ConfigureAwait(false);
        foreach (var file in creation.Files)
        {
            file.Commit();
        }
        Log.JobCreated(logger, job.JobList, job.JobId, job.Phase.ToUwsName(), job.RunId);
        if (creation.Run)
        {
            notifier.WorkQueued();
        }
        return job;
    }

    /// <summary>The job, after checking that it exists in this job list and the caller may see it.</summary>
    /// <exception cref="DaliException">404 (unknown job) or 403 (another owner's job).</exception>
    public async Task<UwsJob> GetAsync(JobAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var job = await store.GetAsync(address.JobId, cancellationToken).ConfigureAwait(false);
        if (job is null || job.JobList != address.JobList)
        {
            throw new DaliException(DaliErrorKind.NotFound, $"No job '{address.JobId}' in this job list.");
        }
        if (job.OwnerId is not null && job.OwnerId != address.CallerId)
        {
            throw new DaliException(DaliErrorKind.Forbidden, $"Job '{address.JobId}' belongs to another user.");
        }
        return job;
    }

    /// <summary>
    /// The job list (UWS 1.1 §2.2.1.1), newest first, capped at <see cref="UwsOptions.MaxJobListSize"/> entries.
    /// </summary>
    public async Task<IReadOnlyList<UwsJobSummary>> ListAsync(JobListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var cap = Math.Max(0, options.MaxJobListSize);
        var capped = query with { Last = Math.Min(query.Last ?? cap, cap) };
        return await store.ListAsync(capped, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Blocking WAIT (UWS 1.1 §2.2.1.2): returns at once unless the job is in an active phase (PENDING, QUEUED,
    /// EXECUTING) and, when <paramref name="expectedPhase"/> is given, in that phase; otherwise returns when the phase
    /// changes or the wait ends. <paramref name="wait"/> null or negative means "as long as allowed"; every wait is
    /// capped at <see cref="UwsOptions.MaxWait"/>. Waiting holds no thread: it awaits the change signal of this
    /// process, re-reading the store every <see cref="UwsOptions.PollInterval"/> for changes made elsewhere.
    /// </summary>
    /// <exception cref="DaliException">404 or 403 as for <see cref="GetAsync"/>.</exception>
    /// <exception cref="OperationCanceledException">The client went away.</exception>
    public async Task<UwsJob> WaitAsync(JobAddress address, TimeSpan? wait, ExecutionPhase? expectedPhase,
        CancellationToken cancellationToken)
    {
        var changed = notifier.WhenChanged(address.JobId);
        var job = await GetAsync(address, cancellationToken).ConfigureAwait(false);
        if (!job.Phase.IsActive() || (expectedPhase is { } expected && expected != job.Phase))
        {
            return job;
        }
        var limit = wait is { } w && w >= TimeSpan.Zero && w < options.MaxWait ? w : options.MaxWait;
        var deadline = clock.GetUtcNow() + limit;
        var initialPhase = job.Phase;
        while (true)
        {
            var remaining = deadline - clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return job;
            }
            var poll = remaining < options.PollInterval ? remaining : options.PollInterval;
            await Task.WhenAny(changed, Task.Delay(poll, clock, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            changed = notifier.WhenChanged(address.JobId);
            job = await GetAsync(address, cancellationToken).ConfigureAwait(false);
            if (job.Phase != initialPhase)
            {
                return job;
            }
        }
    }

    /// <summary>
    /// PHASE=RUN (UWS 1.1 §2.2.3.2): PENDING or HELD becomes QUEUED; QUEUED and EXECUTING are left as they are.
    /// </summary>
    /// <exception cref="DaliException">404, or 403 when the job already ended.</exception>
    public async Task<UwsJob> RunAsync(JobAddress address, CancellationToken cancellationToken)
    {
        var job = await MutateAsync(address, job => job.Phase switch
        {
            ExecutionPhase.Pending or ExecutionPhase.Held => job with { Phase = ExecutionPhase.Queued },
            ExecutionPhase.Queued or ExecutionPhase.Executing => null,
            _ => throw Forbidden($"PHASE=RUN is not allowed: the job is {job.Phase.ToUwsName()}."),
        }, cancellationToken).ConfigureAwait(false);
        if (job.Phase == ExecutionPhase.Queued)
        {
            notifier.WorkQueued();
        }
        return job;
    }

    /// <summary>
    /// PHASE=ABORT (UWS 1.1 §2.2.3.2): PENDING, QUEUED, HELD, SUSPENDED or EXECUTING becomes ABORTED (results so far
    /// are kept) and a running execution is cancelled; ABORTED stays ABORTED.
    /// </summary>
    /// <exception cref="DaliException">404, or 403 when the job is COMPLETED or ERROR.</exception>
    public async Task<UwsJob> AbortAsync(JobAddress address, CancellationToken cancellationToken)
    {
        var job = await MutateAsync(address, job => job.Phase switch
        {
            ExecutionPhase.Pending or ExecutionPhase.Queued or ExecutionPhase.Held or ExecutionPhase.Suspended
                or ExecutionPhase.Executing => job with { Phase = ExecutionPhase.Aborted, EndTime = Now() },
            ExecutionPhase.Aborted => null,
            _ => throw Forbidden($"PHASE=ABORT is not allowed: the job is {job.Phase.ToUwsName()}."),
        }, cancellationToken).ConfigureAwait(false);
        executing.TryStop(job.JobId, StopReason.Aborted);
        return job;
    }

    /// <summary>
    /// Replaces the values of the given parameter names (compared case-insensitively) and appends new ones; only in
    /// PENDING (UWS 1.1 §2.2.3.3; DALI 1.1 §2.2). A RUNID parameter also sets the runId. Staged inline uploads are
    /// committed on success and discarded otherwise.
    /// </summary>
    /// <exception cref="DaliException">404, or 403 when the job is not PENDING.</exception>
    public async Task<UwsJob> SetParametersAsync(JobAddress address, IReadOnlyList<UwsParameter> parameters,
        IReadOnlyList<StagedFile> stagedFiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(stagedFiles);
        var names = parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        try
        {
            var job = await MutateAsync(address, job =>
            {
                if (job.Phase != ExecutionPhase.Pending)
                {
                    throw Forbidden($"Parameters may only change while the job is PENDING; it is {job.Phase.ToUwsName()}.");
                }
                if (parameters.Count == 0)
                {
                    return null;
                }
                IReadOnlyList<UwsParameter> merged = [.. job.Parameters.Where(p => !names.Contains(p.Name)), .. parameters];
                return job with { Parameters = merged, RunId = RunIdOf(merged) };
            }, cancellationToken).ConfigureAwait(false);
            foreach (var file in stagedFiles)
            {
                file.Commit();
            }
            return job;
        }
        catch
        {
            foreach (var file in stagedFiles)
            {
                file.Discard();
            }
            throw;
        }
    }

    /// <summary>
    /// Sets EXECUTIONDURATION in seconds (UWS 1.1 §2.2.3.4), clamped to <see cref="UwsOptions.MaxExecutionDuration"/>;
    /// only before the job runs (PENDING or HELD).
    /// </summary>
    /// <exception cref="DaliException">400 for a negative value, 404, or 403 once the job was queued.</exception>
    public Task<UwsJob> SetExecutionDurationAsync(JobAddress address, int seconds, CancellationToken cancellationToken)
    {
        if (seconds < 0)
        {
            throw new DaliParameterException("EXECUTIONDURATION",
                "EXECUTIONDURATION: must be an integer number of seconds >= 0 (0 = unlimited)");
        }
        var clamped = ClampExecutionDuration(seconds);
        return MutateAsync(address, job => job.Phase is ExecutionPhase.Pending or ExecutionPhase.Held
            ? job with { ExecutionDuration = clamped }
            : throw Forbidden($"EXECUTIONDURATION may only change before the job runs; it is {job.Phase.ToUwsName()}."),
            cancellationToken);
    }

    /// <summary>
    /// Sets the destruction time (UWS 1.1 §2.2.3.5), clamped to [now, now + <see cref="UwsOptions.MaxDestruction"/>];
    /// allowed in every phase.
    /// </summary>
    /// <exception cref="DaliException">404 or 403 (another owner).</exception>
    public Task<UwsJob> SetDestructionAsync(JobAddress address, DateTime destruction, CancellationToken cancellationToken)
    {
        var clamped = ClampDestruction(destruction, Now());
        return MutateAsync(address, job => job with { Destruction = clamped }, cancellationToken);
    }

    /// <summary>
    /// Deletes the job and its files (UWS 1.1 §2.2.3.1 DELETE / ACTION=DELETE), cancelling an execution in this
    /// process. Afterwards the job answers 404.
    /// </summary>
    /// <exception cref="DaliException">404 or 403.</exception>
    public async Task DeleteAsync(JobAddress address, CancellationToken cancellationToken)
    {
        var job = await GetAsync(address, cancellationToken).ConfigureAwait(false);
        await DestroyAsync(job.JobId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a job and its files without access checks (the reaper and DELETE).</summary>
    internal async Task DestroyAsync(string jobId, CancellationToken cancellationToken)
    {
        executing.TryStop(jobId, StopReason.Deleted);
        await store.DeleteAsync(jobId, cancellationToken).ConfigureAwait(false);
        DeleteFiles(jobId);
        notifier.Changed(jobId);
    }

    /// <summary>
    /// Ends an EXECUTING job claimed by this process: stores phase, results and error summary if the job is still
    /// EXECUTING. If it was deleted meanwhile, its files are removed again.
    /// </summary>
    /// <returns>False when the job was no longer EXECUTING (aborted, failed elsewhere, or deleted).</returns>
    internal async Task<bool> FinishAsync(string jobId, ExecutionPhase phase, IReadOnlyList<UwsResult> results,
        UwsErrorSummary? error, CancellationToken cancellationToken)
    {
        while (true)
        {
            var job = await store.GetAsync(jobId, cancellationToken).ConfigureAwait(false);
            if (job is null)
            {
                DeleteFiles(jobId);
                return false;
            }
            if (job.Phase != ExecutionPhase.Executing)
            {
                return false;
            }
            var ended = job with { Phase = phase, EndTime = Now(), Results = results, ErrorSummary = error };
            if (await store.TryUpdateAsync(ended, cancellationToken).ConfigureAwait(false) is not null)
            {
                notifier.Changed(jobId);
                return true;
            }
        }
    }

    internal Task EnsureInitializedAsync(CancellationToken cancellationToken) =>
        initialization.Value.WaitAsync(cancellationToken);

    internal DateTime Now() => TruncateToMilliseconds(clock.GetUtcNow().UtcDateTime);

    private async Task<UwsJob> MutateAsync(JobAddress address, Func<UwsJob, UwsJob?> change,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            var job = await GetAsync(address, cancellationToken).ConfigureAwait(false);
            var updated = change(job);
            if (updated is null)
            {
                return job;
            }
            var stored = await store.TryUpdateAsync(updated, cancellationToken).ConfigureAwait(false);
            if (stored is not null)
            {
                if (stored.Phase != job.Phase)
                {
                    Log.PhaseChanged(logger, job.JobId, job.Phase.ToUwsName(), stored.Phase.ToUwsName());
                }
                notifier.Changed(job.JobId);
                return stored;
            }
        }
    }

    private void DeleteFiles(string jobId)
    {
        try
        {
            files.DeleteJob(jobId);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.FileDeleteFailed(logger, jobId, e);
        }
    }

    private int ClampExecutionDuration(int seconds) =>
        options.MaxExecutionDuration > 0 && (seconds == 0 || seconds > options.MaxExecutionDuration)
            ? options.MaxExecutionDuration
            : Math.Max(0, seconds);

    private DateTime ClampDestruction(DateTime requested, DateTime now)
    {
        var latest = now + options.MaxDestruction;
        var utc = requested.Kind == DateTimeKind.Local ? requested.ToUniversalTime() : requested;
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return TruncateToMilliseconds(utc > latest ? latest : utc < now ? now : utc);
    }

    private static string? RunIdOf(IEnumerable<UwsParameter> parameters)
    {
        var runId = parameters
            .LastOrDefault(p => !p.ByReference && p.Name.Equals(RunIdName, StringComparison.OrdinalIgnoreCase))?.Value;
        if (runId is { Length: > DaliParameters.MaxRunIdLength })
        {
            throw new DaliParameterException(RunIdName, string.Create(CultureInfo.InvariantCulture,
                $"RUNID: {runId.Length} characters given; at most {DaliParameters.MaxRunIdLength} are allowed"));
        }
        return string.IsNullOrWhiteSpace(runId) ? null : runId;
    }

    private static DateTime TruncateToMilliseconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    private static DaliException Forbidden(string message) => new(DaliErrorKind.Forbidden, message);

    internal static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Which job a request is about and who asks.</summary>
/// <param name="JobList">The job list name the request came through.</param>
/// <param name="JobId">The job id from the URL.</param>
/// <param name="CallerId">The authenticated caller, or null for anonymous.</param>
public sealed record JobAddress(string JobList, string JobId, string? CallerId);

/// <summary>A job creation request (UWS 1.1 §2.2.3.1).</summary>
/// <param name="JobList">The job list.</param>
/// <param name="OwnerId">The authenticated creator, or null.</param>
/// <param name="Parameters">The job parameters in request order (control parameters already removed).</param>
public sealed record JobCreation(string JobList, string? OwnerId, IReadOnlyList<UwsParameter> Parameters)
{
    /// <summary>A pre-allocated id (when inline uploads were staged under it), or null for a new one.</summary>
    public string? JobId { get; init; }

    /// <summary>True for PHASE=RUN on creation: the job starts QUEUED.</summary>
    public bool Run { get; init; }

    /// <summary>Requested EXECUTIONDURATION in seconds, or null for the default.</summary>
    public int? ExecutionDuration { get; init; }

    /// <summary>Requested destruction time, or null for the default.</summary>
    public DateTime? Destruction { get; init; }

    /// <summary>Inline uploads staged under <see cref="JobId"/>, committed when the job is stored.</summary>
    public IReadOnlyList<StagedFile> Files { get; init; } = [];
}
