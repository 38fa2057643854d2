using System.Globalization;
using System.Text;

namespace VoServices.Fits;

/// <summary>
/// Writes a <see cref="FitsCard"/> as 80-character keyword records (FITS 4.0 §4.1–4.2): fixed format (values
/// right-justified to column 30, strings starting in column 11 with the closing quote in column 20 or later),
/// CONTINUE records for strings longer than one record (§4.2.1.2), HIERARCH for long keywords.
/// </summary>
internal static class FitsCardFormatter
{
    /// <summary>Length of a keyword record (FITS 4.0 §4.1.1).</summary>
    public const int RecordLength = 80;

    private const int ValueFieldWidth = 20;      // columns 11-30 (FITS 4.0 §4.2.2-4.2.4, fixed format)
    private const string ContinuePrefix = "CONTINUE  ";

    public static IReadOnlyList<string> Format(FitsCard card)
    {
        if (card.IsCommentary)
        {
            return FormatCommentary(card.Keyword, card.Comment ?? "");
        }
        var standard = FitsCard.IsStandardKeyword(card.Keyword);
        var prefix = standard ? card.Keyword.PadRight(8) + "= " : "HIERARCH " + card.Keyword + " = ";
        if (card.Value is string s)
        {
            return FormatString(prefix, s, card.Comment, standard);
        }
        var text = card.Value switch
        {
            null => "",
            bool b => b ? "T" : "F",
            long l => l.ToString(CultureInfo.InvariantCulture),
            double d => FormatDouble(d),
            FitsComplex c => "(" + FormatDouble(c.Real) + ", " + FormatDouble(c.Imaginary) + ")",
            _ => throw new InvalidOperationException($"unexpected value type {card.Value.GetType().Name}"),
        };
        var record = prefix + (standard ? text.PadLeft(ValueFieldWidth) : text);
        return [Finish(record, card.Comment, card.Keyword)];
    }

    /// <summary>
    /// The shortest text that reads back to the same double, always with a decimal point and an upper-case 'E'
    /// exponent (FITS 4.0 §4.2.4).
    /// </summary>
    public static string FormatDouble(double value)
    {
        var s = value.ToString("R", CultureInfo.InvariantCulture);
        var e = s.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? s : s[..e];
        var exponent = e < 0 ? "" : s[e..];
        if (!mantissa.Contains('.', StringComparison.Ordinal))
        {
            mantissa += ".0";
        }
        return mantissa + exponent;
    }

    private static string Finish(string record, string? comment, string keyword)
    {
        if (record.Length > RecordLength)
        {
            throw new ArgumentException($"the value of {keyword} does not fit in an 80-character record", nameof(keyword));
        }
        if (!string.IsNullOrEmpty(comment) && record.Length + 3 < RecordLength)
        {
            record += " / " + comment;
        }
        return record.Length > RecordLength ? record[..RecordLength] : record.PadRight(RecordLength);
    }

    private static List<string> FormatCommentary(string keyword, string text)
    {
        // Columns 9-80 hold the text (FITS 4.0 §4.4.2.4); longer text continues on more records of the same keyword.
        const int width = RecordLength - 8;
        var records = new List<string>();
        var start = 0;
        do
        {
            var piece = text.Substring(start, Math.Min(width, text.Length - start));
            records.Add((keyword.PadRight(8) + piece).PadRight(RecordLength));
            start += width;
        }
        while (start < text.Length);
        return records;
    }

    private static List<string> FormatString(string prefix, string value, string? comment, bool standard)
    {
        var escaped = value.Replace("'", "''", StringComparison.Ordinal);
        if (prefix.Length + escaped.Length + 2 <= RecordLength)
        {
            // The closing quote must not be before column 20 (FITS 4.0 §4.2.1.1): pad to 8 characters.
            var quoted = "'" + escaped.PadRight(8) + "'";
            var field = standard ? quoted.PadRight(ValueFieldWidth) : quoted;
            return [Finish(prefix + field, comment, prefix.Trim())];
        }
        return FormatLongString(prefix, value, comment);
    }

    /// <summary>
    /// Splits a string over the first record and CONTINUE records, each piece but the last ending in '&amp;'
    /// (FITS 4.0 §4.2.1.2). A doubled quote is never split across records.
    /// </summary>
    private static List<string> FormatLongString(string prefix, string value, string? comment)
    {
        var records = new List<string>();
        var piece = new StringBuilder();
        var capacity = RecordLength - prefix.Length - 3;     // two quotes and the '&'
        var current = prefix;
        foreach (var c in value)
        {
            var add = c == '\'' ? "''" : c.ToString();
            if (piece.Length + add.Length > capacity)
            {
                records.Add((current + "'" + piece + "&'").PadRight(RecordLength));
                piece.Clear();
                current = ContinuePrefix;
                capacity = RecordLength - ContinuePrefix.Length - 3;
            }
            piece.Append(add);
        }
        var last = current + "'" + piece + "'";
        if (!string.IsNullOrEmpty(comment) && last.Length + 3 + comment.Length > RecordLength)
        {
            // Keep the comment whole where possible: close the string with an empty CONTINUE piece carrying it.
            records.Add((current + "'" + piece + "&'").PadRight(RecordLength));
            last = ContinuePrefix + "''";
        }
        records.Add(Finish(last, comment, prefix.Trim()));
        return records;
    }
}
