namespace VoServices.Healpix.Queries;

/// <summary>
/// Per-order bound on the angular distance from a pixel centre to any point of the pixel (radians), used to decide
/// whether a whole cell is inside or outside a shape.
/// </summary>
internal static class CellRadius
{
    private static readonly double[] ExactRadii = Compute();

    /// <summary>HEALPix C++ <c>max_pixrad</c>: the centre of the first pixel of ring Nside and its north vertex.</summary>
    public static double Exact(int order) => ExactRadii[order];

    /// <summary>
    /// <see cref="Exact"/> widened by the rounding of the centre vectors and of atan2 (a few 1e-16 rad), so that a
    /// cell is never declared outside (or entirely inside) a shape because of rounding.
    /// </summary>
    public static double Safe(int order) => (ExactRadii[order] * (1.0 + 1e-9)) + 1e-15;

    private static double[] Compute()
    {
        var radii = new double[HealpixOrder.MaxOrder + 1];
        for (int order = 0; order <= HealpixOrder.MaxOrder; order++)
        {
            double nside = 1L << order;
            var va = FromZPhi(2.0 / 3.0, Math.PI / (4 * nside));
            double t1 = 1.0 - (1.0 / nside);
            t1 *= t1;
            var vb = FromZPhi(1 - (t1 / 3), 0);
            radii[order] = va.AngleTo(vb);
        }
        return radii;
    }

    private static UnitVector FromZPhi(double z, double phi)
    {
        double sth = Math.Sqrt((1.0 - z) * (1.0 + z));
        return new UnitVector(sth * Math.Cos(phi), sth * Math.Sin(phi), z);
    }
}
