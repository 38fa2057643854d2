using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace VoServices.VoTable.Converters;

/// <summary>
/// char and unicodeChar (VOTable 1.4 §2.1). Every arraysize, including multi-dimensional ones, is read and written
/// as one flat <c>string</c>; a missing arraysize means a single character. BINARY char is 1 byte per character
/// (7-bit ASCII; see <see cref="VoTableWriterOptions.ReplaceUnrepresentableCharacters"/> for anything else),
/// unicodeChar 2 bytes big-endian per UTF-16 code unit (so characters outside the BMP travel as surrogate pairs,
/// as STIL and astropy do). Fixed sizes are padded with NUL; reading stops at the first NUL. Reading decodes char
/// bytes as UTF-8, since many services put UTF-8 there.
/// </summary>
internal sealed class CharConverter : ColumnConverter
{
    private readonly bool _unicode;
    private readonly int? _max;

    public CharConverter(VoTableField field, ArraySize? size, bool replace) : base(field, size, replace)
    {
        _unicode = field.Datatype == VoTableDataType.UnicodeChar;
        _max = size is null ? 1 : size.MaxElementCount;
    }

    private int ElementSize => _unicode ? 2 : 1;

    public override bool WantsRawText => true;

    public override void WriteText(object value, ByteBuffer buffer)
    {
        var text = Checked(ToText(value));
        XmlText.WriteEscaped(buffer, text, attribute: false, asciiOnly: !_unicode, ReplaceUnrepresentable, Context);
    }

    public override void WriteBinary(object value, ByteBuffer buffer)
    {
        var text = Checked(ToText(value));
        var count = Size is null ? 1 : Size.IsVariable ? text.Length : Size.ElementCount;
        if (Size is { IsVariable: true })
        {
            BinaryPrimitives.WriteInt32BigEndian(buffer.Reserve(4), count);
        }
        var span = buffer.Reserve(count * ElementSize);
        span.Clear();
        for (var i = 0; i < text.Length; i++)
        {
            if (_unicode)
            {
                BinaryPrimitives.WriteUInt16BigEndian(span[(2 * i)..], text[i]);
            }
            else
            {
                span[i] = (byte)text[i];
            }
        }
    }

    public override void WriteNullPayload(ByteBuffer buffer) => TryWriteBinaryNull(buffer);

    public override bool TryWriteBinaryNull(ByteBuffer buffer)
    {
        if (Size is { IsVariable: true })
        {
            BinaryPrimitives.WriteInt32BigEndian(buffer.Reserve(4), 0);
            return true;
        }
        buffer.Reserve((Size?.ElementCount ?? 1) * ElementSize).Clear();
        return true;
    }

    /// <summary>
    /// Applies the char rule (7-bit ASCII; otherwise throw or one '?' per code point) and the arraysize limit.
    /// </summary>
    private string Checked(string text)
    {
        if (!_unicode && !System.Text.Ascii.IsValid(text))
        {
            var ascii = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes())
            {
                ascii.Append((char)XmlText.AsciiByte(rune.Value, ReplaceUnrepresentable, Context));
            }
            text = ascii.ToString();
        }
        if (_max is int max && text.Length > max)
        {
            throw Bad($"{text.Length} characters exceed the arraysize limit of {max}");
        }
        return text;
    }

    /// <summary>Text of a value for a character column; timestamps follow DALI 1.1 §3.3.3.</summary>
    private string ToText(object value) => value switch
    {
        string s => s,
        char c => c.ToString(),
        char[] a => new string(a),
        DateTime dt => FormatTimestamp(dt),
        DateTimeOffset dto => FormatTimestamp(dto.UtcDateTime),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        Uri u => u.OriginalString,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => throw WrongType(value),
    };

    /// <summary>DALI timestamp: YYYY-MM-DDThh:mm:ss[.fff…], with Z only for a UTC DateTime.</summary>
    internal static string FormatTimestamp(DateTime value)
    {
        var text = value.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF", CultureInfo.InvariantCulture);
        return value.Kind == DateTimeKind.Utc ? text + "Z" : text;
    }

    public override object? ParseText(string text, ReadContext context) => Truncate(text, context);

    private string Truncate(string text, ReadContext context)
    {
        if (_max is int max && text.Length > max)
        {
            context.Report(VoTableDiagnosticCodes.Truncated,
                $"{text.Length} characters exceed arraysize {Size?.ToString() ?? "(none: one character)"}; truncated to {max}");
            return text[..max];
        }
        return text;
    }

    public override object? ReadBinary(BinaryInput input, ReadContext context)
    {
        var count = Size is null ? 1 : ReadCount(input, context);
        if ((long)count * ElementSize > Array.MaxLength)
        {
            throw context.Error($"{Context}: string of {count} characters is too large");
        }
        var bytes = input.Take(count * ElementSize);
        string text;
        if (_unicode)
        {
            var chars = new char[count];
            var length = 0;
            while (length < count && (chars[length] = (char)BinaryPrimitives.ReadUInt16BigEndian(bytes[(2 * length)..])) != '\0')
            {
                length++;
            }
            text = new string(chars, 0, length);
        }
        else
        {
            var end = bytes.IndexOf((byte)0);
            text = Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
        }
        return Truncate(text, context);
    }
}
