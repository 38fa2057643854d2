using System.Collections;
using System.Globalization;
using System.Text;

namespace VoServices.Fits;

/// <summary>
/// An immutable, ordered FITS header (FITS 4.0 §4): the logical cards without END. Lookups are by exact keyword
/// (FITS keywords are upper case, §4.1.2.1) and return the first card with that keyword. Editing methods return a
/// new header.
/// </summary>
/// <remarks>
/// Typed getters throw <see cref="FitsFormatException"/> when a keyword they require is missing or has a value of
/// another type; the <c>defaultValue</c> overloads return the default only when the keyword is absent or its value
/// undefined. Integers are accepted where a real is asked for (FITS 4.0 §4.2.4 allows either).
/// </remarks>
public sealed class FitsHeader : IReadOnlyList<FitsCard>
{
    /// <summary>Size of a FITS block: headers and data units are padded to a multiple of it (FITS 4.0 §3.1).</summary>
    public const int BlockSize = 2880;

    private readonly FitsCard[] cards;
    private Dictionary<string, int>? firstIndex;

    /// <summary>Creates a header from cards in order.</summary>
    public FitsHeader(IEnumerable<FitsCard> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        this.cards = cards.ToArray();
        foreach (var c in this.cards)
        {
            ArgumentNullException.ThrowIfNull(c, nameof(cards));
        }
    }

    private FitsHeader(FitsCard[] cards, int? hduIndex)
    {
        this.cards = cards;
        HduIndex = hduIndex;
    }

    /// <summary>A header without cards.</summary>
    public static FitsHeader Empty { get; } = new([], null);

    /// <summary>Number of logical cards.</summary>
    public int Count => cards.Length;

    /// <summary>The card at <paramref name="index"/>.</summary>
    public FitsCard this[int index] => cards[index];

    /// <summary>The HDU this header was read from, for error messages; null for built headers.</summary>
    internal int? HduIndex { get; }

    /// <summary>
    /// Parses header records up to and including END (FITS 4.0 §4.4.1); the span may extend past END.
    /// </summary>
    /// <exception cref="FitsFormatException">No END record in <paramref name="bytes"/>.</exception>
    public static FitsHeader Parse(ReadOnlySpan<byte> bytes) => Parse(bytes, null, out _);

    internal static FitsHeader Parse(ReadOnlySpan<byte> bytes, int? hduIndex, out int recordsUsed)
    {
        var (parsed, used) = FitsCardParser.Parse(bytes);
        if (used < 0)
        {
            throw new FitsFormatException("the header has no END record (FITS 4.0 §4.4.1)", hduIndex, "END");
        }
        recordsUsed = used;
        return new FitsHeader(parsed.ToArray(), hduIndex);
    }

    /// <inheritdoc/>
    public IEnumerator<FitsCard> GetEnumerator() => ((IEnumerable<FitsCard>)cards).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Index of the first non-commentary card with <paramref name="keyword"/>, or -1.</summary>
    public int IndexOf(string keyword)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        var map = firstIndex;
        if (map is null)
        {
            map = new Dictionary<string, int>(cards.Length, StringComparer.Ordinal);
            for (var i = 0; i < cards.Length; i++)
            {
                if (!cards[i].IsCommentary)
                {
                    map.TryAdd(cards[i].Keyword, i);
                }
            }
            firstIndex = map;
        }
        return map.TryGetValue(keyword, out var index) ? index : -1;
    }

    /// <summary>The first value card with <paramref name="keyword"/>, or null.</summary>
    public FitsCard? Find(string keyword)
    {
        var i = IndexOf(keyword);
        return i < 0 ? null : cards[i];
    }

    /// <summary>True when a value card with <paramref name="keyword"/> exists (even with an undefined value).</summary>
    public bool Contains(string keyword) => IndexOf(keyword) >= 0;

    /// <summary>The texts of the commentary cards with <paramref name="keyword"/> (e.g. all HISTORY), in order.</summary>
    public IEnumerable<string> GetCommentary(string keyword) =>
        cards.Where(c => c.IsCommentary && c.Keyword == keyword).Select(c => c.Comment ?? "");

    /// <summary>The value of <paramref name="keyword"/> whatever its type, or null when absent or undefined.</summary>
    public object? GetValue(string keyword) => Find(keyword)?.Value;

    /// <summary>String value, or null when absent or undefined.</summary>
    /// <exception cref="FitsFormatException">The value is not a string.</exception>
    public string? GetString(string keyword) => GetValue(keyword) switch
    {
        null => null,
        string s => s,
        var other => throw WrongType(keyword, "a string", other),
    };

    /// <summary>Logical value; throws when absent.</summary>
    /// <exception cref="FitsFormatException">Absent, undefined or not a logical.</exception>
    public bool GetBoolean(string keyword) => TryGetBoolean(keyword, out var v) ? v : throw Missing(keyword);

    /// <summary>Logical value, or <paramref name="defaultValue"/> when absent or undefined.</summary>
    /// <exception cref="FitsFormatException">Present but not a logical.</exception>
    public bool GetBoolean(string keyword, bool defaultValue) =>
        TryGetBoolean(keyword, out var v) ? v : defaultValue;

    /// <summary>Logical value when present and defined.</summary>
    /// <exception cref="FitsFormatException">Present but not a logical.</exception>
    public bool TryGetBoolean(string keyword, out bool value)
    {
        value = false;
        switch (GetValue(keyword))
        {
            case null:
                return false;
            case bool b:
                value = b;
                return true;
            case var other:
                throw WrongType(keyword, "a logical (T or F)", other);
        }
    }

    /// <summary>Integer value; throws when absent.</summary>
    /// <exception cref="FitsFormatException">Absent, undefined or not an integer.</exception>
    public long GetInt64(string keyword) => TryGetInt64(keyword, out var v) ? v : throw Missing(keyword);

    /// <summary>Integer value, or <paramref name="defaultValue"/> when absent or undefined.</summary>
    /// <exception cref="FitsFormatException">Present but not an integer.</exception>
    public long GetInt64(string keyword, long defaultValue) => TryGetInt64(keyword, out var v) ? v : defaultValue;

    /// <summary>Integer value when present and defined; a real with an integral value (e.g. 16.0) is accepted.</summary>
    /// <exception cref="FitsFormatException">Present but not an integer.</exception>
    public bool TryGetInt64(string keyword, out long value)
    {
        value = 0;
        switch (GetValue(keyword))
        {
            case null:
                return false;
            case long l:
                value = l;
                return true;
            case double d when d == Math.Floor(d) && Math.Abs(d) < 9.2e18:
                value = (long)d;
                return true;
            case var other:
                throw WrongType(keyword, "an integer", other);
        }
    }

    /// <summary>Integer value that must fit in an <see cref="int"/>; throws when absent.</summary>
    /// <exception cref="FitsFormatException">Absent, undefined, not an integer, or out of range.</exception>
    public int GetInt32(string keyword) => ToInt32(keyword, GetInt64(keyword));

    /// <summary>Integer value that must fit in an <see cref="int"/>, or <paramref name="defaultValue"/>.</summary>
    /// <exception cref="FitsFormatException">Present but not an integer, or out of range.</exception>
    public int GetInt32(string keyword, int defaultValue) => ToInt32(keyword, GetInt64(keyword, defaultValue));

    /// <summary>Real (or integer) value; throws when absent.</summary>
    /// <exception cref="FitsFormatException">Absent, undefined or not a number.</exception>
    public double GetDouble(string keyword) => TryGetDouble(keyword, out var v) ? v : throw Missing(keyword);

    /// <summary>Real (or integer) value, or <paramref name="defaultValue"/> when absent or undefined.</summary>
    /// <exception cref="FitsFormatException">Present but not a number.</exception>
    public double GetDouble(string keyword, double defaultValue) =>
        TryGetDouble(keyword, out var v) ? v : defaultValue;

    /// <summary>Real (or integer) value when present and defined.</summary>
    /// <exception cref="FitsFormatException">Present but not a number.</exception>
    public bool TryGetDouble(string keyword, out double value)
    {
        value = 0;
        switch (GetValue(keyword))
        {
            case null:
                return false;
            case double d:
                value = d;
                return true;
            case long l:
                value = l;
                return true;
            case var other:
                throw WrongType(keyword, "a number", other);
        }
    }

    /// <summary>
    /// Returns a header where the first card with <paramref name="keyword"/> has the new value (keeping its place
    /// and, when <paramref name="comment"/> is null, its comment), or with a new card appended.
    /// </summary>
    /// <exception cref="ArgumentException">Invalid keyword or value (see <see cref="FitsCard"/>).</exception>
    public FitsHeader Set(string keyword, object? value, string? comment = null)
    {
        var i = IndexOf(keyword);
        if (i < 0)
        {
            return Add(new FitsCard(keyword, value, comment));
        }
        var copy = (FitsCard[])cards.Clone();
        copy[i] = new FitsCard(keyword, value, comment ?? cards[i].Comment);
        return new FitsHeader(copy, null);
    }

    /// <summary>Returns a header with <paramref name="card"/> appended.</summary>
    public FitsHeader Add(FitsCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new FitsHeader([.. cards, card], null);
    }

    /// <summary>Returns a header with <paramref name="more"/> appended in order.</summary>
    public FitsHeader AddRange(IEnumerable<FitsCard> more) => new(cards.Concat(more));

    /// <summary>Returns a header without any card (value or commentary) with <paramref name="keyword"/>.</summary>
    public FitsHeader Remove(string keyword) => RemoveAll(c => c.Keyword == keyword);

    /// <summary>Returns a header without the cards matching <paramref name="predicate"/>.</summary>
    public FitsHeader RemoveAll(Func<FitsCard, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new FitsHeader(cards.Where(c => !predicate(c)).ToArray(), null);
    }

    /// <summary>The 80-character records of all cards followed by END (without block padding).</summary>
    public IEnumerable<string> ToRecords()
    {
        foreach (var card in cards)
        {
            foreach (var record in FitsCardFormatter.Format(card))
            {
                yield return record;
            }
        }
        yield return "END".PadRight(FitsCardFormatter.RecordLength);
    }

    /// <summary>
    /// The header as written in a file: the records, END, and ASCII spaces up to a multiple of 2880 bytes
    /// (FITS 4.0 §3.3.1 and §4.4.1).
    /// </summary>
    /// <exception cref="ArgumentException">A value does not fit in its record.</exception>
    public byte[] ToBytes()
    {
        var text = new StringBuilder();
        foreach (var record in ToRecords())
        {
            text.Append(record);
        }
        var padded = (text.Length + BlockSize - 1) / BlockSize * BlockSize;
        text.Append(' ', padded - text.Length);
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>All records joined by newlines, as fitsverify -l or astropy's repr show them.</summary>
    public override string ToString() => string.Join('\n', ToRecords().Select(r => r.TrimEnd(' ')));

    private int ToInt32(string keyword, long value) => value is >= int.MinValue and <= int.MaxValue
        ? (int)value
        : throw new FitsFormatException(
            $"value {value.ToString(CultureInfo.InvariantCulture)} is out of the supported range", HduIndex, keyword);

    private FitsFormatException Missing(string keyword) =>
        new("required keyword is missing or has no value", HduIndex, keyword);

    private FitsFormatException WrongType(string keyword, string expected, object actual) =>
        new($"value {Describe(actual)} is not {expected}", HduIndex, keyword);

    private static string Describe(object value) => value switch
    {
        string s => "'" + s + "'",
        bool b => b ? "T" : "F",
        double d => FitsCardFormatter.FormatDouble(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
