namespace VoServices.Sphere;

/// <summary>
/// A closed region of the celestial sphere (ADQL 2.1 geometry: POINT, CIRCLE, POLYGON, BOX). Boundaries belong to
/// the region, as in pg_sphere. Implementations are immutable and thread-safe; the point tests allocate nothing.
/// </summary>
public interface ISkyShape
{
    /// <summary>Area in square degrees (ADQL AREA); 0 for a point.</summary>
    double Area { get; }

    /// <summary>The centre of mass of the region's surface, projected onto the sphere (ADQL CENTROID).</summary>
    SkyPoint Centroid { get; }

    /// <summary>A circle that contains the whole shape (not necessarily the smallest one).</summary>
    SkyCircle BoundingCircle { get; }

    /// <summary>True when the point lies inside or on the boundary.</summary>
    bool Contains(SkyPoint point);

    /// <summary>True when (lon, lat) in degrees lies inside or on the boundary. Allocation-free.</summary>
    /// <exception cref="SkyShapeException">A coordinate is not finite, or the latitude is outside [-90, 90].</exception>
    bool Contains(double lon, double lat);

    /// <summary>
    /// True when <paramref name="shape"/> lies entirely inside this shape (ADQL <c>CONTAINS(shape, this) = 1</c>; note
    /// the argument order: ADQL's first argument is the contained one).
    /// </summary>
    bool Contains(ISkyShape shape);

    /// <summary>True when the two closed regions share at least one point (ADQL INTERSECTS).</summary>
    bool Intersects(ISkyShape shape);
}
