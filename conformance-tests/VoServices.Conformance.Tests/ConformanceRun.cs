using System.Collections.Concurrent;
using System.Globalization;
using VoServices.Testing;

namespace VoServices.Conformance.Tests;

/// <summary>One stage of <c>conformance-tests/run.sh</c>, from its <c>--results</c> file.</summary>
/// <param name="Backend">sqlite or postgres.</param>
/// <param name="Stage">start, taplint, tapquery, pyvo, uws-concurrent or uws-restart.</param>
/// <param name="Status">PASS, FAIL or SKIP.</param>
/// <param name="Seconds">Wall time of the stage.</param>
/// <param name="Detail">The stage's last output line (and its log file on failure).</param>
public sealed record StageResult(string Backend, string Stage, string Status, int Seconds, string Detail)
{
    /// <summary>Parses one tab-separated results line; null when it has fewer than five fields.</summary>
    public static StageResult? Parse(string line)
    {
        var f = line.Split('\t');
        return f.Length < 5 ? null
            : new StageResult(f[0], f[1], f[2], int.Parse(f[3], NumberStyles.Integer, CultureInfo.InvariantCulture), f[4]);
    }
}

/// <summary>
/// The outcome of one <c>conformance-tests/run.sh BACKEND</c> (which builds the server in Release, starts it on a
/// loopback port with a private data directory and runs the stages against it): its stage results, its full
/// output and the folder holding the server log and each stage's log.
/// </summary>
public sealed record ConformanceRun(string Backend, IReadOnlyList<StageResult> Stages, string Output, string LogDirectory)
{
    /// <summary>A whole run.sh (both backends, full data) stays under ~5 minutes; this bounds one backend.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromMinutes(10);

    /// <summary>Runs <c>run.sh <paramref name="backend"/></c> to completion.</summary>
    /// <exception cref="TimeoutException">run.sh did not finish within <see cref="Timeout"/>.</exception>
    public static ConformanceRun Execute(string backend)
    {
        var logs = Directory.CreateTempSubdirectory($"vo-conformance-{backend}-").FullName;
        var results = Path.Combine(logs, "results.tsv");
        var script = Path.Combine(SharedData.RepoRoot, "conformance-tests", "run.sh");
        var (_, stdout, stderr) = SharedData.Run("/bin/bash", [script, backend, "--results", results, "--logs", logs],
            Timeout, SharedData.RepoRoot);
        var stages = File.Exists(results)
            ? File.ReadAllLines(results).Select(StageResult.Parse).OfType<StageResult>().ToList()
            : [];
        return new ConformanceRun(backend, stages, stdout + stderr, logs);
    }

    /// <summary>The result of <paramref name="stage"/>, or null when run.sh never reached it.</summary>
    public StageResult? Find(string stage) => Stages.FirstOrDefault(s => s.Stage == stage);

    /// <summary>The stage's own log (<c>{backend}-{stage}.log</c>), or "" when there is none.</summary>
    public string StageLog(string stage)
    {
        var path = Path.Combine(LogDirectory, $"{Backend}-{stage}.log");
        return File.Exists(path) ? File.ReadAllText(path) : "";
    }
}

/// <summary>
/// Runs run.sh at most once per backend for the whole test class (each run starts its own server). The log folders
/// of runs where every stage passed are deleted at the end; failed runs keep theirs for inspection.
/// </summary>
public sealed class ConformanceRunFixture : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ConformanceRun>> runs = new(StringComparer.Ordinal);

    /// <summary>The run for <paramref name="backend"/>, executing it on first use.</summary>
    public ConformanceRun Get(string backend) =>
        runs.GetOrAdd(backend, b => new Lazy<ConformanceRun>(() => ConformanceRun.Execute(b))).Value;

    public void Dispose()
    {
        foreach (var run in runs.Values.Where(r => r.IsValueCreated).Select(r => r.Value))
        {
            if (run.Stages.Count > 0 && run.Stages.All(s => s.Status == "PASS"))
            {
                Directory.Delete(run.LogDirectory, recursive: true);
            }
        }
    }
}
