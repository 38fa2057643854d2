using System.Diagnostics;
using System.Globalization;
using VoServices.Bench;

// Benchmarks of the astronomy core, each printed beside a floor from a reference tool on the same input
// (bench/README.md). Usage: bench/run.sh [healpix|wcs|fits|all]
var what = args.Length > 0 ? args[0] : "all";
var shared = SharedDataFolder.Find();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"VoServices benchmarks ({Environment.ProcessorCount} cores, .NET {Environment.Version}); shared data: {shared ?? "absent"}"));
if (what is "healpix" or "all")
{
    HealpixBench.Run();
}
if (what is "wcs" or "all")
{
    WcsBench.Run(shared);
}
if (what is "fits" or "all")
{
    FitsBench.Run(shared);
}
return 0;

namespace VoServices.Bench
{
    /// <summary>Timing and reporting shared by the benchmarks.</summary>
    internal static class Measure
    {
        /// <summary>Best throughput (operations per second) of <paramref name="action"/> over a few timed runs.</summary>
        public static double Throughput(long operationsPerRun, Action action, int runs = 5)
        {
            action(); // warm-up (JIT, caches)
            var best = double.MaxValue;
            for (var i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                action();
                best = Math.Min(best, sw.Elapsed.TotalSeconds);
            }
            return operationsPerRun / best;
        }

        /// <summary>Prints one result line: ours, the floor and ours/floor (higher is better for both).</summary>
        public static void Report(string name, string unit, double ours, double? floor, string floorName)
        {
            var floorText = floor is { } f
                ? string.Create(CultureInfo.InvariantCulture, $"{f,14:N0} {unit}  ratio {ours / f,6:F2}x  ({floorName})")
                : $"floor unavailable ({floorName})";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-58} {ours,14:N0} {unit}  floor {floorText}"));
        }

        /// <summary>Runs a floor script with /usr/bin/python3 and parses the number it prints; null if unavailable.</summary>
        public static double? PythonFloor(string script, params string[] arguments)
        {
            var path = Path.Combine(AppContext.BaseDirectory, "floors", script);
            var output = RunProcess("/usr/bin/python3", [path, .. arguments]);
            return output is not null && double.TryParse(output.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                ? v : null;
        }

        /// <summary>Runs a process and returns its standard output, or null if it is missing or fails.</summary>
        public static string? RunProcess(string file, IEnumerable<string> arguments)
        {
            if (!File.Exists(file))
            {
                return null;
            }
            var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in arguments)
            {
                psi.ArgumentList.Add(a);
            }
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? stdout : null;
        }
    }

    /// <summary>Finds ../shared/data beside the checkout (or VOSERVICES_SHARED_DATA).</summary>
    internal static class SharedDataFolder
    {
        public static string? Find()
        {
            var env = Environment.GetEnvironmentVariable("VOSERVICES_SHARED_DATA");
            if (!string.IsNullOrEmpty(env))
            {
                return Directory.Exists(env) ? env : null;
            }
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "VoServices.sln")))
                {
                    var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                    return Directory.Exists(candidate) ? candidate : null;
                }
            }
            return null;
        }
    }
}
