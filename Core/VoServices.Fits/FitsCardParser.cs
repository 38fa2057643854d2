using System.Globalization;
using System.Text;

namespace VoServices.Fits;

/// <summary>
/// Reads 80-character keyword records (FITS 4.0 §4.1–4.2) into <see cref="FitsCard"/>s and joins CONTINUE long
/// strings (§4.2.1.2). Tolerant of what real files contain: values that follow no §4.2 syntax are kept as raw text,
/// lower-case keywords are kept as written, bytes outside ASCII are read as Latin-1.
/// </summary>
internal static class FitsCardParser
{
    /// <summary>One record before CONTINUE joining.</summary>
    private readonly record struct RawRecord(string Keyword, object? Value, string? Comment, bool IsCommentary,
        string? RawString);

    /// <summary>
    /// Parses the records of a header up to END. <paramref name="headerBytes"/> holds whole records.
    /// </summary>
    /// <returns>The cards and the number of records consumed including END; -1 when END was not found.</returns>
    public static (List<FitsCard> Cards, int RecordsUsed) Parse(ReadOnlySpan<byte> headerBytes)
    {
        var cards = new List<FitsCard>();
        var count = headerBytes.Length / FitsCardFormatter.RecordLength;
        RawRecord? open = null;            // a string value ending in '&' that CONTINUE records may extend
        StringBuilder? longValue = null;
        List<string>? longComments = null;
        for (var r = 0; r < count; r++)
        {
            var text = Encoding.Latin1.GetString(headerBytes.Slice(r * FitsCardFormatter.RecordLength,
                FitsCardFormatter.RecordLength));
            var raw = ParseRecord(text);
            if (open is { } o && raw.Keyword == "CONTINUE" && raw.RawString is not null)
            {
                AppendPiece(longValue!, raw.RawString);
                if (raw.Comment is { Length: > 0 } c)
                {
                    longComments!.Add(c);
                }
                if (!EndsWithAmpersand(raw.RawString))
                {
                    cards.Add(CloseLong(o, longValue!, longComments!));
                    open = null;
                }
                continue;
            }
            if (open is { } pending)
            {
                // The chain ended without a final piece: keep what was read (the last '&' was already dropped).
                cards.Add(CloseLong(pending, longValue!, longComments!));
                open = null;
            }
            if (raw.Keyword == "END")
            {
                return (cards, r + 1);
            }
            if (raw.RawString is { } s && !raw.IsCommentary && EndsWithAmpersand(s))
            {
                open = raw;
                longValue = new StringBuilder();
                AppendPiece(longValue, s);
                longComments = raw.Comment is { Length: > 0 } c ? [c] : [];
                continue;
            }
            cards.Add(FitsCard.FromFile(raw.Keyword, raw.Value, raw.Comment, raw.IsCommentary));
        }
        if (open is { } last)
        {
            cards.Add(CloseLong(last, longValue!, longComments!));
        }
        return (cards, -1);
    }

    private static bool EndsWithAmpersand(string s) => s.TrimEnd(' ').EndsWith('&');

    private static void AppendPiece(StringBuilder target, string piece)
    {
        var trimmed = piece.TrimEnd(' ');
        target.Append(trimmed.EndsWith('&') ? trimmed.AsSpan(0, trimmed.Length - 1) : piece);
    }

    private static FitsCard CloseLong(RawRecord first, StringBuilder value, List<string> comments) =>
        FitsCard.FromFile(first.Keyword, value.ToString().TrimEnd(' '),
            comments.Count == 0 ? null : string.Join(' ', comments), isCommentary: false);

    private static RawRecord ParseRecord(string record)
    {
        var keyword = record[..8].TrimEnd(' ');
        if (keyword == "HIERARCH")
        {
            var eq = record.IndexOf('=', 8);
            if (eq > 0)
            {
                return ParseValue(record[8..eq].Trim(), record, eq + 1);
            }
        }
        if (keyword == "CONTINUE")
        {
            var continued = ParseValue(keyword, record, 8);
            return continued.RawString is null
                ? new RawRecord(keyword, null, record[8..].TrimEnd(' '), true, null)
                : continued;
        }
        var hasIndicator = record[8] == '=' && record[9] == ' ';
        if (!hasIndicator || keyword is "COMMENT" or "HISTORY" or "" or "END")
        {
            return new RawRecord(keyword, null, record[8..].TrimEnd(' '), true, null);
        }
        return ParseValue(keyword, record, 10);
    }

    /// <summary>Parses the value and comment in columns <paramref name="start"/>+1..80 (FITS 4.0 §4.1.2.3).</summary>
    private static RawRecord ParseValue(string keyword, string record, int start)
    {
        var i = start;
        while (i < record.Length && record[i] == ' ')
        {
            i++;
        }
        if (i < record.Length && record[i] == '\'')
        {
            var (raw, next) = ReadQuoted(record, i);
            return new RawRecord(keyword, raw.TrimEnd(' '), CommentAfter(record, next), false, raw);
        }
        var slash = record.IndexOf('/', i);
        if (i < record.Length && record[i] == '(')
        {
            var close = record.IndexOf(')', i);
            slash = close < 0 ? -1 : record.IndexOf('/', close);
        }
        var token = (slash < 0 ? record[i..] : record[i..slash]).Trim();
        var comment = slash < 0 ? null : NullIfEmpty(record[(slash + 1)..].Trim());
        return new RawRecord(keyword, token.Length == 0 ? null : ParseToken(token), comment, false, null);
    }

    /// <summary>Reads a quoted string starting at <paramref name="open"/>; '' stands for one quote (§4.2.1.1).</summary>
    private static (string Value, int Next) ReadQuoted(string record, int open)
    {
        var sb = new StringBuilder();
        var i = open + 1;
        while (i < record.Length)
        {
            if (record[i] == '\'')
            {
                if (i + 1 < record.Length && record[i + 1] == '\'')
                {
                    sb.Append('\'');
                    i += 2;
                    continue;
                }
                return (sb.ToString(), i + 1);
            }
            sb.Append(record[i++]);
        }
        return (sb.ToString(), i);     // unterminated: keep the text, as other readers do
    }

    private static string? CommentAfter(string record, int i)
    {
        var slash = record.IndexOf('/', i);
        if (slash >= 0)
        {
            return NullIfEmpty(record[(slash + 1)..].Trim());
        }
        return NullIfEmpty(record[i..].Trim());
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    /// <summary>Logical, integer, floating-point or complex constant (FITS 4.0 §4.2.2–4.2.6); else the raw text.</summary>
    internal static object ParseToken(string token)
    {
        if (token == "T")
        {
            return true;
        }
        if (token == "F")
        {
            return false;
        }
        if (IsInteger(token))
        {
            if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            {
                return l;
            }
            return double.Parse(token, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        if (TryParseReal(token, out var d))
        {
            return d;
        }
        if (token.Length > 2 && token[0] == '(' && token[^1] == ')')
        {
            var parts = token[1..^1].Split(',');
            if (parts.Length == 2 && TryParseReal(parts[0].Trim(), out var re) && TryParseReal(parts[1].Trim(), out var im))
            {
                return new FitsComplex(re, im);
            }
        }
        return token;
    }

    private static bool IsInteger(string token)
    {
        var start = token[0] is '+' or '-' ? 1 : 0;
        if (start == token.Length)
        {
            return false;
        }
        for (var i = start; i < token.Length; i++)
        {
            if (token[i] is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }

    private static bool TryParseReal(string token, out double value)
    {
        value = 0;
        if (token.Length == 0 || token.Any(c => !(c is >= '0' and <= '9' or '+' or '-' or '.' or 'E' or 'D' or 'e' or 'd')))
        {
            return false;    // excludes NaN, Infinity and thousands separators, which FITS does not allow
        }
        var normal = token.Replace('D', 'E').Replace('d', 'E');
        return double.TryParse(normal, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }
}
