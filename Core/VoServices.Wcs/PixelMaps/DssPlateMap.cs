namespace VoServices.Wcs.PixelMaps;

/// <summary>
/// The Digitized Sky Survey plate solution (the AMDXn/AMDYn polynomial of the DSS headers, as WCSTools platepos.c
/// and WCSLIB's DSS translation evaluate it): pixel → plate millimetres from the plate centre → standard
/// coordinates (ξ, η) in arcseconds, which are the TAN intermediate world coordinates around the plate centre.
/// Magnitude and colour terms (AMDX14–20) are ignored, as in both references. The inverse is Newton's method on the
/// 13-term polynomial.
/// </summary>
internal sealed class DssPlateMap : IPixelMap
{
    private const int MaxIterations = 50;

    private readonly double[] ax; // AMDX1..13
    private readonly double[] ay; // AMDY1..13
    private readonly double cnpix1, cnpix2, ppo3, ppo6, xPixelSize, yPixelSize;

    /// <param name="ax">AMDX1…AMDX13 (arcsec per mm powers).</param>
    /// <param name="ay">AMDY1…AMDY13.</param>
    /// <param name="cnpix1">CNPIX1: plate pixel of the image's first column.</param>
    /// <param name="cnpix2">CNPIX2.</param>
    /// <param name="ppo3">PPO3: plate centre x in microns.</param>
    /// <param name="ppo6">PPO6: plate centre y in microns.</param>
    /// <param name="xPixelSize">XPIXELSZ in microns.</param>
    /// <param name="yPixelSize">YPIXELSZ in microns.</param>
    public DssPlateMap(double[] ax, double[] ay, double cnpix1, double cnpix2, double ppo3, double ppo6,
        double xPixelSize, double yPixelSize)
    {
        this.ax = ax;
        this.ay = ay;
        (this.cnpix1, this.cnpix2, this.ppo3, this.ppo6) = (cnpix1, cnpix2, ppo3, ppo6);
        (this.xPixelSize, this.yPixelSize) = (xPixelSize, yPixelSize);
        if (xPixelSize == 0.0 || yPixelSize == 0.0 || (ax[0] * ay[0]) - (ax[1] * ay[1]) == 0.0)
        {
            throw new WcsFormatException("the DSS plate solution is singular (XPIXELSZ, YPIXELSZ, AMDX1/AMDY1)");
        }
    }

    public PixelPoint ReferencePixel => TryToPixel(0.0, 0.0, out var x, out var y) ? new PixelPoint(x, y)
        : PixelPoint.Invalid;

    public void ToIntermediate(double px, double py, out double x, out double y)
    {
        // platepos: plate pixel = FITS pixel + CNPIX − 1 + 0.5, with FITS pixel = 0-based pixel + 1.
        var xmm = (ppo3 - ((px + cnpix1 + 0.5) * xPixelSize)) / 1000.0;
        var ymm = (((py + cnpix2 + 0.5) * yPixelSize) - ppo6) / 1000.0;
        Evaluate(xmm, ymm, out var xi, out var eta);
        x = xi / 3600.0;
        y = eta / 3600.0;
    }

    public bool TryToPixel(double x, double y, out double px, out double py)
    {
        var xi = x * 3600.0;
        var eta = y * 3600.0;
        // Start from the linear terms, then Newton on the full polynomial.
        var det = (ax[0] * ay[0]) - (ax[1] * ay[1]);
        var xmm = (((xi - ax[2]) * ay[0]) - ((eta - ay[2]) * ax[1])) / det;
        var ymm = (((eta - ay[2]) * ax[0]) - ((xi - ax[2]) * ay[1])) / det;
        for (var i = 0; i < MaxIterations; i++)
        {
            Evaluate(xmm, ymm, out var fxi, out var feta);
            Jacobian(xmm, ymm, out var xx, out var xy, out var yx, out var yy);
            var d = (xx * yy) - (xy * yx);
            var dx = (((fxi - xi) * yy) - ((feta - eta) * xy)) / d;
            var dy = (((feta - eta) * xx) - ((fxi - xi) * yx)) / d;
            xmm -= dx;
            ymm -= dy;
            if (!double.IsFinite(xmm) || !double.IsFinite(ymm))
            {
                break;
            }
            // 1e-12 mm is 4e-11 of a 25-micron pixel.
            if (Math.Abs(dx) + Math.Abs(dy) < 1e-12)
            {
                px = ((ppo3 - (xmm * 1000.0)) / xPixelSize) - cnpix1 - 0.5;
                py = (((ymm * 1000.0) + ppo6) / yPixelSize) - cnpix2 - 0.5;
                return true;
            }
        }
        px = py = double.NaN;
        return false;
    }

    private void Evaluate(double x, double y, out double xi, out double eta)
    {
        var x2 = x * x;
        var y2 = y * y;
        var r2 = x2 + y2;
        xi = (ax[0] * x) + (ax[1] * y) + ax[2] + (ax[3] * x2) + (ax[4] * x * y) + (ax[5] * y2) + (ax[6] * r2)
            + (ax[7] * x2 * x) + (ax[8] * x2 * y) + (ax[9] * x * y2) + (ax[10] * y2 * y) + (ax[11] * x * r2)
            + (ax[12] * x * r2 * r2);
        eta = (ay[0] * y) + (ay[1] * x) + ay[2] + (ay[3] * y2) + (ay[4] * x * y) + (ay[5] * x2) + (ay[6] * r2)
            + (ay[7] * y2 * y) + (ay[8] * y2 * x) + (ay[9] * y * x2) + (ay[10] * x2 * x) + (ay[11] * y * r2)
            + (ay[12] * y * r2 * r2);
    }

    private void Jacobian(double x, double y, out double xx, out double xy, out double yx, out double yy)
    {
        var r2 = (x * x) + (y * y);
        xx = ax[0] + (2 * ax[3] * x) + (ax[4] * y) + (2 * ax[6] * x) + (3 * ax[7] * x * x) + (2 * ax[8] * x * y)
            + (ax[9] * y * y) + (ax[11] * (r2 + (2 * x * x))) + (ax[12] * ((r2 * r2) + (4 * x * x * r2)));
        xy = ax[1] + (ax[4] * x) + (2 * ax[5] * y) + (2 * ax[6] * y) + (ax[8] * x * x) + (2 * ax[9] * x * y)
            + (3 * ax[10] * y * y) + (ax[11] * 2 * x * y) + (ax[12] * 4 * x * y * r2);
        yx = ay[1] + (ay[4] * y) + (2 * ay[5] * x) + (2 * ay[6] * x) + (ay[8] * y * y) + (2 * ay[9] * x * y)
            + (3 * ay[10] * x * x) + (ay[11] * 2 * x * y) + (ay[12] * 4 * x * y * r2);
        yy = ay[0] + (2 * ay[3] * y) + (ay[4] * x) + (2 * ay[6] * y) + (3 * ay[7] * y * y) + (2 * ay[8] * x * y)
            + (ay[9] * x * x) + (ay[11] * (r2 + (2 * y * y))) + (ay[12] * ((r2 * r2) + (4 * y * y * r2)));
    }
}
