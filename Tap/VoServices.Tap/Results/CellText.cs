using System.Globalization;
using System.Numerics;
using System.Text;
using VoServices.Dali;

namespace VoServices.Tap.Results;

/// <summary>
/// Text form of a cell for the text formats (CSV, TSV) and FITS character columns: numbers in the invariant
/// culture with the shortest round-trip digits, <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c> (what Java,
/// Python and STIL parse), booleans <c>true</c>/<c>false</c>, DALI 1.1 §3.3 timestamps (<see cref="Timestamp"/>), and arrays (including
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
        DateTime t => Timestamp(t),
        DateTimeOffset t => Timestamp(t.UtcDateTime),
        DateOnly d => d.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture),
        Complex c => Number(c.Real) + " " + Number(c.Imaginary),
        Array array => Join(array),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"a value of type {value.GetType().Name} has no text form"),
    };

    /// <summary>
    /// A DALI 1.1 §3.3.3 timestamp as TAP results write it: always date and time, <c>YYYY-MM-DDThh:mm:ss</c>, then the
    /// fraction of a second when it is not zero (up to 7 digits, trailing zeros dropped: <c>2020-01-02T03:04:05.25</c>);
    /// never a zone designator, since results hold astronomical times (UTC implied). Midnight keeps its time part
    /// (<c>2000-01-01T00:00:00</c>), so that every value of a column has the same form (taplint E_YTSR).
    /// A <see cref="DateTimeKind.Local"/> value is converted to UTC first; Unspecified is taken as UTC.
    /// </summary>
    public static string Timestamp(DateTime value) =>
        DaliTimestamp.Format(value, utcDesignator: false, alwaysWriteTime: true);

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
