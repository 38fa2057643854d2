using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoServices.Tap.Vosi;

namespace VoServices.Tap;

/// <summary>Registers the TAP service (architecture.md §3: one <c>AddX</c> per service).</summary>
public static class TapServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="TapOptions"/> (validated at startup) and the VOSI capability contributor. The backend ports
    /// <see cref="TapSchema.ITapSchemaSource"/> and <see cref="TapSchema.IAvailabilityProbe"/> are registered by the
    /// storage module, not here; without them the endpoints answer 503 and availability says false.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">
    /// at first use (or startup) when <see cref="TapOptions.BackendTimeout"/> is not positive.</exception>
    public static IServiceCollection AddTap(this IServiceCollection services, Action<TapOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<TapOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        options
            .Validate(o => o.BackendTimeout > TimeSpan.Zero, "TapOptions.BackendTimeout must be positive.")
            .Validate(o => o.PublicBaseUri is null || o.PublicBaseUri.IsAbsoluteUri,
                "TapOptions.PublicBaseUri must be an absolute http(s) URL.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICapabilityContributor, VosiCapabilityContributor>());
        return services;
    }
}
