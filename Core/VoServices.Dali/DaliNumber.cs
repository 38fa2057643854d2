using System.Globalization;

namespace VoServices.Dali;

/// <summary>
/// Parses and writes the floating-point numbers inside DALI literals (DALI 1.1 §3.1: as VOTable TABLEDATA numbers),
/// always with the invariant culture so that a server running under a comma-decimal culture writes "0.5".
/// </summary>
public static class DaliNumber
{
    /// <summary>
    /// Writes <paramref name="value"/> in the shortest form that parses back to the same bits ("R"), with
    /// VOTable's spellings of the special values: <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>.
    /// </summary>
    public static string Format(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "+Inf";
        }
        if (double.IsNegativeInfinity(value))
        {
            return "-Inf";
        }
        return double.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Parses one number token: decimal or exponent form (<c>12</c>, <c>-0.5</c>, <c>1.5e-3</c>), or an infinity
    /// (<c>+Inf</c>, <c>-Inf</c>, <c>Inf</c>, <c>Infinity</c>, any case, as sent by VOTable writers and by Python
    /// clients) or <c>NaN</c>. A finite literal too large for a double fails instead of becoming infinite.
    /// </summary>
    /// <returns>False when the token is not a number.</returns>
    public static bool TryParse(string? token, out double value)
    {
        value = 0;
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }
        var body = token[0] is '+' or '-' ? token.AsSpan(1) : token.AsSpan();
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase)
            || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = token[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            || char.IsWhiteSpace(token[0]) || char.IsWhiteSpace(token[^1]))
        {
            return false;
        }
        // .NET returns ±Infinity for an overflowing literal such as 1e999; that is not what the client wrote.
        return !double.IsInfinity(value);
    }

    /// <summary>
    /// Splits a whitespace-separated DALI array literal into numbers (DALI 1.1 §3.4–3.7).
    /// </summary>
    /// <param name="text">The literal, e.g. <c>"10 20.5 0.1"</c>; leading and trailing whitespace is ignored.</param>
    /// <param name="xtype">The xtype named in error messages.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="DaliFormatException">A token is not a number.</exception>
    internal static double[] ParseArray(string text, string xtype)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var values = new double[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!TryParse(tokens[i], out values[i]))
            {
                throw new DaliFormatException(xtype,
                    $"Invalid DALI {xtype} '{Shorten(text)}': '{Shorten(tokens[i])}' is not a number");
            }
        }
        return values;
    }

    /// <summary>Joins numbers with single spaces using <see cref="Format"/>.</summary>
    internal static string FormatArray(ReadOnlySpan<double> values)
    {
        var parts = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            parts[i] = Format(values[i]);
        }
        return string.Join(' ', parts);
    }

    /// <summary>Cuts user input echoed in error messages to a readable length.</summary>
    internal static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
