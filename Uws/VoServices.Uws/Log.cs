using Microsoft.Extensions.Logging;

namespace VoServices.Uws;

/// <summary>Log messages of the UWS service (architecture.md §5.8: one [LoggerMessage] class per project).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "UWS job {JobList}/{JobId} created in {Phase} (RUNID {RunId})")]
    public static partial void JobCreated(ILogger logger, string jobList, string jobId, string phase, string? runId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "UWS job {JobId}: {From} -> {To}")]
    public static partial void PhaseChanged(ILogger logger, string jobId, string from, string to);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "UWS job {JobId} started by {RunnerId}")]
    public static partial void JobStarted(ILogger logger, string jobId, string runnerId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information,
        Message = "UWS job {JobId} ended {Phase} after {ElapsedMs} ms")]
    public static partial void JobEnded(ILogger logger, string jobId, string phase, long elapsedMs);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "UWS job {JobId} failed with an unexpected error")]
    public static partial void JobCrashed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning,
        Message = "UWS job {JobId} exceeded its execution duration of {Seconds} s and was aborted")]
    public static partial void JobTimedOut(ILogger logger, string jobId, int seconds);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning,
        Message = "UWS job {JobId} was interrupted because the service is stopping")]
    public static partial void JobInterrupted(ILogger logger, string jobId);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information,
        Message = "UWS job {JobId} stopped executing here: {Reason}")]
    public static partial void JobStopped(ILogger logger, string jobId, string reason);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Error,
        Message = "UWS job {JobId} of list {JobList} cannot run: no IJobExecutor is registered for that list")]
    public static partial void ExecutorMissing(ILogger logger, string jobId, string jobList);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "UWS worker failed; retrying after a pause")]
    public static partial void WorkerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning,
        Message = "UWS job {JobId}: the execution lease could not be renewed")]
    public static partial void LeaseRenewalFailed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning,
        Message = "UWS: {Count} EXECUTING job(s) lost their runner (lease expired) and were set to ERROR: {JobIds}")]
    public static partial void LeasesExpired(ILogger logger, int count, string jobIds);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Information, Message = "UWS job {JobId} destroyed (destruction time reached)")]
    public static partial void JobDestroyed(ILogger logger, string jobId);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Error, Message = "UWS reaper pass failed; retrying at the next interval")]
    public static partial void ReaperFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning, Message = "UWS job {JobId}: could not delete its files")]
    public static partial void FileDeleteFailed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(EventId = 3016, Level = LogLevel.Error, Message = "UWS request {Path} failed")]
    public static partial void RequestFailed(ILogger logger, string path, Exception exception);
}
