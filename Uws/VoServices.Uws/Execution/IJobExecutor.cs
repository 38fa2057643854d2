namespace VoServices.Uws.Execution;

/// <summary>
/// What a protocol (TAP, SODA) supplies to run its jobs: it reads the job's parameters from
/// <see cref="JobContext.Parameters"/>, validates them (TAP 1.1 §2.7: async parameters are validated at run time),
/// calls the same service as its sync endpoint, and stores results with <see cref="JobContext.AddResultAsync"/>.
/// Registered keyed by job list name with <see cref="UwsServiceCollectionExtensions.AddUwsJobExecutor{TExecutor}"/>
/// and resolved in a fresh DI scope per job.
/// <para>
/// Outcome: returning normally makes the job COMPLETED with the results added. Throwing a
/// <see cref="Dali.DaliException"/> makes it ERROR with the exception message as error summary
/// (<see cref="Dali.DaliErrorKind.TransientFault"/> gives type <c>transient</c>, other kinds <c>fatal</c>). Any other
/// exception is logged and gives ERROR with a generic message. The executor must honour the cancellation token:
/// it is cancelled on PHASE=ABORT, when EXECUTIONDURATION is exceeded, on DELETE, and when the host stops.
/// </para>
/// </summary>
public interface IJobExecutor
{
    /// <summary>Runs one job to completion.</summary>
    /// <param name="context">The job, its parameters, its inline uploads and the result sink.</param>
    /// <param name="cancellationToken">Cancelled when the job must stop (see the type remarks).</param>
    Task ExecuteAsync(JobContext context, CancellationToken cancellationToken);
}
