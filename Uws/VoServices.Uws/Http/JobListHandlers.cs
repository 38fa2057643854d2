using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoServices.Dali;
using VoServices.Uws.Jobs;

namespace VoServices.Uws.Http;

/// <summary>The request handlers of one mapped job list (see <see cref="UwsEndpoints"/> for the resources).</summary>
internal sealed class JobListHandlers(string prefix, string jobList, UwsJobListOptions listOptions,
    UwsJobService service, UwsOptions options)
{
    public const string XmlContentType = "text/xml; charset=utf-8";
    public const string TextContentType = "text/plain; charset=utf-8";

    private const string WaitName = "WAIT";
    private const string ActionName = "ACTION";

    public Task GetJobListAsync(HttpContext context) => HandleAsync(context, async ct =>
    {
        var parameters = (await ReadAsync(context, ct).ConfigureAwait(false)).Parameters;
        var query = new JobListQuery(jobList, Caller(context))
        {
            Phases = parameters.GetAll(ControlParameters.PhaseName, ParsePhase),
            After = ControlParameters.ReadInstant(parameters, "AFTER"),
            Last = parameters.GetInt32("LAST") is { } last
                ? last >= 0 ? last : throw new DaliParameterException("LAST", "LAST: must be an integer >= 0")
                : null,
        };
        var jobs = await service.ListAsync(query, ct).ConfigureAwait(false);
        await WriteXmlAsync(context, UwsXmlWriter.JobList(jobs, JobsUrl(context)), ct).ConfigureAwait(false);
    });

    public Task CreateJobAsync(HttpContext context) => HandleAsync(context, async ct =>
    {
        var jobId = UwsJobService.NewJobId();
        var content = await UwsRequestReader.ReadAsync(context.Request,
            (name, body, token) => service.Files.StageInlineParameterAsync(jobId, name, body,
                options.MaxInlineParameterBytes, token),
            options.MaxParameterChars, ct).ConfigureAwait(false);
        try
        {
            var control = ControlParameters.Read(content.Parameters);
            if (control.Phase == PhaseCommand.Abort)
            {
                throw new DaliParameterException(ControlParameters.PhaseName,
                    "PHASE: only RUN may be given when creating a job");
            }
            var creation = new JobCreation(jobList, Caller(context), ControlParameters.JobParameters(content))
            {
                JobId = jobId,
                Run = control.Phase == PhaseCommand.Run,
                ExecutionDuration = control.ExecutionDuration,
                Destruction = control.Destruction,
                Files = content.Files,
            };
            var job = await service.CreateAsync(creation, ct).ConfigureAwait(false);
            SeeOther(context, JobUrl(context, job.JobId));
        }
        catch
        {
            foreach (var file in content.Files)
            {
                file.Discard();
            }
            throw;
        }
    });

    public Task GetJobAsync(HttpContext context) => HandleAsync(context, async ct =>
    {
        var parameters = (await ReadAsync(context, ct).ConfigureAwait(false)).Parameters;
        var address = Address(context);
        var wait = parameters.GetInt32(WaitName);
        var job = wait is null
            ? await service.GetAsync(address, ct).ConfigureAwait(false)
            : await service.WaitAsync(address, wait < 0 ? null : TimeSpan.FromSeconds(wait.Value),
                ExpectedPhase(parameters), ct).ConfigureAwait(false);
        await WriteXmlAsync(context, UwsXmlWriter.Job(job, JobUrl(context, job.JobId)), ct).ConfigureAwait(false);
    });

    public Task PostJobAsync(HttpContext context) => HandleAsync(context, async ct =>
    {
        var parameters = (await ReadAsync(context, ct).ConfigureAwait(false)).Parameters;
        var action = parameters.GetSingle(ActionName);
        if (action is null)
        {
            // DALI 1.1 §2.2: job parameters go to {job}/parameters, never to the job itself.
            await service.GetAsync(Address(context), ct).ConfigureAwait(false);
            throw new DaliException(DaliErrorKind.Forbidden,
                "Only ACTION=DELETE may be POSTed to a job; POST parameters to its /parameters and PHASE to its /phase.");
        }
        if (!action.Trim().Equals("DELETE", StringComparison.OrdinalIgnoreCase))
        {
            throw new DaliParameterException(ActionName, $"ACTION: '{action}' is not valid; expected DELETE");
        }
        await DeleteAndRedirectAsync(context, ct).ConfigureAwait(false);
    });

    public Task DeleteJobAsync(HttpContext context) => HandleAsync(context, ct => DeleteAndRedirectAsync(context, ct));

    public Task GetPhaseAsync(HttpContext context) =>
        GetTextAsync(context, job => job.Phase.ToUwsName());

    public Task PostPhaseAsync(HttpContext context) => HandleAsync(context, async ct =>
    {
        var parameters = (await ReadAsync(context, ct).ConfigureAwait(false)).Parameters;
        var job = ControlParameters.ReadPhase(parameters) switch
        {
            PhaseCommand.Run => await service.RunAsync(Address(context), ct).ConfigureAwait(false),
            PhaseCommand.Abort => await service.AbortAsync(Address(context), ct).ConfigureAwait(false),
            _ => throw new DaliParameterException(ControlParameters.PhaseName, "PHASE: missing; expected RUN or ABORT"),
        };
        SeeOther(context, JobUrl(context, job.JobId));
    });

    public Task GetExecutionDurationAsync(HttpContext context) =>
        GetTextAsync(context, job => UwsJobService.Seconds(job.ExecutionDuration));

    public Task PostExecutionDurationAsync(HttpContext context) => HandleAsync(context, async ct =>
    {
        var parameters = (await ReadAsync(context, ct).ConfigureAwait(false)).Parameters;
        var seconds = ControlParameters.ReadExecutionDuration(parameters) ?? throw new DaliParameterException(
            ControlParameters.ExecutionDurationName, "EXECUTIONDURATION: missing; expected an integer number of seconds");
        var job = await service.SetExecutionDurationAsync(Address(context), seconds, ct).ConfigureAwait(false);
        SeeOther(context, JobUrl(context, job.JobId));
    });

    public Task GetDestructionAsync(HttpContext context) =>
        GetTextAsync(context, job => UwsXmlWriter.Time(job.Destruction) ?? "");

    public Task PostDestructionAsync(HttpContext context) => HandleAsync(context, async ct =>
    {
        var parameters = (await ReadAsync(context, ct).ConfigureAwait(false)).Parameters;
        var destruction = ControlParameters.ReadInstant(parameters, ControlParameters.DestructionName)
            ?? throw new DaliParameterException(ControlParameters.DestructionName,
                "DESTRUCTION: missing; expected an ISO-8601 instant");
        var job = await service.SetDestructionAsync(Address(context), destruction, ct).ConfigureAwait(false);
        SeeOther(context, JobUrl(context, job.JobId));
    });

    public Task GetQuoteAsync(HttpContext context) => GetTextAsync(context, job => UwsXmlWriter.Time(job.Quote) ?? "");

    public Task GetOwnerAsync(HttpContext context) => GetTextAsync(context, job => job.OwnerId ?? "");

    public Task GetErrorAsync(HttpContext context) => HandleAsync(context, async ct =>
    {
        var job = await service.GetAsync(Address(context), ct).ConfigureAwait(false);
        if (job.ErrorSummary is not { } error)
        {
            throw new DaliException(DaliErrorKind.NotFound,
                $"Job '{job.JobId}' has no error (it is {job.Phase.ToUwsName()}).");
        }
        // DALI 1.1 §5.2 / TAP 1.1 §3.3: the async error document is served with 200.
        if (listOptions.ErrorFormat == UwsErrorFormat.TextPlain)
        {
            await WriteTextAsync(context, StatusCodes.Status200OK,
                DaliErrorDocument.TextPlain(DaliFault.Error, error.Message), ct).ConfigureAwait(false);
            return;
        }
        context.Response.ContentType = DaliErrorDocument.VoTableContentType;
        await context.Response.Body.WriteAsync(DaliErrorDocument.VoTableBytes(error.Message), ct).ConfigureAwait(false);
    });

    public Task GetParametersAsync(HttpContext context) => HandleAsync(context, async ct =>
    {
        var job = await service.GetAsync(Address(context), ct).ConfigureAwait(false);
        await WriteXmlAsync(context, UwsXmlWriter.Parameters(job, JobUrl(context, job.JobId)), ct).ConfigureAwait(false);
    });

    public Task PostParametersAsync(HttpContext context) => HandleAsync(context, async ct =>
    {
        var address = Address(context);
        var current = await service.GetAsync(address, ct).ConfigureAwait(false);
        var content = await UwsRequestReader.ReadAsync(context.Request,
            (name, body, token) => service.Files.StageInlineParameterAsync(current.JobId, name, body,
                options.MaxInlineParameterBytes, token),
            options.MaxParameterChars, ct).ConfigureAwait(false);
        ControlParameters control;
        try
        {
            control = ControlParameters.Read(content.Parameters);
        }
        catch
        {
            foreach (var file in content.Files)
            {
                file.Discard();
            }
            throw;
        }
        var job = await service.SetParametersAsync(address, ControlParameters.JobParameters(content), content.Files, ct)
            .ConfigureAwait(false);
        job = await ApplyControlAsync(address, control, ct).ConfigureAwait(false) ?? job;
        SeeOther(context, JobUrl(context, job.JobId));
    });

    public Task GetParameterAsync(HttpContext context) => HandleAsync(context, async ct =>
    {
        var job = await service.GetAsync(Address(context), ct).ConfigureAwait(false);
        var name = (string?)context.Request.RouteValues["name"] ?? "";
        var matches = job.Parameters.Where(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0)
        {
            throw new DaliException(DaliErrorKind.NotFound, $"Job '{job.JobId}' has no parameter '{name}'.");
        }
        if (matches.FirstOrDefault(p => p.ByReference) is { } upload)
        {
            var path = service.Files.FindInlineParameter(job.JobId, upload.Name)
                ?? throw new DaliException(DaliErrorKind.NotFound, $"The upload '{name}' is no longer stored.");
            await SendFileAsync(context, path, "application/octet-stream", ct).ConfigureAwait(false);
            return;
        }
        await WriteTextAsync(context, StatusCodes.Status200OK, string.Join("\n", matches.Select(p => p.Value)), ct)
            .ConfigureAwait(false);
    });

    public Task GetResultsAsync(HttpContext context) => HandleAsync(context, async ct =>
    {
        var job = await service.GetAsync(Address(context), ct).ConfigureAwait(false);
        await WriteXmlAsync(context, UwsXmlWriter.Results(job, JobUrl(context, job.JobId)), ct).ConfigureAwait(false);
    });

    public Task GetResultAsync(HttpContext context) => HandleAsync(context, async ct =>
    {
        var job = await service.GetAsync(Address(context), ct).ConfigureAwait(false);
        var id = (string?)context.Request.RouteValues["resultId"] ?? "";
        var result = job.Results.FirstOrDefault(r => r.Id == id)
            ?? throw new DaliException(DaliErrorKind.NotFound, $"Job '{job.JobId}' has no result '{id}'.");
        if (result.ExternalHref is { } href)
        {
            SeeOther(context, href.AbsoluteUri);
            return;
        }
        var path = service.Files.FindResult(job.JobId, result)
            ?? throw new DaliException(DaliErrorKind.NotFound, $"The result '{id}' is no longer stored.");
        await SendFileAsync(context, path, result.MimeType ?? "application/octet-stream", ct).ConfigureAwait(false);
    });

    private async Task<UwsJob?> ApplyControlAsync(JobAddress address, ControlParameters control, CancellationToken ct)
    {
        UwsJob? job = null;
        if (control.ExecutionDuration is { } seconds)
        {
            job = await service.SetExecutionDurationAsync(address, seconds, ct).ConfigureAwait(false);
        }
        if (control.Destruction is { } destruction)
        {
            job = await service.SetDestructionAsync(address, destruction, ct).ConfigureAwait(false);
        }
        return control.Phase switch
        {
            PhaseCommand.Run => await service.RunAsync(address, ct).ConfigureAwait(false),
            PhaseCommand.Abort => await service.AbortAsync(address, ct).ConfigureAwait(false),
            _ => job,
        };
    }

    private async Task DeleteAndRedirectAsync(HttpContext context, CancellationToken ct)
    {
        await service.DeleteAsync(Address(context), ct).ConfigureAwait(false);
        // A cheap 303 target: pyvo follows it (astropy/pyvo#535).
        SeeOther(context, JobsUrl(context) + "?LAST=" + options.DeleteRedirectLast.ToString(CultureInfo.InvariantCulture));
    }

    private Task GetTextAsync(HttpContext context, Func<UwsJob, string> text) => HandleAsync(context, async ct =>
    {
        var job = await service.GetAsync(Address(context), ct).ConfigureAwait(false);
        await WriteTextAsync(context, StatusCodes.Status200OK, text(job), ct).ConfigureAwait(false);
    });

    private async Task HandleAsync(HttpContext context, Func<CancellationToken, Task> handle)
    {
        try
        {
            await handle(context.RequestAborted).ConfigureAwait(false);
        }
        catch (DaliException e) when (!context.Response.HasStarted)
        {
            await WriteTextAsync(context, e.HttpStatus, e.Message + "\n", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("VoServices.Uws");
            Log.RequestFailed(logger, context.Request.Path, e);
            await WriteTextAsync(context, StatusCodes.Status500InternalServerError,
                "Internal error of the UWS service; see the service log.\n", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private Task<UwsRequestReader.Content> ReadAsync(HttpContext context, CancellationToken ct) =>
        UwsRequestReader.ReadAsync(context.Request, null, options.MaxParameterChars, ct);

    private JobAddress Address(HttpContext context) =>
        new(jobList, (string?)context.Request.RouteValues["jobId"] ?? "", Caller(context));

    private static string? Caller(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null;

    private string JobsUrl(HttpContext context)
    {
        var request = context.Request;
        var root = options.PublicBaseUri?.AbsoluteUri.TrimEnd('/')
            ?? $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}".TrimEnd('/');
        return root + prefix;
    }

    private string JobUrl(HttpContext context, string jobId) => JobsUrl(context) + "/" + jobId;

    private static void SeeOther(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = location;
    }

    private static async Task WriteXmlAsync(HttpContext context, byte[] xml, CancellationToken ct)
    {
        context.Response.ContentType = XmlContentType;
        context.Response.ContentLength = xml.Length;
        await context.Response.Body.WriteAsync(xml, ct).ConfigureAwait(false);
    }

    private static async Task WriteTextAsync(HttpContext context, int status, string text, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = status;
        context.Response.ContentType = TextContentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, ct).ConfigureAwait(false);
    }

    private static async Task SendFileAsync(HttpContext context, string path, string contentType, CancellationToken ct)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = new FileInfo(path).Length;
        await context.Response.SendFileAsync(path, ct).ConfigureAwait(false);
    }

    private static ExecutionPhase ParsePhase(string text) => ExecutionPhases.TryParse(text, out var phase)
        ? phase
        : throw new FormatException($"'{text}' is not a UWS phase (PENDING, QUEUED, EXECUTING, COMPLETED, ERROR, …)");

    /// <summary>The PHASE of a WAIT request (UWS 1.1 §2.2.1.2), or null.</summary>
    private static ExecutionPhase? ExpectedPhase(DaliParameters parameters)
    {
        var text = parameters.GetSingle(ControlParameters.PhaseName);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return ExecutionPhases.TryParse(text, out var phase)
            ? phase
            : throw new DaliParameterException(ControlParameters.PhaseName, $"PHASE: '{text}' is not a UWS phase");
    }
}
