using System.Globalization;
using System.Text;

namespace VoServices.Tap.Results;

/// <summary>
/// Builds a FITS header (FITS 4.0 §4): 80-character ASCII cards, fixed-format values (logical and integer values
/// right-justified to column 30, strings from column 11 in single quotes with inner quotes doubled), an END card
/// and blank padding to a multiple of 2880 bytes. Text outside printable ASCII becomes '?'.
/// </summary>
internal sealed class FitsHeader
{
    public const int BlockSize = 2880;
    private const int CardLength = 80;
    private const int MaxStringLength = 68; // columns 12–79 between the quotes
    private readonly StringBuilder cards = new();

    public void Logical(string keyword, bool value, string? comment = null) =>
        Card(keyword, (value ? "T" : "F").PadLeft(20), comment);

    public void Integer(string keyword, long value, string? comment = null) =>
        Card(keyword, value.ToString(CultureInfo.InvariantCulture).PadLeft(20), comment);

    public void String(string keyword, string value, string? comment = null)
    {
        var text = Sanitize(value);
        var quoted = new StringBuilder();
        foreach (var c in text)
        {
            var piece = c == '\'' ? "''" : c.ToString();
            if (quoted.Length + piece.Length > MaxStringLength)
            {
                break;
            }
            quoted.Append(piece);
        }
        // FITS 4.0 §4.2.1.1: pad short strings to 8 characters (the closing quote at or after column 20);
        // trailing spaces in a string value are not significant.
        Card(keyword, "'" + quoted.ToString().PadRight(8) + "'", comment);
    }

    /// <summary>The header bytes, END card included, padded with spaces to whole 2880-byte blocks.</summary>
    public byte[] ToBytes()
    {
        var text = new StringBuilder(cards.ToString()).Append("END".PadRight(CardLength));
        var length = (text.Length + BlockSize - 1) / BlockSize * BlockSize;
        return Encoding.ASCII.GetBytes(text.ToString().PadRight(length));
    }

    /// <summary>Zero bytes needed after <paramref name="dataLength"/> bytes of data to fill the last block.</summary>
    public static int Padding(long dataLength) => (int)((BlockSize - (dataLength % BlockSize)) % BlockSize);

    /// <summary>Printable ASCII (0x20–0x7E) version of <paramref name="text"/>; other characters become '?'.</summary>
    public static string Sanitize(string text)
    {
        if (text.All(c => c is >= ' ' and <= '~'))
        {
            return text;
        }
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is >= ' ' and <= '~' ? source[i] : '?';
            }
        });
    }

    private void Card(string keyword, string value, string? comment)
    {
        var card = keyword.PadRight(8) + "= " + value;
        if (comment is not null && card.Length + 3 < CardLength)
        {
            card += " / " + Sanitize(comment);
        }
        cards.Append(card.Length > CardLength ? card[..CardLength] : card.PadRight(CardLength));
    }
}
