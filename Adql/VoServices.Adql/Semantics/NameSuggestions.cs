using System.Collections.Immutable;

namespace VoServices.Adql.Semantics;

/// <summary>
/// "Did you mean" candidates: names within Damerau–Levenshtein distance 2 of what was written (optimal string
/// alignment: insertions, deletions, substitutions, transpositions of adjacent letters; case-insensitive), or names
/// starting with it, or that it starts with. Distance must stay below the written length, so <c>x</c> suggests nothing.
/// </summary>
internal static class NameSuggestions
{
    private const int MaxDistance = 2;
    private const int MaxSuggestions = 3;

    /// <summary>The best candidates for <paramref name="written"/>, closest first, at most three, without duplicates.</summary>
    public static ImmutableArray<string> For(string written, IEnumerable<string> candidates) =>
        For(written, candidates.Select(c => (Key: c, Shown: c)));

    /// <summary>Like <see cref="For(string, IEnumerable{string})"/> where each candidate is compared by its key and shown by another name.</summary>
    public static ImmutableArray<string> For(string written, IEnumerable<(string Key, string Shown)> candidates)
    {
        var scored = new List<(int Score, int Order, string Shown)>();
        var order = 0;
        foreach (var (key, shown) in candidates)
        {
            if (!string.Equals(written, shown, StringComparison.Ordinal) && Score(written, key) is { } score)
            {
                scored.Add((score, order, shown));
            }
            order++;
        }
        return [.. scored.OrderBy(s => s.Score).ThenBy(s => s.Order)
            .Select(s => s.Shown).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxSuggestions)];
    }

    /// <summary>Lower is closer; null when the candidate is not worth suggesting.</summary>
    private static int? Score(string written, string candidate)
    {
        if (written.Length == 0 || candidate.Length == 0)
        {
            return null;
        }
        var distance = Distance(written.ToUpperInvariant(), candidate.ToUpperInvariant());
        if (distance <= MaxDistance && distance < written.Length)
        {
            return distance;
        }
        var shorter = Math.Min(written.Length, candidate.Length);
        var prefix = shorter >= 2 && (candidate.StartsWith(written, StringComparison.OrdinalIgnoreCase)
            || written.StartsWith(candidate, StringComparison.OrdinalIgnoreCase));
        return prefix ? MaxDistance + 1 : null;
    }

    /// <summary>Optimal string alignment distance (restricted Damerau–Levenshtein).</summary>
    internal static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > MaxDistance + 1)
        {
            return int.MaxValue;
        }
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                }
                d[i, j] = best;
            }
        }
        return d[a.Length, b.Length];
    }
}
