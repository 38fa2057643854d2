namespace VoServices.Tap.TapSchema;

/// <summary>
/// Port owned by TAP and implemented by each storage backend: the current TAP_SCHEMA content (including the
/// self-description of TAP_SCHEMA itself). Backends cache and invalidate as they see fit.
/// </summary>
public interface ITapSchemaSource
{
    /// <summary>Reads the published schema; throws the backend's exception if the database is unreachable.</summary>
    ValueTask<TapSchemaDocument> GetSchemaAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Port for VOSI availability (VOSI 1.1 §3.3): a real probe of the backend, not a constant.
/// </summary>
public interface IAvailabilityProbe
{
    /// <summary>Returns whether the service can answer queries now, and a human note (why not, or what is ready).</summary>
    ValueTask<AvailabilityStatus> ProbeAsync(CancellationToken cancellationToken);
}

/// <summary>Result of an availability probe; <paramref name="UpSince"/> is UTC.</summary>
public sealed record AvailabilityStatus(bool Available, DateTimeOffset? UpSince, IReadOnlyList<string> Notes);
