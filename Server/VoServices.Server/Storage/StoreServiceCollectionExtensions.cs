using Microsoft.Extensions.Options;
using VoServices.Server.Configuration;
using VoServices.Server.Demo;
using VoServices.Server.Health;
using VoServices.Storage.Postgres;
using VoServices.Storage.Postgres.Query;
using VoServices.Storage.Postgres.Uws;
using VoServices.Storage.Sqlite;
using VoServices.Storage.Sqlite.Query;
using VoServices.Storage.Sqlite.Uws;
using VoServices.Tap.Ingest;
using VoServices.Tap.Query;
using VoServices.Tap.TapSchema;
using VoServices.Uws.Jobs;

namespace VoServices.Server.Storage;

/// <summary>The one place where the host chooses its storage backend.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>File name of the embedded database inside the data directory.</summary>
    public const string DatabaseFileName = "voservices.db";

    /// <summary>File name of the embedded UWS job database inside the data directory.</summary>
    public const string JobDatabaseFileName = "jobs.db";

    /// <summary>
    /// The storage backend: PostgreSQL + pg_sphere when <c>VoServices:Postgres</c> holds a connection string
    /// (architecture.md §6, production), else the embedded SQLite databases <c>{DataDirectory}/voservices.db</c> and
    /// <c>jobs.db</c>. One store instance serves as <see cref="ITapSchemaSource"/>, <see cref="IAvailabilityProbe"/>
    /// and <see cref="ICatalogStore"/>, beside the backend's <see cref="IQueryExecutor"/> and UWS
    /// <see cref="IJobStore"/>; <see cref="DemoArchiveIngest"/> loads the demo archive on first start, and
    /// <c>/health</c> is 503 until it has finished.
    /// </summary>
    public static IServiceCollection AddStorageBackend(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DemoArchiveOptions>().Bind(configuration.GetSection(DemoArchiveOptions.SectionName));
        var postgres = configuration.GetSection(VoServicesOptions.SectionName)[nameof(VoServicesOptions.Postgres)];
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            services.AddSingleton(_ => new PostgresCatalogStore(postgres));
            Expose<PostgresCatalogStore>(services);
            services.AddSingleton<IQueryExecutor>(sp => new PostgresQueryExecutor(sp.GetRequiredService<PostgresCatalogStore>()));
            services.AddSingleton<IJobStore>(_ => new PostgresJobStore(postgres));
        }
        else
        {
            services.AddSingleton(sp => new SqliteCatalogStore(Path.Combine(DataDirectory(sp), DatabaseFileName)));
            Expose<SqliteCatalogStore>(services);
            services.AddSingleton<IQueryExecutor>(sp => new SqliteQueryExecutor(sp.GetRequiredService<SqliteCatalogStore>()));
            services.AddSingleton<IJobStore>(sp => new SqliteJobStore(Path.Combine(DataDirectory(sp), JobDatabaseFileName)));
        }
        services.AddSingleton(new DemoReadiness("the demo archive is being checked and ingested"));
        services.AddHostedService<DemoArchiveIngest>();
        return services;
    }

    /// <summary>The data directory (created if missing), resolved against the checkout.</summary>
    public static string DataDirectory(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<VoServicesOptions>>().Value;
        var environment = services.GetRequiredService<IHostEnvironment>();
        var directory = options.ResolveDataDirectory(environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static void Expose<TStore>(IServiceCollection services)
        where TStore : class, ICatalogStore, ITapSchemaSource, IAvailabilityProbe
    {
        services.AddSingleton<ITapSchemaSource>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IAvailabilityProbe>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<ICatalogStore>(sp => sp.GetRequiredService<TStore>());
    }
}
