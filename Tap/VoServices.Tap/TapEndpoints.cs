using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoServices.Tap.Examples;
using VoServices.Tap.Query;
using VoServices.Tap.TapSchema;
using VoServices.Tap.Vosi;
using VoServices.Uws;

namespace VoServices.Tap;

/// <summary>
/// HTTP mapping of the TAP service (architecture.md §3: one <c>MapX</c> per service; TAP 1.1 §2):
/// <c>GET|POST {prefix}/sync</c> (queries, see <see cref="TapSyncEndpoint"/>), <c>{prefix}/async</c> (a UWS 1.1 job
/// list running <see cref="TapAsyncJobExecutor"/>, mapped when UWS is registered), <c>GET {prefix}/examples</c> (DALI
/// examples, XHTML; 404 when none are configured), and the VOSI resources
/// <c>GET {prefix}/tables[?detail=min|max]</c>, <c>GET {prefix}/tables/{table_name}</c>,
/// <c>GET {prefix}/capabilities</c>, <c>GET {prefix}/availability</c> (VOSI 1.1 §3), which answer
/// <c>text/xml; charset=utf-8</c>; HEAD is allowed on the read-only resources; POST/PUT/DELETE/PATCH answer 405 there
/// (VOSI 1.1 §3). Backend failures answer 503 and are logged, never a 500 with a stack trace.
/// </summary>
public static class TapEndpoints
{
    /// <summary>Media type of every VOSI document (the VOSI 1.1 examples and taplint expect XML).</summary>
    public const string XmlContentType = "text/xml; charset=utf-8";

    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];
    private static readonly string[] SyncMethods = [HttpMethods.Get, HttpMethods.Post];
    private static readonly string[] WriteMethods =
        [HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch];

    /// <summary>
    /// Maps the TAP resources below <paramref name="prefix"/> (e.g. <c>/tap</c>; <c>""</c> or <c>/</c> for the root)
    /// and returns the route group so the host can add filters or authorisation.
    /// </summary>
    public static RouteGroupBuilder MapTap(this IEndpointRouteBuilder endpoints, string prefix = "/tap")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var normalised = "/" + (prefix ?? "").Trim('/');
        var group = endpoints.MapGroup(normalised);
        MapReadOnly(group, "/tables", GetTableSetAsync);
        MapReadOnly(group, "/tables/{name}", GetTableAsync);
        MapReadOnly(group, "/capabilities", context => GetCapabilitiesAsync(context, normalised));
        MapReadOnly(group, "/availability", GetAvailabilityAsync);
        group.MapMethods("/sync", SyncMethods, TapSyncEndpoint.HandleAsync);
        group.MapMethods("/sync", [HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch], SyncMethodNotAllowedAsync);
        MapReadOnly(group, "/examples", GetExamplesAsync);
        // TAP 1.1 §2.2: /async is a UWS job list whose jobs run TapAsyncJobExecutor (needs AddUws and a job store).
        if (endpoints.ServiceProvider.GetService<UwsJobService>() is not null)
        {
            endpoints.MapUwsJobList(normalised.TrimEnd('/') + "/async", TapAsyncJobExecutor.JobList);
        }
        return group;
    }

    private static void MapReadOnly(RouteGroupBuilder group, string pattern, RequestDelegate handler)
    {
        group.MapMethods(pattern, ReadMethods, handler);
        group.MapMethods(pattern, WriteMethods, MethodNotAllowedAsync);
    }

    private static async Task GetTableSetAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<TapOptions>>().Value;
        var detail = TableDetailParser.Parse(QueryValue(context.Request, "detail"), options.DefaultTableDetail);
        var schema = await ReadSchemaAsync(context, options).ConfigureAwait(false);
        if (schema is null || !await CheckPublishableAsync(context, () => VosiTablesWriter.Validate(schema)).ConfigureAwait(false))
        {
            return;
        }
        context.Response.ContentType = XmlContentType;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await VosiTablesWriter.WriteTableSetAsync(context.Response.Body, schema, detail, options.PublishRowCounts,
                context.RequestAborted)
                .ConfigureAwait(false);
        }
    }

    private static async Task GetTableAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<TapOptions>>().Value;
        // Routing decodes every escape but %2F; table names never contain '/' unescaped in a path segment.
        var name = ((string?)context.Request.RouteValues["name"] ?? "")
            .Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var schema = await ReadSchemaAsync(context, options).ConfigureAwait(false);
        if (schema is null)
        {
            return;
        }
        var table = schema.FindTable(name);
        if (table is null)
        {
            // VOSI 1.1 §3.4 / DALI 1.1 §2: an unknown child resource is a 404.
            await WritePlainTextAsync(context, StatusCodes.Status404NotFound,
                $"No table named '{name}' in TAP_SCHEMA.tables (see {context.Request.PathBase}{TablesPath(context)}).")
                .ConfigureAwait(false);
            return;
        }
        if (!await CheckPublishableAsync(context, () => VosiTablesWriter.Validate(table)).ConfigureAwait(false))
        {
            return;
        }
        context.Response.ContentType = XmlContentType;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await VosiTablesWriter.WriteTableAsync(context.Response.Body, table, options.PublishRowCounts,
                context.RequestAborted)
                .ConfigureAwait(false);
        }
    }

    private static async Task GetCapabilitiesAsync(HttpContext context, string prefix)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<TapOptions>>().Value;
        var contributors = context.RequestServices.GetServices<ICapabilityContributor>();
        var request = context.Request;
        var baseUri = options.PublicBaseUri
            ?? new Uri($"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}{prefix.TrimEnd('/')}",
                UriKind.Absolute);
        context.Response.ContentType = XmlContentType;
        if (!HttpMethods.IsHead(request.Method))
        {
            await VosiCapabilitiesWriter.WriteAsync(context.Response.Body, contributors, new CapabilityContext(baseUri),
                context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task GetAvailabilityAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<TapOptions>>().Value;
        var status = await ProbeAsync(context, options).ConfigureAwait(false);
        context.Response.ContentType = XmlContentType;
        // Always 200: "not available" is content of the document, not an HTTP error (VOSI 1.1 §3.3).
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await VosiAvailabilityWriter.WriteAsync(context.Response.Body, status, context.RequestAborted)
                .ConfigureAwait(false);
        }
    }

    private static async Task GetExamplesAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<TapOptions>>().Value;
        if (options.Examples.Count == 0)
        {
            // DALI 1.1 §2.4: a service without examples answers 404.
            await WritePlainTextAsync(context, StatusCodes.Status404NotFound, "This service publishes no examples.")
                .ConfigureAwait(false);
            return;
        }
        context.Response.ContentType = TapExamplesWriter.ContentType;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await TapExamplesWriter.WriteAsync(context.Response.Body, options.Examples, context.RequestAborted)
                .ConfigureAwait(false);
        }
    }

    private static Task SyncMethodNotAllowedAsync(HttpContext context)
    {
        context.Response.Headers.Allow = "GET, POST";
        return WritePlainTextAsync(context, StatusCodes.Status405MethodNotAllowed,
            $"{context.Request.Method} is not allowed on /sync; use GET or POST (TAP 1.1 §2.2).");
    }

    private static async Task<AvailabilityStatus> ProbeAsync(HttpContext context, TapOptions options)
    {
        var logger = Logger(context);
        var probe = context.RequestServices.GetService<IAvailabilityProbe>();
        if (probe is null)
        {
            Log.BackendMissing(logger, nameof(IAvailabilityProbe));
            return new AvailabilityStatus(false, null, ["No catalogue backend is configured for this service."]);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(options.BackendTimeout);
        try
        {
            return await probe.ProbeAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log.BackendTimeout(logger, options.BackendTimeout, context.Request.Path);
            return new AvailabilityStatus(false, null, ["The catalogue backend did not answer in time."]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ProbeFailed(logger, ex);
            return new AvailabilityStatus(false, null, ["The catalogue backend is unreachable."]);
        }
    }

    /// <summary>Reads TAP_SCHEMA, or writes the 503 and returns null.</summary>
    private static async Task<TapSchemaDocument?> ReadSchemaAsync(HttpContext context, TapOptions options)
    {
        var logger = Logger(context);
        var source = context.RequestServices.GetService<ITapSchemaSource>();
        if (source is null)
        {
            Log.BackendMissing(logger, nameof(ITapSchemaSource));
            await WriteUnavailableAsync(context, "No catalogue backend is configured for this service.")
                .ConfigureAwait(false);
            return null;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(options.BackendTimeout);
        try
        {
            return await source.GetSchemaAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log.BackendTimeout(logger, options.BackendTimeout, context.Request.Path);
            await WriteUnavailableAsync(context, "The catalogue backend did not answer in time; try again later.")
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception text may name files or hosts: it goes to the log, not to the client.
            Log.SchemaUnavailable(logger, context.Request.Path, ex);
            await WriteUnavailableAsync(context, "TAP_SCHEMA is temporarily unavailable; try again later.")
                .ConfigureAwait(false);
        }
        return null;
    }

    /// <summary>Runs a pre-write validation; on failure writes a 500 text/plain naming the problem.</summary>
    private static async Task<bool> CheckPublishableAsync(HttpContext context, Action validate)
    {
        try
        {
            validate();
            return true;
        }
        catch (VosiDocumentException ex)
        {
            Log.SchemaInvalid(Logger(context), context.Request.Path, ex);
            await WritePlainTextAsync(context, StatusCodes.Status500InternalServerError,
                "The published table metadata is invalid: " + ex.Message).ConfigureAwait(false);
            return false;
        }
    }

    private static Task MethodNotAllowedAsync(HttpContext context)
    {
        context.Response.Headers.Allow = "GET, HEAD";
        return WritePlainTextAsync(context, StatusCodes.Status405MethodNotAllowed,
            $"{context.Request.Method} is not allowed on this VOSI resource; use GET.");
    }

    private static Task WriteUnavailableAsync(HttpContext context, string message)
    {
        context.Response.Headers.RetryAfter = "30";
        return WritePlainTextAsync(context, StatusCodes.Status503ServiceUnavailable, message);
    }

    private static async Task WritePlainTextAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.WriteAsync(message + "\n", Encoding.UTF8, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// First value of a query parameter whose name matches <paramref name="name"/> case-insensitively
    /// (DALI 1.1 §3.1: parameter names are case-insensitive), or null.
    /// </summary>
    private static string? QueryValue(HttpRequest request, string name)
    {
        foreach (var pair in request.Query)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase) && pair.Value.Count > 0)
            {
                return pair.Value[0];
            }
        }
        return null;
    }

    private static string TablesPath(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var cut = path.LastIndexOf("/tables/", StringComparison.Ordinal);
        return cut < 0 ? path : path[..(cut + "/tables".Length)];
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TapEndpoints).FullName!);
}
