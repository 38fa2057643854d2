using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoServices.Tap.Capabilities;
using VoServices.Tap.Examples;
using VoServices.Tap.Query;
using VoServices.Tap.TapSchema;
using VoServices.Tap.Uploads;
using VoServices.Tap.Vosi;
using VoServices.Uws;

namespace VoServices.Tap;

/// <summary>Registers the TAP service (architecture.md §3: one <c>AddX</c> per service).</summary>
public static class TapServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="TapOptions"/> (validated at startup), the capability contributors (VOSI, TAP, DALI examples),
    /// the <see cref="UploadReader"/>, the <see cref="TapQueryService"/> and the UWS executor of the <c>tap</c> job
    /// list (<see cref="TapAsyncJobExecutor"/>). The backend ports <see cref="ITapSchemaSource"/>,
    /// <see cref="IAvailabilityProbe"/> and <see cref="IQueryExecutor"/> are registered by the storage module, not
    /// here; without them the endpoints answer 503 and availability says false. <c>/async</c> also needs
    /// <c>AddUws</c> and a UWS job store.
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
            .Validate(o => o.HardMaxRec >= 0 && o.DefaultMaxRec >= 0 && o.DefaultMaxRec <= o.HardMaxRec,
                "TapOptions.DefaultMaxRec must be between 0 and HardMaxRec.")
            .Validate(o => o.SyncTimeout > TimeSpan.Zero, "TapOptions.SyncTimeout must be positive.")
            .Validate(o => o.Functions is not null && o.ResponseFormats is not null && o.Uploads is not null
                && o.Examples is not null, "TapOptions.Functions, ResponseFormats, Uploads and Examples must be set.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICapabilityContributor, VosiCapabilityContributor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICapabilityContributor, TapCapabilityContributor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICapabilityContributor, ExamplesCapabilityContributor>());
        services.TryAddSingleton(sp => new UploadReader(sp.GetRequiredService<IOptions<TapOptions>>().Value.Uploads));
        services.TryAddSingleton(sp => new TapQueryService(
            sp.GetRequiredService<ITapSchemaSource>(),
            sp.GetRequiredService<IQueryExecutor>(),
            sp.GetRequiredService<UploadReader>(),
            sp.GetRequiredService<IOptions<TapOptions>>().Value,
            sp.GetRequiredService<ILogger<TapQueryService>>()));
        services.AddUwsJobExecutor<TapAsyncJobExecutor>(TapAsyncJobExecutor.JobList);
        return services;
    }
}
