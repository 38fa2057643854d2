namespace VoServices.VoTable.Converters;

/// <summary>
/// boolean (VOTable 1.4 §2.1): scalar <c>bool</c>, arrays read as <c>bool?[]</c> (an element may be null).
/// TD text <c>T</c>/<c>F</c>/<c>?</c>; reading also accepts <c>1</c>/<c>0</c>/<c>true</c>/<c>false</c> in any
/// case. BINARY byte <c>'T'</c>/<c>'F'</c>, null <c>'?'</c> (reading also accepts NUL and blank).
/// </summary>
internal sealed class BooleanConverter(VoTableField field, ArraySize? size) : ColumnConverter(field, size, false)
{
    public override void WriteText(object value, ByteBuffer buffer)
    {
        if (Size is null)
        {
            buffer.WriteByte(Code(ConvertScalar(value)));
            return;
        }
        var array = ConvertArray(value);
        CheckCount(array.Length);
        for (var i = 0; i < array.Length; i++)
        {
            if (i > 0)
            {
                buffer.WriteByte((byte)' ');
            }
            buffer.WriteByte(Code(array[i]));
        }
    }

    public override void WriteBinary(object value, ByteBuffer buffer)
    {
        if (Size is null)
        {
            buffer.WriteByte(Code(ConvertScalar(value)));
            return;
        }
        var array = ConvertArray(value);
        CheckCount(array.Length);
        WriteCountPrefix(buffer, array.Length);
        var span = buffer.Reserve(array.Length);
        for (var i = 0; i < array.Length; i++)
        {
            span[i] = Code(array[i]);
        }
    }

    public override void WriteNullPayload(ByteBuffer buffer) => TryWriteBinaryNull(buffer);

    /// <summary>'?' per element for fixed arrays: votlint rejects an empty TD where elements are expected.</summary>
    public override bool TryWriteTextNull(ByteBuffer buffer)
    {
        if (Size is null || Size.IsVariable)
        {
            return false;
        }
        for (var i = 0; i < Size.ElementCount; i++)
        {
            if (i > 0)
            {
                buffer.WriteByte((byte)' ');
            }
            buffer.WriteByte((byte)'?');
        }
        return true;
    }

    public override bool TryWriteBinaryNull(ByteBuffer buffer)
    {
        if (Size is { IsVariable: true })
        {
            WriteCountPrefix(buffer, 0);
            return true;
        }
        buffer.Reserve(Size?.ElementCount ?? 1).Fill((byte)'?');
        return true;
    }

    private static byte Code(bool? value) => value switch
    {
        true => (byte)'T',
        false => (byte)'F',
        null => (byte)'?',
    };

    private bool ConvertScalar(object value) => value is bool b ? b : throw WrongType(value);

    private bool?[] ConvertArray(object value) => value switch
    {
        bool?[] a => a,
        bool[] a => Array.ConvertAll(a, b => (bool?)b),
        IEnumerable<bool> e => e.Select(b => (bool?)b).ToArray(),
        _ => throw WrongType(value),
    };

    public override object? ParseText(string text, ReadContext context)
    {
        if (Size is null)
        {
            return ParseToken(text.Trim(), context);
        }
        var tokens = Tokens(text);
        if (tokens.Count == 1 && tokens[0].Length > 1 && ParseWord(tokens[0]) is null)
        {
            // Compact form "TFT?" written by some services: one character per element.
            tokens = tokens[0].Select(c => c.ToString()).ToList();
        }
        var keep = CheckReadCount(tokens.Count, context);
        if (keep < 0)
        {
            return null;
        }
        var result = new bool?[keep];
        for (var i = 0; i < keep; i++)
        {
            result[i] = ParseToken(tokens[i], context);
        }
        return result;
    }

    private static bool? ParseWord(string token) => token.ToUpperInvariant() switch
    {
        "T" or "TRUE" or "1" => true,
        "F" or "FALSE" or "0" => false,
        _ => null,
    };

    private static bool? ParseToken(string token, ReadContext context)
    {
        if (token.Length == 0 || token == "?")
        {
            return null;
        }
        var value = ParseWord(token);
        if (value is null)
        {
            context.Report(VoTableDiagnosticCodes.InvalidValue, $"'{token}' is not a boolean; read as null");
        }
        return value;
    }

    public override object? ReadBinary(BinaryInput input, ReadContext context)
    {
        if (Size is null)
        {
            return Decode(input.Take(1)[0], context);
        }
        var count = ReadCount(input, context);
        var span = input.Take(count);
        var keep = CheckReadCount(count, context);
        if (keep < 0)
        {
            return null;
        }
        var result = new bool?[keep];
        for (var i = 0; i < keep; i++)
        {
            result[i] = Decode(span[i], context);
        }
        return result;
    }

    private static bool? Decode(byte b, ReadContext context)
    {
        switch (b)
        {
            case (byte)'T' or (byte)'t' or (byte)'1':
                return true;
            case (byte)'F' or (byte)'f' or (byte)'0':
                return false;
            case (byte)'?' or (byte)' ' or 0:
                return null;
            default:
                context.Report(VoTableDiagnosticCodes.InvalidValue, $"byte 0x{b:X2} is not a boolean; read as null");
                return null;
        }
    }
}
