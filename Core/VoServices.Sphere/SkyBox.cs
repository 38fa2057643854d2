using System.Globalization;

namespace VoServices.Sphere;

/// <summary>
/// An ADQL BOX (ADQL 2.1, deprecated there; semantics of the STC Box): a centre and two full sizes defining a cross
/// whose arms run along the coordinate axes at the centre (the height along the meridian, the width along the great
/// circle tangent to the parallel), with great-circle sides that cut the arm ends at right angles. It is a special
/// case of POLYGON: the four corners are (±tan(w/2), ±tan(h/2)) in the gnomonic (TAN) plane at the centre, so
/// the box is exactly |ξ| ≤ tan(w/2), |η| ≤ tan(h/2) there. This is <b>not</b> pg_sphere's <c>sbox</c>, which is a
/// longitude/latitude range; near the poles the two differ a lot.
/// </summary>
public sealed class SkyBox : ISkyShape
{
    /// <summary>Creates a box.</summary>
    /// <param name="center">Centre of the box.</param>
    /// <param name="width">Full size along the east–west arm, in degrees, in (0, 180).</param>
    /// <param name="height">Full size along the meridian, in degrees, in (0, 180).</param>
    /// <exception cref="SkyShapeException">A size is not in (0, 180).</exception>
    public SkyBox(SkyPoint center, double width, double height)
    {
        RequireSize(width, nameof(width));
        RequireSize(height, nameof(height));
        Center = center;
        Width = width;
        Height = height;
        Polygon = new SkyPolygon(Corners(center, width, height));
    }

    /// <summary>Creates a box from the centre's coordinates and the sizes, all in degrees.</summary>
    /// <exception cref="SkyShapeException">A coordinate or size is out of range.</exception>
    public SkyBox(double lon, double lat, double width, double height)
        : this(new SkyPoint(lon, lat), width, height)
    {
    }

    /// <summary>Centre.</summary>
    public SkyPoint Center { get; }

    /// <summary>Full width in degrees.</summary>
    public double Width { get; }

    /// <summary>Full height in degrees.</summary>
    public double Height { get; }

    /// <summary>The equivalent polygon (corners NE, NW, SW, SE seen on a lon-right plot).</summary>
    public SkyPolygon Polygon { get; }

    /// <inheritdoc />
    public double Area => Polygon.Area;

    /// <summary>The centre (the box is symmetric about it).</summary>
    public SkyPoint Centroid => Center;

    /// <inheritdoc />
    public SkyCircle BoundingCircle => Polygon.BoundingCircle;

    /// <inheritdoc />
    public bool Contains(SkyPoint point) => Polygon.Contains(point);

    /// <inheritdoc />
    public bool Contains(double lon, double lat) => Polygon.Contains(lon, lat);

    /// <inheritdoc />
    public bool Contains(ISkyShape shape) => Polygon.Contains(shape);

    /// <inheritdoc />
    public bool Intersects(ISkyShape shape) => Polygon.Intersects(shape);

    /// <summary>The four corners: (±tan(w/2), ±tan(h/2), 1) in the local frame (east, north, centre).</summary>
    public static SkyPoint[] Corners(SkyPoint center, double width, double height)
    {
        var (sinLon, cosLon) = Math.SinCos(double.DegreesToRadians(center.Lon));
        var (sinLat, cosLat) = Math.SinCos(double.DegreesToRadians(center.Lat));
        // Local frame; defined at the poles too, where "east" and "north" follow the centre's longitude.
        var east = new SkyVector(-sinLon, cosLon, 0);
        var north = new SkyVector(-sinLat * cosLon, -sinLat * sinLon, cosLat);
        var c = center.Vector;
        var tx = Math.Tan(double.DegreesToRadians(width) / 2);
        var ty = Math.Tan(double.DegreesToRadians(height) / 2);
        SkyPoint Corner(double sx, double sy) => SkyPoint.FromVector((sx * tx * east) + (sy * ty * north) + c);
        return [Corner(1, 1), Corner(-1, 1), Corner(-1, -1), Corner(1, -1)];
    }

    /// <summary>The ADQL form <c>lon lat width height</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Center.Lon:R} {Center.Lat:R} {Width:R} {Height:R}");

    private static void RequireSize(double size, string name)
    {
        if (!(size > 0 && size < 180))
        {
            throw new SkyShapeException(string.Create(CultureInfo.InvariantCulture,
                $"Invalid box: {name} {size} is outside (0, 180) degrees"), name);
        }
    }
}
