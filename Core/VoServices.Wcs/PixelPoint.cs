namespace VoServices.Wcs;

/// <summary>
/// A position in an image in <b>0-based</b> pixel coordinates, like astropy's <c>wcs_pix2world(..., 0)</c>: the
/// centre of the first pixel is (0, 0) and the image spans [-0.5, NAXIS1-0.5] × [-0.5, NAXIS2-0.5]. Add 1 to get the
/// FITS convention (Greisen &amp; Calabretta 2002, Paper I §2.1) in which CRPIX is expressed. X runs along the FITS
/// axis holding the lower-numbered celestial axis (NAXIS1 for ordinary images). A world position that has no pixel
/// (outside the projection's domain) is returned with both values NaN.
/// </summary>
/// <param name="X">0-based pixel coordinate along the first image axis.</param>
/// <param name="Y">0-based pixel coordinate along the second image axis.</param>
public readonly record struct PixelPoint(double X, double Y)
{
    /// <summary>The point with both coordinates NaN, returned for invalid positions.</summary>
    public static PixelPoint Invalid { get; } = new(double.NaN, double.NaN);

    /// <summary>True when both coordinates are finite.</summary>
    public bool IsValid => double.IsFinite(X) && double.IsFinite(Y);
}
