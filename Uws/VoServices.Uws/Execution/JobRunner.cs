using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoServices.Dali;
using VoServices.Uws.Jobs;

namespace VoServices.Uws.Execution;

/// <summary>
/// The store-backed execution engine (docs/adr/0001): <see cref="UwsOptions.WorkerCount"/> worker loops claim QUEUED
/// jobs of the job lists that have an <see cref="IJobExecutor"/> in this process, by compare-and-set in the
/// <see cref="IJobStore"/> (so competing instances never run one job twice), execute them under a renewed lease, and
/// store the outcome. Idle workers sleep until a job is queued here or <see cref="UwsOptions.PollInterval"/> passes.
/// </summary>
internal sealed class JobRunner(
    UwsJobService service,
    JobNotifier notifier,
    ExecutingJobs executing,
    IServiceProvider services,
    IEnumerable<JobExecutorRegistration> registrations,
    IOptions<UwsOptions> options,
    TimeProvider clock,
    ILogger<JobRunner> logger) : BackgroundService
{
    private readonly UwsOptions options = options.Value;
    private readonly string[] jobLists = [.. registrations.Select(r => r.JobList).Distinct(StringComparer.Ordinal)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.WorkerCount <= 0 || jobLists.Length == 0)
        {
            return;
        }
        await Task.Yield(); // let host start-up continue
        await Task.WhenAll(Enumerable.Range(0, options.WorkerCount).Select(_ => WorkAsync(stoppingToken)))
            .ConfigureAwait(false);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await service.EnsureInitializedAsync(stoppingToken).ConfigureAwait(false);
                var job = await service.Store.TryClaimAsync(jobLists, NewLease(), stoppingToken).ConfigureAwait(false);
                if (job is null)
                {
                    await notifier.WaitForWorkAsync(options.PollInterval, stoppingToken).ConfigureAwait(false);
                    continue;
                }
                notifier.Changed(job.JobId);
                await RunAsync(job, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.WorkerFailed(logger, e);
                await PauseAsync(stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RunAsync(UwsJob job, CancellationToken stoppingToken)
    {
        Log.JobStarted(logger, job.JobId, options.RunnerId);
        var stopwatch = Stopwatch.StartNew();
        using var running = executing.Add(job.JobId);
        using var timeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
        if (job.ExecutionDuration > 0)
        {
            // UWS 1.1 §2.1.7: the limit counts from the start of execution.
            var left = TimeSpan.FromSeconds(job.ExecutionDuration) - (service.Now() - (job.StartTime ?? service.Now()));
            timeout.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, running.Token, timeout.Token);
        using var renewal = new CancellationTokenSource();
        var renewing = RenewLeaseAsync(running, renewal.Token);
        var context = new JobContext(job, service.Files);
        var outcome = await ExecuteAsync(job, context, linked.Token).ConfigureAwait(false);
        await renewal.CancelAsync().ConfigureAwait(false);
        await renewing.ConfigureAwait(false);
        if (outcome.Phase is null)
        {
            outcome = Stopped(job, running, timeout, stoppingToken);
        }
        if (outcome.Phase is { } phase)
        {
            // The job's end must be recorded even while the host stops.
            await service.FinishAsync(job.JobId, phase, context.CompletedResults(), outcome.Error, CancellationToken.None)
                .ConfigureAwait(false);
            Log.JobEnded(logger, job.JobId, phase.ToUwsName(), stopwatch.ElapsedMilliseconds);
        }
    }

    private async Task<Outcome> ExecuteAsync(UwsJob job, JobContext context, CancellationToken cancellationToken)
    {
        var scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var executor = scope.ServiceProvider.GetKeyedService<IJobExecutor>(job.JobList);
            if (executor is null)
            {
                Log.ExecutorMissing(logger, job.JobId, job.JobList);
                return new(ExecutionPhase.Error, new UwsErrorSummary(
                    $"The service cannot run jobs of the '{job.JobList}' job list at the moment.", UwsErrorType.Transient));
            }
            try
            {
                await executor.ExecuteAsync(context, cancellationToken).ConfigureAwait(false);
                return cancellationToken.IsCancellationRequested ? default : new(ExecutionPhase.Completed, null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return default; // classified by the caller
            }
            catch (DaliException e)
            {
                var type = e.Kind == DaliErrorKind.TransientFault ? UwsErrorType.Transient : UwsErrorType.Fatal;
                return new(ExecutionPhase.Error, new UwsErrorSummary(e.Message, type));
            }
            catch (Exception e)
            {
                Log.JobCrashed(logger, job.JobId, e);
                return new(ExecutionPhase.Error, new UwsErrorSummary(
                    $"Internal error: the service failed while executing job {job.JobId}; please report it.",
                    UwsErrorType.Fatal));
            }
        }
    }

    /// <summary>Decides what a cancelled execution means for the job.</summary>
    private Outcome Stopped(UwsJob job, ExecutingJob running, CancellationTokenSource timeout,
        CancellationToken stoppingToken)
    {
        if (running.Reason != StopReason.None)
        {
            // ABORT, DELETE or a lost lease: whoever stopped the job already recorded its new state.
            Log.JobStopped(logger, job.JobId, running.Reason.ToString());
            return default;
        }
        if (timeout.IsCancellationRequested)
        {
            Log.JobTimedOut(logger, job.JobId, job.ExecutionDuration);
            return new(ExecutionPhase.Aborted, new UwsErrorSummary(string.Create(CultureInfo.InvariantCulture,
                $"The job exceeded its EXECUTIONDURATION of {job.ExecutionDuration} s and was aborted."),
                UwsErrorType.Fatal));
        }
        Debug.Assert(stoppingToken.IsCancellationRequested, "the only other cancellation source");
        Log.JobInterrupted(logger, job.JobId);
        return new(ExecutionPhase.Error, new UwsErrorSummary(
            "The service was stopped while the job was executing; please submit the job again.",
            UwsErrorType.Transient));
    }

    private async Task RenewLeaseAsync(ExecutingJob running, CancellationToken cancellationToken)
    {
        var period = options.LeaseDuration / 3;
        using var timer = new PeriodicTimer(period > TimeSpan.Zero ? period : TimeSpan.FromSeconds(1), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    if (!await service.Store.RenewLeaseAsync(running.JobId, NewLease(), cancellationToken)
                        .ConfigureAwait(false))
                    {
                        running.Stop(StopReason.LeaseLost);
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Log.LeaseRenewalFailed(logger, running.JobId, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The execution ended.
        }
    }

    private JobLease NewLease()
    {
        var now = service.Now();
        return new JobLease(options.RunnerId, now, now + options.LeaseDuration);
    }

    private async Task PauseAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(options.PollInterval, clock, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>The phase to record (null: record nothing) and the error summary.</summary>
    private readonly record struct Outcome(ExecutionPhase? Phase, UwsErrorSummary? Error);
}

/// <summary>Marks a job list as executable in this process (one per <c>AddUwsJobExecutor</c> call).</summary>
/// <param name="JobList">The job list name, also the key of the <see cref="IJobExecutor"/>.</param>
internal sealed record JobExecutorRegistration(string JobList);
