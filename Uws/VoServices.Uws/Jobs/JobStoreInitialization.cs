namespace VoServices.Uws.Jobs;

/// <summary>
/// The one-time initialisation of an <see cref="IJobStore"/> (<see cref="IJobStore.InitializeAsync"/>): the first caller
/// runs it, concurrent callers wait for it, later callers return at once; a failed or cancelled run is retried by the
/// next caller. Thread-safe.
/// </summary>
public sealed class JobStoreInitialization : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool done;

    /// <summary>Runs <paramref name="initialize"/> unless a previous run completed.</summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting for another caller's run.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public async Task EnsureAsync(Func<CancellationToken, Task> initialize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        if (done)
        {
            return;
        }
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!done)
            {
                await initialize(cancellationToken).ConfigureAwait(false);
                done = true;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => gate.Dispose();
}
