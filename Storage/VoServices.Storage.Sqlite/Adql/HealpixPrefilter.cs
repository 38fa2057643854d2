using VoServices.Healpix;

namespace VoServices.Storage.Sqlite.Adql;

/// <summary>
/// The HEALPix index ranges that a cone can touch, for the SQLite spatial prefilter: every row whose position is within
/// the cone has its <see cref="SqliteHealpixIndex"/> cell in one of the ranges (HEALPix <c>query_disc</c> with
/// <c>inclusive</c>, which covers every cell intersecting the disc). Few, wide ranges keep the SQL short and the index
/// probes few; the exact test that follows removes the extra rows.
/// </summary>
public static class HealpixPrefilter
{
    /// <summary>
    /// NESTED ranges at <paramref name="order"/> covering the disc of <paramref name="radius"/> degrees around
    /// (<paramref name="ra"/>, <paramref name="dec"/>): computed at the order whose cells are about
    /// radius / <paramref name="cellsPerRadius"/> across (never finer than <paramref name="order"/>), then merged over
    /// the smallest gaps until at most <paramref name="maxRanges"/> remain.
    /// </summary>
    /// <returns>Sorted, disjoint, half-open ranges; all of the sky for radius ≥ 180; none for a negative radius.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Bad centre (non-finite, |dec| &gt; 90), radius not a number,
    /// order outside 0…29, or <paramref name="maxRanges"/> &lt; 1.</exception>
    public static IReadOnlyList<HealpixRange> Ranges(double ra, double dec, double radius, int order, int maxRanges,
        double cellsPerRadius)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRanges, 1);
        var grid = new HealpixOrder(order);
        if (double.IsNaN(radius))
        {
            throw new ArgumentOutOfRangeException(nameof(radius), radius, "The cone radius is not a number.");
        }
        if (radius < 0)
        {
            return [];
        }
        if (radius >= 180)
        {
            return [new HealpixRange(0, grid.NPix)];
        }
        if (double.DegreesToRadians(radius) <= grid.MaxPixelRadius)
        {
            return MergeSmallestGaps(ToRanges(NearbyCells(grid, ra, dec, double.DegreesToRadians(radius))), maxRanges);
        }
        var queryOrder = order;
        var wanted = double.DegreesToRadians(radius) / cellsPerRadius;
        while (queryOrder > 0 && new HealpixOrder(queryOrder).MaxPixelRadius < wanted)
        {
            queryOrder--;
        }
        var shift = 2 * (order - queryOrder);
        var coarse = new HealpixOrder(queryOrder).QueryDisc(ra, dec, radius, inclusive: true);
        var ranges = coarse.Select(r => new HealpixRange(r.Start << shift, r.EndExclusive << shift)).ToList();
        return MergeSmallestGaps(ranges, maxRanges);
    }

    /// <summary>
    /// The cells that a disc smaller than a cell can touch, found by walking neighbours from the centre's cell (a few
    /// microseconds, where <c>query_disc</c>'s descent from order 0 takes about 50): a neighbour is kept when its centre is
    /// within radius + the largest pixel radius of the disc centre, which every cell meeting the disc satisfies; the cells
    /// meeting a disc are connected through shared edges or corners, so the walk reaches all of them.
    /// </summary>
    private static List<long> NearbyCells(HealpixOrder grid, double ra, double dec, double radiusRad)
    {
        var center = new LonLat(ra, dec).ToVector();
        var limit = radiusRad + (grid.MaxPixelRadius * (1 + 1e-9)) + 1e-12;
        var start = grid.AngToPix(ra, dec);
        var cells = new List<long> { start };
        var visited = new HashSet<long> { start };
        Span<long> neighbours = stackalloc long[8];
        for (var i = 0; i < cells.Count; i++)
        {
            grid.Neighbours(cells[i], neighbours);
            foreach (var cell in neighbours)
            {
                if (cell >= 0 && visited.Add(cell) && center.AngleTo(grid.PixToVec(cell)) <= limit)
                {
                    cells.Add(cell);
                }
            }
        }
        cells.Sort();
        return cells;
    }

    private static List<HealpixRange> ToRanges(List<long> sortedCells)
    {
        var ranges = new List<HealpixRange>();
        var start = sortedCells[0];
        for (var i = 1; i <= sortedCells.Count; i++)
        {
            if (i == sortedCells.Count || sortedCells[i] != sortedCells[i - 1] + 1)
            {
                ranges.Add(new HealpixRange(start, sortedCells[i - 1] + 1));
                if (i < sortedCells.Count)
                {
                    start = sortedCells[i];
                }
            }
        }
        return ranges;
    }

    /// <summary>Joins neighbouring ranges across the smallest gaps until at most <paramref name="maxRanges"/> remain.</summary>
    public static IReadOnlyList<HealpixRange> MergeSmallestGaps(IReadOnlyList<HealpixRange> sorted, int maxRanges)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRanges, 1);
        if (sorted.Count <= maxRanges)
        {
            return sorted;
        }
        // Keep the (count - maxRanges) largest gaps' complement: choose the maxRanges - 1 largest gaps to stay open.
        var gaps = Enumerable.Range(0, sorted.Count - 1)
            .Select(i => (Index: i, Size: sorted[i + 1].Start - sorted[i].EndExclusive))
            .OrderByDescending(g => g.Size).ThenBy(g => g.Index)
            .Take(maxRanges - 1)
            .Select(g => g.Index)
            .Order()
            .ToList();
        var merged = new List<HealpixRange>(maxRanges);
        var start = sorted[0].Start;
        foreach (var gap in gaps)
        {
            merged.Add(new HealpixRange(start, sorted[gap].EndExclusive));
            start = sorted[gap + 1].Start;
        }
        merged.Add(new HealpixRange(start, sorted[^1].EndExclusive));
        return merged;
    }
}
