using System.Globalization;
using VoServices.Dali;

namespace VoServices.Tap.Tests.Results;

/// <summary>
/// Brings cells written and read back by different tools to one comparable text form: NULL, an empty string or
/// array, and an all-NaN array (how a NULL fixed-size array travels in TABLEDATA/BINARY) become null; numbers use
/// the shortest round-trip form of their double value ("Infinity", "-Infinity"), and a scalar NaN is null (the
/// VOTable and FITS NULL of floating-point columns; astropy masks it); booleans true/false;
/// timestamps DALI; arrays their elements joined by spaces.
/// </summary>
internal static class CellNormalizer
{
    public static string?[] Row(IEnumerable<object?> cells) => [.. cells.Select(Cell)];

    /// <summary>
    /// The normalised cells a TAP result writer is expected to produce from <paramref name="cells"/>: like <see cref="Row"/>,
    /// but timestamps always with their time part (DALI 1.1 §3.3.3 as TAP results write them: <c>1999-12-31T00:00:00</c>).
    /// </summary>
    public static string?[] ResultRow(IEnumerable<object?> cells) =>
        [.. cells.Select(c => c is DateTime t
            ? t.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')
            : Cell(c))];

    /// <summary>Asserts equal tables, naming the differing cells.</summary>
    public static void AssertRows(IEnumerable<string?[]> expected, IEnumerable<string?[]> actual)
    {
        var differences = Differences(expected, actual);
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    /// <summary>"row r, column c: expected …, got …" for every differing cell.</summary>
    public static List<string> Differences(IEnumerable<string?[]> expected, IEnumerable<string?[]> actual)
    {
        var e = expected.ToList();
        var a = actual.ToList();
        Assert.Equal(e.Count, a.Count);
        var differences = new List<string>();
        for (var r = 0; r < e.Count; r++)
        {
            Assert.Equal(e[r].Length, a[r].Length);
            for (var c = 0; c < e[r].Length; c++)
            {
                if (e[r][c] != a[r][c])
                {
                    differences.Add($"row {r}, column {c}: expected '{e[r][c] ?? "(null)"}', got '{a[r][c] ?? "(null)"}'");
                }
            }
        }
        return differences;
    }

    public static string? Cell(object? value) => value switch
    {
        null or DBNull => null,
        string s => s.Length == 0 ? null : s,
        bool b => b ? "true" : "false",
        DateTime t => DaliTimestamp.Format(t),
        System.Numerics.Complex c => Number(c.Real) + " " + Number(c.Imaginary),
        float f => float.IsNaN(f) ? null : Number(f),
        double d => double.IsNaN(d) ? null : Number(d),
        System.Collections.IEnumerable items when Flatten(items) is { } list =>
            list.Count == 0 || list.All(x => x == "NaN") ? null : string.Join(' ', list),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static string Number(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity"
        : d.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e'); // Python's repr spells 1e-07

    private static List<string>? Flatten(System.Collections.IEnumerable items) =>
        [.. items.Cast<object?>().Select(x => x switch
        {
            double d => Number(d),
            float f => Number(f),
            System.Numerics.Complex c => Number(c.Real) + " " + Number(c.Imaginary),
            _ => Cell(x) ?? "null",
        })];
}
