using System.Text.RegularExpressions;

namespace VoServices.Dali;

/// <summary>
/// One <c>UPLOAD=name,URI</c> pair (DALI 1.1 §4.3.5). <see cref="Name"/> matches
/// <c>[A-Za-z][A-Za-z0-9_]*</c>; <see cref="Uri"/> is http, https, or <c>param:part</c> for inline content sent as the
/// multipart/form-data part called <see cref="PartName"/> in the same POST.
/// </summary>
/// <param name="Name">The table name the upload is referred to by (e.g. <c>TAP_UPLOAD.name</c> in ADQL).</param>
/// <param name="Uri">Where the content is: an http(s) URL, or <c>param:part</c>.</param>
public sealed partial record DaliUpload(string Name, Uri Uri)
{
    /// <summary>The parameter name.</summary>
    public const string ParameterName = "UPLOAD";

    /// <summary>The multipart part holding inline content for a <c>param:</c> URI; null for http(s).</summary>
    public string? PartName =>
        Uri.Scheme == "param" ? Uri.OriginalString[(Uri.OriginalString.IndexOf(':') + 1)..] : null;

    /// <summary>True for inline (<c>param:</c>) uploads.</summary>
    public bool IsInline => PartName is not null;

    /// <summary>
    /// Parses every UPLOAD value of a request, in order. Each value is one <c>name,URI</c> pair or, as in TAP 1.0
    /// and as pyvo still sends it, several pairs joined by <c>;</c>. Names must be unique (case-insensitively).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="DaliParameterException">
    /// A pair without a comma, an invalid name, a duplicate name, a URI that is not absolute, or a scheme other
    /// than http, https and param (vos and file are refused).
    /// </exception>
    public static IReadOnlyList<DaliUpload> ParseAll(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var uploads = new List<DaliUpload>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue; // an empty form field, as for the other parameters
            }
            foreach (var pair in PairSeparator().Split(value))
            {
                var upload = Parse(pair);
                if (!names.Add(upload.Name))
                {
                    throw new DaliParameterException(ParameterName,
                        $"UPLOAD: table name '{upload.Name}' is used more than once");
                }
                uploads.Add(upload);
            }
        }
        return uploads;
    }

    /// <summary>Parses one <c>name,URI</c> pair.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="pair"/> is null.</exception>
    /// <exception cref="DaliParameterException">See <see cref="ParseAll"/>.</exception>
    public static DaliUpload Parse(string pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var comma = pair.IndexOf(',');
        if (comma < 0)
        {
            throw Error($"'{DaliNumber.Shorten(pair)}' is not of the form name,URI");
        }
        var name = pair[..comma].Trim();
        var uriText = pair[(comma + 1)..].Trim();
        if (!NameSyntax().IsMatch(name))
        {
            throw Error($"table name '{DaliNumber.Shorten(name)}' must match [A-Za-z][A-Za-z0-9_]*");
        }
        var colon = uriText.IndexOf(':');
        var scheme = colon > 0 ? uriText[..colon].ToLowerInvariant() : "";
        switch (scheme)
        {
            case "param":
                if (colon == uriText.Length - 1)
                {
                    throw Error($"'{name}': param: must be followed by the name of the multipart part");
                }
                break;
            case "http" or "https":
                break;
            case "":
                throw Error($"'{name}': '{DaliNumber.Shorten(uriText)}' is not an absolute URI");
            default:
                throw Error($"'{name}': URI scheme '{DaliNumber.Shorten(scheme)}' is not supported (use http, https or param)");
        }
        if (!Uri.TryCreate(uriText, UriKind.Absolute, out var uri) || (scheme != "param" && uri.Host.Length == 0))
        {
            throw Error($"'{name}': '{DaliNumber.Shorten(uriText)}' is not a valid {scheme} URI");
        }
        return new DaliUpload(name, uri);
    }

    private static DaliParameterException Error(string why) => new(ParameterName, "UPLOAD: " + why);

    // Split "a,http://x;b,param:y" only where a new name,… begins, so a ';' inside a URL survives.
    [GeneratedRegex(";(?=[A-Za-z][A-Za-z0-9_]*,)", RegexOptions.CultureInvariant)]
    private static partial Regex PairSeparator();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex NameSyntax();
}
