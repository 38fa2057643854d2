namespace VoServices.Testing;

/// <summary>
/// A fresh folder under the system temp directory, deleted (best effort) on dispose. Compiled into every test project
/// (Directory.Build.props) so tests never write into the checkout.
/// </summary>
internal sealed class TempFolder : IDisposable
{
    /// <summary>Creates <c>{temp}/vo-{guid}</c>.</summary>
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>Absolute path of the folder.</summary>
    public string Path { get; }

    /// <summary>Absolute path of <paramref name="name"/> inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <paramref name="content"/> (UTF-8) to <paramref name="name"/> in the folder; returns its path.</summary>
    public string Write(string name, string content)
    {
        var file = File(name);
        System.IO.File.WriteAllText(file, content);
        return file;
    }

    /// <summary>Deletes the folder; a leftover (e.g. a file still open) must not fail a test.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
        catch (UnauthorizedAccessException)
        {
            // Best effort.
        }
    }
}
