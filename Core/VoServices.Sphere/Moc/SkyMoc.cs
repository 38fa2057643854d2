using System.Globalization;

namespace VoServices.Sphere.Moc;

/// <summary>
/// A space MOC (IVOA MOC 2.0, SMOC): a set of HEALPix NESTED cells in ICRS, of orders 0..29, with a declared order
/// (<c>MOCORD_S</c>) that bounds the cell orders. Stored in the canonical range form: sorted, non-overlapping,
/// non-adjacent half-open intervals of order-29 indices, so every operation is a linear merge and the cell list
/// derived from it is canonical (MOC 2.0 §7.1: no redundant cells, no four siblings instead of their parent).
/// Immutable and thread-safe.
/// </summary>
public sealed partial class SkyMoc : IEquatable<SkyMoc>
{
    /// <summary>The deepest HEALPix order of a space MOC (MOC 2.0 §3.1, ~0.4 mas cells).</summary>
    public const int MaxOrder = 29;

    /// <summary>Number of order-29 cells on the sky, 12·4^29.</summary>
    public const long CellsAtMaxOrder = 12L << (2 * MaxOrder);

    private readonly MocRange[] ranges;

    private SkyMoc(int order, MocRange[] canonicalRanges)
    {
        Order = order;
        ranges = canonicalRanges;
    }

    /// <summary>The MOC order (depth): no cell is deeper; cells deeper than a shape's order were merged up.</summary>
    public int Order { get; }

    /// <summary>The canonical order-29 intervals, sorted.</summary>
    public IReadOnlyList<MocRange> Ranges => ranges;

    /// <summary>True when no cell is set.</summary>
    public bool IsEmpty => ranges.Length == 0;

    /// <summary>Covered fraction of the sky, [0, 1] (HiPS <c>moc_sky_fraction</c>).</summary>
    public double SkyFraction => (double)ranges.Sum(r => r.Length) / CellsAtMaxOrder;

    /// <summary>Covered area in square degrees.</summary>
    public double Area => SkyFraction * SquareDegrees.FullSky;

    /// <summary>An empty MOC of the given order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The order is outside 0..29.</exception>
    public static SkyMoc Empty(int order) => new(RequireOrder(order), []);

    /// <summary>The whole sky at the given order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The order is outside 0..29.</exception>
    public static SkyMoc FullSky(int order) => new(RequireOrder(order), [new MocRange(0, CellsAtMaxOrder)]);

    /// <summary>A MOC from cells of any order ≤ <paramref name="order"/>, in any order, overlaps allowed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The order is outside 0..29.</exception>
    /// <exception cref="MocFormatException">A cell is deeper than <paramref name="order"/> or its index is out of range.</exception>
    public static SkyMoc FromCells(int order, IEnumerable<MocCell> cells)
    {
        RequireOrder(order);
        ArgumentNullException.ThrowIfNull(cells);
        var list = new List<MocRange>();
        foreach (var cell in cells)
        {
            RequireCell(cell, order);
            var shift = 2 * (MaxOrder - cell.Order);
            list.Add(new MocRange(cell.Index << shift, (cell.Index + 1) << shift));
        }
        return new SkyMoc(order, Canonicalize(list));
    }

    /// <summary>A MOC from NUNIQ values (MOC 2.0 §4.3.1); the order defaults to the deepest cell's.</summary>
    /// <exception cref="MocFormatException">An invalid NUNIQ value, or a cell deeper than <paramref name="order"/>.</exception>
    public static SkyMoc FromUniq(IEnumerable<long> uniq, int? order = null)
    {
        ArgumentNullException.ThrowIfNull(uniq);
        var cells = uniq.Select(MocCell.FromUniq).ToList();
        var depth = order ?? (cells.Count == 0 ? 0 : cells.Max(c => c.Order));
        return FromCells(depth, cells);
    }

    /// <summary>
    /// A MOC from half-open index intervals [start, end) at <paramref name="order"/> (e.g. the output of a HEALPix
    /// range query).
    /// </summary>
    /// <exception cref="MocFormatException">An interval is reversed or outside the order's index range.</exception>
    public static SkyMoc FromRanges(int order, IEnumerable<MocRange> rangesAtOrder)
    {
        RequireOrder(order);
        ArgumentNullException.ThrowIfNull(rangesAtOrder);
        var shift = 2 * (MaxOrder - order);
        var limit = 12L << (2 * order);
        var list = new List<MocRange>();
        foreach (var r in rangesAtOrder)
        {
            if (r.Start < 0 || r.End > limit || r.Start > r.End)
            {
                throw new MocFormatException(FormattableString.Invariant(
                    $"Invalid range [{r.Start}, {r.End}) at order {order}: indices must satisfy 0 <= start <= end <= {limit}"));
            }
            list.Add(new MocRange(r.Start << shift, r.End << shift));
        }
        return new SkyMoc(order, Canonicalize(list));
    }

    /// <summary>A MOC from order-29 intervals that are already aligned to cells of order ≤ <paramref name="order"/>.</summary>
    internal static SkyMoc FromOrder29Ranges(int order, List<MocRange> alignedRanges) =>
        new(RequireOrder(order), Canonicalize(alignedRanges));

    /// <summary>
    /// The canonical cells: each range split into the largest aligned cells, sorted by NUNIQ value (orders
    /// ascending, then indices ascending).
    /// </summary>
    public IReadOnlyList<MocCell> Cells()
    {
        var cells = new List<MocCell>();
        foreach (var r in ranges)
        {
            var start = r.Start;
            while (start < r.End)
            {
                // The largest cell that starts at 'start' and fits: limited by alignment and by the remaining length.
                var alignment = start == 0 ? MaxOrder : (int)(long.TrailingZeroCount(start) / 2);
                var fit = (int)((63 - long.LeadingZeroCount(r.End - start)) / 2);
                var level = Math.Min(Math.Min(alignment, fit), MaxOrder);
                cells.Add(new MocCell(MaxOrder - level, start >> (2 * level)));
                start += 1L << (2 * level);
            }
        }
        cells.Sort((a, b) => a.Uniq.CompareTo(b.Uniq));
        return cells;
    }

    /// <summary>The canonical cells as sorted NUNIQ values (the FITS UNIQ column, MOC 2.0 §4.3.1).</summary>
    public long[] ToUniq() => Cells().Select(c => c.Uniq).ToArray();

    /// <summary>Number of canonical cells.</summary>
    public int CellCount => Cells().Count;

    /// <summary>True when the order-29 cell <paramref name="index"/> is covered. O(log n).</summary>
    public bool ContainsIndex(long index)
    {
        int lo = 0, hi = ranges.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (index < ranges[mid].Start)
            {
                hi = mid - 1;
            }
            else if (index >= ranges[mid].End)
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Same order and same cells (unlike pg_sphere, where '0/' = '1/': the declared order counts).</summary>
    public bool Equals(SkyMoc? other) =>
        other is not null && Order == other.Order && ranges.AsSpan().SequenceEqual(other.ranges);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SkyMoc);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Order);
        foreach (var r in ranges)
        {
            hash.Add(r);
        }
        return hash.ToHashCode();
    }

    /// <summary>The ASCII serialisation (MOC 2.0 §4.3.2), e.g. <c>"3/1-3 4/20 6/"</c>.</summary>
    public override string ToString() => MocAscii.Write(this);

    internal static int RequireOrder(int order, string name = "order")
    {
        if (order is < 0 or > MaxOrder)
        {
            throw new ArgumentOutOfRangeException(name, order, "A space MOC order must be in 0..29");
        }
        return order;
    }

    internal static void RequireCell(MocCell cell, int order)
    {
        if (cell.Order < 0 || cell.Order > order)
        {
            throw new MocFormatException(string.Create(CultureInfo.InvariantCulture,
                $"Invalid cell {cell.Order}/{cell.Index}: its order must be in 0..{order}"));
        }
        if (cell.Index < 0 || cell.Index >= 12L << (2 * cell.Order))
        {
            throw new MocFormatException(string.Create(CultureInfo.InvariantCulture,
                $"Invalid cell {cell.Order}/{cell.Index}: order {cell.Order} has indices 0..{(12L << (2 * cell.Order)) - 1}"));
        }
    }

    // Sorts and merges overlapping or touching intervals; drops empty ones.
    private static MocRange[] Canonicalize(List<MocRange> list)
    {
        list.RemoveAll(r => r.Length <= 0);
        list.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<MocRange>(list.Count);
        foreach (var r in list)
        {
            if (merged.Count > 0 && r.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, r.End) };
            }
            else
            {
                merged.Add(r);
            }
        }
        return [.. merged];
    }
}
