using Microsoft.Extensions.Options;
using VoServices.Server.Configuration;
using VoServices.Server.Health;
using VoServices.Tap.Ingest;
using VoServices.Tap.TapSchema;

namespace VoServices.Server.Demo;

/// <summary>
/// First-start ingest of the demo archive (architecture.md §6): loads every catalogue descriptor whose table is not yet
/// published into the store, from <c>../shared/data</c> when present or else the subset shipped in
/// <c>demo/data</c>; later starts find the tables and reuse them. <see cref="DemoReadiness"/> is not ready (so
/// <c>/health</c> answers 503) until it has finished; a failure leaves it not ready with the reason, and leaves the
/// tables already stored untouched (each table is swapped in only when its load has completed).
/// </summary>
public sealed partial class DemoArchiveIngest(
    ICatalogStore store,
    ITapSchemaSource published,
    DemoReadiness readiness,
    IOptions<DemoArchiveOptions> options,
    IHostEnvironment environment,
    ILogger<DemoArchiveIngest> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await store.InitializeAsync(stoppingToken).ConfigureAwait(false);
            var descriptors = DescriptorPaths(options.Value, environment.ContentRootPath);
            if (descriptors.Count > 0)
            {
                Log.DemoIngestStarting(logger, descriptors.Count, store.Location);
            }
            var results = await IngestMissingAsync(descriptors, stoppingToken).ConfigureAwait(false);
            readiness.MarkReady();
            Log.DemoArchiveReady(logger, results.Count, descriptors.Count - results.Count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown during the ingest: the interrupted table was never swapped in; the next start resumes.
        }
        catch (Exception ex) when (ex is CatalogDescriptorException or CatalogDataException or IOException
                                       or System.Data.Common.DbException or InvalidOperationException)
        {
            readiness.MarkNotReady($"demo archive ingest failed: {ex.Message}");
            Log.DemoIngestFailed(logger, ex);
        }
    }

    /// <summary>
    /// Ingests, in order, each descriptor whose table is not yet published; the source is the full catalogue when
    /// present, else the shipped subset (or always the subset with <see cref="DemoArchiveOptions.UseShippedSubset"/>).
    /// </summary>
    private async Task<List<IngestResult>> IngestMissingAsync(IReadOnlyList<string> descriptorPaths,
        CancellationToken cancellationToken)
    {
        var ingester = new CatalogIngester(store);
        var progress = new IngestProgressLog(logger, readiness);
        var results = new List<IngestResult>();
        foreach (var path in descriptorPaths)
        {
            var descriptor = CatalogDescriptorReader.Read(path);
            var schema = await published.GetSchemaAsync(cancellationToken).ConfigureAwait(false);
            if (schema.FindTable(descriptor.QualifiedTableName) is not null)
            {
                continue;
            }
            var sourceOverride = options.Value.UseShippedSubset ? descriptor.DemoSubset : null;
            var result = await ingester.IngestAsync(descriptor, sourceOverride, progress, cancellationToken)
                .ConfigureAwait(false);
            Log.TableIngested(logger, result.TableName, result.Rows, result.Elapsed.TotalSeconds,
                result.SourcePath ?? "?", result.IsDemoSubset || sourceOverride is not null);
            results.Add(result);
        }
        return results;
    }

    /// <summary>
    /// Descriptor files to load: those named in <see cref="DemoArchiveOptions.Order"/> first, then the rest by name.
    /// Empty when <see cref="DemoArchiveOptions.Catalogs"/> is empty.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The configured folder does not exist.</exception>
    public static IReadOnlyList<string> DescriptorPaths(DemoArchiveOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Catalogs))
        {
            return [];
        }
        var folder = VoServicesOptions.ResolveAgainstCheckout(options.Catalogs, contentRoot);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"demo catalogue folder not found: {folder}");
        }
        var files = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToList();
        int Rank(string f)
        {
            var i = options.Order.IndexOf(Path.GetFileName(f));
            return i < 0 ? int.MaxValue : i;
        }
        return files.OrderBy(Rank).ThenBy(f => f, StringComparer.Ordinal).ToList();
    }

    /// <summary>Logs ingest progress at most every few seconds and shows it as the readiness reason.</summary>
    private sealed class IngestProgressLog(ILogger logger, DemoReadiness readiness) : IProgress<IngestProgress>
    {
        private DateTime lastReport = DateTime.MinValue;
        private string? lastTable;

        public void Report(IngestProgress value)
        {
            var now = DateTime.UtcNow;
            if (value.TableName == lastTable && now - lastReport < TimeSpan.FromSeconds(5))
            {
                return;
            }
            lastTable = value.TableName;
            lastReport = now;
            var percent = value.TotalBytes is > 0 ? 100.0 * value.BytesRead / value.TotalBytes.Value : double.NaN;
            readiness.MarkNotReady(FormattableString.Invariant(
                $"ingesting the demo archive: {value.TableName}, {value.Rows:N0} rows ({percent:F0} % of the source)"));
            Log.IngestProgress(logger, value.TableName, value.Rows, percent);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2000, Level = LogLevel.Information,
            Message = "Demo archive: checking {Count} catalogue descriptors against {Database}")]
        public static partial void DemoIngestStarting(ILogger logger, int count, string database);

        [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
            Message = "Ingested {Table}: {Rows} rows in {Seconds:F1} s from {Source} (demo subset: {IsDemoSubset})")]
        public static partial void TableIngested(ILogger logger, string table, long rows, double seconds, string source,
            bool isDemoSubset);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Information,
            Message = "Demo archive ready: {Ingested} tables ingested now, {Reused} reused")]
        public static partial void DemoArchiveReady(ILogger logger, int ingested, int reused);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Demo archive ingest failed")]
        public static partial void DemoIngestFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 2004, Level = LogLevel.Information,
            Message = "Ingesting {Table}: {Rows} rows ({Percent:F0} % of the source read)")]
        public static partial void IngestProgress(ILogger logger, string table, long rows, double percent);
    }
}
