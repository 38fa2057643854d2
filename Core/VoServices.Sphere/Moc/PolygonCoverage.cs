using VoServices.Healpix;

namespace VoServices.Sphere.Moc;

/// <summary>
/// Inclusive HEALPix cover of a polygon of any shape. Each NESTED cell is bounded by the cap of its maximal pixel
/// radius (HEALPix <c>max_pixrad</c>, widened by 1e-9 relative against rounding). A cap that no edge reaches lies
/// wholly inside or outside (decided by its centre); a cap that an edge reaches is split, and at the target order
/// it is kept unless every descendant two orders deeper is outside (healpy's <c>fact = 4</c>). Each cell only tests
/// the edges that reached its parent's neighbourhood, so the cost follows the boundary length, not n × cells.
/// </summary>
internal sealed class PolygonCoverage
{
    private const int Refinement = 2;
    private static readonly HealpixOrder[] Orders =
        Enumerable.Range(0, SkyMoc.MaxOrder + 1).Select(o => new HealpixOrder(o)).ToArray();
    private static readonly double[] Radii = Orders.Select(o => (o.MaxPixelRadius * (1 + 1e-9)) + 1e-15).ToArray();

    private readonly SkyPolygon polygon;
    private readonly GreatArc[] edges;
    private readonly int order;
    private readonly List<MocRange> ranges = [];

    private PolygonCoverage(SkyPolygon polygon, int order)
    {
        this.polygon = polygon;
        edges = polygon.Edges.ToArray();
        this.order = order;
    }

    public static SkyMoc Cover(SkyPolygon polygon, int order)
    {
        var coverage = new PolygonCoverage(polygon, order);
        var all = Enumerable.Range(0, coverage.edges.Length).ToArray();
        for (var face = 0; face < 12; face++)
        {
            coverage.Visit(0, face, all);
        }
        return SkyMoc.FromOrder29Ranges(order, coverage.ranges);
    }

    private void Visit(int level, long cell, int[] candidates)
    {
        var center = SkyMoc.ToSky(Orders[level].PixToVec(cell));
        var near = NearEdges(center, level, candidates, out var touching);
        if (!touching)
        {
            if (polygon.ContainsVector(center))
            {
                Emit(level, cell);
            }
            return;
        }
        if (level < order)
        {
            for (var child = 0; child < 4; child++)
            {
                Visit(level + 1, (cell << 2) + child, near);
            }
        }
        else if (TouchesBelow(level, cell, Refinement, near))
        {
            Emit(level, cell);
        }
    }

    // True when some descendant down to 'depth' orders below is inside or still on the boundary.
    private bool TouchesBelow(int level, long cell, int depth, int[] candidates)
    {
        if (depth == 0 || level == SkyMoc.MaxOrder)
        {
            return true;
        }
        for (var child = 0; child < 4; child++)
        {
            var index = (cell << 2) + child;
            var center = SkyMoc.ToSky(Orders[level + 1].PixToVec(index));
            var near = NearEdges(center, level + 1, candidates, out var touching);
            if (touching ? TouchesBelow(level + 1, index, depth - 1, near) : polygon.ContainsVector(center))
            {
                return true;
            }
        }
        return false;
    }

    // Edges within the cell's cap ('touching'), and those that can reach any child's cap (the children's caps lie
    // within radius + child radius of this centre).
    private int[] NearEdges(in SkyVector center, int level, int[] candidates, out bool touching)
    {
        var radius = Radii[level] + Tolerance.Angle;
        var reach = radius + Radii[Math.Min(level + 1, SkyMoc.MaxOrder)];
        var near = new List<int>();
        touching = false;
        foreach (var i in candidates)
        {
            var distance = edges[i].DistanceTo(center);
            touching |= distance <= radius;
            if (distance <= reach)
            {
                near.Add(i);
            }
        }
        return [.. near];
    }

    private void Emit(int level, long cell)
    {
        var shift = 2 * (SkyMoc.MaxOrder - level);
        ranges.Add(new MocRange(cell << shift, (cell + 1) << shift));
    }
}
