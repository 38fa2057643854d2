using System.Text;

namespace VoServices.Dali;

/// <summary>
/// Writes DALI error documents (DALI 1.1 §5.2 and §5.4): the VOTable form used by TAP, SIA and DataLink, and the
/// text/plain form with a fault label used by SODA and DataLink. The VOTable form is written byte-for-byte as
/// <code>
/// &lt;?xml version="1.0" encoding="UTF-8"?&gt;
/// &lt;VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"&gt;
///   &lt;RESOURCE type="results"&gt;
///     &lt;INFO name="QUERY_STATUS" value="ERROR"&gt;message&lt;/INFO&gt;
///     (extra INFOs)
///   &lt;/RESOURCE&gt;
/// &lt;/VOTABLE&gt;
/// </code>
/// because astroquery finds errors by searching for the literal <c>&lt;INFO name="QUERY_STATUS" value="ERROR"&gt;</c>
/// (astroquery/utils/tap/taputils.py), so attribute order and quoting matter. The document is small and built in
/// memory.
/// </summary>
public static class DaliErrorDocument
{
    /// <summary>Media type of the VOTable form.</summary>
    public const string VoTableContentType = "application/x-votable+xml";

    /// <summary>Media type of the text/plain form.</summary>
    public const string TextPlainContentType = "text/plain; charset=utf-8";

    /// <summary>The exact start of the error INFO element that clients search for.</summary>
    public const string ErrorInfoStart = "<INFO name=\"QUERY_STATUS\" value=\"ERROR\">";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Builds the VOTable 1.4 error document as a string.</summary>
    /// <param name="message">User-facing message; XML-escaped, characters not allowed in XML become U+FFFD.</param>
    /// <param name="infos">Extra INFO elements written after the QUERY_STATUS one; may be null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> or an INFO field is null.</exception>
    public static string VoTable(string message, IEnumerable<DaliInfo>? infos = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var xml = new StringBuilder(256 + message.Length);
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .Append("<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n")
            .Append("  <RESOURCE type=\"results\">\n")
            .Append("    ").Append(ErrorInfoStart);
        AppendEscaped(xml, message, attribute: false);
        xml.Append("</INFO>\n");
        foreach (var info in infos ?? [])
        {
            ArgumentNullException.ThrowIfNull(info);
            ArgumentNullException.ThrowIfNull(info.Name, nameof(infos));
            ArgumentNullException.ThrowIfNull(info.Value, nameof(infos));
            xml.Append("    <INFO name=\"");
            AppendEscaped(xml, info.Name, attribute: true);
            xml.Append("\" value=\"");
            AppendEscaped(xml, info.Value, attribute: true);
            xml.Append("\"/>\n");
        }
        xml.Append("  </RESOURCE>\n</VOTABLE>\n");
        return xml.ToString();
    }

    /// <summary>Builds the VOTable error document as UTF-8 bytes without a byte-order mark.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> or an INFO field is null.</exception>
    public static byte[] VoTableBytes(string message, IEnumerable<DaliInfo>? infos = null) =>
        Utf8NoBom.GetBytes(VoTable(message, infos));

    /// <summary>
    /// Writes the VOTable error document to a text writer. The XML declaration says UTF-8, so the writer should
    /// encode UTF-8.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument or INFO field is null.</exception>
    public static void WriteVoTable(TextWriter writer, string message, IEnumerable<DaliInfo>? infos = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(VoTable(message, infos));
    }

    /// <summary>Writes the VOTable error document to a stream as UTF-8 (no BOM). The stream is left open.</summary>
    /// <exception cref="ArgumentNullException">An argument or INFO field is null.</exception>
    public static void WriteVoTable(Stream stream, string message, IEnumerable<DaliInfo>? infos = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(VoTableBytes(message, infos));
    }

    /// <summary>
    /// Writes the VOTable error document to a stream as UTF-8 (no BOM) asynchronously, as ASP.NET response
    /// bodies require. The stream is left open.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument or INFO field is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task WriteVoTableAsync(Stream stream, string message, IEnumerable<DaliInfo>? infos,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        await stream.WriteAsync(VoTableBytes(message, infos), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The text/plain error document: <c>"Label: message\n"</c>, or <c>"Label\n"</c> for an empty message
    /// (DataLink 1.1 §3.4, SODA 1.0 §5.2; DALI 1.1 §5.2 lets detail follow the required text). Serve it as
    /// <see cref="TextPlainContentType"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fault"/> is not a defined member.</exception>
    public static string TextPlain(DaliFault fault, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var label = fault.Label();
        return message.Length == 0 ? label + "\n" : $"{label}: {message}\n";
    }

    /// <summary>
    /// The text/plain error document for an exception, using its <see cref="DaliException.Fault"/> when set and
    /// otherwise <paramref name="defaultFault"/> applied to its kind (e.g.
    /// <see cref="DaliErrorKindExtensions.ToSodaFault"/>).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string TextPlain(DaliException exception, Func<DaliErrorKind, DaliFault> defaultFault)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(defaultFault);
        return TextPlain(exception.Fault ?? defaultFault(exception.Kind), exception.Message);
    }

    private static void AppendEscaped(StringBuilder xml, string text, bool attribute)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': xml.Append("&amp;"); break;
                case '<': xml.Append("&lt;"); break;
                // Escape only what XML needs: clients such as astroquery show the raw text between the tags.
                case '>': xml.Append(i >= 2 && text[i - 1] == ']' && text[i - 2] == ']' ? "&gt;" : ">"); break;
                case '"': xml.Append(attribute ? "&quot;" : "\""); break;
                case '\r': xml.Append("&#xD;"); break; // a raw CR would be normalised away by XML parsers
                case '\t' or '\n':
                    // Attribute-value normalisation would turn a raw tab or newline into a space.
                    xml.Append(attribute ? (c == '\t' ? "&#x9;" : "&#xA;") : (c == '\t' ? "\t" : "\n"));
                    break;
                case < ' ' or '\uFFFE' or '\uFFFF': xml.Append('\uFFFD'); break; // not allowed in XML 1.0
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        xml.Append(c).Append(text[++i]);
                    }
                    else
                    {
                        xml.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                    }
                    break;
            }
        }
    }
}
