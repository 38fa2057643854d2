using System.Collections.Concurrent;

namespace VoServices.Uws.Execution;

/// <summary>Why an executing job was told to stop.</summary>
internal enum StopReason
{
    /// <summary>Not stopped.</summary>
    None,

    /// <summary>PHASE=ABORT: the job is already ABORTED in the store.</summary>
    Aborted,

    /// <summary>DELETE or destruction: the job is gone from the store.</summary>
    Deleted,

    /// <summary>The store says another path changed the job (lease renewal failed).</summary>
    LeaseLost,
}

/// <summary>The jobs this process is executing, so an ABORT or DELETE arriving here cancels them at once.</summary>
internal sealed class ExecutingJobs
{
    private readonly ConcurrentDictionary<string, ExecutingJob> jobs = new(StringComparer.Ordinal);

    /// <summary>Registers a job as executing here; dispose the result when it ends.</summary>
    public ExecutingJob Add(string jobId)
    {
        var job = new ExecutingJob(jobId, this);
        jobs[jobId] = job;
        return job;
    }

    /// <summary>Cancels the job if it executes in this process; true if it did.</summary>
    public bool TryStop(string jobId, StopReason reason)
    {
        if (!jobs.TryGetValue(jobId, out var job))
        {
            return false;
        }
        job.Stop(reason);
        return true;
    }

    internal void Remove(ExecutingJob job) => jobs.TryRemove(new KeyValuePair<string, ExecutingJob>(job.JobId, job));
}

/// <summary>One job executing in this process: its stop signal and the reason for it.</summary>
internal sealed class ExecutingJob : IDisposable
{
    private readonly ExecutingJobs owner;
    private readonly CancellationTokenSource stop = new();
    private int reason;

    internal ExecutingJob(string jobId, ExecutingJobs owner)
    {
        JobId = jobId;
        this.owner = owner;
    }

    public string JobId { get; }

    /// <summary>Cancelled by <see cref="Stop"/>.</summary>
    public CancellationToken Token => stop.Token;

    /// <summary>The first reason given to <see cref="Stop"/>, or None.</summary>
    public StopReason Reason => (StopReason)Volatile.Read(ref reason);

    public void Stop(StopReason why)
    {
        Interlocked.CompareExchange(ref reason, (int)why, (int)StopReason.None);
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The job ended meanwhile.
        }
    }

    public void Dispose()
    {
        owner.Remove(this);
        stop.Dispose();
    }
}
