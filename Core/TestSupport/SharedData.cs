using System.Diagnostics;

namespace VoServices.Testing;

/// <summary>
/// Locates the repository and the workplace's real data folder (<c>../shared/data</c> beside the checkout, or
/// <c>VOSERVICES_SHARED_DATA</c>), and external reference tools. Compiled into every test project
/// (Directory.Build.props). Missing data or tools skip a test locally with the reason, and fail it when CI is set.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> LazyRepoRoot = new(FindRepoRoot);

    /// <summary>True when the CI environment variable is set (to anything but empty/false/0).</summary>
    public static bool IsCi
    {
        get
        {
            var ci = Environment.GetEnvironmentVariable("CI");
            return !string.IsNullOrEmpty(ci) && ci != "0" && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Absolute path of the checkout (the folder holding VoServices.sln).</summary>
    public static string RepoRoot => LazyRepoRoot.Value;

    /// <summary>Absolute path of the shared data folder, or null when it is absent.</summary>
    public static string? Root
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("VOSERVICES_SHARED_DATA");
            if (!string.IsNullOrEmpty(env))
            {
                return Directory.Exists(env) ? Path.GetFullPath(env) : null;
            }
            var candidate = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    /// <summary>
    /// Path of a file or folder below the shared data folder. Skips the calling [SkippableFact] when the folder is
    /// absent locally; throws (so the test fails) under CI.
    /// </summary>
    public static string File(params string[] parts)
    {
        var root = Root;
        if (root is null)
        {
            Require(false, "../shared/data is not present beside the checkout (set VOSERVICES_SHARED_DATA)");
        }
        var path = Path.Combine([root!, .. parts]);
        if (!System.IO.File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"shared data file missing: {path}");
        }
        return path;
    }

    /// <summary>Skips locally (or fails under CI) unless <paramref name="condition"/> holds.</summary>
    public static void Require(bool condition, string reason)
    {
        if (condition)
        {
            return;
        }
        if (IsCi)
        {
            throw new InvalidOperationException($"Required under CI but unavailable: {reason}");
        }
        Skip.If(true, reason);
    }

    /// <summary>Full path of an executable on PATH, or null.</summary>
    public static string? FindTool(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, name);
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>Path of a required tool (e.g. "stilts"); skips locally / fails under CI when it is missing.</summary>
    public static string RequireTool(string name)
    {
        var path = FindTool(name);
        Require(path is not null, $"tool '{name}' is not installed (run ./test.sh, which installs it)");
        return path!;
    }

    /// <summary>Runs a process to completion with a timeout; returns exit code and both outputs.</summary>
    public static (int ExitCode, string StdOut, string StdErr) Run(string file, IEnumerable<string> args,
        TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in time");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "VoServices.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("VoServices.sln not found above the test binaries");
    }
}
