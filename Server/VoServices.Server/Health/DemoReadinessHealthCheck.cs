using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VoServices.Server.Health;

/// <summary>Healthy when <see cref="DemoReadiness"/> is ready; Unhealthy with its reason otherwise.</summary>
public sealed class DemoReadinessHealthCheck(DemoReadiness readiness) : IHealthCheck
{
    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var reason = readiness.NotReadyReason;
        return Task.FromResult(reason is null
            ? HealthCheckResult.Healthy("demo archive ready")
            : HealthCheckResult.Unhealthy(reason));
    }
}
