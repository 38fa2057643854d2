using VoServices.Tap.TapSchema;

namespace VoServices.Server.Tests.Support;

/// <summary>In-memory TAP_SCHEMA source for the host tests (the SQLite store replaces it in production).</summary>
internal sealed class InMemoryTapSchemaSource(TapSchemaDocument document) : ITapSchemaSource
{
    public ValueTask<TapSchemaDocument> GetSchemaAsync(CancellationToken cancellationToken) => ValueTask.FromResult(document);
}

/// <summary>A backend whose database is down: every read throws, as Microsoft.Data.Sqlite would.</summary>
internal sealed class FailingTapSchemaSource : ITapSchemaSource
{
    public const string SecretDetail = "/srv/secret/catalog.db is locked";

    public ValueTask<TapSchemaDocument> GetSchemaAsync(CancellationToken cancellationToken) =>
        throw new IOException(SecretDetail);
}

/// <summary>A backend that never answers (until cancelled).</summary>
internal sealed class HangingBackend : ITapSchemaSource, IAvailabilityProbe
{
    public async ValueTask<TapSchemaDocument> GetSchemaAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    public async ValueTask<AvailabilityStatus> ProbeAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }
}

/// <summary>A probe returning a fixed status, or throwing when <paramref name="status"/> is null.</summary>
internal sealed class FixedAvailabilityProbe(AvailabilityStatus? status) : IAvailabilityProbe
{
    public static FixedAvailabilityProbe Up { get; } = new(new AvailabilityStatus(true,
        new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero), ["in-memory test catalogue"]));

    public ValueTask<AvailabilityStatus> ProbeAsync(CancellationToken cancellationToken) =>
        status is null ? throw new TimeoutException("database timeout") : ValueTask.FromResult(status);
}
