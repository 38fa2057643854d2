namespace VoServices.Healpix.Queries;

/// <summary>
/// Hierarchical coverage of a region by NESTED pixels: each cell of order 0, 1, … is tested as a whole (centre ±
/// <see cref="CellRadius"/>); cells fully inside are emitted as one range, cells outside are dropped, and only cells
/// on the boundary are split. Work is proportional to the boundary length in pixels, never to the area.
/// </summary>
internal sealed class RegionCoverage<TRegion>
    where TRegion : IRegion
{
    /// <summary>Inclusive mode refines boundary pixels this many orders deeper (healpy's fact = 4 = 2^2).</summary>
    private const int InclusiveRefinement = 2;

    private readonly TRegion _region;
    private readonly int _order;
    private readonly bool _inclusive;
    private readonly int _refineTo;
    private readonly List<HealpixRange> _ranges = [];
    private long _pendingStart = -1, _pendingEnd = -1;

    private RegionCoverage(TRegion region, int order, bool inclusive)
    {
        _region = region;
        _order = order;
        _inclusive = inclusive;
        _refineTo = Math.Min(order + InclusiveRefinement, HealpixOrder.MaxOrder);
    }

    /// <summary>
    /// Sorted, merged NESTED ranges at <paramref name="order"/>. Exact: pixels whose centre is in the region.
    /// Inclusive: every pixel that intersects the region, plus pixels that tests down to order+2 cannot exclude.
    /// </summary>
    public static List<HealpixRange> Cover(TRegion region, int order, bool inclusive)
    {
        var coverage = new RegionCoverage<TRegion>(region, order, inclusive);
        for (int face = 0; face < 12; face++)
        {
            coverage.Visit(0, face);
        }
        coverage.Flush();
        return coverage._ranges;
    }

    private void Visit(int level, long cell)
    {
        var centre = CellCentre(level, cell);
        var relation = _region.Classify(centre, level);
        if (relation == CellRelation.Outside)
        {
            return;
        }
        int shift = 2 * (_order - level);
        if (relation == CellRelation.Inside)
        {
            Emit(cell << shift, (cell + 1) << shift);
        }
        else if (level < _order)
        {
            for (int child = 0; child < 4; child++)
            {
                Visit(level + 1, (cell << 2) + child);
            }
        }
        else if (_inclusive ? MayIntersect(level, cell) : _region.Contains(centre))
        {
            Emit(cell, cell + 1);
        }
    }

    /// <summary>True unless every descendant down to the refinement order is outside the region.</summary>
    private bool MayIntersect(int level, long cell)
    {
        if (level == _refineTo)
        {
            return true;
        }
        for (int child = 0; child < 4; child++)
        {
            long sub = (cell << 2) + child;
            var relation = _region.Classify(CellCentre(level + 1, sub), level + 1);
            if (relation == CellRelation.Inside || (relation == CellRelation.Partial && MayIntersect(level + 1, sub)))
            {
                return true;
            }
        }
        return false;
    }

    private static UnitVector CellCentre(int level, long cell) => new HealpixOrder(level).PixToLoc(cell, HealpixScheme.Nested).ToVector();

    private void Emit(long start, long end)
    {
        if (start == _pendingEnd)
        {
            _pendingEnd = end;
            return;
        }
        Flush();
        _pendingStart = start;
        _pendingEnd = end;
    }

    private void Flush()
    {
        if (_pendingStart >= 0)
        {
            _ranges.Add(new HealpixRange(_pendingStart, _pendingEnd));
        }
    }
}
