using System.Globalization;

namespace VoServices.Wcs.Parsing;

/// <summary>
/// Typed, case-insensitive access to header keywords from any source (a FitsHeader or a dictionary). Values may be
/// numbers (double, float, long, int…), booleans or strings; numeric keywords also accept numeric strings parsed
/// with the invariant culture. An absent keyword and an undefined value (null) are the same thing.
/// </summary>
internal sealed class KeywordSet
{
    private readonly Func<string, object?> lookup;

    public KeywordSet(Func<string, object?> lookup)
    {
        this.lookup = lookup;
    }

    public bool Has(string keyword) => lookup(keyword) is not null;

    /// <exception cref="WcsFormatException">The value is present but not a finite number.</exception>
    public double? Double(string keyword)
    {
        var value = lookup(keyword);
        double? d = value switch
        {
            null => null,
            double v => v,
            float v => v,
            long v => v,
            int v => v,
            short v => v,
            decimal v => (double)v,
            string s when double.TryParse(s.Trim().Replace('D', 'E').Replace('d', 'e'), NumberStyles.Float,
                CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw new WcsFormatException($"expected a number, found '{value}'", keyword),
        };
        if (d is { } x && !double.IsFinite(x))
        {
            throw new WcsFormatException("the value must be finite", keyword);
        }
        return d;
    }

    public double Double(string keyword, double defaultValue) => Double(keyword) ?? defaultValue;

    /// <exception cref="WcsFormatException">The value is present but not an integer.</exception>
    public int? Integer(string keyword)
    {
        var d = Double(keyword);
        if (d is not { } v)
        {
            return null;
        }
        if (v != Math.Floor(v) || Math.Abs(v) > int.MaxValue)
        {
            throw new WcsFormatException($"expected an integer, found {v.ToString(CultureInfo.InvariantCulture)}",
                keyword);
        }
        return (int)v;
    }

    /// <summary>The string value without trailing blanks (FITS 4.0 §4.2.1.1); null when absent.</summary>
    /// <exception cref="WcsFormatException">The value is not a string.</exception>
    public string? String(string keyword) => lookup(keyword) switch
    {
        null => null,
        string s => s.TrimEnd(),
        var other => throw new WcsFormatException($"expected a string, found '{other}'", keyword),
    };

    public static string Key(string prefix, int i) => prefix + i.ToString(CultureInfo.InvariantCulture);

    public static string Key(string prefix, int i, int j) =>
        prefix + i.ToString(CultureInfo.InvariantCulture) + "_" + j.ToString(CultureInfo.InvariantCulture);
}
