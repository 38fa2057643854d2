using System.Globalization;

namespace VoServices.Fits;

/// <summary>
/// One logical header keyword record (FITS 4.0 §4.1): a keyword with a typed value and an optional comment, or a
/// commentary record (COMMENT, HISTORY, blank keyword, §4.4.2.4) whose text is held in <see cref="Comment"/>.
/// A string continued over CONTINUE records (§4.2.1.2) is one <see cref="FitsCard"/> with the whole string.
/// </summary>
/// <remarks>
/// <para><see cref="Value"/> is one of: <see cref="string"/> (§4.2.1, trailing spaces removed as they are not
/// significant, §4.2.1.1), <see cref="bool"/> (§4.2.2), <see cref="long"/> (§4.2.3), <see cref="double"/> (§4.2.4),
/// <see cref="FitsComplex"/> (§4.2.5–4.2.6), or null for an undefined value (§4.1.2.3) and for commentary
/// records. A value read from a file that follows none of these syntaxes is kept as its raw text (a string).</para>
/// <para>Constructing a card validates it against §4.1.2 (keyword characters, printable ASCII text, finite numbers)
/// and throws <see cref="ArgumentException"/>. Keywords longer than 8 characters or containing spaces are written
/// with the ESO HIERARCH convention (registered FITS convention) and read back without the HIERARCH prefix.</para>
/// </remarks>
public sealed record FitsCard
{
    /// <summary>Creates a value card, e.g. <c>new FitsCard("EXPTIME", 60.0, "[s] exposure time")</c>.</summary>
    /// <param name="keyword">1–8 characters from A–Z, 0–9, '-' and '_' (§4.1.2.1), or a HIERARCH keyword.</param>
    /// <param name="value">string, bool, any integer type (stored as long), float/double (finite), FitsComplex or
    /// null (undefined value).</param>
    /// <param name="comment">Printable ASCII; truncated when writing if it does not fit the record.</param>
    /// <exception cref="ArgumentException">The keyword, value or comment breaks §4.1.2 / §4.2.</exception>
    public FitsCard(string keyword, object? value, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        ValidateKeyword(keyword);
        if (keyword is "COMMENT" or "HISTORY" or "" or "CONTINUE" or "END")
        {
            throw new ArgumentException($"'{keyword}' cannot carry a value (FITS 4.0 §4.4.2.4); use Commentary()",
                nameof(keyword));
        }
        Keyword = keyword;
        Value = NormaliseValue(value);
        ValidateText(comment, nameof(comment));
        Comment = comment;
    }

    private FitsCard(string keyword, object? value, string? comment, bool isCommentary)
    {
        Keyword = keyword;
        Value = value;
        Comment = comment;
        IsCommentary = isCommentary;
    }

    /// <summary>The keyword, upper-case, without trailing spaces and without a HIERARCH prefix.</summary>
    public string Keyword { get; }

    /// <summary>The typed value (see remarks), or null.</summary>
    public object? Value { get; }

    /// <summary>The comment after the '/' (for commentary records: the text), or null.</summary>
    public string? Comment { get; }

    /// <summary>True for a record without a value indicator (COMMENT, HISTORY, blank keyword, §4.4.2.4).</summary>
    public bool IsCommentary { get; }

    /// <summary>Creates a commentary record, e.g. <c>FitsCard.Commentary("HISTORY", "cut out by VoServices")</c>.</summary>
    /// <param name="keyword">COMMENT, HISTORY, "" (blank) or another keyword used without value indicator.</param>
    /// <param name="text">Printable ASCII; up to 72 characters are written per record and longer text is split.</param>
    /// <exception cref="ArgumentException">Invalid keyword or non-printable text.</exception>
    public static FitsCard Commentary(string keyword, string text)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        ArgumentNullException.ThrowIfNull(text);
        if (keyword.Length > 0)
        {
            ValidateKeyword(keyword);
        }
        if (keyword.Length > 8 || keyword is "END" or "CONTINUE")
        {
            throw new ArgumentException($"'{keyword}' cannot be a commentary keyword", nameof(keyword));
        }
        ValidateText(text, nameof(text));
        if (keyword is not ("COMMENT" or "HISTORY" or "") && text.StartsWith("= ", StringComparison.Ordinal))
        {
            // "= " in columns 9-10 would make the record a value record (FITS 4.0 §4.1.2.2).
            throw new ArgumentException($"commentary text of {keyword} cannot start with \"= \"", nameof(text));
        }
        return new FitsCard(keyword, null, text, isCommentary: true);
    }

    /// <summary>Creates a card from parsed parts without validation (the reader keeps what the file says).</summary>
    internal static FitsCard FromFile(string keyword, object? value, string? comment, bool isCommentary) =>
        new(keyword, value, comment, isCommentary);

    /// <summary>The card as it is written: one or more 80-character records (CONTINUE, long text), joined by '\n'.</summary>
    public override string ToString() => string.Join('\n', FitsCardFormatter.Format(this));

    /// <summary>True when <paramref name="keyword"/> would be written as a standard 8-character keyword.</summary>
    internal static bool IsStandardKeyword(string keyword)
    {
        if (keyword.Length > 8)
        {
            return false;
        }
        foreach (var c in keyword)
        {
            if (!(c is >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_'))
            {
                return false;
            }
        }
        return true;
    }

    private static void ValidateKeyword(string keyword)
    {
        if (keyword.Length > 0 && IsStandardKeyword(keyword))
        {
            return;
        }
        // ESO HIERARCH convention: a longer or spaced name of printable ASCII without '=' or quotes, and short
        // enough to leave room for a value in the 80-character record.
        var hierarch = (keyword.Length > 8 || keyword.Contains(' ')) && keyword.Length <= 60
            && keyword.Trim() == keyword && keyword.All(c => c is >= ' ' and <= '~' and not '=' and not '\'');
        if (!hierarch)
        {
            throw new ArgumentException(
                $"keyword '{keyword}' is not valid: use 1-8 of A-Z 0-9 - _ (FITS 4.0 §4.1.2.1) or a HIERARCH name",
                nameof(keyword));
        }
    }

    private static void ValidateText(string? text, string parameter)
    {
        if (text is null)
        {
            return;
        }
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                throw new ArgumentException(
                    $"text contains the character U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}; " +
                    "header text must be printable ASCII 0x20-0x7E (FITS 4.0 §4.1.2.3)", parameter);
            }
        }
    }

    private static object? NormaliseValue(object? value) => value switch
    {
        null => null,
        string s => ValidatedString(s),
        bool b => b,
        long l => l,
        int i => (long)i,
        short s => (long)s,
        sbyte s => (long)s,
        byte b => (long)b,
        ushort u => (long)u,
        uint u => (long)u,
        ulong u when u <= long.MaxValue => (long)u,
        double d => FiniteOrThrow(d),
        float f => FiniteOrThrow(f),
        decimal m => FiniteOrThrow((double)m),
        FitsComplex c => double.IsFinite(c.Real) && double.IsFinite(c.Imaginary)
            ? c
            : throw new ArgumentException("a complex keyword value must be finite (FITS 4.0 §4.2.5)", nameof(value)),
        _ => throw new ArgumentException(
            $"a keyword value cannot be of type {value.GetType().Name} (FITS 4.0 §4.2)", nameof(value)),
    };

    private static string ValidatedString(string s)
    {
        ValidateText(s, "value");
        // Trailing spaces are not significant (FITS 4.0 §4.2.1.1); keep the normal form so equality is meaningful.
        return s.TrimEnd(' ');
    }

    private static double FiniteOrThrow(double d) => double.IsFinite(d)
        ? d
        : throw new ArgumentException("NaN and infinities cannot be written as keyword values (FITS 4.0 §4.2.4)",
            "value");
}
