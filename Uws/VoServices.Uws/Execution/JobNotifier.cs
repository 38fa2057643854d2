using System.Collections.Concurrent;

namespace VoServices.Uws.Execution;

/// <summary>
/// In-process signals between the HTTP layer and the workers: "job X changed" (wakes blocking WAITs, UWS 1.1
/// §2.2.1.2) and "work was queued" (wakes idle workers). Waiters await a task; no thread is held per waiter.
/// Changes made by other processes sharing the store are not signalled: waiters also re-read the store every
/// <see cref="UwsOptions.PollInterval"/>.
/// </summary>
internal sealed class JobNotifier
{
    private const int MaxPendingWakeUps = 1024;

    private readonly ConcurrentDictionary<string, TaskCompletionSource> changes = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim work = new(0);

    /// <summary>A task that completes at the next <see cref="Changed"/> of this job. Subscribe before reading.</summary>
    public Task WhenChanged(string jobId) =>
        changes.GetOrAdd(jobId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Signals that the job's stored state changed (or the job was deleted).</summary>
    public void Changed(string jobId)
    {
        if (changes.TryRemove(jobId, out var waiters))
        {
            waiters.TrySetResult();
        }
    }

    /// <summary>Wakes one idle worker because a job became QUEUED.</summary>
    public void WorkQueued()
    {
        if (work.CurrentCount < MaxPendingWakeUps)
        {
            work.Release();
        }
    }

    /// <summary>Waits until <see cref="WorkQueued"/> or the timeout; true when woken by work.</summary>
    public Task<bool> WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        work.WaitAsync(timeout, cancellationToken);
}
