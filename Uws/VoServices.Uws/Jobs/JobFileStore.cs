using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using VoServices.Dali;

namespace VoServices.Uws.Jobs;

/// <summary>
/// The files of UWS jobs on disk: <c>{root}/jobs/{jobId}/params/</c> for inline uploads and
/// <c>{root}/jobs/{jobId}/results/</c> for results. Files are written under a temporary name and renamed when
/// complete, so a reader never sees half a file. Memory use does not depend on file size (streams are copied in
/// chunks). Thread-safe.
/// </summary>
public sealed partial class JobFileStore
{
    private const int CopyBufferSize = 81920;

    /// <summary>Creates the store below <paramref name="dataDirectory"/> (created on first write).</summary>
    /// <exception cref="ArgumentException"><paramref name="dataDirectory"/> is null or blank.</exception>
    public JobFileStore(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        Root = Path.GetFullPath(Path.Combine(dataDirectory, "jobs"));
    }

    /// <summary>Absolute path of the folder holding one sub-folder per job.</summary>
    public string Root { get; }

    /// <summary>The job's folder (which may not exist).</summary>
    /// <exception cref="ArgumentException"><paramref name="jobId"/> is not a job id this service issues.</exception>
    public string JobDirectory(string jobId)
    {
        if (jobId is null || !JobIdSyntax().IsMatch(jobId))
        {
            throw new ArgumentException($"'{jobId}' is not a valid job id", nameof(jobId));
        }
        return Path.Combine(Root, jobId);
    }

    /// <summary>
    /// Copies an inline upload to a temporary file of the job, to be put in place by <see cref="StagedFile.Commit"/>
    /// once the job update that refers to it succeeded.
    /// </summary>
    /// <exception cref="DaliException"><see cref="DaliErrorKind.TooLarge"/> when more than
    /// <paramref name="maxBytes"/> bytes arrive (nothing is kept).</exception>
    public async Task<StagedFile> StageInlineParameterAsync(string jobId, string name, Stream content, long maxBytes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(content);
        var folder = Path.Combine(JobDirectory(jobId), "params");
        Directory.CreateDirectory(folder);
        var finalPath = Path.Combine(folder, ParameterFileName(name));
        var tempPath = finalPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                CopyBufferSize, useAsync: true))
            {
                await CopyLimitedAsync(content, file, maxBytes, name, cancellationToken).ConfigureAwait(false);
            }
            return new StagedFile(name, tempPath, finalPath);
        }
        catch
        {
            File.Delete(tempPath);
            throw;
        }
    }

    /// <summary>Path of the stored inline upload called <paramref name="name"/> (exact spelling), or null.</summary>
    public string? FindInlineParameter(string jobId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var path = Path.Combine(JobDirectory(jobId), "params", ParameterFileName(name));
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// Writes a result file with <paramref name="write"/> and returns its description. The file is named after
    /// <paramref name="index"/>, not the id, so any id is safe.
    /// </summary>
    /// <exception cref="IOException">The file could not be written.</exception>
    public async Task<UwsResult> SaveResultAsync(string jobId, string id, string? mimeType, int index,
        Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(write);
        var folder = Path.Combine(JobDirectory(jobId), "results");
        Directory.CreateDirectory(folder);
        var fileName = "r" + index.ToString(CultureInfo.InvariantCulture);
        var finalPath = Path.Combine(folder, fileName);
        var tempPath = finalPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            long size;
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                CopyBufferSize, useAsync: true))
            {
                await write(file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                size = file.Length;
            }
            File.Move(tempPath, finalPath, overwrite: true);
            return new UwsResult(id, mimeType, size) { FileName = fileName };
        }
        catch
        {
            File.Delete(tempPath);
            throw;
        }
    }

    /// <summary>Path of a stored result file, or null when the result is external or its file is missing.</summary>
    public string? FindResult(string jobId, UwsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.FileName is null || result.FileName.AsSpan().IndexOfAny(['/', '\\']) >= 0 || result.FileName == "..")
        {
            return null;
        }
        var path = Path.Combine(JobDirectory(jobId), "results", result.FileName);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Deletes the job's folder and everything in it; a missing folder is fine.</summary>
    /// <exception cref="IOException">A file is in use and could not be deleted.</exception>
    public void DeleteJob(string jobId)
    {
        var folder = JobDirectory(jobId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Hex of the UTF-8 name: any parameter name maps to a safe, distinct file name.
    private static string ParameterFileName(string name) => "p" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(name));

    private static async Task CopyLimitedAsync(Stream source, Stream target, long maxBytes, string name,
        CancellationToken cancellationToken)
    {
        var buffer = new byte[CopyBufferSize];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw new DaliException(DaliErrorKind.TooLarge, string.Create(CultureInfo.InvariantCulture,
                    $"inline upload '{name}' exceeds the limit of {maxBytes} bytes"));
            }
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
    }

    [GeneratedRegex("^[a-z0-9]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex JobIdSyntax();
}

/// <summary>An inline upload written under a temporary name, waiting for <see cref="Commit"/> or <see cref="Discard"/>.</summary>
/// <param name="Name">The multipart part name, which becomes the parameter name.</param>
/// <param name="TempPath">Where the bytes are now.</param>
/// <param name="FinalPath">Where <see cref="Commit"/> puts them.</param>
public sealed record StagedFile(string Name, string TempPath, string FinalPath)
{
    /// <summary>Moves the file into place, replacing an earlier upload of the same name.</summary>
    public void Commit() => File.Move(TempPath, FinalPath, overwrite: true);

    /// <summary>Deletes the temporary file (best effort).</summary>
    public void Discard()
    {
        try
        {
            File.Delete(TempPath);
        }
        catch (IOException)
        {
            // A leftover temp file is removed with the job folder at destruction.
        }
    }
}
