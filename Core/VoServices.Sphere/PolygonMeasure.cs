namespace VoServices.Sphere;

/// <summary>Area, centroid and bounding circle of an oriented polygon (interior on the left of its edges).</summary>
internal static class PolygonMeasure
{
    // Below these sizes the formulas that subtract nearly equal O(1) terms lose too many digits, so the small-polygon
    // forms, which work on vertex differences, take over (see Area and Centroid).
    private const double SmallAreaSteradians = 1e-4;
    private const double TinyAreaSteradians = 1e-8;

    /// <summary>
    /// Area in steradians. Large polygons: Gauss–Bonnet, 2π − Σ turning angles (absolute error ~n·1e-16 sr).
    /// Small ones: a triangle fan with the Van Oosterom–Strackee formula, tan(E/2) = v0·(vi×vj) / (1 + v0·vi +
    /// vi·vj + vj·v0), whose triple product is taken on the differences vi−v0, vj−v0 so that milliarcsecond polygons
    /// keep their relative precision.
    /// </summary>
    public static double Area(SkyVector[] v, double turnSum)
    {
        var gaussBonnet = (2 * Math.PI) - turnSum;
        return gaussBonnet >= SmallAreaSteradians ? gaussBonnet : FanArea(v);
    }

    /// <summary>Signed fan area (steradians) from vertex 0; positive for counter-clockwise (seen from outside).</summary>
    public static double FanArea(SkyVector[] v)
    {
        var v0 = v[0];
        var sum = 0.0;
        for (var i = 1; i < v.Length - 1; i++)
        {
            var di = v[i] - v0;
            var dj = v[i + 1] - v0;
            var numerator = v0.Dot(di.Cross(dj));
            var denominator = 1 + v0.Dot(v[i]) + v[i].Dot(v[i + 1]) + v[i + 1].Dot(v0);
            sum += 2 * Math.Atan2(numerator, denominator);
        }
        return sum;
    }

    /// <summary>
    /// The direction of the surface's centre of mass. Exact form: ∫x dA = ½ Σ θᵢ n̂ᵢ over the edges (Stokes; θ the
    /// edge length, n̂ its unit left normal). Tiny polygons (&lt; 1e-8 sr, ~20″ across), where that sum cancels
    /// badly, use the area-weighted planar centroid of the fan triangles in the tangent plane, whose error is of
    /// third order in the size (&lt; 1e-12 rad there).
    /// </summary>
    public static SkyVector Centroid(SkyVector[] v, GreatArc[] edges, double areaSteradians)
    {
        if (areaSteradians < TinyAreaSteradians)
        {
            return PlanarCentroid(v);
        }
        var sum = default(SkyVector);
        foreach (var edge in edges)
        {
            sum += edge.Angle * edge.N;
        }
        return sum.Length > 0 ? sum.Normalize() : PlanarCentroid(v);
    }

    /// <summary>
    /// A circle around <paramref name="center"/> that holds the polygon: the farthest boundary point, unless the
    /// polygon holds the antipode. Padded by 1e-12 rad so that boundary points test inside.
    /// </summary>
    public static double BoundingRadius(SkyVector center, GreatArc[] edges, bool containsAntipode)
    {
        if (containsAntipode)
        {
            return Math.PI;
        }
        var radius = 0.0;
        foreach (var edge in edges)
        {
            radius = Math.Max(radius, edge.FarthestDistanceFrom(center));
        }
        return Math.Min(Math.PI, radius + 1e-12);
    }

    private static SkyVector PlanarCentroid(SkyVector[] v)
    {
        var v0 = v[0];
        var weightSum = 0.0;
        var offset = default(SkyVector);
        for (var i = 1; i < v.Length - 1; i++)
        {
            var di = v[i] - v0;
            var dj = v[i + 1] - v0;
            var w = v0.Dot(di.Cross(dj));
            weightSum += w;
            offset += (w / 3) * (di + dj);
        }
        if (weightSum == 0)
        {
            var mean = default(SkyVector);
            foreach (var p in v)
            {
                mean += p;
            }
            return mean.Normalize();
        }
        return (v0 + ((1 / weightSum) * offset)).Normalize();
    }
}
