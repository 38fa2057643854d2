using Microsoft.Extensions.Options;

namespace VoServices.Server.Configuration;

/// <summary>
/// Host settings from the <c>VoServices</c> configuration section (appsettings.json, environment variables such as
/// <c>VoServices__DataDirectory</c>, or <c>--VoServices:DataDirectory=…</c> on the command line).
/// </summary>
public sealed class VoServicesOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "VoServices";

    /// <summary>
    /// Where the embedded backend keeps its database and ingested demo archive. Relative paths are resolved by
    /// <see cref="ResolveDataDirectory"/> against the repository root (so the default <c>var</c> is the git-ignored
    /// <c>/var/</c> of the checkout) or, outside a checkout, against the content root. Default <c>var</c>.
    /// </summary>
    public string DataDirectory { get; set; } = "var";

    /// <summary>
    /// PostgreSQL 15 + pg_sphere connection string for the production backend (architecture.md §6), e.g.
    /// <c>Host=127.0.0.1;Port=5432;Database=vo;Username=vo_reader</c>. Not used yet: the embedded SQLite store is the
    /// only backend so far; empty means "embedded".
    /// </summary>
    public string? Postgres { get; set; }

    /// <summary>
    /// Absolute data directory: <see cref="DataDirectory"/> itself when rooted; else combined with the nearest
    /// ancestor of <paramref name="contentRoot"/> holding <c>VoServices.sln</c>, or with <paramref name="contentRoot"/>.
    /// </summary>
    public string ResolveDataDirectory(string contentRoot) => ResolveAgainstCheckout(DataDirectory, contentRoot);

    /// <summary>
    /// <paramref name="path"/> itself when rooted; else combined with the nearest ancestor of
    /// <paramref name="contentRoot"/> holding <c>VoServices.sln</c>, or with <paramref name="contentRoot"/>.
    /// </summary>
    public static string ResolveAgainstCheckout(string path, string contentRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(contentRoot);
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VoServices.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, path));
            }
        }
        return Path.GetFullPath(Path.Combine(contentRoot, path));
    }
}

/// <summary>Registers <see cref="VoServicesOptions"/>.</summary>
public static class VoServicesOptionsServiceCollectionExtensions
{
    /// <summary>Binds the <c>VoServices</c> section and validates it at startup (DataDirectory must not be empty).</summary>
    public static IServiceCollection AddVoServicesOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VoServicesOptions>()
            .Bind(configuration.GetSection(VoServicesOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "VoServices:DataDirectory must not be empty.")
            .ValidateOnStart();
        return services;
    }
}
