using System.Collections.Concurrent;
using VoServices.Testing;

namespace VoServices.VoTable.Tests.Support;

/// <summary>
/// Runs <c>stilts votlint</c> (silent with exit code 0 when a document is valid; any output is a finding).
/// Several files are linted concurrently because each run starts a JVM.
/// </summary>
internal static class VotLint
{
    private static readonly ConcurrentDictionary<string, string> Cache = new();

    /// <summary>votlint output (stdout + stderr, trimmed) for each file; empty means valid.</summary>
    public static IReadOnlyDictionary<string, string> Run(IReadOnlyCollection<string> files)
    {
        var stilts = SharedData.RequireTool("stilts");
        Parallel.ForEach(files.Where(f => !Cache.ContainsKey(f)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, file =>
        {
            var (exit, stdout, stderr) = SharedData.Run(stilts,
                ["-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "votlint", $"votable={file}"]);
            var output = (stdout + stderr).Trim();
            Cache[file] = exit == 0 ? output : $"exit code {exit}\n{output}";
        });
        return files.ToDictionary(f => f, f => Cache[f]);
    }

    public static string Run(string file) => Run([file])[file];
}
