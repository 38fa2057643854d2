using System.Globalization;
using System.Text;
using System.Xml;

namespace VoServices.Tap.Vosi;

/// <summary>Shared settings and text hygiene for the streaming VOSI writers.</summary>
internal static class VosiXml
{
    /// <summary>
    /// UTF-8 without BOM, asynchronous (Kestrel forbids synchronous body writes), indented for people reading the
    /// documents in a browser; <c>CloseOutput=false</c> because the stream belongs to the caller.
    /// </summary>
    public static XmlWriter Create(Stream output) => XmlWriter.Create(output, new XmlWriterSettings
    {
        Async = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        CloseOutput = false,
        NamespaceHandling = NamespaceHandling.OmitDuplicates,
    });

    /// <summary>
    /// Replaces characters that XML 1.0 cannot carry (control characters, lone surrogates) by U+FFFD, so that a bad
    /// description in the database cannot abort a half-written document.
    /// </summary>
    public static string Clean(string text)
    {
        var firstBad = IndexOfInvalid(text);
        if (firstBad < 0)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else
            {
                sb.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
            }
        }
        return sb.ToString();
    }

    /// <summary>xsd:dateTime in UTC with a <c>Z</c>, whole seconds (VOSI 1.1 §3.3 upSince/downAt/backAt).</summary>
    public static string DateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes <c>&lt;name&gt;text&lt;/name&gt;</c> (unqualified) unless <paramref name="text"/> is null or empty.</summary>
    public static async Task WriteOptionalAsync(XmlWriter writer, string name, string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            await writer.WriteElementStringAsync(null, name, null, Clean(text)).ConfigureAwait(false);
        }
    }

    private static int IndexOfInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (!XmlConvert.IsXmlChar(c))
            {
                return i;
            }
        }
        return -1;
    }
}
