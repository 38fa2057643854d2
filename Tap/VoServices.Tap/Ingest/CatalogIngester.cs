using System.Diagnostics;
using VoServices.Tap.TapSchema;

namespace VoServices.Tap.Ingest;

/// <summary>
/// The library call behind <c>vo ingest</c> and the server's first-start load: descriptor → source file → rows →
/// <see cref="ICatalogStore"/>. Backend-neutral.
/// </summary>
public sealed class CatalogIngester(ICatalogStore store)
{
    private readonly ICatalogStore store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>
    /// Reads the descriptor at <paramref name="descriptorPath"/> and ingests it (see
    /// <see cref="IngestAsync(CatalogDescriptor, string?, IProgress{IngestProgress}?, CancellationToken)"/>).
    /// </summary>
    /// <exception cref="CatalogDescriptorException">The descriptor is invalid.</exception>
    /// <exception cref="CatalogDataException">No usable source file, or a bad value in it.</exception>
    public Task<IngestResult> IngestAsync(string descriptorPath, string? sourceOverride,
        IProgress<IngestProgress>? progress, CancellationToken cancellationToken) =>
        IngestAsync(CatalogDescriptorReader.Read(descriptorPath), sourceOverride, progress, cancellationToken);

    /// <summary>
    /// Ingests one catalogue: reads <paramref name="sourceOverride"/> when given, else the descriptor's
    /// <c>source</c> when that file exists, else its <c>demoSubset</c>. The store replaces the table atomically.
    /// </summary>
    /// <returns>Rows, elapsed time (reading + loading + indexing), and which file was read.</returns>
    /// <exception cref="CatalogDataException">No usable source file, or a bad value in it.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the previous table is intact.</exception>
    public async Task<IngestResult> IngestAsync(CatalogDescriptor descriptor, string? sourceOverride,
        IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var (path, isDemo) = ResolveSource(descriptor, sourceOverride);
        var clock = Stopwatch.StartNew();
        using var rows = CatalogRowSource.Open(path, descriptor.Format, descriptor.Columns);
        var result = await store.IngestAsync(descriptor.ToCatalogTable(), rows, progress, cancellationToken)
            .ConfigureAwait(false);
        return result with { Elapsed = clock.Elapsed, SourcePath = path, IsDemoSubset = isDemo };
    }

    /// <summary>
    /// First-start load: ingests, in order, each descriptor whose table is not yet in <paramref name="published"/>
    /// (matched by qualified name), and skips the others, so a restart reuses the existing database.
    /// </summary>
    /// <returns>Results of the tables ingested now (empty when everything was already there).</returns>
    /// <exception cref="CatalogDescriptorException">A descriptor is invalid (nothing after it is ingested).</exception>
    /// <exception cref="CatalogDataException">No usable source file, or a bad value in it.</exception>
    public async Task<IReadOnlyList<IngestResult>> IngestMissingAsync(IEnumerable<string> descriptorPaths,
        ITapSchemaSource published, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(descriptorPaths);
        ArgumentNullException.ThrowIfNull(published);
        var results = new List<IngestResult>();
        foreach (var path in descriptorPaths)
        {
            var descriptor = CatalogDescriptorReader.Read(path);
            var schema = await published.GetSchemaAsync(cancellationToken).ConfigureAwait(false);
            if (schema.FindTable(descriptor.QualifiedTableName) is null)
            {
                results.Add(await IngestAsync(descriptor, null, progress, cancellationToken).ConfigureAwait(false));
            }
        }
        return results;
    }

    /// <summary>
    /// The file to read: <paramref name="sourceOverride"/> (resolved against the current directory) if given; else
    /// <c>source</c> if it exists; else <c>demoSubset</c> if it exists (IsDemoSubset = true).
    /// </summary>
    /// <exception cref="CatalogDataException">None of the candidates exists.</exception>
    public static (string Path, bool IsDemoSubset) ResolveSource(CatalogDescriptor descriptor, string? sourceOverride)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (sourceOverride is not null)
        {
            var full = Path.GetFullPath(sourceOverride);
            return File.Exists(full)
                ? (full, false)
                : throw new CatalogDataException(full, null, null, "source file not found");
        }
        if (descriptor.Source is { } source && File.Exists(source))
        {
            return (source, false);
        }
        if (descriptor.DemoSubset is { } demo && File.Exists(demo))
        {
            return (demo, true);
        }
        var tried = string.Join(" or ", new[] { descriptor.Source, descriptor.DemoSubset }.Where(p => p is not null));
        throw new CatalogDataException(descriptor.DescriptorPath ?? descriptor.QualifiedTableName, null, null,
            $"no source file for {descriptor.QualifiedTableName}: {tried} not found");
    }
}
