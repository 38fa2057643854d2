using System.Globalization;

namespace VoServices.Dali;

/// <summary>
/// The parameters of one DALI request (DALI 1.1 §4), built from the ordered (name, value) pairs the web layer
/// collects from the query string, an urlencoded POST body and multipart form fields. Names are case-insensitive
/// (<c>maxrec</c> = <c>MAXREC</c>); values are kept exactly. Unknown parameters are simply never asked for, so they
/// are ignored as TAP 1.1 §2.7 requires. Asking for a single-valued parameter that was given more than once is an
/// error (DALI 1.1 §4.2), even when the values are equal. The typed getters treat an empty or blank value as
/// absent, which is what an unfilled HTML form field sends. Immutable and thread-safe.
/// </summary>
public sealed class DaliParameters
{
    private const string MaxRecName = "MAXREC";
    private const string ResponseFormatName = "RESPONSEFORMAT";
    private const string FormatName = "FORMAT";
    private const string RunIdName = "RUNID";

    /// <summary>Longest RUNID accepted (DALI 1.1 §4.3.6: services should support at least 64 characters).</summary>
    public const int MaxRunIdLength = 64;

    private readonly KeyValuePair<string, string>[] pairs;
    private readonly Dictionary<string, List<string>> byName;
    private readonly string[] names;

    /// <summary>Creates the parameter set from pairs in request order.</summary>
    /// <param name="pairs">(name, value) pairs; a null value is taken as empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pairs"/> or a name is null.</exception>
    public DaliParameters(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        this.pairs = [.. pairs.Select(p => new KeyValuePair<string, string>(
            p.Key ?? throw new ArgumentNullException(nameof(pairs), "a parameter name is null"), p.Value ?? ""))];
        byName = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var (name, value) in this.pairs)
        {
            if (!byName.TryGetValue(name, out var values))
            {
                byName[name] = values = [];
                order.Add(name);
            }
            values.Add(value);
        }
        names = [.. order];
    }

    /// <summary>A request without parameters.</summary>
    public static DaliParameters Empty { get; } = new([]);

    /// <summary>Distinct parameter names in order of first appearance, spelled as first given.</summary>
    public IReadOnlyList<string> Names => names;

    /// <summary>All pairs in request order, as given (for echoing, logging or storing as UWS job parameters).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs => pairs;

    /// <summary>True when <paramref name="name"/> was given at least once (even with an empty value).</summary>
    public bool Contains(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return byName.ContainsKey(name);
    }

    /// <summary>All values of a multi-valued parameter in request order; empty when absent.</summary>
    public IReadOnlyList<string> GetAll(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return byName.TryGetValue(name, out var values) ? values : [];
    }

    /// <summary>The value of a single-valued parameter, or null when absent.</summary>
    /// <param name="name">Parameter name, any case; used as written here in error messages.</param>
    /// <exception cref="DaliParameterException">The parameter was given more than once.</exception>
    public string? GetSingle(string name)
    {
        var values = GetAll(name);
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw new DaliParameterException(name,
                $"{name}: single-valued parameter given {values.Count} times"),
        };
    }

    /// <summary>
    /// Parses a single-valued parameter with <paramref name="parse"/> (e.g. <see cref="DaliCircle.Parse"/>);
    /// null when absent or blank. Format errors are re-thrown naming the parameter.
    /// </summary>
    /// <exception cref="DaliParameterException">Given more than once, or <paramref name="parse"/> threw
    /// <see cref="DaliFormatException"/>, <see cref="FormatException"/> or <see cref="OverflowException"/>.</exception>
    public T? GetSingle<T>(string name, Func<string, T> parse)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(parse);
        var value = GetSingle(name);
        return string.IsNullOrWhiteSpace(value) ? null : ParseValue(name, value, parse);
    }

    /// <summary>
    /// Parses every non-blank value of a multi-valued parameter with <paramref name="parse"/> (e.g. SIA POS,
    /// SODA POL); empty when absent. Format errors are re-thrown naming the parameter.
    /// </summary>
    /// <exception cref="DaliParameterException"><paramref name="parse"/> threw
    /// <see cref="DaliFormatException"/>, <see cref="FormatException"/> or <see cref="OverflowException"/>.</exception>
    public IReadOnlyList<T> GetAll<T>(string name, Func<string, T> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return [.. GetAll(name).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => ParseValue(name, v, parse))];
    }

    /// <summary>A 32-bit integer parameter (invariant culture, optional sign, no decimals); null when absent.</summary>
    /// <exception cref="DaliParameterException">Given more than once, not an integer, or out of range.</exception>
    public int? GetInt32(string name) => GetInteger(name, int.MinValue, int.MaxValue) is { } v ? (int)v : null;

    /// <summary>A 64-bit integer parameter (invariant culture, optional sign, no decimals); null when absent.</summary>
    /// <exception cref="DaliParameterException">Given more than once, not an integer, or out of range.</exception>
    public long? GetInt64(string name) => GetInteger(name, long.MinValue, long.MaxValue);

    /// <summary>
    /// A finite floating-point parameter (invariant culture: <c>0.5</c>, <c>-1e3</c>); null when absent.
    /// Infinities and NaN are refused; use <see cref="DaliInterval"/> for open-ended ranges.
    /// </summary>
    /// <exception cref="DaliParameterException">Given more than once, not a number, or not finite.</exception>
    public double? GetDouble(string name)
    {
        var text = GetSingleNonBlank(name);
        if (text is null)
        {
            return null;
        }
        if (!DaliNumber.TryParse(text, out var value) || !double.IsFinite(value))
        {
            throw Invalid(name, text, "a finite number");
        }
        return value;
    }

    /// <summary>
    /// A boolean parameter (DALI 1.1 §3.2, VOTable TABLEDATA spellings): <c>true</c>/<c>false</c> in any case,
    /// <c>T</c>/<c>F</c>, <c>1</c>/<c>0</c>; null when absent.
    /// </summary>
    /// <exception cref="DaliParameterException">Given more than once, or not a boolean.</exception>
    public bool? GetBoolean(string name)
    {
        var text = GetSingleNonBlank(name);
        if (text is null)
        {
            return null;
        }
        if (text is "1" or "T" or "t" || text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (text is "0" or "F" or "f" || text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        throw Invalid(name, text, "true, false, 1 or 0");
    }

    /// <summary>MAXREC (DALI 1.1 §4.3.4): the maximum row count asked for, ≥ 0; null when absent.</summary>
    /// <exception cref="DaliParameterException">Given more than once, not an integer, or negative.</exception>
    public long? GetMaxRec()
    {
        var value = GetInt64(MaxRecName);
        if (value < 0)
        {
            throw new DaliParameterException(MaxRecName,
                $"MAXREC: '{value.Value.ToString(CultureInfo.InvariantCulture)}' is negative; expected an integer >= 0");
        }
        return value;
    }

    /// <summary>
    /// RESPONSEFORMAT (DALI 1.1 §4.3.3), exactly as given (a MIME type, possibly with parameters, or a short form
    /// such as <c>votable</c>); null when absent or blank. With <paramref name="acceptFormatSynonym"/>, TAP 1.0's
    /// FORMAT is accepted as a synonym. Pass false in SIA 2.0, where FORMAT is a query constraint.
    /// </summary>
    /// <exception cref="DaliParameterException">Given more than once, or both RESPONSEFORMAT and FORMAT given.</exception>
    public string? GetResponseFormat(bool acceptFormatSynonym)
    {
        var responseFormat = GetSingleNonBlank(ResponseFormatName);
        if (!acceptFormatSynonym)
        {
            return responseFormat;
        }
        var format = GetSingleNonBlank(FormatName);
        if (responseFormat is not null && format is not null)
        {
            throw new DaliParameterException(ResponseFormatName,
                "RESPONSEFORMAT and FORMAT are synonyms; give only one of them");
        }
        return responseFormat ?? format;
    }

    /// <summary>RUNID (DALI 1.1 §4.3.6): the client's tag for logs and UWS runId; null when absent or blank.</summary>
    /// <exception cref="DaliParameterException">Given more than once, or longer than <see cref="MaxRunIdLength"/>.</exception>
    public string? GetRunId()
    {
        var runId = GetSingleNonBlank(RunIdName);
        if (runId is { Length: > MaxRunIdLength })
        {
            throw new DaliParameterException(RunIdName,
                $"RUNID: {runId.Length.ToString(CultureInfo.InvariantCulture)} characters given; at most {MaxRunIdLength.ToString(CultureInfo.InvariantCulture)} are allowed");
        }
        return runId;
    }

    /// <summary>
    /// UPLOAD (DALI 1.1 §4.3.5): all <c>name,URI</c> pairs from every UPLOAD value, in order (multi-valued and
    /// accumulating; see <see cref="DaliUpload.ParseAll"/>). Empty when absent.
    /// </summary>
    /// <exception cref="DaliParameterException">A malformed pair, a bad or duplicate name, or an unsupported URI.</exception>
    public IReadOnlyList<DaliUpload> GetUploads() => DaliUpload.ParseAll(GetAll(DaliUpload.ParameterName));

    private string? GetSingleNonBlank(string name)
    {
        var value = GetSingle(name);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private long? GetInteger(string name, long min, long max)
    {
        var text = GetSingleNonBlank(name);
        if (text is null)
        {
            return null;
        }
        var trimmed = text.Trim();
        if (!long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            var isDigits = trimmed.TrimStart('+', '-') is { Length: > 0 } digits && digits.All(char.IsAsciiDigit);
            throw Invalid(name, text, isDigits ? Range(min, max) : "an integer");
        }
        if (value < min || value > max)
        {
            throw Invalid(name, text, Range(min, max));
        }
        return value;
    }

    private static string Range(long min, long max) => string.Create(CultureInfo.InvariantCulture,
        $"an integer from {min} to {max}");

    private static T ParseValue<T>(string name, string value, Func<string, T> parse)
    {
        try
        {
            return parse(value);
        }
        catch (Exception e) when (e is DaliFormatException or FormatException or OverflowException)
        {
            throw new DaliParameterException(name, $"{name}: {e.Message}", e);
        }
    }

    private static DaliParameterException Invalid(string name, string value, string expected) =>
        new(name, $"{name}: '{DaliNumber.Shorten(value)}' is not valid; expected {expected}");
}
