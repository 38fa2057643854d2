using VoServices.Wcs.Spherical;

namespace VoServices.Wcs.Frames;

/// <summary>
/// Converts directions between two <see cref="CelestialFrame"/>s through ICRS, reproducing astropy 5.2's
/// SkyCoord transformations to ICRS to well under a milliarcsecond: FK5 via IAU 2006 precession and the USNO
/// Circular 179 frame bias; FK4 by removing the E-terms of aberration at the equinox, Newcomb precession to
/// B1950 and the Murray (1989) B1950→J2000 matrix with its rotation term at the observation epoch (Standish 1982,
/// Aoki et al. 1983, as SLALIB fk45z); galactic from the FK5 J2000 pole. Positions only: no proper motion,
/// parallax or radial velocity. Immutable and thread-safe.
/// </summary>
public sealed class CelestialFrameTransform
{
    private readonly Vector3D? removeETerms;
    private readonly Vector3D? addETerms;
    private readonly Matrix3 matrix;
    private readonly bool isIdentity;

    private CelestialFrameTransform(CelestialFrame from, CelestialFrame to)
    {
        From = from;
        To = to;
        removeETerms = from.Kind == CelestialFrameKind.Fk4 ? ETerms.Vector(from.Equinox ?? 1950.0) : null;
        addETerms = to.Kind == CelestialFrameKind.Fk4 ? ETerms.Vector(to.Equinox ?? 1950.0) : null;
        // The FK4 matrix is not orthogonal (Murray eq. 29), so the way back uses a true inverse.
        matrix = IcrsMatrices.ToIcrs(to).Inverse() * IcrsMatrices.ToIcrs(from);
        isIdentity = from == to;
    }

    /// <summary>The source frame.</summary>
    public CelestialFrame From { get; }

    /// <summary>The target frame.</summary>
    public CelestialFrame To { get; }

    /// <summary>Creates the conversion from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <exception cref="ArgumentNullException">A frame is null.</exception>
    public static CelestialFrameTransform Create(CelestialFrame from, CelestialFrame to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return new CelestialFrameTransform(from, to);
    }

    /// <summary>Converts one direction (degrees); the result has longitude in [0, 360). NaN stays NaN.</summary>
    public SkyPoint Apply(SkyPoint point)
    {
        var lon = point.Lon;
        var lat = point.Lat;
        Apply(ref lon, ref lat);
        return new SkyPoint(lon, lat);
    }

    /// <summary>Converts directions in place: <paramref name="lon"/>[i], <paramref name="lat"/>[i] in degrees.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void Apply(Span<double> lon, Span<double> lat)
    {
        if (lon.Length != lat.Length)
        {
            throw new ArgumentException("lon and lat must have the same length", nameof(lat));
        }
        for (var i = 0; i < lon.Length; i++)
        {
            Apply(ref lon[i], ref lat[i]);
        }
    }

    internal void Apply(ref double lon, ref double lat)
    {
        if (isIdentity || !double.IsFinite(lon) || !double.IsFinite(lat))
        {
            if (isIdentity && double.IsFinite(lon))
            {
                lon = DegreeTrig.NormalizeLongitude(lon);
            }
            return;
        }
        var v = Vector3D.FromLonLat(lon, lat);
        if (removeETerms is { } a)
        {
            v = ETerms.Remove(v, a);
        }
        v = matrix.Apply(v);
        if (addETerms is { } b)
        {
            v = ETerms.Add(v.Normalized(), b);
        }
        v.ToLonLat(out lon, out lat);
    }
}
