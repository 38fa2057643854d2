namespace VoServices.Wcs.PixelMaps;

/// <summary>
/// The first stage of the WCS pipeline: 0-based pixel coordinates ↔ intermediate world coordinates (x, y) in degrees
/// along the longitude and latitude axes (Greisen &amp; Calabretta 2002, Paper I eq. 3; Paper II §2.1). Nonlinear
/// variants (SIP, DSS) put their polynomial here, before the projection.
/// </summary>
internal interface IPixelMap
{
    /// <summary>The pixel whose intermediate coordinates are (0, 0), i.e. where the world position is CRVAL.</summary>
    PixelPoint ReferencePixel { get; }

    /// <summary>Pixel (0-based) → intermediate world coordinates (degrees).</summary>
    void ToIntermediate(double px, double py, out double x, out double y);

    /// <summary>Intermediate world coordinates → pixel; false when no pixel maps there (an iteration failed).</summary>
    bool TryToPixel(double x, double y, out double px, out double py);
}
