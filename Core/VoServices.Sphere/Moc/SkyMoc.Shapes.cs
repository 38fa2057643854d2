using VoServices.Healpix;

namespace VoServices.Sphere.Moc;

/// <summary>MOCs built from shapes (via HEALPix coverage queries) and point containment.</summary>
public sealed partial class SkyMoc
{
    /// <summary>
    /// The cells of <paramref name="order"/> that touch the shape (an inclusive cover: every cell that intersects
    /// the shape, plus at most a thin margin of cells that tests two orders deeper cannot exclude, as healpy's
    /// <c>inclusive=True, fact=4</c>). Circles use the HEALPix <c>query_disc</c>; polygons and boxes (convex or not)
    /// a hierarchical descent that tests each cell's bounding cap against the polygon, so the cost grows with the
    /// boundary length in cells, not with the area. A point gives the one cell that holds it.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="shape"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The order is outside 0..29.</exception>
    public static SkyMoc FromShape(ISkyShape shape, int order)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var healpix = new HealpixOrder(RequireOrder(order));
        return shape switch
        {
            SkyPoint p => FromCells(order, [new MocCell(order, healpix.VecToPix(ToUnit(p.Vector)))]),
            SkyCircle c => FromHealpixRanges(order, healpix.QueryDisc(ToUnit(c.CenterVector), c.RadiusRadians, inclusive: true)),
            SkyBox b => PolygonCoverage.Cover(b.Polygon, order),
            SkyPolygon p => PolygonCoverage.Cover(p, order),
            _ => throw new NotSupportedException($"Unknown shape type {shape.GetType().Name}"),
        };
    }

    /// <summary>
    /// The MOC of an image footprint: the polygon through its corners (e.g. the four sky corners of a WCS image,
    /// in order along the boundary; the smaller region is the footprint), at <paramref name="order"/>.
    /// </summary>
    /// <exception cref="SkyShapeException">The corners do not form a valid polygon.</exception>
    public static SkyMoc FromFootprint(IEnumerable<SkyPoint> corners, int order) =>
        FromShape(new SkyPolygon(corners), order);

    /// <summary>The union of the shapes' MOCs at <paramref name="order"/> (e.g. the footprints of a mosaic).</summary>
    public static SkyMoc FromShapes(IEnumerable<ISkyShape> shapes, int order)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        var result = Empty(order);
        foreach (var shape in shapes)
        {
            result = result.Union(FromShape(shape, order));
        }
        return result;
    }

    /// <summary>True when the point falls in a covered cell (tested at order 29, ~0.4 mas). O(log n).</summary>
    public bool Contains(SkyPoint point) => ContainsIndex(new HealpixOrder(MaxOrder).VecToPix(ToUnit(point.Vector)));

    /// <summary>True when (lon, lat) in degrees falls in a covered cell.</summary>
    /// <exception cref="SkyShapeException">A coordinate is out of range.</exception>
    public bool Contains(double lon, double lat) => Contains(new SkyPoint(lon, lat));

    internal static UnitVector ToUnit(in SkyVector v) => new(v.X, v.Y, v.Z);

    internal static SkyVector ToSky(in UnitVector v) => new(v.X, v.Y, v.Z);

    private static SkyMoc FromHealpixRanges(int order, IReadOnlyList<HealpixRange> ranges) =>
        FromRanges(order, ranges.Select(r => new MocRange(r.Start, r.EndExclusive)));
}
