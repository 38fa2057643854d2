using System.Globalization;
using System.Numerics;

namespace VoServices.Tap.Ingest;

/// <summary>
/// Converts source text to the CLR value of a <see cref="CatalogDatatype"/> with the invariant culture. Numbers
/// follow VOTable TABLEDATA lexical rules (VOTable 1.4 §6): decimal integers, decimal/exponent floats, <c>NaN</c>,
/// <c>+Inf</c>/<c>-Inf</c>, surrounding blanks ignored; booleans accept T/F/true/false/1/0 (case-insensitive) and
/// <c>?</c> for null. Strings are returned as they are.
/// </summary>
public static class CatalogValueParser
{
    private const NumberStyles IntegerStyle =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    /// <summary>
    /// Parses <paramref name="text"/> for <paramref name="column"/>: null, empty text and the column's null value give
    /// null, as does blank text for non-string types. Throws <see cref="FormatException"/> (malformed) or
    /// <see cref="OverflowException"/> (out of range for the datatype); callers add the file position.
    /// </summary>
    public static object? Parse(string? text, CatalogColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (string.IsNullOrEmpty(text) || (column.NullValue is not null && text == column.NullValue))
        {
            return null;
        }
        if (column.Datatype is CatalogDatatype.Char or CatalogDatatype.UnicodeChar)
        {
            return text;
        }
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return null;
        }
        return column.Datatype switch
        {
            CatalogDatatype.Boolean => ParseBoolean(span.Length == 1 ? span[0] : '\0', span.Length,
                span.Equals("true", StringComparison.OrdinalIgnoreCase),
                span.Equals("false", StringComparison.OrdinalIgnoreCase)),
            CatalogDatatype.Short => short.Parse(span, IntegerStyle, CultureInfo.InvariantCulture),
            CatalogDatatype.Int => int.Parse(span, IntegerStyle, CultureInfo.InvariantCulture),
            CatalogDatatype.Long => long.Parse(span, IntegerStyle, CultureInfo.InvariantCulture),
            CatalogDatatype.Float => Real<float>(Infinity(span), span),
            CatalogDatatype.Double => Real<double>(Infinity(span), span),
            _ => throw new FormatException($"unsupported datatype {column.Datatype}"),
        };
    }

    /// <summary>
    /// Parses a non-string value from UTF-8 bytes (the CSV fast path, no string allocated): same rules as
    /// <see cref="Parse(string?, CatalogColumn)"/>, except that the caller handles empty cells and null markers.
    /// </summary>
    public static object? ParseUtf8(ReadOnlySpan<byte> utf8, CatalogColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var span = utf8.Trim(" \t"u8);
        if (span.IsEmpty)
        {
            return null;
        }
        return column.Datatype switch
        {
            CatalogDatatype.Boolean => ParseBoolean(span.Length == 1 ? (char)span[0] : '\0', span.Length,
                System.Text.Ascii.EqualsIgnoreCase(span, "true"u8), System.Text.Ascii.EqualsIgnoreCase(span, "false"u8)),
            CatalogDatatype.Short => short.Parse(span, IntegerStyle, CultureInfo.InvariantCulture),
            CatalogDatatype.Int => int.Parse(span, IntegerStyle, CultureInfo.InvariantCulture),
            CatalogDatatype.Long => long.Parse(span, IntegerStyle, CultureInfo.InvariantCulture),
            CatalogDatatype.Float => RealUtf8<float>(span),
            CatalogDatatype.Double => RealUtf8<double>(span),
            CatalogDatatype.Char or CatalogDatatype.UnicodeChar => System.Text.Encoding.UTF8.GetString(utf8),
            _ => throw new FormatException($"unsupported datatype {column.Datatype}"),
        };
    }

    private static object? ParseBoolean(char single, int length, bool isTrue, bool isFalse)
    {
        if (length == 1)
        {
            switch (single)
            {
                case 'T' or 't' or '1': return true;
                case 'F' or 'f' or '0': return false;
                case '?': return null;
            }
        }
        if (isTrue)
        {
            return true;
        }
        return isFalse ? false : throw new FormatException("not a boolean (expected T, F, true, false, 1 or 0)");
    }

    private static T Real<T>(int infinity, ReadOnlySpan<char> s)
        where T : IFloatingPointIeee754<T>
    {
        if (infinity != 0)
        {
            return infinity > 0 ? T.PositiveInfinity : T.NegativeInfinity;
        }
        return Finite(T.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private static T RealUtf8<T>(ReadOnlySpan<byte> s)
        where T : IFloatingPointIeee754<T>
    {
        if (s.SequenceEqual("+Inf"u8) || s.SequenceEqual("Inf"u8))
        {
            return T.PositiveInfinity;
        }
        if (s.SequenceEqual("-Inf"u8))
        {
            return T.NegativeInfinity;
        }
        return Finite(T.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    // VOTable writes infinities as +Inf/-Inf (handled above); anything else that parses to an infinity is either
    // out of range or .NET's own "Infinity" spelling, which VOTable does not define.
    private static T Finite<T>(T value)
        where T : IFloatingPointIeee754<T> =>
        T.IsInfinity(value)
            ? throw new OverflowException($"out of range for {(typeof(T) == typeof(float) ? "float" : "double")} " +
                "(infinities are written +Inf or -Inf)")
            : value;

    private static int Infinity(ReadOnlySpan<char> s) =>
        s is "+Inf" or "Inf" ? 1 : s is "-Inf" ? -1 : 0;
}
