using System.Globalization;

namespace VoServices.Sphere;

/// <summary>
/// Validation and orientation of a great-circle polygon: the checks pg_sphere makes on <c>spoly</c> input
/// (duplicates, 180° edges, crossing edges), plus the turning angles that decide which side is the interior.
/// </summary>
internal static class PolygonTopology
{
    /// <summary>Drops consecutive duplicate vertices (and a closing vertex equal to the first), as pg_sphere does.</summary>
    public static List<SkyPoint> Deduplicate(IEnumerable<SkyPoint> input)
    {
        var result = new List<SkyPoint>();
        foreach (var p in input)
        {
            if (result.Count == 0 || !result[^1].Contains(p))
            {
                result.Add(p);
            }
        }
        while (result.Count > 1 && result[^1].Contains(result[0]))
        {
            result.RemoveAt(result.Count - 1);
        }
        if (result.Count < 3)
        {
            throw new SkyShapeException(
                $"Invalid polygon: at least 3 distinct vertices are required, got {result.Count}");
        }
        return result;
    }

    /// <summary>Builds the edges V[i]→V[i+1]; rejects edges of (nearly) 180°, whose great circle is undefined.</summary>
    public static GreatArc[] BuildEdges(SkyVector[] v)
    {
        var edges = new GreatArc[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            var next = v[(i + 1) % v.Length];
            var edge = new GreatArc(v[i], next);
            if (!(edge.Angle < Math.PI - 1e-9) || edge.N == default)
            {
                throw new SkyShapeException(string.Create(CultureInfo.InvariantCulture,
                    $"Invalid polygon: edge {i + 1} joins antipodal vertices, so its great circle is undefined"));
            }
            edges[i] = edge;
        }
        return edges;
    }

    /// <summary>
    /// The signed turning angle at each vertex (radians, positive = left turn seen from outside the sphere).
    /// Rejects spikes, where an edge folds back onto the previous one.
    /// </summary>
    public static double[] TurningAngles(SkyVector[] v, GreatArc[] edges)
    {
        var turns = new double[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            var incoming = edges[(i + v.Length - 1) % v.Length].TangentB;
            var outgoing = edges[i].TangentA;
            var turn = Math.Atan2(incoming.Cross(outgoing).Dot(v[i]), incoming.Dot(outgoing));
            if (Math.Abs(turn) > Math.PI - 1e-9)
            {
                throw new SkyShapeException(string.Create(CultureInfo.InvariantCulture,
                    $"Invalid polygon: the edges at vertex {i + 1} fold back onto each other"));
            }
            turns[i] = turn;
        }
        return turns;
    }

    /// <summary>Rejects polygons whose boundary crosses or touches itself (pg_sphere: "a line segment overlaps").</summary>
    public static void RequireSimple(SkyVector[] v, GreatArc[] edges)
    {
        var n = edges.Length;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 2; j < n; j++)
            {
                if (i == 0 && j == n - 1)
                {
                    continue;
                }
                if (edges[i].CrossesProperly(edges[j]))
                {
                    throw new SkyShapeException(string.Create(CultureInfo.InvariantCulture,
                        $"Invalid polygon: edges {i + 1} and {j + 1} cross each other (self-intersecting polygon)"));
                }
            }
        }
        for (var k = 0; k < n; k++)
        {
            for (var j = 0; j < n; j++)
            {
                if (j == k || (j + 1) % n == k)
                {
                    continue;
                }
                if (edges[j].Touches(v[k]))
                {
                    throw new SkyShapeException(string.Create(CultureInfo.InvariantCulture,
                        $"Invalid polygon: vertex {k + 1} lies on edge {j + 1} (self-touching polygon)"));
                }
            }
        }
    }
}
