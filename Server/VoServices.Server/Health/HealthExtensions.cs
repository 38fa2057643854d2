using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace VoServices.Server.Health;

/// <summary>Registration and mapping of <c>/health</c>.</summary>
public static class HealthExtensions
{
    /// <summary>Tag of the checks that decide readiness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Registers <see cref="DemoReadiness"/> (ready by default; the ingest marks it not ready while it runs, unless a
    /// DemoReadiness was registered before) and two checks: <c>demo-archive</c> and <c>backend</c>
    /// (<see cref="AvailabilityHealthCheck"/>, 10 s timeout).
    /// </summary>
    public static IServiceCollection AddVoServicesHealth(this IServiceCollection services)
    {
        services.TryAddSingleton(new DemoReadiness());
        services.AddHealthChecks()
            .AddCheck<DemoReadinessHealthCheck>("demo-archive", tags: [ReadyTag])
            .AddCheck<AvailabilityHealthCheck>("backend", timeout: TimeSpan.FromSeconds(10), tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// Maps <paramref name="pattern"/> to the readiness checks: 200 <c>Healthy</c> (text/plain) when all pass,
    /// 503 <c>Unhealthy</c> otherwise; never cached.
    /// </summary>
    public static IEndpointConventionBuilder MapVoServicesHealth(this IEndpointRouteBuilder endpoints,
        string pattern = "/health") =>
        endpoints.MapHealthChecks(pattern, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            AllowCachingResponses = false,
        });
}
