using System.Globalization;
using System.Numerics;
using System.Text;
using VoServices.Dali;

namespace VoServices.Tap.Results;

/// <summary>
/// Text form of a cell for the text formats (CSV, TSV) and FITS character columns: numbers in the invariant
/// culture with the shortest round-trip digits, <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c> (what Java,
/// Python and STIL parse), booleans <c>true</c>/<c>false</c>, DALI 1.1 §3.3 timestamps, and arrays (including
/// DALI point/circle/polygon/interval) as their elements separated by single spaces (DALI 1.1 §3.4).
/// </summary>
internal static class CellText
{
    /// <summary>The text of a non-null value.</summary>
    /// <exception cref="ArgumentException">A value type that has no text form.</exception>
    public static string Format(object value) => value switch
    {
        string s => s,
        char c => c.ToString(),
        char[] chars => new string(chars),
        bool b => b ? "true" : "false",
        double d => Number(d),
        float f => Number(f),
        DateTime t => DaliTimestamp.Format(t),
        DateTimeOffset t => DaliTimestamp.Format(t.UtcDateTime),
        DateOnly d => d.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture),
        Complex c => Number(c.Real) + " " + Number(c.Imaginary),
        Array array => Join(array),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"a value of type {value.GetType().Name} has no text form"),
    };

    /// <summary>A double in the shortest round-trip form.</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "Infinity"
        : double.IsNegativeInfinity(value) ? "-Infinity"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A float in the shortest round-trip form (8.4f is "8.4", not its double expansion).</summary>
    public static string Number(float value) =>
        float.IsNaN(value) ? "NaN"
        : float.IsPositiveInfinity(value) ? "Infinity"
        : float.IsNegativeInfinity(value) ? "-Infinity"
        : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Join(Array array)
    {
        var text = new StringBuilder();
        foreach (var item in array)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }
            // A null element of a bool?[] is written as VOTable TABLEDATA does for booleans: '?'.
            text.Append(item is null ? "?" : Format(item));
        }
        return text.ToString();
    }
}
