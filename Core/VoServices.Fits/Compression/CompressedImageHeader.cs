using System.Globalization;
using System.Text.RegularExpressions;

namespace VoServices.Fits.Compression;

/// <summary>
/// Rebuilds the header of the image a compressed HDU stands for (tiled image compression convention §4.1, Table 2):
/// ZSIMPLE/ZTENSION/ZBITPIX/ZNAXIS/ZNAXISn/ZPCOUNT/ZGCOUNT/ZEXTEND become SIMPLE/XTENSION/BITPIX/…, and the
/// table structure and compression keywords are dropped, as are checksums (they describe other bytes).
/// </summary>
internal static partial class CompressedImageHeader
{
    [GeneratedRegex(@"^(TTYPE|TFORM|TUNIT|TSCAL|TZERO|TNULL|TDIM|TDISP|TBCOL|ZTILE|ZNAME|ZVAL|ZNAXIS)\d+$|^(NAXIS)\d+$",
        RegexOptions.CultureInvariant)]
    private static partial Regex IndexedStructural();

    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "SIMPLE", "XTENSION", "BITPIX", "NAXIS", "PCOUNT", "GCOUNT", "EXTEND", "TFIELDS", "THEAP",
        "ZIMAGE", "ZCMPTYPE", "ZQUANTIZ", "ZDITHER0", "ZSCALE", "ZZERO", "ZBLANK", "ZMASKCMP",
        "ZSIMPLE", "ZTENSION", "ZBITPIX", "ZNAXIS", "ZPCOUNT", "ZGCOUNT", "ZEXTEND", "ZBLOCKED",
        "ZHECKSUM", "ZDATASUM", "CHECKSUM", "DATASUM",
    };

    public static FitsHeader Build(FitsHeader table)
    {
        var cards = new List<FitsCard>();
        var isPrimary = table.GetValue("ZSIMPLE") is true;
        cards.Add(isPrimary
            ? Copy("SIMPLE", true, table.Find("ZSIMPLE")?.Comment)
            : Copy("XTENSION", (table.GetValue("ZTENSION") as string) ?? "IMAGE", "image extension"));
        cards.Add(Copy("BITPIX", table.GetInt64("ZBITPIX"), table.Find("ZBITPIX")?.Comment));
        var naxis = table.GetInt64("ZNAXIS");
        cards.Add(Copy("NAXIS", naxis, table.Find("ZNAXIS")?.Comment));
        for (var n = 1; n <= naxis; n++)
        {
            var suffix = n.ToString(CultureInfo.InvariantCulture);
            cards.Add(Copy("NAXIS" + suffix, table.GetInt64("ZNAXIS" + suffix), table.Find("ZNAXIS" + suffix)?.Comment));
        }
        if (isPrimary)
        {
            if (table.TryGetBoolean("ZEXTEND", out var extend))
            {
                cards.Add(Copy("EXTEND", extend, table.Find("ZEXTEND")?.Comment));
            }
        }
        else
        {
            cards.Add(Copy("PCOUNT", table.GetInt64("ZPCOUNT", 0), null));
            cards.Add(Copy("GCOUNT", table.GetInt64("ZGCOUNT", 1), null));
        }
        var zbitpix = table.GetInt64("ZBITPIX");
        if (zbitpix > 0 && !table.Contains("BLANK") && table.TryGetInt64("ZBLANK", out var zblank))
        {
            // An integer image's null value is kept in ZBLANK by some writers; the image calls it BLANK.
            cards.Add(Copy("BLANK", zblank, "null value (from ZBLANK)"));
        }
        foreach (var card in table)
        {
            if (!card.IsCommentary && (Dropped.Contains(card.Keyword) || IndexedStructural().IsMatch(card.Keyword)))
            {
                continue;
            }
            cards.Add(card);
        }
        return new FitsHeader(cards);
    }

    private static FitsCard Copy(string keyword, object value, string? comment) =>
        FitsCard.FromFile(keyword, value, comment, isCommentary: false);
}
