using System.Text;

namespace VoServices.VoTable.Converters;

/// <summary>
/// UTF-8 output of XML text and attribute values with escaping, and the character rules of VOTable 1.4 §2.1
/// (<c>char</c> is 7-bit ASCII) and XML 1.0 §2.2 (no C0 controls other than TAB, LF, CR; no U+FFFE/U+FFFF;
/// no unpaired surrogates). An unrepresentable character either throws or becomes '?', as configured.
/// </summary>
internal static class XmlText
{
    private static readonly byte[] Amp = "&amp;"u8.ToArray();
    private static readonly byte[] Lt = "&lt;"u8.ToArray();
    private static readonly byte[] Gt = "&gt;"u8.ToArray();
    private static readonly byte[] Quot = "&quot;"u8.ToArray();
    private static readonly byte[] Cr = "&#13;"u8.ToArray();
    private static readonly byte[] Lf = "&#10;"u8.ToArray();
    private static readonly byte[] Tab = "&#9;"u8.ToArray();

    /// <summary>Writes <paramref name="text"/> escaped for element content or (if <paramref name="attribute"/>) a double-quoted attribute.</summary>
    public static void WriteEscaped(ByteBuffer buffer, ReadOnlySpan<char> text, bool attribute, bool asciiOnly,
        bool replace, string context)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                WriteAscii(buffer, c, attribute, replace, context);
                continue;
            }
            if (asciiOnly)
            {
                Unrepresentable(buffer, replace, context,
                    $"non-ASCII character U+{(int)c:X4} in a char value; VOTable 1.4 §2.1 char is 7-bit ASCII, use datatype unicodeChar");
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                continue;
            }
            if (Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed) != System.Buffers.OperationStatus.Done ||
                rune.Value is 0xFFFE or 0xFFFF)
            {
                Unrepresentable(buffer, replace, context, $"character U+{(int)c:X4} is not allowed in XML 1.0");
                continue;
            }
            var span = buffer.GetSpan(4);
            buffer.Advance(rune.EncodeToUtf8(span));
            i += consumed - 1;
        }
    }

    private static void WriteAscii(ByteBuffer buffer, char c, bool attribute, bool replace, string context)
    {
        switch (c)
        {
            case '&': buffer.Write(Amp); return;
            case '<': buffer.Write(Lt); return;
            case '>': buffer.Write(Gt); return;
            case '"' when attribute: buffer.Write(Quot); return;
            case '\r': buffer.Write(Cr); return; // a literal CR would be normalised away by XML parsers
            case '\n' when attribute: buffer.Write(Lf); return;
            case '\t' when attribute: buffer.Write(Tab); return;
            case '\n' or '\t': buffer.WriteByte((byte)c); return;
        }
        if (c < 0x20)
        {
            Unrepresentable(buffer, replace, context, $"control character U+{(int)c:X4} is not allowed in XML 1.0");
            return;
        }
        buffer.WriteByte((byte)c);
    }

    private static void Unrepresentable(ByteBuffer buffer, bool replace, string context, string problem)
    {
        if (!replace)
        {
            throw new VoTableValueException($"{context}: {problem}");
        }
        buffer.WriteByte((byte)'?');
    }

    /// <summary>
    /// Checks one code point of a char value: ASCII as is, anything else '?' or an exception as configured.
    /// </summary>
    public static byte AsciiByte(int codePoint, bool replace, string context)
    {
        if (codePoint < 0x80)
        {
            return (byte)codePoint;
        }
        if (!replace)
        {
            throw new VoTableValueException(
                $"{context}: non-ASCII character U+{codePoint:X4} in a char value; VOTable 1.4 §2.1 char is 7-bit ASCII, use datatype unicodeChar");
        }
        return (byte)'?';
    }
}
