namespace VoServices.Wcs.PixelMaps;

/// <summary>
/// The linear transformation of Paper I eq. 3: x_i = Σ_j M_ij (p_j − r_j) with M = diag(CDELT)·PC or CD, and p, r
/// the 1-based pixel coordinates and CRPIX. Rows are ordered (longitude, latitude) and columns (X, Y).
/// </summary>
internal sealed class LinearPixelMap : IPixelMap
{
    private readonly double crpix1;
    private readonly double crpix2;
    private readonly double m00, m01, m10, m11;
    private readonly double i00, i01, i10, i11;

    /// <exception cref="WcsFormatException">The matrix is singular or not finite.</exception>
    public LinearPixelMap(double crpix1, double crpix2, double m00, double m01, double m10, double m11)
    {
        this.crpix1 = crpix1;
        this.crpix2 = crpix2;
        (this.m00, this.m01, this.m10, this.m11) = (m00, m01, m10, m11);
        var det = (m00 * m11) - (m01 * m10);
        if (det == 0.0 || !double.IsFinite(det))
        {
            throw new WcsFormatException(
                "the linear transformation matrix (CDi_j, or CDELTi with PCi_j/CROTA2) is singular (Paper I §2.1.2)");
        }
        (i00, i01, i10, i11) = (m11 / det, -m01 / det, -m10 / det, m00 / det);
    }

    public PixelPoint ReferencePixel => new(crpix1 - 1.0, crpix2 - 1.0);

    /// <summary>|det M| in square degrees per pixel.</summary>
    public double Determinant => Math.Abs((m00 * m11) - (m01 * m10));

    public void ToIntermediate(double px, double py, out double x, out double y)
    {
        // 0-based → 1-based pixel (Paper I §2.1.1) before subtracting CRPIX.
        var u = px + 1.0 - crpix1;
        var v = py + 1.0 - crpix2;
        x = (m00 * u) + (m01 * v);
        y = (m10 * u) + (m11 * v);
    }

    /// <summary>Offsets (u, v) = p − CRPIX → intermediate coordinates (used after a SIP distortion).</summary>
    public void OffsetToIntermediate(double u, double v, out double x, out double y)
    {
        x = (m00 * u) + (m01 * v);
        y = (m10 * u) + (m11 * v);
    }

    /// <summary>Intermediate coordinates → offsets (u, v) = p − CRPIX.</summary>
    public void IntermediateToOffset(double x, double y, out double u, out double v)
    {
        u = (i00 * x) + (i01 * y);
        v = (i10 * x) + (i11 * y);
    }

    public bool TryToPixel(double x, double y, out double px, out double py)
    {
        IntermediateToOffset(x, y, out var u, out var v);
        px = u + crpix1 - 1.0;
        py = v + crpix2 - 1.0;
        return true;
    }

    /// <summary>Offset (u, v) → 0-based pixel.</summary>
    public PixelPoint OffsetToPixel(double u, double v) => new(u + crpix1 - 1.0, v + crpix2 - 1.0);

    /// <summary>0-based pixel → offset (u, v).</summary>
    public void PixelToOffset(double px, double py, out double u, out double v)
    {
        u = px + 1.0 - crpix1;
        v = py + 1.0 - crpix2;
    }
}
