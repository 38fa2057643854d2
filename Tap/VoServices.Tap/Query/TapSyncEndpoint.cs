using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoServices.Dali;
using VoServices.Tap.Results;
using VoServices.Tap.TapSchema;

namespace VoServices.Tap.Query;

/// <summary>
/// <c>GET|POST {tap}/sync</c> (TAP 1.1 §2.2, DALI-sync): runs <see cref="TapQueryService"/> and streams the result
/// with 200 and the requested Content-Type. Errors before the first byte answer a DALI error VOTable
/// (<c>QUERY_STATUS=ERROR</c>) with the status of the <see cref="DaliException"/> (400 ADQL/usage, 413 too large,
/// 500/503 backend); errors while streaming end a VOTable with a trailing ERROR INFO, and abort the connection for
/// CSV/TSV/FITS (the client must see a broken transfer, not a truncated table).
/// </summary>
internal static class TapSyncEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TapSyncEndpoint).FullName!);
        try
        {
            var service = Service(context);
            var (parameters, parts) = await TapHttpParameters.ReadAsync(context.Request, aborted).ConfigureAwait(false);
            var request = service.Bind(parameters);
            await using var result = await service.PrepareAsync(request, parts, service.Options.SyncTimeout, aborted)
                .ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = result.ContentType;
            await result.WriteAsync(context.Response.Body, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away: nothing to answer.
        }
        catch (ResultWriteException e) when (e.OutputStarted)
        {
            Log.ResponseAborted(logger, context.Response.ContentType ?? "?", e);
            context.Abort();
        }
        catch (Exception e)
        {
            var error = TapErrors.ToDali(e is ResultWriteException { InnerException: { } cause } ? cause : e);
            if (!TapErrors.IsServerFault(error))
            {
                Log.QueryRejected(logger, error.HttpStatus, error.Message);
            }
            await WriteErrorAsync(context, error).ConfigureAwait(false);
        }
    }

    private static TapQueryService Service(HttpContext context)
    {
        var services = context.RequestServices;
        // Without a backend the query service cannot be built: answer 503 like the VOSI resources do.
        if (services.GetService<ITapSchemaSource>() is null || services.GetService<IQueryExecutor>() is null)
        {
            Log.BackendMissing(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TapSyncEndpoint).FullName!),
                nameof(IQueryExecutor));
            throw new DaliException(DaliErrorKind.TransientFault, "No catalogue backend is configured for this service.");
        }
        return services.GetRequiredService<TapQueryService>();
    }

    /// <summary>The DALI error VOTable (DALI 1.1 §5.2) with the error's HTTP status, if the response has not started.</summary>
    internal static async Task WriteErrorAsync(HttpContext context, DaliException error)
    {
        if (context.Response.HasStarted)
        {
            context.Abort();
            return;
        }
        context.Response.Clear();
        context.Response.StatusCode = error.HttpStatus;
        context.Response.ContentType = DaliErrorDocument.VoTableContentType;
        if (error.Kind == DaliErrorKind.TransientFault)
        {
            context.Response.Headers.RetryAfter = "30";
        }
        await DaliErrorDocument.WriteVoTableAsync(context.Response.Body, error.Message, null, context.RequestAborted)
            .ConfigureAwait(false);
    }
}
