using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoServices.Uws.Execution;
using VoServices.Uws.Jobs;

namespace VoServices.Uws;

/// <summary>Registers the UWS job service (architecture.md §3: one <c>AddX</c> per service).</summary>
public static class UwsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="UwsOptions"/> (validated at start-up), <see cref="UwsJobService"/>, <see cref="JobFileStore"/>,
    /// the background <c>JobRunner</c> (worker loops) and <c>JobReaper</c> (destruction and crash recovery). The
    /// <see cref="IJobStore"/> is registered by the storage module (e.g. <c>SqliteJobStore</c>); protocols add their
    /// executors with <see cref="AddUwsJobExecutor{TExecutor}"/> and map job lists with
    /// <see cref="UwsEndpoints.MapUwsJobList"/>. Idempotent.
    /// </summary>
    /// <exception cref="OptionsValidationException">At start-up for out-of-range options.</exception>
    public static IServiceCollection AddUws(this IServiceCollection services, Action<UwsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<UwsOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        if (services.Any(d => d.ServiceType == typeof(UwsJobService)))
        {
            return services;
        }
        options
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "UwsOptions.DataDirectory must be set.")
            .Validate(o => o.WorkerCount >= 0, "UwsOptions.WorkerCount must be >= 0.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, "UwsOptions.PollInterval must be positive.")
            .Validate(o => o.MaxWait >= TimeSpan.Zero, "UwsOptions.MaxWait must not be negative.")
            .Validate(o => o.LeaseDuration > TimeSpan.Zero, "UwsOptions.LeaseDuration must be positive.")
            .Validate(o => o.ReaperInterval > TimeSpan.Zero, "UwsOptions.ReaperInterval must be positive.")
            .Validate(o => o.DefaultExecutionDuration >= 0 && o.MaxExecutionDuration >= 0,
                "UwsOptions execution durations must be >= 0 seconds.")
            .Validate(o => o.DefaultDestruction > TimeSpan.Zero && o.MaxDestruction >= o.DefaultDestruction,
                "UwsOptions.DefaultDestruction must be positive and not above MaxDestruction.")
            .Validate(o => o.MaxInlineParameterBytes > 0 && o.MaxParameterChars > 0 && o.MaxJobListSize > 0
                && o.DeleteRedirectLast > 0, "UwsOptions size limits must be positive.")
            .Validate(o => o.PublicBaseUri is null || o.PublicBaseUri.IsAbsoluteUri,
                "UwsOptions.PublicBaseUri must be an absolute URL.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.RunnerId), "UwsOptions.RunnerId must be set.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JobNotifier>();
        services.TryAddSingleton<ExecutingJobs>();
        services.TryAddSingleton(sp => new JobFileStore(sp.GetRequiredService<IOptions<UwsOptions>>().Value.DataDirectory));
        services.TryAddSingleton(sp => new UwsJobService(
            sp.GetService<IJobStore>() ?? throw new InvalidOperationException(
                "No IJobStore is registered: add a job store (e.g. SqliteJobStore) besides AddUws()."),
            sp.GetRequiredService<JobFileStore>(),
            sp.GetRequiredService<JobNotifier>(),
            sp.GetRequiredService<ExecutingJobs>(),
            sp.GetRequiredService<IOptions<UwsOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<UwsJobService>>()));
        services.AddSingleton<IHostedService, JobRunner>();
        services.AddSingleton<IHostedService, JobReaper>();
        return services;
    }

    /// <summary>
    /// Makes this process execute the jobs of <paramref name="jobList"/> with <typeparamref name="TExecutor"/>
    /// (registered as a scoped keyed <see cref="IJobExecutor"/>, resolved in a new scope per job). Call once per
    /// job list; without it the list's jobs stay QUEUED here (another instance may run them).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="jobList"/> is null or blank.</exception>
    public static IServiceCollection AddUwsJobExecutor<TExecutor>(this IServiceCollection services, string jobList)
        where TExecutor : class, IJobExecutor
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobList);
        services.AddKeyedScoped<IJobExecutor, TExecutor>(jobList);
        services.AddSingleton(new JobExecutorRegistration(jobList));
        return services;
    }

    /// <summary>As <see cref="AddUwsJobExecutor{TExecutor}"/>, with a factory (called in the job's scope).</summary>
    /// <exception cref="ArgumentException"><paramref name="jobList"/> is null or blank.</exception>
    public static IServiceCollection AddUwsJobExecutor(this IServiceCollection services, string jobList,
        Func<IServiceProvider, IJobExecutor> factory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobList);
        ArgumentNullException.ThrowIfNull(factory);
        services.AddKeyedScoped(jobList, (sp, _) => factory(sp));
        services.AddSingleton(new JobExecutorRegistration(jobList));
        return services;
    }
}
