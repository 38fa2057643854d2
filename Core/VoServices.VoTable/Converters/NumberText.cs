using System.Globalization;

namespace VoServices.VoTable.Converters;

/// <summary>
/// TABLEDATA text of floating-point values (VOTable 1.4 §5.1): shortest round-trip digits, <c>NaN</c>,
/// <c>+Inf</c>, <c>-Inf</c>; parsing also accepts <c>Inf</c>, <c>Infinity</c> in any case.
/// </summary>
internal static class NumberText
{
    /// <summary>Quiet NaN without the sign bit (0x7FF8000000000000).</summary>
    public static readonly double CanonicalDoubleNaN = BitConverter.Int64BitsToDouble(0x7FF8000000000000);

    /// <summary>Quiet NaN without the sign bit (0x7FC00000).</summary>
    public static readonly float CanonicalFloatNaN = BitConverter.Int32BitsToSingle(0x7FC00000);

    private static readonly byte[] NaN = "NaN"u8.ToArray();
    private static readonly byte[] PlusInf = "+Inf"u8.ToArray();
    private static readonly byte[] MinusInf = "-Inf"u8.ToArray();

    public static void Write(ByteBuffer buffer, double value)
    {
        if (!double.IsFinite(value))
        {
            buffer.Write(double.IsNaN(value) ? NaN : value > 0 ? PlusInf : MinusInf);
            return;
        }
        var span = buffer.GetSpan(32);
        value.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture);
        buffer.Advance(written);
    }

    public static void Write(ByteBuffer buffer, float value)
    {
        if (!float.IsFinite(value))
        {
            buffer.Write(float.IsNaN(value) ? NaN : value > 0 ? PlusInf : MinusInf);
            return;
        }
        var span = buffer.GetSpan(32);
        value.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture);
        buffer.Advance(written);
    }

    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }
        return TryParseSpecial(text, out value);
    }

    public static bool TryParse(ReadOnlySpan<char> text, out float value)
    {
        text = text.Trim();
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }
        var ok = TryParseSpecial(text, out var d);
        value = (float)d;
        return ok;
    }

    private static bool TryParseSpecial(ReadOnlySpan<char> text, out double value)
    {
        var negative = false;
        if (text.Length > 0 && (text[0] == '+' || text[0] == '-'))
        {
            negative = text[0] == '-';
            text = text[1..];
        }
        if (text.Equals("inf", StringComparison.OrdinalIgnoreCase) ||
            text.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (text.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }
        value = 0;
        return false;
    }
}
