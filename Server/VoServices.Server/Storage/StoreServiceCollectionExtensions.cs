using Microsoft.Extensions.Options;
using VoServices.Server.Configuration;
using VoServices.Server.Demo;
using VoServices.Server.Health;
using VoServices.Storage.Sqlite;
using VoServices.Tap.Ingest;
using VoServices.Tap.TapSchema;

namespace VoServices.Server.Storage;

/// <summary>The one place where the host chooses its storage backend.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>File name of the embedded database inside the data directory.</summary>
    public const string DatabaseFileName = "voservices.db";

    /// <summary>
    /// The embedded (SQLite) backend: one <see cref="SqliteCatalogStore"/> at
    /// <c>{DataDirectory}/voservices.db</c> serves as <see cref="ITapSchemaSource"/>, <see cref="IAvailabilityProbe"/>
    /// and <see cref="ICatalogStore"/>; <see cref="DemoArchiveIngest"/> loads the demo archive on first start, and
    /// <c>/health</c> is 503 until it has finished.
    /// </summary>
    public static IServiceCollection AddEmbeddedStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DemoArchiveOptions>().Bind(configuration.GetSection(DemoArchiveOptions.SectionName));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<VoServicesOptions>>().Value;
            var environment = sp.GetRequiredService<IHostEnvironment>();
            var directory = options.ResolveDataDirectory(environment.ContentRootPath);
            Directory.CreateDirectory(directory);
            return new SqliteCatalogStore(Path.Combine(directory, DatabaseFileName));
        });
        services.AddSingleton<ITapSchemaSource>(sp => sp.GetRequiredService<SqliteCatalogStore>());
        services.AddSingleton<IAvailabilityProbe>(sp => sp.GetRequiredService<SqliteCatalogStore>());
        services.AddSingleton<ICatalogStore>(sp => sp.GetRequiredService<SqliteCatalogStore>());
        services.AddSingleton(new DemoReadiness("the demo archive is being checked and ingested"));
        services.AddHostedService<DemoArchiveIngest>();
        return services;
    }
}
