namespace VoServices.Server.Health;

/// <summary>
/// Whether the demo archive is ready to serve (architecture.md §6: "GET /health answers 200 once everything is
/// ready"). A singleton: the first-start ingest calls <see cref="MarkNotReady"/> before it begins and
/// <see cref="MarkReady"/> when it has finished; <c>/health</c> is Unhealthy (503) in between. Thread-safe.
/// </summary>
public sealed class DemoReadiness
{
    private volatile string? _notReadyReason;

    /// <summary>Creates the flag, ready unless <paramref name="notReadyReason"/> is given.</summary>
    public DemoReadiness(string? notReadyReason = null)
    {
        _notReadyReason = notReadyReason;
    }

    /// <summary>True once <see cref="MarkReady"/> has been called (or if never marked not ready).</summary>
    public bool IsReady => _notReadyReason is null;

    /// <summary>Why the archive is not ready (e.g. "ingesting tycho2.main"), or null when ready.</summary>
    public string? NotReadyReason => _notReadyReason;

    /// <summary>Marks the archive as not ready; <paramref name="reason"/> is shown in the health report.</summary>
    public void MarkNotReady(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        _notReadyReason = reason;
    }

    /// <summary>Marks the archive as ready.</summary>
    public void MarkReady() => _notReadyReason = null;
}
