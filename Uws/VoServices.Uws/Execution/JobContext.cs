using VoServices.Dali;
using VoServices.Uws.Jobs;

namespace VoServices.Uws.Execution;

/// <summary>
/// An executing job as its <see cref="IJobExecutor"/> sees it: parameters, inline uploads (DALI 1.1 §4.3.5
/// <c>param:</c> parts) and the result sink. Results are written straight to disk, so a result of any size uses
/// constant memory. Thread-safe.
/// </summary>
public sealed class JobContext
{
    private readonly JobFileStore files;
    private readonly List<UwsResult> results = [];
    private readonly Lock gate = new();

    internal JobContext(UwsJob job, JobFileStore files)
    {
        Job = job;
        this.files = files;
        Parameters = new DaliParameters(job.Parameters.Where(p => !p.ByReference)
            .Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));
    }

    /// <summary>The job as claimed (phase EXECUTING).</summary>
    public UwsJob Job { get; }

    /// <summary>
    /// The job's plain (not by-reference) parameters; names are case-insensitive, values exact. Inline uploads are
    /// read with <see cref="OpenInlineParameter"/>.
    /// </summary>
    public DaliParameters Parameters { get; }

    /// <summary>The names of the inline uploads stored with the job, as the multipart part names were spelled.</summary>
    public IReadOnlyList<string> InlineParameterNames =>
        [.. Job.Parameters.Where(p => p.ByReference).Select(p => p.Name)];

    /// <summary>The results added so far, in order.</summary>
    public IReadOnlyList<UwsResult> Results
    {
        get
        {
            lock (gate)
            {
                return [.. results];
            }
        }
    }

    /// <summary>
    /// Opens the inline upload sent as multipart part <paramref name="partName"/> (e.g. the <c>x</c> of
    /// <c>UPLOAD=t,param:x</c>). Part names are matched exactly. The caller disposes the stream.
    /// </summary>
    /// <exception cref="DaliException"><see cref="DaliErrorKind.UsageError"/>: no such part was uploaded with the job.</exception>
    public Stream OpenInlineParameter(string partName)
    {
        ArgumentNullException.ThrowIfNull(partName);
        var path = Job.Parameters.Any(p => p.ByReference && p.Name == partName)
            ? files.FindInlineParameter(Job.JobId, partName)
            : null;
        if (path is null)
        {
            throw new DaliException(DaliErrorKind.UsageError,
                $"param:{partName}: no multipart part named '{partName}' was uploaded with this job");
        }
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
    }

    /// <summary>
    /// Adds a result stored with the job: <paramref name="write"/> writes its bytes to a file stream (do not dispose
    /// it), then the result becomes part of the job when the executor returns (or is aborted).
    /// </summary>
    /// <param name="id">Unique result id, e.g. <c>result</c> for TAP (TAP 1.1 §2.2).</param>
    /// <param name="mimeType">Media type the result is served with, e.g. <c>application/x-votable+xml</c>.</param>
    /// <param name="write">Writes the content.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The result, with its size in bytes.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or already used.</exception>
    public async Task<UwsResult> AddResultAsync(string id, string? mimeType, Func<Stream, CancellationToken, Task> write,
        CancellationToken cancellationToken)
    {
        var index = Reserve(id);
        var result = await files.SaveResultAsync(Job.JobId, id, mimeType, index, write, cancellationToken)
            .ConfigureAwait(false);
        lock (gate)
        {
            results[index] = result;
        }
        return result;
    }

    /// <summary>Adds a result kept elsewhere; <c>{job}/results/{id}</c> redirects (303) to <paramref name="href"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or already used, or
    /// <paramref name="href"/> is not absolute.</exception>
    public UwsResult AddResultReference(string id, Uri href, string? mimeType)
    {
        ArgumentNullException.ThrowIfNull(href);
        if (!href.IsAbsoluteUri)
        {
            throw new ArgumentException("the result URL must be absolute", nameof(href));
        }
        var index = Reserve(id);
        var result = new UwsResult(id, mimeType, null) { ExternalHref = href };
        lock (gate)
        {
            results[index] = result;
        }
        return result;
    }

    /// <summary>The completed results (placeholders of unfinished writes are left out).</summary>
    internal IReadOnlyList<UwsResult> CompletedResults()
    {
        lock (gate)
        {
            return [.. results.Where(r => r.FileName is not null || r.ExternalHref is not null)];
        }
    }

    private int Reserve(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        lock (gate)
        {
            if (results.Any(r => r.Id == id))
            {
                throw new ArgumentException($"result id '{id}' is already used in this job", nameof(id));
            }
            results.Add(new UwsResult(id, null, null));
            return results.Count - 1;
        }
    }
}
