using VoServices.Wcs.Frames;
using VoServices.Wcs.PixelMaps;
using VoServices.Wcs.Projections;
using VoServices.Wcs.Spherical;

namespace VoServices.Wcs;

/// <summary>
/// A celestial world coordinate system: 0-based pixel ↔ sky, following Greisen &amp; Calabretta 2002 (Paper I) and
/// Calabretta &amp; Greisen 2002 (Paper II) as WCSLIB implements them, with SIP (Shupe et al. 2005) and the DSS plate
/// solution. Pipeline: pixel → intermediate world coordinates (linear matrix, after SIP/DSS) → native spherical
/// (projection) → celestial in the header's frame (spherical rotation) → optionally ICRS.
/// </summary>
/// <remarks>
/// <para>Pixels are <b>0-based</b> (see <see cref="PixelPoint"/>): the FITS pixel (1, 1) is (0, 0) here, exactly as
/// astropy's <c>all_pix2world(..., 0)</c>. World coordinates are degrees, longitude in [0, 360).</para>
/// <para>Positions with no counterpart (outside a projection's domain, the far side of TAN/SIN, outside the AIT
/// ellipse, a SIP/DSS inverse that does not converge) come back as NaN, like WCSLIB's invalid status; nothing
/// throws per point. Instances are immutable and thread-safe; the span overloads allocate nothing, and the output
/// spans may be the input spans.</para>
/// <para>Build one with <see cref="WcsParser"/>.</para>
/// </remarks>
public sealed class CelestialWcs
{
    private readonly IPixelMap pixelMap;
    private readonly IProjection projection;
    private readonly SphericalRotation rotation;
    private readonly CelestialFrameTransform toIcrs;
    private readonly CelestialFrameTransform fromIcrs;

    internal CelestialWcs(IPixelMap pixelMap, IProjection projection, SphericalRotation rotation,
        CelestialFrame frame, SkyPoint reference, WcsDistortion distortion)
    {
        this.pixelMap = pixelMap;
        this.projection = projection;
        this.rotation = rotation;
        Frame = frame;
        ReferenceWorld = reference;
        Distortion = distortion;
        toIcrs = CelestialFrameTransform.Create(frame, CelestialFrame.Icrs);
        fromIcrs = CelestialFrameTransform.Create(CelestialFrame.Icrs, frame);
    }

    /// <summary>The projection (TAN for TAN-SIP and DSS plates).</summary>
    public ProjectionCode Projection => projection.Code;

    /// <summary>The frame of <see cref="PixelToWorld(double, double)"/> results (RADESYS/EQUINOX, or galactic).</summary>
    public CelestialFrame Frame { get; }

    /// <summary>The world coordinates of the reference point, CRVAL (the plate centre for DSS), in <see cref="Frame"/>.</summary>
    public SkyPoint ReferenceWorld { get; }

    /// <summary>The 0-based pixel at <see cref="ReferenceWorld"/>: CRPIX − 1 for linear and SIP headers.</summary>
    public PixelPoint ReferencePixel => pixelMap.ReferencePixel;

    /// <summary>The nonlinear pixel model in use, if any.</summary>
    public WcsDistortion Distortion { get; }

    /// <summary>Native longitude of the celestial pole actually used (LONPOLE or its Paper II default), degrees.</summary>
    public double LonPole => rotation.PhiP;

    /// <summary>Celestial latitude of the native pole actually used (δp, Paper II §2.4), degrees.</summary>
    public double LatPole => rotation.DeltaP;

    /// <summary>
    /// The mean pixel size in degrees at <see cref="ReferencePixel"/>: the square root of the area on the sky of one
    /// pixel there, from finite differences of the full pipeline (so it includes SIP/DSS terms).
    /// </summary>
    public double PixelScale
    {
        get
        {
            var r = ReferencePixel;
            var c = PixelToWorld(r.X, r.Y);
            var dx = PixelToWorld(r.X + 1.0, r.Y);
            var dy = PixelToWorld(r.X, r.Y + 1.0);
            var vc = Vector3D.FromLonLat(c.Lon, c.Lat);
            var ex = Vector3D.FromLonLat(dx.Lon, dx.Lat).Subtract(vc);
            var ey = Vector3D.FromLonLat(dy.Lon, dy.Lat).Subtract(vc);
            return Math.Sqrt(ex.Cross(ey).Norm) * DegreeTrig.R2D;
        }
    }

    /// <summary>0-based pixel → world coordinates in <see cref="Frame"/> (degrees); NaN where invalid.</summary>
    public SkyPoint PixelToWorld(double x, double y)
    {
        PixelToWorldCore(x, y, out var lon, out var lat);
        return new SkyPoint(lon, lat);
    }

    /// <summary>World coordinates in <see cref="Frame"/> (degrees) → 0-based pixel; NaN where invalid.</summary>
    public PixelPoint WorldToPixel(double lon, double lat)
    {
        WorldToPixelCore(lon, lat, out var x, out var y);
        return new PixelPoint(x, y);
    }

    /// <summary>0-based pixel → ICRS right ascension and declination (degrees); NaN where invalid.</summary>
    public SkyPoint PixelToIcrs(double x, double y)
    {
        PixelToWorldCore(x, y, out var lon, out var lat);
        toIcrs.Apply(ref lon, ref lat);
        return new SkyPoint(lon, lat);
    }

    /// <summary>ICRS right ascension and declination (degrees) → 0-based pixel; NaN where invalid.</summary>
    public PixelPoint IcrsToPixel(double ra, double dec)
    {
        fromIcrs.Apply(ref ra, ref dec);
        WorldToPixelCore(ra, dec, out var x, out var y);
        return new PixelPoint(x, y);
    }

    /// <summary>Batch <see cref="PixelToWorld(double, double)"/>: reads x[i], y[i], writes lon[i], lat[i].</summary>
    /// <exception cref="ArgumentException">The four spans do not all have the same length.</exception>
    public void PixelToWorld(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> lon, Span<double> lat)
    {
        CheckLengths(x.Length, y.Length, lon.Length, lat.Length);
        for (var i = 0; i < x.Length; i++)
        {
            PixelToWorldCore(x[i], y[i], out lon[i], out lat[i]);
        }
    }

    /// <summary>Batch <see cref="WorldToPixel(double, double)"/>: reads lon[i], lat[i], writes x[i], y[i].</summary>
    /// <exception cref="ArgumentException">The four spans do not all have the same length.</exception>
    public void WorldToPixel(ReadOnlySpan<double> lon, ReadOnlySpan<double> lat, Span<double> x, Span<double> y)
    {
        CheckLengths(lon.Length, lat.Length, x.Length, y.Length);
        for (var i = 0; i < lon.Length; i++)
        {
            WorldToPixelCore(lon[i], lat[i], out x[i], out y[i]);
        }
    }

    /// <summary>Batch <see cref="PixelToIcrs(double, double)"/>.</summary>
    /// <exception cref="ArgumentException">The four spans do not all have the same length.</exception>
    public void PixelToIcrs(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> ra, Span<double> dec)
    {
        CheckLengths(x.Length, y.Length, ra.Length, dec.Length);
        for (var i = 0; i < x.Length; i++)
        {
            PixelToWorldCore(x[i], y[i], out var lon, out var lat);
            toIcrs.Apply(ref lon, ref lat);
            ra[i] = lon;
            dec[i] = lat;
        }
    }

    /// <summary>Batch <see cref="IcrsToPixel(double, double)"/>.</summary>
    /// <exception cref="ArgumentException">The four spans do not all have the same length.</exception>
    public void IcrsToPixel(ReadOnlySpan<double> ra, ReadOnlySpan<double> dec, Span<double> x, Span<double> y)
    {
        CheckLengths(ra.Length, dec.Length, x.Length, y.Length);
        for (var i = 0; i < ra.Length; i++)
        {
            var lon = ra[i];
            var lat = dec[i];
            fromIcrs.Apply(ref lon, ref lat);
            WorldToPixelCore(lon, lat, out x[i], out y[i]);
        }
    }

    /// <summary>e.g. "TAN FK5(J2000) CRVAL=(201.822387, -47.506507) CRPIX0=(419, 423.5)".</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Projection.ToString().ToUpperInvariant()}{(Distortion == WcsDistortion.None ? "" : "+" + Distortion)} " +
        $"{Frame} CRVAL=({ReferenceWorld.Lon:0.######}, {ReferenceWorld.Lat:0.######}) " +
        $"CRPIX0=({ReferencePixel.X:0.###}, {ReferencePixel.Y:0.###})");

    private void PixelToWorldCore(double px, double py, out double lon, out double lat)
    {
        pixelMap.ToIntermediate(px, py, out var x, out var y);
        if (!double.IsFinite(x) || !double.IsFinite(y) || !projection.TryDeproject(x, y, out var phi, out var theta))
        {
            lon = lat = double.NaN;
            return;
        }
        rotation.NativeToCelestial(phi, theta, out lon, out lat);
    }

    private void WorldToPixelCore(double lon, double lat, out double px, out double py)
    {
        if (!double.IsFinite(lon) || !double.IsFinite(lat) || lat is > 90.0 or < -90.0)
        {
            px = py = double.NaN;
            return;
        }
        rotation.CelestialToNative(lon, lat, out var phi, out var theta);
        if (!projection.TryProject(phi, theta, out var x, out var y) || !pixelMap.TryToPixel(x, y, out px, out py))
        {
            px = py = double.NaN;
        }
    }

    private static void CheckLengths(int a, int b, int c, int d)
    {
        if (a != b || a != c || a != d)
        {
            throw new ArgumentException("the input and output spans must all have the same length");
        }
    }
}
