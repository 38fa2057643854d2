using System.Globalization;

namespace VoServices.Sphere;

/// <summary>
/// A position on the sky (ADQL 2.1 POINT, DALI 1.1 point) in degrees. The longitude is normalised to [0, 360); the
/// latitude must be in [-90, 90]. The unit vector is computed once, so containment tests on a point allocate
/// nothing. As a shape a point has zero area, is its own centroid and is contained only by shapes that contain it.
/// </summary>
public readonly struct SkyPoint : ISkyShape, IEquatable<SkyPoint>
{
    private readonly SkyVector vector;

    /// <summary>Creates a point.</summary>
    /// <param name="lon">Longitude (RA) in degrees; any finite value, wrapped into [0, 360).</param>
    /// <param name="lat">Latitude (Dec) in degrees, [-90, 90].</param>
    /// <exception cref="SkyShapeException">A coordinate is NaN or infinite, or the latitude is out of range.</exception>
    public SkyPoint(double lon, double lat)
    {
        if (!double.IsFinite(lon))
        {
            throw new SkyShapeException(
                $"Invalid point: longitude {lon.ToString(CultureInfo.InvariantCulture)} is not a finite number", nameof(lon));
        }
        if (!(lat >= -90 && lat <= 90))
        {
            throw new SkyShapeException(
                $"Invalid point: latitude {lat.ToString(CultureInfo.InvariantCulture)} is outside [-90, 90]", nameof(lat));
        }
        Lon = WrapLongitude(lon);
        Lat = lat;
        vector = SkyVector.FromLonLat(Lon, lat);
    }

    private SkyPoint(double lon, double lat, SkyVector vector)
    {
        Lon = lon;
        Lat = lat;
        this.vector = vector;
    }

    /// <summary>Longitude in degrees, [0, 360).</summary>
    public double Lon { get; }

    /// <summary>Latitude in degrees, [-90, 90].</summary>
    public double Lat { get; }

    /// <summary>The unit vector of this position (the default struct value maps to (0°, 0°)).</summary>
    public SkyVector Vector => vector == default ? new SkyVector(1, 0, 0) : vector;

    /// <summary>Zero: a point has no extent.</summary>
    public double Area => 0;

    /// <summary>The point itself.</summary>
    public SkyPoint Centroid => this;

    /// <summary>A circle of radius 0 at the point.</summary>
    public SkyCircle BoundingCircle => new(this, 0);

    /// <summary>The point nearest to a (not necessarily unit, non-zero) vector.</summary>
    /// <exception cref="SkyShapeException">The vector is zero or not finite.</exception>
    public static SkyPoint FromVector(in SkyVector v)
    {
        var length = v.Length;
        if (!(length > 0) || !double.IsFinite(length))
        {
            throw new SkyShapeException("Invalid point: a zero or non-finite direction vector has no position");
        }
        var unit = new SkyVector(v.X / length, v.Y / length, v.Z / length);
        return new SkyPoint(unit.Lon, unit.Lat, unit);
    }

    /// <summary>True when this point and <paramref name="point"/> coincide (within 1e-14 rad, ~2 nas).</summary>
    public bool Contains(SkyPoint point) => Vector.ChordSquared(point.Vector) <= Tolerance.CoincidentChordSquared;

    /// <inheritdoc />
    public bool Contains(double lon, double lat) => Contains(new SkyPoint(lon, lat));

    /// <inheritdoc />
    public bool Contains(ISkyShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape switch
        {
            SkyPoint p => Contains(p),
            SkyCircle c => c.Radius == 0 && Contains(c.Center),
            _ => false,
        };
    }

    /// <inheritdoc />
    public bool Intersects(ISkyShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape.Contains(this);
    }

    /// <summary>Angular distance to another point in degrees (see <see cref="SkyDistance"/>).</summary>
    public double DistanceTo(SkyPoint other) => SkyDistance.Degrees(Lon, Lat, other.Lon, other.Lat);

    /// <summary>Exact equality of the normalised coordinates.</summary>
    public bool Equals(SkyPoint other) => Lon.Equals(other.Lon) && Lat.Equals(other.Lat);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SkyPoint other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Lon, Lat);

    /// <summary>Equality of the normalised coordinates.</summary>
    public static bool operator ==(SkyPoint left, SkyPoint right) => left.Equals(right);

    /// <summary>Inequality of the normalised coordinates.</summary>
    public static bool operator !=(SkyPoint left, SkyPoint right) => !left.Equals(right);

    /// <summary>The DALI form <c>"lon lat"</c> with round-trip formatting.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Lon:R} {Lat:R}");

    /// <summary>Wraps a finite longitude into [0, 360).</summary>
    internal static double WrapLongitude(double lon)
    {
        if (lon >= 0 && lon < 360)
        {
            return lon;
        }
        var wrapped = lon % 360;
        wrapped = wrapped < 0 ? wrapped + 360 : wrapped;
        return wrapped >= 360 ? 0 : wrapped;
    }
}
