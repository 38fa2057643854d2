using System.Globalization;

namespace VoServices.Bench.Tap;

/// <summary>Result lines in the format of bench/VoServices.Bench: ours, the floor, ours/floor.</summary>
internal static class Report
{
    /// <summary>Prints one line: our figure, the floor's and ours/floor (higher is better for both).</summary>
    public static void Line(string name, string unit, double ours, double? floor, string floorName)
    {
        var floorText = floor is { } f && f > 0
            ? Format($"{f,12:N0} {unit}  ratio {ours / f,6:F2}x  ({floorName})")
            : $"floor unavailable ({floorName})";
        Console.WriteLine(Format($"{name,-52} {ours,12:N0} {unit}  floor {floorText}"));
    }

    /// <summary>Prints a free-form result line, aligned with <see cref="Line"/>.</summary>
    public static void Note(string name, string text) => Console.WriteLine(Format($"{name,-52} {text}"));

    /// <summary>Invariant-culture formatting (CA1305: every number printed the same everywhere).</summary>
    public static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Median of a non-empty list.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>Where the checkout and the shared data folder are.</summary>
internal static class Checkout
{
    /// <summary>The folder holding VoServices.sln, above the bench binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/data beside the checkout (or VOSERVICES_SHARED_DATA), or null when absent.</summary>
    public static string? SharedData
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("VOSERVICES_SHARED_DATA");
            var path = string.IsNullOrEmpty(env) ? Path.GetFullPath(Path.Combine(Root, "..", "shared", "data")) : env;
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>True when the full Tycho-2 (2,539,913 rows) is there for the server to ingest.</summary>
    public static bool HasFullTycho2 =>
        SharedData is { } data && File.Exists(Path.Combine(data, "catalogs", "tycho2", "tycho2_main.csv.gz"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VoServices.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("VoServices.sln not found above the benchmark binaries");
    }
}
