using System.Text;
using VoServices.Dali;

namespace VoServices.Tap.Results;

/// <summary>
/// Matches the RESPONSEFORMAT parameter (DALI 1.1 §4.3.3; TAP 1.1 §2.7.5 also accepts FORMAT) against the
/// offered formats. Media types are matched case-insensitively on type/subtype; of their parameters only
/// <c>serialization</c> (VOTable 1.4 §1: TABLEDATA, BINARY, BINARY2, any case) selects anything, others such as
/// <c>charset</c> or <c>header</c> are accepted and ignored. Short forms (<c>votable</c>, <c>csv</c>…) are
/// matched case-insensitively. Immutable and thread-safe.
/// </summary>
public sealed class ResponseFormatRegistry
{
    private const string SerializationParameter = "serialization";
    private readonly Dictionary<(string Essence, string Serialization), ResponseFormat> byMediaType = [];
    private readonly Dictionary<string, ResponseFormat> byShortName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a registry.</summary>
    /// <param name="formats">The offered formats; media types and short names must not collide.</param>
    /// <param name="defaultFormat">The format used when RESPONSEFORMAT is absent (TAP 1.1: a VOTable); must be in <paramref name="formats"/>.</param>
    /// <exception cref="ArgumentException">A collision, a malformed media type, or a default not in the list.</exception>
    public ResponseFormatRegistry(IEnumerable<ResponseFormat> formats, ResponseFormat defaultFormat)
    {
        ArgumentNullException.ThrowIfNull(formats);
        ArgumentNullException.ThrowIfNull(defaultFormat);
        Formats = [.. formats];
        if (!Formats.Contains(defaultFormat))
        {
            throw new ArgumentException("the default format is not one of the formats", nameof(defaultFormat));
        }
        DefaultFormat = defaultFormat;
        foreach (var format in Formats)
        {
            foreach (var mime in format.MimeAliases.Prepend(format.MimeType))
            {
                var key = MediaType.TryParse(mime, out var parsed)
                    ? (parsed.Essence, parsed.Get(SerializationParameter)?.ToUpperInvariant() ?? "")
                    : throw new ArgumentException($"malformed media type '{mime}'", nameof(formats));
                if (!byMediaType.TryAdd(key, format))
                {
                    throw new ArgumentException($"media type '{mime}' is declared twice", nameof(formats));
                }
            }
            foreach (var name in format.ShortNames)
            {
                if (!byShortName.TryAdd(name, format))
                {
                    throw new ArgumentException($"short name '{name}' is declared twice", nameof(formats));
                }
            }
        }
    }

    /// <summary>The standard registry: <see cref="ResponseFormats.All"/>, default <see cref="ResponseFormats.VoTableBinary2"/>.</summary>
    public static ResponseFormatRegistry Default { get; } = new(ResponseFormats.All, ResponseFormats.VoTableBinary2);

    /// <summary>The offered formats, in declaration order (for the TAPRegExt outputFormat elements).</summary>
    public IReadOnlyList<ResponseFormat> Formats { get; }

    /// <summary>The format used without RESPONSEFORMAT.</summary>
    public ResponseFormat DefaultFormat { get; }

    /// <summary>
    /// Finds the format for a RESPONSEFORMAT value (as from <c>DaliParameters.GetResponseFormat(true)</c>).
    /// </summary>
    /// <param name="requested">The parameter value; null or blank selects <see cref="DefaultFormat"/>.</param>
    /// <returns>The format and the Content-Type to answer with (the client's media type when it gave one).</returns>
    /// <exception cref="DaliParameterException">The value names no offered format (HTTP 400); the message
    /// lists the supported media types and short names.</exception>
    public ResolvedResponseFormat Resolve(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return new ResolvedResponseFormat(DefaultFormat, DefaultFormat.MimeType);
        }
        var text = requested.Trim();
        // Short forms first: some contain a '/' (votable/td) but are no media types.
        if (byShortName.TryGetValue(text, out var shortForm))
        {
            return new ResolvedResponseFormat(shortForm, shortForm.MimeType);
        }
        if (!MediaType.TryParse(text, out var mediaType) || FindByMediaType(mediaType) is not { } format)
        {
            throw Unsupported(text);
        }
        // DALI 1.1 §4.3.3: echo the media type the client asked for (it parsed, so it is a plain header value).
        return new ResolvedResponseFormat(format, IsPrintableAscii(text) ? text : format.MimeType);
    }

    private ResponseFormat? FindByMediaType(MediaType mediaType)
    {
        var serialization = mediaType.Get(SerializationParameter)?.ToUpperInvariant() ?? "";
        if (byMediaType.TryGetValue((mediaType.Essence, serialization), out var format))
        {
            return format;
        }
        // e.g. text/xml;serialization=BINARY2: a VOTable alias with an explicit serialization.
        if (serialization.Length > 0 && byMediaType.TryGetValue((mediaType.Essence, ""), out var plain) &&
            plain.Kind == ResultFormatKind.VoTable)
        {
            return Formats.FirstOrDefault(f => f.Kind == ResultFormatKind.VoTable &&
                f.Serialization.ToString().Equals(serialization, StringComparison.OrdinalIgnoreCase));
        }
        return null;
    }

    private DaliParameterException Unsupported(string requested)
    {
        var list = new StringBuilder();
        foreach (var format in Formats)
        {
            list.Append(list.Length == 0 ? "" : "; ").Append(format.MimeType);
            var aliases = format.Aliases.ToList();
            if (aliases.Count > 0)
            {
                list.Append(" (").AppendJoin(", ", aliases).Append(')');
            }
        }
        var shown = requested.Length <= 80 ? requested : string.Concat(requested.AsSpan(0, 77), "...");
        return new DaliParameterException("RESPONSEFORMAT",
            $"RESPONSEFORMAT: '{shown}' is not a supported format; supported: {list}");
    }

    private static bool IsPrintableAscii(string text) => text.All(c => c is >= ' ' and <= '~');
}
