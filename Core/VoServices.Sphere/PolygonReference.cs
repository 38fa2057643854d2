namespace VoServices.Sphere;

/// <summary>
/// Reference points with a known inside/outside status for the crossing-parity test of non-convex polygons.
/// Two orthogonal references are kept so that every test point is within 135° of one of them: the arc from the
/// point to its reference is then well defined (a near-antipodal pair would have no stable great circle).
/// </summary>
internal readonly record struct PolygonReference(SkyVector First, bool FirstInside, SkyVector Second, bool SecondInside)
{
    // A fixed frame tilted by "odd" angles, so that no axis falls on the RA = 0 meridian, the equator or a pole,
    // where real polygons (boxes, HEALPix cells, survey footprints) often put vertices and edges.
    private static readonly SkyVector[] Candidates = BuildCandidates();

    /// <summary>Chooses the two candidates farthest from the boundary and classifies them.</summary>
    public static PolygonReference Create(GreatArc[] edges)
    {
        var best = -1;
        var second = -1;
        var clearance = new double[Candidates.Length];
        for (var i = 0; i < Candidates.Length; i++)
        {
            clearance[i] = double.PositiveInfinity;
            foreach (var edge in edges)
            {
                clearance[i] = Math.Min(clearance[i], edge.DistanceTo(Candidates[i]));
            }
            if (best < 0 || clearance[i] > clearance[best])
            {
                best = i;
            }
        }
        for (var i = 0; i < Candidates.Length; i++)
        {
            // Candidates 2k and 2k+1 are antipodal; every other pair is orthogonal.
            if (i / 2 != best / 2 && (second < 0 || clearance[i] > clearance[second]))
            {
                second = i;
            }
        }
        return new PolygonReference(
            Candidates[best], IsInside(Candidates[best], edges),
            Candidates[second], IsInside(Candidates[second], edges));
    }

    /// <summary>
    /// Walks from <paramref name="r"/> towards the midpoint of an edge and looks at the first boundary crossing:
    /// leaving the left (interior) side means r is inside. A target whose first crossing is at a vertex or grazing
    /// is skipped for the next edge's midpoint.
    /// </summary>
    private static bool IsInside(SkyVector r, GreatArc[] edges)
    {
        foreach (var target in edges)
        {
            var t = (target.A + target.B).Normalize();
            var m = SkyVector.RobustCross(r, t);
            if (m.Length < 1e-6)
            {
                continue;
            }
            m = m.Normalize();
            var u = m.Cross(r);
            if (FirstCrossing(r, u, edges) is { } hit)
            {
                return hit;
            }
        }
        throw new SkyShapeException("Invalid polygon: its interior cannot be classified (degenerate boundary)");
    }

    // The nearest crossing along P(t) = r cos t + u sin t, t in (0, π); null when ambiguous.
    private static bool? FirstCrossing(SkyVector r, SkyVector u, GreatArc[] edges)
    {
        var bestT = double.PositiveInfinity;
        var bestSide = 0.0;
        var ambiguous = false;
        foreach (var edge in edges)
        {
            var nr = edge.N.Dot(r);
            var nu = edge.N.Dot(u);
            var t = Math.Atan2(-nr, nu);
            t = t < 0 ? t + Math.PI : t;
            var (sin, cos) = Math.SinCos(t);
            var p = (cos * r) + (sin * u);
            if (edge.TangentA.Dot(p) < -Tolerance.Angle || edge.TangentB.Dot(p) > Tolerance.Angle)
            {
                continue;
            }
            // Relative to the edge, so that milliarcsecond polygons are classified as reliably as large ones.
            var vertexMargin = 1e-6 * edge.Angle;
            var nearVertex = edge.A.AngleTo(p) < vertexMargin || edge.B.AngleTo(p) < vertexMargin;
            var direction = (cos * u) - (sin * r);
            var side = direction.Dot(edge.N);
            var tie = Math.Abs(t - bestT) < 1e-6 * edge.Angle;
            if (tie)
            {
                ambiguous = true;
            }
            if (t < bestT)
            {
                ambiguous = nearVertex || Math.Abs(side) < 1e-6 || tie;
                bestT = t;
                bestSide = side;
            }
        }
        return ambiguous || double.IsInfinity(bestT) ? null : bestSide < 0;
    }

    private static SkyVector[] BuildCandidates()
    {
        var a = SkyVector.FromLonLat(17.3, 33.7);
        var b = SkyVector.RobustCross(a, SkyVector.FromLonLat(101.9, -12.1)).Normalize();
        var c = a.Cross(b).Normalize();
        return [a, -a, b, -b, c, -c];
    }
}
