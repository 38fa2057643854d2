using System.Globalization;
using VoServices.Adql.Semantics;

namespace VoServices.Storage.Postgres.Tests.Adql;

/// <summary>
/// Backend-neutral result values for comparing PostgreSQL and SQLite: numbers as doubles (a PostgreSQL <c>real</c> via its
/// shortest decimal form, which is what the embedded store keeps), geometry as double arrays (PostgreSQL double[] and
/// SQLite DALI text), strings as strings.
/// </summary>
public static class ResultRows
{
    public static List<object?[]> Normalize(IReadOnlyList<object?[]> rows, IReadOnlyList<OutputColumn> columns) =>
        rows.Select(r => r.Select((v, i) => Normalize(v, i < columns.Count ? columns[i] : null)).ToArray()).ToList();

    private static object? Normalize(object? value, OutputColumn? column) => value switch
    {
        null => null,
        string text when column?.XType is "point" or "circle" or "polygon" =>
            text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray(),
        string text => text,
        double[] array => array,
        float f => double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        double d => d,
        decimal m => (double)m,
        long or int or short or byte => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        bool b => b ? 1.0 : 0.0,
        _ => value.ToString(),
    };

    /// <summary>Rows in a canonical order (by their values at 8 significant digits), so that unordered results compare.</summary>
    public static List<object?[]> Sorted(List<object?[]> rows) =>
        rows.OrderBy(Key, StringComparer.Ordinal).ToList();

    private static string Key(object?[] row) => string.Join("\u0001", row.Select(v => v switch
    {
        null => "\u0000",
        double d => d.ToString("G8", CultureInfo.InvariantCulture),
        double[] a => string.Join(" ", a.Select(x => x.ToString("G8", CultureInfo.InvariantCulture))),
        _ => v.ToString(),
    }));

    /// <summary>The first difference between two normalized, sorted results, or null when they agree.</summary>
    public static string? Difference(List<object?[]> expected, List<object?[]> actual, double tolerance)
    {
        if (expected.Count != actual.Count)
        {
            return $"row count {expected.Count} (PostgreSQL) vs {actual.Count} (SQLite)";
        }
        for (var i = 0; i < expected.Count; i++)
        {
            var (a, b) = (expected[i], actual[i]);
            if (a.Length != b.Length)
            {
                return $"row {i}: {a.Length} vs {b.Length} columns";
            }
            for (var j = 0; j < a.Length; j++)
            {
                if (!Same(a[j], b[j], tolerance))
                {
                    return $"row {i}, column {j + 1}: {Show(a[j])} (PostgreSQL) vs {Show(b[j])} (SQLite)";
                }
            }
        }
        return null;
    }

    private static bool Same(object? a, object? b, double tolerance) => (a, b) switch
    {
        (null, null) => true,
        (double x, double y) => Close(x, y, tolerance),
        (double[] x, double[] y) => x.Length == y.Length && x.Zip(y).All(p => Close(p.First, p.Second, tolerance)),
        (string x, string y) => x == y,
        _ => false,
    };

    private static bool Close(double x, double y, double tolerance) =>
        x.Equals(y) || Math.Abs(x - y) <= (tolerance * Math.Max(Math.Abs(x), Math.Abs(y))) + 1e-12;

    public static string Show(object? value) => value switch
    {
        null => "NULL",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        double[] a => "[" + string.Join(" ", a.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]",
        _ => $"'{value}'",
    };
}
