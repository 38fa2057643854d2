using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoServices.Uws.Http;

namespace VoServices.Uws;

/// <summary>
/// HTTP mapping of a UWS 1.1 job list (UWS 1.1 §2.2, REST binding; architecture.md §3: one <c>MapX</c> per service).
/// Resources below <c>{jobs}</c> = the prefix:
/// <code>
/// GET    {jobs}[?PHASE=&amp;AFTER=&amp;LAST=]  job list (uws:jobs)
/// POST   {jobs}                       create (params; PHASE=RUN; multipart inline uploads) → 303 {jobs}/{id}
/// GET    {jobs}/{id}[?WAIT=n[&amp;PHASE=]]   job document; blocking WAIT
/// POST   {jobs}/{id}  ACTION=DELETE   → 303 {jobs}?LAST=n; other parameters → 403 (DALI 1.1 §2.2)
/// DELETE {jobs}/{id}                  → 303 {jobs}?LAST=n
/// GET|POST {jobs}/{id}/phase          text/plain; PHASE=RUN|ABORT → 303 {job}
/// GET|POST {jobs}/{id}/executionduration, /destruction   text/plain; → 303 {job}
/// GET    {jobs}/{id}/quote, /owner    text/plain (empty when unknown)
/// GET    {jobs}/{id}/error            error document with 200 (404 without error)
/// GET|POST {jobs}/{id}/parameters     uws:parameters; POST only in PENDING (else 403) → 303 {job}
/// GET    {jobs}/{id}/parameters/{name} an inline upload's bytes, or a value as text/plain
/// GET    {jobs}/{id}/results          uws:results
/// GET    {jobs}/{id}/results/{rid}    the result file with its MIME type (external results: 303)
/// </code>
/// XML is served as <c>text/xml; charset=utf-8</c>, text as <c>text/plain; charset=utf-8</c>. Unknown jobs and
/// children answer 404, another owner's job 403, malformed parameters 400, all with a text/plain message.
/// </summary>
public static class UwsEndpoints
{
    /// <summary>
    /// Maps the job list <paramref name="jobListName"/> at <paramref name="prefix"/> (e.g. <c>/tap/async</c>) and
    /// returns the route group so the host can add filters or authorisation. Requires <see cref="UwsServiceCollectionExtensions.AddUws"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="jobListName"/> is null or blank.</exception>
    public static RouteGroupBuilder MapUwsJobList(this IEndpointRouteBuilder endpoints, string prefix,
        string jobListName, Action<UwsJobListOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobListName);
        var listOptions = new UwsJobListOptions();
        configure?.Invoke(listOptions);
        var normalised = "/" + (prefix ?? "").Trim('/');
        var handlers = new JobListHandlers(normalised == "/" ? "" : normalised, jobListName, listOptions,
            endpoints.ServiceProvider.GetRequiredService<UwsJobService>(),
            endpoints.ServiceProvider.GetRequiredService<IOptions<UwsOptions>>().Value);
        var group = endpoints.MapGroup(normalised);
        group.MapGet("", handlers.GetJobListAsync);
        group.MapPost("", handlers.CreateJobAsync);
        group.MapGet("/{jobId}", handlers.GetJobAsync);
        group.MapPost("/{jobId}", handlers.PostJobAsync);
        group.MapDelete("/{jobId}", handlers.DeleteJobAsync);
        group.MapGet("/{jobId}/phase", handlers.GetPhaseAsync);
        group.MapPost("/{jobId}/phase", handlers.PostPhaseAsync);
        group.MapGet("/{jobId}/executionduration", handlers.GetExecutionDurationAsync);
        group.MapPost("/{jobId}/executionduration", handlers.PostExecutionDurationAsync);
        group.MapGet("/{jobId}/destruction", handlers.GetDestructionAsync);
        group.MapPost("/{jobId}/destruction", handlers.PostDestructionAsync);
        group.MapGet("/{jobId}/quote", handlers.GetQuoteAsync);
        group.MapGet("/{jobId}/owner", handlers.GetOwnerAsync);
        group.MapGet("/{jobId}/error", handlers.GetErrorAsync);
        group.MapGet("/{jobId}/parameters", handlers.GetParametersAsync);
        group.MapPost("/{jobId}/parameters", handlers.PostParametersAsync);
        group.MapGet("/{jobId}/parameters/{name}", handlers.GetParameterAsync);
        group.MapGet("/{jobId}/results", handlers.GetResultsAsync);
        group.MapGet("/{jobId}/results/{resultId}", handlers.GetResultAsync);
        return group;
    }
}
