using System.Globalization;

namespace VoServices.Sphere;

/// <summary>
/// A spherical cap (ADQL 2.1 CIRCLE, DALI 1.1 circle): all points within <see cref="Radius"/> degrees of
/// <see cref="Center"/>, boundary included. Radii up to 180° are allowed (180° is the whole sky); tests compare
/// squared chords, which stay exact for milliarcsecond radii where cos(r) rounds to 1.
/// </summary>
public sealed class SkyCircle : ISkyShape
{
    private readonly SkyVector center;
    private readonly double radiusRad;
    private readonly double chordSquared;

    /// <summary>Creates a circle.</summary>
    /// <param name="center">Centre.</param>
    /// <param name="radius">Radius in degrees, [0, 180].</param>
    /// <exception cref="SkyShapeException">The radius is NaN, negative or above 180.</exception>
    public SkyCircle(SkyPoint center, double radius)
    {
        if (!(radius >= 0 && radius <= 180))
        {
            throw new SkyShapeException(
                $"Invalid circle: radius {radius.ToString(CultureInfo.InvariantCulture)} is outside [0, 180] degrees",
                nameof(radius));
        }
        Center = center;
        Radius = radius;
        this.center = center.Vector;
        radiusRad = double.DegreesToRadians(radius);
        // The tolerance is applied to the angle before converting, so it means the same at every radius.
        var halfChord = Math.Sin(Math.Min(radiusRad + Tolerance.Angle, Math.PI) / 2);
        chordSquared = radius >= 180 ? double.PositiveInfinity : 4 * halfChord * halfChord;
    }

    /// <summary>Creates a circle from the centre's coordinates in degrees and a radius in degrees.</summary>
    /// <exception cref="SkyShapeException">A coordinate or the radius is out of range.</exception>
    public SkyCircle(double lon, double lat, double radius)
        : this(new SkyPoint(lon, lat), radius)
    {
    }

    /// <summary>Centre of the circle.</summary>
    public SkyPoint Center { get; }

    /// <summary>Radius in degrees, [0, 180].</summary>
    public double Radius { get; }

    /// <summary>Radius in radians.</summary>
    internal double RadiusRadians => radiusRad;

    /// <summary>Centre unit vector.</summary>
    internal SkyVector CenterVector => center;

    /// <summary>Area in square degrees: 4π sin²(r/2) sr, which is exact for tiny radii (unlike 2π(1 − cos r)).</summary>
    public double Area
    {
        get
        {
            var h = Math.Sin(radiusRad / 2);
            return SquareDegrees.FromSteradians(4 * Math.PI * h * h);
        }
    }

    /// <summary>The centre.</summary>
    public SkyPoint Centroid => Center;

    /// <summary>The circle itself.</summary>
    public SkyCircle BoundingCircle => this;

    /// <inheritdoc />
    public bool Contains(SkyPoint point) => ContainsVector(point.Vector);

    /// <inheritdoc />
    public bool Contains(double lon, double lat) => ContainsVector(new SkyPoint(lon, lat).Vector);

    /// <summary>True when the unit vector lies inside or on the circle.</summary>
    internal bool ContainsVector(in SkyVector v) => center.ChordSquared(v) <= chordSquared;

    /// <inheritdoc />
    public bool Contains(ISkyShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (Radius >= 180)
        {
            return true;
        }
        return shape switch
        {
            SkyPoint p => Contains(p),
            SkyCircle c => center.AngleTo(c.center) + c.radiusRad <= radiusRad + Tolerance.Angle,
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
            SkyCircle c => center.AngleTo(c.center) <= radiusRad + c.radiusRad + Tolerance.Angle,
            SkyBox b => b.Polygon.IntersectsCircle(this),
            SkyPolygon poly => poly.IntersectsCircle(this),
            _ => throw new NotSupportedException($"Unknown shape type {shape.GetType().Name}"),
        };
    }

    /// <summary>The DALI form <c>"lon lat radius"</c> with round-trip formatting.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Center.Lon:R} {Center.Lat:R} {Radius:R}");

    // Every point of the polygon is within r of the centre: no point of any edge is farther than r (the farthest
    // point of an arc from c is its nearest point to -c), and the polygon does not hold the antipode.
    private bool ContainsPolygon(SkyPolygon polygon)
    {
        foreach (var edge in polygon.Edges)
        {
            if (edge.FarthestDistanceFrom(center) > radiusRad + Tolerance.Angle)
            {
                return false;
            }
        }
        return !polygon.ContainsVector(-center);
    }
}
