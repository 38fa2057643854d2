namespace VoServices.Sphere.Moc;

/// <summary>
/// Set operations: linear merges of the canonical order-29 intervals. They are exact set operations on the cells
/// (surface semantics); the result's order is the larger of the two. For observation coverages MOC 2.0 §7.3 asks
/// to combine at the lower of the orders: <see cref="Degrade"/> both operands to it first.
/// </summary>
public sealed partial class SkyMoc
{
    /// <summary>Cells in either MOC; the order is the larger of the two.</summary>
    public SkyMoc Union(SkyMoc other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var all = new List<MocRange>(ranges.Length + other.ranges.Length);
        all.AddRange(ranges);
        all.AddRange(other.ranges);
        return new SkyMoc(Math.Max(Order, other.Order), Canonicalize(all));
    }

    /// <summary>Cells in both MOCs; the order is the larger of the two.</summary>
    public SkyMoc Intersection(SkyMoc other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var result = new List<MocRange>();
        int i = 0, j = 0;
        while (i < ranges.Length && j < other.ranges.Length)
        {
            var a = ranges[i];
            var b = other.ranges[j];
            var start = Math.Max(a.Start, b.Start);
            var end = Math.Min(a.End, b.End);
            if (start < end)
            {
                result.Add(new MocRange(start, end));
            }
            if (a.End <= b.End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return new SkyMoc(Math.Max(Order, other.Order), [.. result]);
    }

    /// <summary>Cells of this MOC that are not in <paramref name="other"/>; the order is the larger of the two.</summary>
    public SkyMoc Difference(SkyMoc other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Intersection(other.Complement());
    }

    /// <summary>The rest of the sky, at the same order.</summary>
    public SkyMoc Complement()
    {
        var result = new List<MocRange>(ranges.Length + 1);
        var previous = 0L;
        foreach (var r in ranges)
        {
            if (r.Start > previous)
            {
                result.Add(new MocRange(previous, r.Start));
            }
            previous = r.End;
        }
        if (previous < CellsAtMaxOrder)
        {
            result.Add(new MocRange(previous, CellsAtMaxOrder));
        }
        return new SkyMoc(Order, [.. result]);
    }

    /// <summary>
    /// The same coverage at a coarser order: every cell of the new order that is partly covered becomes fully
    /// covered (a superset: coverage is never lost). A deeper or equal order only relabels.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The order is outside 0..29.</exception>
    public SkyMoc Degrade(int order)
    {
        RequireOrder(order);
        if (order >= Order)
        {
            return new SkyMoc(order, ranges);
        }
        var shift = 2 * (MaxOrder - order);
        var mask = (1L << shift) - 1;
        var widened = ranges.Select(r => new MocRange(r.Start & ~mask, (r.End + mask) & ~mask)).ToList();
        return new SkyMoc(order, Canonicalize(widened));
    }

    /// <summary>True when the two MOCs share a cell.</summary>
    public bool Intersects(SkyMoc other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int i = 0, j = 0;
        while (i < ranges.Length && j < other.ranges.Length)
        {
            if (Math.Max(ranges[i].Start, other.ranges[j].Start) < Math.Min(ranges[i].End, other.ranges[j].End))
            {
                return true;
            }
            if (ranges[i].End <= other.ranges[j].End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return false;
    }

    /// <summary>True when every cell of <paramref name="other"/> is in this MOC.</summary>
    public bool Contains(SkyMoc other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Difference(this).IsEmpty;
    }
}
