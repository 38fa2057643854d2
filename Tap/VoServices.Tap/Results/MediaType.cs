using System.Diagnostics.CodeAnalysis;

namespace VoServices.Tap.Results;

/// <summary>
/// A parsed media type (RFC 9110 §8.3.1): <c>type/subtype</c> (lower-cased) and <c>;name=value</c> parameters
/// (names lower-cased, values unquoted, kept as given).
/// </summary>
internal sealed class MediaType
{
    private readonly Dictionary<string, string> parameters;

    private MediaType(string essence, Dictionary<string, string> parameters)
    {
        Essence = essence;
        this.parameters = parameters;
    }

    /// <summary><c>type/subtype</c>, lower case.</summary>
    public string Essence { get; }

    /// <summary>A parameter value, or null when absent.</summary>
    public string? Get(string name) => parameters.GetValueOrDefault(name);

    /// <summary>Parses a media type; false when it is not of the form token/token *(;token=value).</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out MediaType? mediaType)
    {
        mediaType = null;
        var parts = text.Split(';');
        var essence = parts[0].Trim();
        var slash = essence.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == essence.Length - 1 || !IsToken(essence[..slash]) || !IsToken(essence[(slash + 1)..]))
        {
            return false;
        }
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                if (string.IsNullOrWhiteSpace(part))
                {
                    continue; // a trailing ';' is tolerated
                }
                return false;
            }
            var name = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
            {
                value = value[1..^1];
            }
            if (!IsToken(name) || value.Length == 0)
            {
                return false;
            }
            parameters[name.ToLowerInvariant()] = value;
        }
        mediaType = new MediaType(essence.ToLowerInvariant(), parameters);
        return true;
    }

    // RFC 9110 §5.6.2 tchar.
    private static bool IsToken(string s) =>
        s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));
}
