using System.Globalization;
using System.Text;

namespace VoServices.Sphere.Moc;

/// <summary>
/// The MOC 2.0 ASCII serialisation (§4.3.2) of a space MOC: <c>order/idx idx lo-hi …</c>, orders ascending, each
/// order written once; a final <c>order/</c> with no index declares the MOC order when it is deeper than the
/// deepest cell (and is the whole text of an empty MOC). The parser also accepts the MOC 1.1 comma separators,
/// repeated orders, unsorted or overlapping cells (the result is canonical), and an optional leading <c>s</c>.
/// </summary>
public static class MocAscii
{
    /// <summary>Writes the canonical ASCII form.</summary>
    public static string Write(SkyMoc moc)
    {
        ArgumentNullException.ThrowIfNull(moc);
        var text = new StringBuilder();
        var cells = moc.Cells();
        var deepest = -1;
        for (var i = 0; i < cells.Count;)
        {
            var order = cells[i].Order;
            deepest = order;
            text.Append(text.Length == 0 ? "" : " ").Append(order.ToString(CultureInfo.InvariantCulture)).Append('/');
            var first = true;
            while (i < cells.Count && cells[i].Order == order)
            {
                var lo = cells[i].Index;
                var hi = lo;
                while (i + 1 < cells.Count && cells[i + 1].Order == order && cells[i + 1].Index == hi + 1)
                {
                    hi++;
                    i++;
                }
                i++;
                text.Append(first ? "" : " ").Append(lo.ToString(CultureInfo.InvariantCulture));
                if (hi > lo)
                {
                    text.Append('-').Append(hi.ToString(CultureInfo.InvariantCulture));
                }
                first = false;
            }
        }
        if (moc.Order > deepest)
        {
            text.Append(text.Length == 0 ? "" : " ").Append(moc.Order.ToString(CultureInfo.InvariantCulture)).Append('/');
        }
        return text.ToString();
    }

    /// <summary>Parses the ASCII form.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="MocFormatException">A malformed token, an order outside 0..29, an index out of range, an
    /// index before any order, a reversed range, or a time MOC (<c>t</c> prefix).</exception>
    public static SkyMoc Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = text.Trim();
        if (body.StartsWith('t'))
        {
            throw new MocFormatException("Time and space-time MOCs (prefix 't') are not supported; expected a space MOC");
        }
        if (body.StartsWith('s'))
        {
            body = body[1..];
        }
        var cells = new List<MocRange>();
        var order = -1;
        var declared = 0;
        foreach (var token in body.Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = token;
            var slash = token.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                order = ParseOrder(token[..slash], token);
                declared = Math.Max(declared, order);
                rest = token[(slash + 1)..];
                if (rest.Length == 0)
                {
                    continue;
                }
            }
            if (order < 0)
            {
                throw new MocFormatException($"Invalid MOC ASCII: '{token}' has no order; expected 'order/index'");
            }
            AddCells(cells, order, rest, token);
        }
        return SkyMoc.FromOrder29Ranges(declared, cells);
    }

    private static int ParseOrder(string value, string token)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var order)
            || order > SkyMoc.MaxOrder)
        {
            throw new MocFormatException($"Invalid MOC ASCII: '{token}' has order '{value}'; expected 0..29");
        }
        return order;
    }

    // A range is kept as one order-29 interval, so "29/0-999999999999" costs no more than "29/0".
    private static void AddCells(List<MocRange> cells, int order, string value, string token)
    {
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        var lo = ParseIndex(dash < 0 ? value : value[..dash], order, token);
        var hi = dash < 0 ? lo : ParseIndex(value[(dash + 1)..], order, token);
        if (hi < lo)
        {
            throw new MocFormatException($"Invalid MOC ASCII: '{token}' is a reversed range");
        }
        var shift = 2 * (SkyMoc.MaxOrder - order);
        cells.Add(new MocRange(lo << shift, (hi + 1) << shift));
    }

    private static long ParseIndex(string value, int order, string token)
    {
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index >= 12L << (2 * order))
        {
            throw new MocFormatException(FormattableString.Invariant(
                $"Invalid MOC ASCII: '{token}' has index '{value}'; order {order} has indices 0..{(12L << (2 * order)) - 1}"));
        }
        return index;
    }
}
