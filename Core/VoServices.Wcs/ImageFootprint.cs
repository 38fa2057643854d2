using VoServices.Wcs.Spherical;

namespace VoServices.Wcs;

/// <summary>
/// The outline of an image on the sky as a <see cref="SkyPolygon"/> in ICRS: the outer edges of the corner pixels
/// (0-based pixel coordinates −0.5 and NAXISn − 0.5, unlike astropy's <c>calc_footprint</c> which uses the corner
/// pixel centres), optionally with extra points along each edge for wide or distorted fields where the edge is not
/// a great circle. Counter-clockwise seen from inside the sphere, as DALI 1.1 §3.7 and ObsCore s_region expect.
/// </summary>
public static class ImageFootprint
{
    /// <summary>Computes the footprint.</summary>
    /// <param name="wcs">The image's WCS.</param>
    /// <param name="naxis1">Pixels along the first image axis (NAXIS1), ≥ 1.</param>
    /// <param name="naxis2">Pixels along the second image axis (NAXIS2), ≥ 1.</param>
    /// <param name="pointsPerEdge">Vertices per edge, 1 (corners only, 4 vertices) to 1000.</param>
    /// <returns>4 × <paramref name="pointsPerEdge"/> vertices starting at the first pixel's outer corner.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="wcs"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size or <paramref name="pointsPerEdge"/> is out of range.</exception>
    /// <exception cref="WcsNotSupportedException">A vertex has no sky position (e.g. an all-sky AIT or CAR map whose
    /// corners lie outside the projection), or the outline is degenerate: such images have no polygon footprint.</exception>
    public static SkyPolygon Compute(CelestialWcs wcs, long naxis1, long naxis2, int pointsPerEdge = 1)
    {
        ArgumentNullException.ThrowIfNull(wcs);
        ArgumentOutOfRangeException.ThrowIfLessThan(naxis1, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(naxis2, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerEdge, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pointsPerEdge, 1000);
        double x0 = -0.5, y0 = -0.5, x1 = naxis1 - 0.5, y1 = naxis2 - 0.5;
        (double X, double Y)[] corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)];
        var vertices = new SkyPoint[4 * pointsPerEdge];
        for (var e = 0; e < 4; e++)
        {
            var (ax, ay) = corners[e];
            var (bx, by) = corners[(e + 1) % 4];
            for (var k = 0; k < pointsPerEdge; k++)
            {
                var t = (double)k / pointsPerEdge;
                var p = wcs.PixelToIcrs(ax + ((bx - ax) * t), ay + ((by - ay) * t));
                if (!p.IsValid)
                {
                    throw new WcsNotSupportedException(
                        "an edge point of the image has no sky position, so the image has no polygon footprint");
                }
                vertices[(e * pointsPerEdge) + k] = p;
            }
        }
        var orientation = Orientation(vertices);
        if (orientation == 0.0 || !double.IsFinite(orientation))
        {
            throw new WcsNotSupportedException("the image outline is degenerate on the sky");
        }
        if (orientation > 0.0)
        {
            Array.Reverse(vertices);
        }
        return new SkyPolygon(vertices);
    }

    /// <summary>
    /// (Σ vᵢ × vᵢ₊₁) · c with c the vertex centroid: positive when the polygon turns counter-clockwise seen from
    /// outside the sphere, i.e. clockwise seen from inside.
    /// </summary>
    internal static double Orientation(IReadOnlyList<SkyPoint> vertices)
    {
        var sum = new Vector3D(0, 0, 0);
        var centre = new Vector3D(0, 0, 0);
        for (var i = 0; i < vertices.Count; i++)
        {
            var a = Vector3D.FromLonLat(vertices[i].Lon, vertices[i].Lat);
            var b = Vector3D.FromLonLat(vertices[(i + 1) % vertices.Count].Lon, vertices[(i + 1) % vertices.Count].Lat);
            sum = sum.Add(a.Cross(b));
            centre = centre.Add(a);
        }
        return sum.Dot(centre);
    }
}
