using System.Globalization;
using VoServices.Testing;

namespace VoServices.Storage.Postgres.Tests.Adql;

/// <summary>One query of <c>corpus.adql</c>.</summary>
/// <param name="Name">Unique name (the test case).</param>
/// <param name="Adql">The query text.</param>
/// <param name="Tolerance">Relative tolerance for doubles (1e-9 unless the entry says otherwise, with its reason).</param>
/// <param name="MayBeEmpty">True when an empty result is the expected answer (otherwise an empty result fails).</param>
public sealed record CorpusEntry(string Name, string Adql, double Tolerance, bool MayBeEmpty);

/// <summary>
/// Reads <c>corpus.adql</c>: entries start with <c>-- name: x</c> (optionally <c>| tolerance: 1e-6</c>, <c>| empty</c>),
/// other lines starting with <c>--</c> are notes, the rest is the query.
/// </summary>
public static class AdqlCorpus
{
    public static string FilePath => Path.Combine(SharedData.RepoRoot, "Storage", "VoServices.Storage.Postgres.Tests", "Adql",
        "corpus.adql");

    private static readonly Lazy<IReadOnlyList<CorpusEntry>> Loaded = new(() => Read(FilePath));

    public static IReadOnlyList<CorpusEntry> Entries => Loaded.Value;

    public static IReadOnlyList<CorpusEntry> Read(string path)
    {
        var entries = new List<CorpusEntry>();
        string? name = null;
        var tolerance = 1e-9;
        var mayBeEmpty = false;
        var text = new List<string>();
        void Flush()
        {
            if (name is not null)
            {
                entries.Add(new CorpusEntry(name, string.Join("\n", text).Trim(), tolerance, mayBeEmpty));
            }
            text.Clear();
        }
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("-- name:", StringComparison.Ordinal))
            {
                Flush();
                var parts = line["-- name:".Length..].Split('|', StringSplitOptions.TrimEntries);
                name = parts[0];
                tolerance = 1e-9;
                mayBeEmpty = false;
                foreach (var option in parts.Skip(1))
                {
                    if (option.StartsWith("tolerance:", StringComparison.Ordinal))
                    {
                        tolerance = double.Parse(option["tolerance:".Length..], CultureInfo.InvariantCulture);
                    }
                    else if (option == "empty")
                    {
                        mayBeEmpty = true;
                    }
                    else
                    {
                        throw new FormatException($"unknown corpus option '{option}' in {name}");
                    }
                }
            }
            else if (!line.StartsWith("--", StringComparison.Ordinal))
            {
                text.Add(line);
            }
        }
        Flush();
        return entries;
    }
}
