using System.Globalization;

namespace VoServices.Sphere;

/// <summary>
/// A spherical polygon (ADQL 2.1 POLYGON, DALI 1.1 polygon): vertices joined by minor great-circle arcs, implicitly
/// closed, convex or not, boundary included.
/// </summary>
/// <remarks>
/// <para><b>Which side is inside.</b> A simple closed boundary splits the sphere into two regions. The polygon is
/// the <b>smaller</b> of the two, whatever the order of the vertices: a clockwise polygon is normalised, never
/// inverted into "everything but" (standards.md §5). This is what pg_sphere does: <c>spoly</c> input is accepted in
/// either order and must fit in a hemisphere, and its <c>area()</c> returns the smaller region; DaCHS passes ADQL
/// polygons unchanged to <c>spoly</c>, so it behaves the same. Unlike pg_sphere we accept polygons up to (but not
/// including) a hemisphere in area even when they are not within one hemisphere of their vertex box centre.
/// A polygon whose two regions have equal area (relative difference below 1e-9, e.g. four vertices on one great
/// circle) is ambiguous and rejected.</para>
/// <para><b>Validation</b> (as pg_sphere's <c>spherepoly_from_array</c>): consecutive duplicate vertices and a
/// closing vertex equal to the first are dropped; at least 3 distinct vertices must remain; no edge may join
/// antipodal points; edges may not cross, touch or fold back. Failures throw <see cref="SkyShapeException"/>.</para>
/// <para><b>Cost.</b> Building is O(n²) (the self-intersection check). <see cref="Contains(double, double)"/> is
/// O(n) without allocation: n dot products for convex polygons, a crossing-parity walk to a reference point of
/// known status for the others.</para>
/// </remarks>
public sealed class SkyPolygon : ISkyShape
{
    private readonly SkyPoint[] vertices;
    private readonly SkyVector[] oriented;
    private readonly GreatArc[] edges;
    private readonly PolygonReference reference;
    private readonly SkyVector boundCenter;
    private readonly double boundChordSquared;

    /// <summary>Creates a polygon from its vertices, in either winding order.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="vertices"/> is null.</exception>
    /// <exception cref="SkyShapeException">Fewer than 3 distinct vertices, a 180° edge, a self-crossing or self-touching
    /// boundary, or two regions of equal area.</exception>
    public SkyPolygon(IEnumerable<SkyPoint> vertices)
    {
        ArgumentNullException.ThrowIfNull(vertices);
        this.vertices = [.. PolygonTopology.Deduplicate(vertices)];
        var v = Array.ConvertAll(this.vertices, p => p.Vector);
        var arcs = PolygonTopology.BuildEdges(v);
        var turns = PolygonTopology.TurningAngles(v, arcs);
        PolygonTopology.RequireSimple(v, arcs);
        var turnSum = turns.Sum();
        var leftArea = (2 * Math.PI) - turnSum;
        if (Math.Abs(leftArea - (2 * Math.PI)) <= 2 * Math.PI * Tolerance.HemisphereArea)
        {
            throw new SkyShapeException(
                "Invalid polygon: it splits the sky into two halves of equal area, so its interior is ambiguous");
        }
        IsReversed = leftArea > 2 * Math.PI;
        if (IsReversed)
        {
            Array.Reverse(v);
            arcs = PolygonTopology.BuildEdges(v);
            turns = PolygonTopology.TurningAngles(v, arcs);
            turnSum = turns.Sum();
        }
        oriented = v;
        edges = arcs;
        IsConvex = turns.All(t => t >= -1e-12);
        var steradians = PolygonMeasure.Area(v, turnSum);
        Area = SquareDegrees.FromSteradians(steradians);
        var centroid = PolygonMeasure.Centroid(v, arcs, steradians);
        Centroid = SkyPoint.FromVector(centroid);
        reference = IsConvex ? default : PolygonReference.Create(arcs);
        boundCenter = centroid;
        boundChordSquared = double.PositiveInfinity;
        var radius = PolygonMeasure.BoundingRadius(centroid, arcs, ContainsVector(-centroid));
        BoundingCircle = new SkyCircle(Centroid, Math.Min(180, double.RadiansToDegrees(radius)));
        var halfChord = Math.Sin(radius / 2);
        boundChordSquared = radius >= Math.PI ? double.PositiveInfinity : 4 * halfChord * halfChord;
    }

    /// <summary>
    /// Creates a polygon from <c>lon1, lat1, lon2, lat2, …</c> in degrees (the DALI / ADQL argument order).
    /// </summary>
    /// <exception cref="SkyShapeException">An odd count, fewer than 6 numbers, a coordinate out of range, or an
    /// invalid polygon.</exception>
    public static SkyPolygon FromCoordinates(params ReadOnlySpan<double> lonLat)
    {
        if (lonLat.Length % 2 != 0 || lonLat.Length < 6)
        {
            throw new SkyShapeException(string.Create(CultureInfo.InvariantCulture,
                $"Invalid polygon: expected an even count of at least 6 coordinates, got {lonLat.Length}"));
        }
        var points = new SkyPoint[lonLat.Length / 2];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = new SkyPoint(lonLat[2 * i], lonLat[(2 * i) + 1]);
        }
        return new SkyPolygon(points);
    }

    /// <summary>The vertices in the order given (after dropping duplicates).</summary>
    public IReadOnlyList<SkyPoint> Vertices => vertices;

    /// <summary>
    /// True when the interior lies to the right of the given vertex order seen from outside the sphere (clockwise
    /// in a plot with longitude growing to the right), so the order was reversed internally.
    /// </summary>
    public bool IsReversed { get; }

    /// <summary>True when every turn is to the interior side (then containment is n half-space tests).</summary>
    public bool IsConvex { get; }

    /// <inheritdoc />
    public double Area { get; }

    /// <inheritdoc />
    public SkyPoint Centroid { get; }

    /// <inheritdoc />
    public SkyCircle BoundingCircle { get; }

    /// <summary>The edges, interior on the left.</summary>
    internal ReadOnlySpan<GreatArc> Edges => edges;

    /// <summary>The vertex vectors, interior on the left.</summary>
    internal ReadOnlySpan<SkyVector> OrientedVertices => oriented;

    /// <inheritdoc />
    public bool Contains(SkyPoint point) => ContainsVector(point.Vector);

    /// <inheritdoc />
    public bool Contains(double lon, double lat) => ContainsVector(new SkyPoint(lon, lat).Vector);

    /// <inheritdoc />
    public bool Contains(ISkyShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape switch
        {
            SkyPoint p => Contains(p),
            SkyCircle c => ContainsCircle(c),
            SkyBox b => ContainsPolygon(b.Polygon),
            SkyPolygon poly => ContainsPolygon(poly),
            _ => throw new NotSupportedException($"Unknown shape type {shape.GetType().Name}"),
        };
    }

    /// <inheritdoc />
    public bool Intersects(ISkyShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape switch
        {
            SkyPoint p => Contains(p),
            SkyCircle c => IntersectsCircle(c),
            SkyBox b => IntersectsPolygon(b.Polygon),
            SkyPolygon poly => IntersectsPolygon(poly),
            _ => throw new NotSupportedException($"Unknown shape type {shape.GetType().Name}"),
        };
    }

    /// <summary>The DALI form <c>"lon1 lat1 lon2 lat2 …"</c> in the order given, with round-trip formatting.</summary>
    public override string ToString() =>
        string.Join(' ', vertices.Select(p => p.ToString()));

    /// <summary>True when the unit vector lies inside or on the boundary.</summary>
    internal bool ContainsVector(in SkyVector p)
    {
        if (boundCenter.ChordSquared(p) > boundChordSquared)
        {
            return false;
        }
        if (IsConvex)
        {
            foreach (ref readonly var edge in edges.AsSpan())
            {
                if (edge.N.Dot(p) < -Tolerance.Angle)
                {
                    return false;
                }
            }
            return true;
        }
        return ContainsByParity(p);
    }

    /// <summary>True when the circle and the polygon share a point.</summary>
    internal bool IntersectsCircle(SkyCircle circle) => IntersectsCap(circle.CenterVector, circle.RadiusRadians);

    /// <summary>True when the cap (centre, radius in radians) and the polygon share a point.</summary>
    internal bool IntersectsCap(in SkyVector center, double radiusRad)
    {
        if (ContainsVector(center))
        {
            return true;
        }
        var limit = radiusRad + Tolerance.Angle;
        foreach (ref readonly var edge in edges.AsSpan())
        {
            if (edge.DistanceTo(center) <= limit)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// True when the whole cap (centre, radius in radians) is inside: the centre is, and no edge comes closer to it
    /// than the radius (the cap is connected, so it cannot reach the outside without meeting the boundary).
    /// </summary>
    internal bool ContainsCap(in SkyVector center, double radiusRad)
    {
        if (radiusRad >= Math.PI || !ContainsVector(center))
        {
            return false;
        }
        var limit = radiusRad - Tolerance.Angle;
        foreach (ref readonly var edge in edges.AsSpan())
        {
            if (edge.DistanceTo(center) < limit)
            {
                return false;
            }
        }
        return true;
    }

    // The arc from p to a reference point of known status crosses the boundary an odd number of times iff p's
    // status differs. A vertex exactly on that arc's great circle is counted on one side only (half-open rule: the
    // sign of m·A is evaluated identically for the two edges sharing A), so it is counted once or not at all.
    private bool ContainsByParity(in SkyVector p)
    {
        var useFirst = p.Dot(reference.First) >= p.Dot(reference.Second);
        var r = useFirst ? reference.First : reference.Second;
        var inside = useFirst ? reference.FirstInside : reference.SecondInside;
        var m = SkyVector.RobustCross(p, r);
        var tangentP = m.Cross(p);
        var tangentR = m.Cross(r);
        foreach (ref readonly var edge in edges.AsSpan())
        {
            if (Math.Abs(edge.N.Dot(p)) <= Tolerance.Angle
                && edge.TangentA.Dot(p) >= -Tolerance.Angle && edge.TangentB.Dot(p) <= Tolerance.Angle)
            {
                return true;
            }
            if ((m.Dot(edge.A) > 0) == (m.Dot(edge.B) > 0))
            {
                continue;
            }
            var x = edge.N.Cross(m);
            if (x.Dot(edge.A + edge.B) < 0)
            {
                x = -x;
            }
            if (tangentP.Dot(x) >= 0 && tangentR.Dot(x) <= 0)
            {
                inside = !inside;
            }
        }
        return inside;
    }

    private bool ContainsCircle(SkyCircle circle) => ContainsCap(circle.CenterVector, circle.RadiusRadians);

    private bool IntersectsPolygon(SkyPolygon other)
    {
        if (!BoundingCircle.Intersects(other.BoundingCircle))
        {
            return false;
        }
        foreach (var v in other.oriented)
        {
            if (ContainsVector(v))
            {
                return true;
            }
        }
        foreach (var v in oriented)
        {
            if (other.ContainsVector(v))
            {
                return true;
            }
        }
        return AnyProperCrossing(other);
    }

    // other ⊂ this: every vertex of other inside, no proper crossing, and where a vertex of this touches an edge of
    // other (a crossing through a vertex, invisible to the proper-crossing test) the pieces of that edge are inside.
    private bool ContainsPolygon(SkyPolygon other)
    {
        foreach (var v in other.oriented)
        {
            if (!ContainsVector(v))
            {
                return false;
            }
        }
        if (AnyProperCrossing(other))
        {
            return false;
        }
        foreach (ref readonly var edge in other.edges.AsSpan())
        {
            if (!EdgePiecesInside(edge))
            {
                return false;
            }
        }
        return true;
    }

    private bool EdgePiecesInside(in GreatArc edge)
    {
        List<double>? cuts = null;
        foreach (var v in oriented)
        {
            if (edge.Touches(v) && edge.A.AngleTo(v) > Tolerance.Angle && edge.B.AngleTo(v) > Tolerance.Angle)
            {
                (cuts ??= []).Add(edge.A.AngleTo(v));
            }
        }
        if (cuts is null)
        {
            return true;
        }
        cuts.Add(0);
        cuts.Add(edge.Angle);
        cuts.Sort();
        var start = edge.A;
        var along = edge.TangentA;
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var (sin, cos) = Math.SinCos((cuts[i] + cuts[i + 1]) / 2);
            if (!ContainsVector((cos * start) + (sin * along)))
            {
                return false;
            }
        }
        return true;
    }

    private bool AnyProperCrossing(SkyPolygon other)
    {
        foreach (ref readonly var mine in edges.AsSpan())
        {
            foreach (ref readonly var theirs in other.edges.AsSpan())
            {
                if (mine.CrossesProperly(theirs))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
