using VoServices.Dali;
using VoServices.Tap.Results;
using VoServices.Tap.Uploads;
using VoServices.Uws.Execution;

namespace VoServices.Tap.Query;

/// <summary>
/// Runs the jobs of the <c>tap</c> UWS job list (<c>{tap}/async</c>, TAP 1.1 §2.2): validates the job's parameters
/// at run time (TAP 1.1 §2.7: a job may be created empty), calls the same <see cref="TapQueryService"/> as /sync and
/// stores the output as the result <c>result</c> (TAP 1.1 §2.2.1; a zero-row result is still a file). Errors become
/// the job's ERROR phase with the DALI message (served at <c>{job}/error</c> by UWS). Inline uploads
/// (<c>UPLOAD=t,param:p</c>) are read from the multipart parts stored with the job. The query's time limit is the
/// job's execution duration, which UWS also enforces through the cancellation token.
/// </summary>
public sealed class TapAsyncJobExecutor(TapQueryService service) : IJobExecutor
{
    /// <summary>The UWS job list name (<c>MapUwsJobList(prefix + "/async", JobList)</c>).</summary>
    public const string JobList = "tap";

    /// <summary>The result id of the query output (TAP 1.1 §2.2.1: <c>{job}/results/result</c>).</summary>
    public const string ResultId = "result";

    /// <summary>Query time limit for jobs whose execution duration is unlimited (0): one day.</summary>
    public static TimeSpan UnlimitedJobTimeout { get; } = TimeSpan.FromDays(1);

    /// <inheritdoc/>
    /// <exception cref="DaliException">Invalid parameters, a bad query, an upload or backend failure (job → ERROR).</exception>
    public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = service.Bind(context.Parameters);
        var timeout = context.Job.ExecutionDuration > 0
            ? TimeSpan.FromSeconds(context.Job.ExecutionDuration)
            : UnlimitedJobTimeout;
        await using var result = await service.PrepareAsync(request, new JobInlineParts(context), timeout, cancellationToken)
            .ConfigureAwait(false);
        try
        {
            await context.AddResultAsync(ResultId, result.ContentType,
                async (stream, ct) =>
                {
                    var summary = await result.WriteAsync(stream, ct).ConfigureAwait(false);
                    // A VOTable/JSON result that failed while streaming holds its ERROR INFO; the job still failed.
                    if (summary.Error is { } error)
                    {
                        throw TapErrors.ToDali(error);
                    }
                }, cancellationToken).ConfigureAwait(false);
        }
        catch (ResultWriteException e)
        {
            throw TapErrors.ToDali(e.InnerException ?? e);
        }
    }

    /// <summary>The job's stored multipart parts (DALI 1.1 §4.3.5 <c>param:</c>), by exact name.</summary>
    private sealed class JobInlineParts(JobContext context) : IUploadContentSource
    {
        public Stream? OpenPart(string name) =>
            context.InlineParameterNames.Contains(name, StringComparer.Ordinal) ? context.OpenInlineParameter(name) : null;
    }
}
