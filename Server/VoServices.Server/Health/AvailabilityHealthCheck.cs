using Microsoft.Extensions.Diagnostics.HealthChecks;
using VoServices.Tap.TapSchema;

namespace VoServices.Server.Health;

/// <summary>
/// Reports the TAP backend probe (<see cref="IAvailabilityProbe"/>, the same one behind VOSI availability):
/// Healthy when it says available, Unhealthy when it says not, throws, or no backend is registered.
/// </summary>
public sealed class AvailabilityHealthCheck(IServiceProvider services) : IHealthCheck
{
    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        var probe = services.GetService<IAvailabilityProbe>();
        if (probe is null)
        {
            return HealthCheckResult.Unhealthy("no catalogue backend is registered");
        }
        try
        {
            var status = await probe.ProbeAsync(cancellationToken).ConfigureAwait(false);
            var notes = string.Join("; ", status.Notes ?? []);
            return status.Available ? HealthCheckResult.Healthy(notes) : HealthCheckResult.Unhealthy(notes);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("catalogue backend probe failed", ex);
        }
    }
}
