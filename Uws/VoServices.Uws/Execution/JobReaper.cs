using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoServices.Uws.Jobs;

namespace VoServices.Uws.Execution;

/// <summary>
/// Periodic housekeeping, at start-up and every <see cref="UwsOptions.ReaperInterval"/>: fails EXECUTING jobs whose
/// runner lost its lease (crash recovery: such a job ends in ERROR with a message saying so), and destroys jobs whose
/// destruction time has passed, with their files (UWS 1.1 §2.1.8). Safe to run in several instances at once.
/// </summary>
internal sealed class JobReaper(
    UwsJobService service,
    JobNotifier notifier,
    IOptions<UwsOptions> options,
    TimeProvider clock,
    ILogger<JobReaper> logger) : BackgroundService
{
    private const int BatchSize = 100;

    /// <summary>The error summary of a job whose runner disappeared.</summary>
    internal static readonly UwsErrorSummary LostRunnerError = new(
        "The job was interrupted: the service stopped or crashed while it was executing. Please submit it again.",
        UwsErrorType.Transient);

    private readonly UwsOptions options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var interval = options.ReaperInterval > TimeSpan.Zero ? options.ReaperInterval : TimeSpan.FromSeconds(30);
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            do
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    /// <summary>One pass: recover lost executions, then destroy expired jobs.</summary>
    internal async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            await service.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
            var now = service.Now();
            var failed = await service.Store.FailExpiredLeasesAsync(now, LostRunnerError, cancellationToken)
                .ConfigureAwait(false);
            if (failed.Count > 0)
            {
                Log.LeasesExpired(logger, failed.Count, string.Join(", ", failed));
                foreach (var jobId in failed)
                {
                    notifier.Changed(jobId);
                }
            }
            IReadOnlyList<string> expired;
            do
            {
                expired = await service.Store.ListDestructibleAsync(now, BatchSize, cancellationToken).ConfigureAwait(false);
                foreach (var jobId in expired)
                {
                    await service.DestroyAsync(jobId, cancellationToken).ConfigureAwait(false);
                    Log.JobDestroyed(logger, jobId);
                }
            }
            while (expired.Count == BatchSize);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.ReaperFailed(logger, e);
        }
    }
}
