using System.Globalization;
using System.Text.RegularExpressions;

namespace VoServices.Dali;

/// <summary>
/// The DALI timestamp literal (DALI 1.1 §3.3): <c>YYYY-MM-DD['T'hh:mm:ss[.SSS]]</c>, UTC, VOTable
/// <c>datatype="char" arraysize="*" xtype="timestamp"</c>. Astronomical times carry no zone; civil times (job
/// creation, record modification) may end in <c>Z</c> after the time part.
/// </summary>
public static partial class DaliTimestamp
{
    /// <summary>The xtype name.</summary>
    public const string XType = "timestamp";

    private const int MaxFractionDigits = 7; // DateTime resolution is 100 ns.

    /// <summary>
    /// Parses a DALI timestamp into a <see cref="DateTime"/> of kind <see cref="DateTimeKind.Utc"/>.
    /// Accepts 1–7 fraction digits and an optional trailing <c>Z</c> after the time.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="DaliFormatException">
    /// Wrong syntax (e.g. missing seconds, an offset other than Z, a space instead of T), an impossible date or
    /// time (2023-02-29, 24:00:00, a leap second 60, which DateTime cannot hold), or more than 7 fraction digits.
    /// </exception>
    public static DateTime Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var m = Syntax().Match(text);
        if (!m.Success)
        {
            throw Invalid(text, "expected YYYY-MM-DD['T'hh:mm:ss[.SSS]['Z']]");
        }
        var year = Number(m.Groups["y"]);
        var month = Number(m.Groups["mo"]);
        var day = Number(m.Groups["d"]);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            throw Invalid(text, "no such date");
        }
        var result = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc);
        if (!m.Groups["h"].Success)
        {
            return result;
        }
        var (hour, minute, second) = (Number(m.Groups["h"]), Number(m.Groups["mi"]), Number(m.Groups["s"]));
        if (hour > 23 || minute > 59 || second > 59)
        {
            throw Invalid(text, second == 60 ? "leap seconds cannot be represented" : "no such time of day");
        }
        var fraction = m.Groups["f"].Value;
        if (fraction.Length > MaxFractionDigits)
        {
            throw Invalid(text, $"at most {MaxFractionDigits} fraction digits (100 ns) are supported");
        }
        var ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(MaxFractionDigits, '0'),
            NumberStyles.None, CultureInfo.InvariantCulture);
        return result.Add(new TimeSpan(hour, minute, second)).AddTicks(ticks);
    }

    /// <summary>
    /// Writes the shortest exact DALI form, without a zone: <c>2020-01-02</c> at midnight,
    /// <c>2020-01-02T03:04:05</c>, or <c>2020-01-02T03:04:05.25</c> (fraction digits trimmed, up to 7).
    /// A <see cref="DateTimeKind.Local"/> value is converted to UTC first; Unspecified is taken as UTC.
    /// </summary>
    public static string Format(DateTime value) => Format(value, utcDesignator: false);

    /// <summary>
    /// Writes the shortest exact DALI form; with <paramref name="utcDesignator"/> the time is always written and
    /// followed by <c>Z</c> (the civil-time form, e.g. <c>2020-01-02T00:00:00Z</c>, as UWS needs).
    /// A <see cref="DateTimeKind.Local"/> value is converted to UTC first; Unspecified is taken as UTC.
    /// </summary>
    public static string Format(DateTime value, bool utcDesignator) => Format(value, utcDesignator, alwaysWriteTime: false);

    /// <summary>
    /// As <see cref="Format(DateTime, bool)"/>; with <paramref name="alwaysWriteTime"/> a midnight value keeps its time
    /// part (<c>2000-01-01T00:00:00</c>), so that every cell of a result column has the same form (taplint E_YTSR).
    /// </summary>
    public static string Format(DateTime value, bool utcDesignator, bool alwaysWriteTime)
    {
        if (value.Kind == DateTimeKind.Local)
        {
            value = value.ToUniversalTime();
        }
        var date = value.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);
        if (value.TimeOfDay == TimeSpan.Zero && !utcDesignator && !alwaysWriteTime)
        {
            return date;
        }
        var time = value.ToString("HH':'mm':'ss", CultureInfo.InvariantCulture);
        var subSecondTicks = value.Ticks % TimeSpan.TicksPerSecond;
        var fraction = subSecondTicks == 0
            ? ""
            : "." + subSecondTicks.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0');
        return string.Concat(date, "T", time, fraction, utcDesignator ? "Z" : "");
    }

    private static int Number(Group g) => int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    private static DaliFormatException Invalid(string text, string why) =>
        new(XType, $"Invalid DALI timestamp '{DaliNumber.Shorten(text)}': {why}");

    // [0-9] rather than \d: \d also matches non-ASCII digits.
    [GeneratedRegex(
        @"^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})(?:T(?<h>[0-9]{2}):(?<mi>[0-9]{2}):(?<s>[0-9]{2})(?:\.(?<f>[0-9]+))?Z?)?\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Syntax();
}
