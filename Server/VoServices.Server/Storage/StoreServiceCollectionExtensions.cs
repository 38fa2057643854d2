namespace VoServices.Server.Storage;

/// <summary>The one place where the host chooses its storage backend.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Composition point for the embedded (SQLite) backend. It must register
    /// <c>VoServices.Storage.Sqlite.SqliteCatalogStore</c> as the TAP ports
    /// <see cref="Tap.TapSchema.ITapSchemaSource"/> and <see cref="Tap.TapSchema.IAvailabilityProbe"/> (one singleton
    /// behind both), with its database under <see cref="Configuration.VoServicesOptions.ResolveDataDirectory"/>, and
    /// drive <see cref="Health.DemoReadiness"/> while the demo archive is ingested on first start.
    /// Deliberately empty until the store exists: without it the TAP endpoints answer 503, availability says
    /// false and <c>/health</c> is Unhealthy — never a crash.
    /// </summary>
    public static IServiceCollection AddEmbeddedStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
