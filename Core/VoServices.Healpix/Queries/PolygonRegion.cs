namespace VoServices.Healpix.Queries;

/// <summary>
/// A convex spherical polygon as the intersection of the hemispheres on the inner side of its great-circle edges
/// (the representation of HEALPix C++ <c>query_polygon</c>).
/// </summary>
internal sealed class PolygonRegion : IRegion
{
    private readonly UnitVector[] _normals;
    private readonly double[] _sinCellRadius = new double[HealpixOrder.MaxOrder + 1];

    private PolygonRegion(UnitVector[] normals)
    {
        _normals = normals;
        for (int level = 0; level <= HealpixOrder.MaxOrder; level++)
        {
            _sinCellRadius[level] = Math.Sin(CellRadius.Safe(level));
        }
    }

    /// <summary>Builds the region; vertices may wind either way.</summary>
    /// <exception cref="ArgumentException">Fewer than 3 vertices, repeated or antipodal consecutive vertices,
    /// three vertices on one great circle, or a polygon that is not convex.</exception>
    public static PolygonRegion Create(IReadOnlyList<UnitVector> vertices)
    {
        int n = vertices.Count;
        if (n < 3)
        {
            throw new ArgumentException($"A polygon needs at least 3 vertices, got {n}.", nameof(vertices));
        }
        var v = new UnitVector[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = vertices[i].Normalize();
        }
        var normals = new UnitVector[n];
        for (int i = 0; i < n; i++)
        {
            var cross = v[i].Cross(v[(i + 1) % n]);
            if (cross.Length < 1e-15)
            {
                throw new ArgumentException($"Polygon vertices {i} and {(i + 1) % n} coincide or are antipodal: the edge between them is undefined.", nameof(vertices));
            }
            normals[i] = cross.Normalize();
        }
        double flip = normals[0].Dot(v[2 % n]) < 0 ? -1.0 : 1.0;
        for (int i = 0; i < n; i++)
        {
            normals[i] = new UnitVector(flip * normals[i].X, flip * normals[i].Y, flip * normals[i].Z);
            CheckConvexAt(i, normals[i], v);
        }
        return new PolygonRegion(normals);
    }

    // Every vertex off edge i must lie strictly on its inner side; this also rejects self-intersecting (star) shapes,
    // which pass healpy's weaker test of the next-but-one vertex only.
    private static void CheckConvexAt(int i, UnitVector normal, UnitVector[] v)
    {
        int n = v.Length;
        for (int k = 2; k < n; k++)
        {
            double side = normal.Dot(v[(i + k) % n]);
            if (side <= 1e-12)
            {
                string why = Math.Abs(side) <= 1e-12 ? "lies on the great circle of" : "is outside";
                throw new ArgumentException($"The polygon is not strictly convex: vertex {(i + k) % n} {why} edge {i}–{(i + 1) % n}. Only convex polygons are supported.", "vertices");
            }
        }
    }

    public CellRelation Classify(UnitVector centre, int level)
    {
        double sinRadius = _sinCellRadius[level];
        var relation = CellRelation.Inside;
        foreach (var normal in _normals)
        {
            // n·c is the sine of the signed angular distance of c from the edge's great circle.
            double s = normal.Dot(centre);
            if (s < -sinRadius)
            {
                return CellRelation.Outside;
            }
            if (s < sinRadius)
            {
                relation = CellRelation.Partial;
            }
        }
        return relation;
    }

    public bool Contains(UnitVector point)
    {
        foreach (var normal in _normals)
        {
            if (normal.Dot(point) < 0)
            {
                return false;
            }
        }
        return true;
    }
}
