namespace VoServices.Wcs.Spherical;

/// <summary>
/// Trigonometry in degrees that is exact at multiples of 90° (as WCSLIB's wcstrig.c), so that poles and
/// right-angle rotations produce exact zeros instead of 6e-17 residues; this keeps the special cases of
/// Calabretta &amp; Greisen 2002 (Paper II) §2.3 reachable with the same decisions WCSLIB makes.
/// </summary>
internal static class DegreeTrig
{
    public const double D2R = Math.PI / 180.0;
    public const double R2D = 180.0 / Math.PI;

    public static double SinD(double angle)
    {
        if (angle % 90.0 == 0.0)
        {
            return Quadrant((int)Math.Abs(Math.Floor((angle / 90.0) - 0.5)) % 4, 1.0, 0.0, -1.0, 0.0);
        }
        return Math.Sin(angle * D2R);
    }

    public static double CosD(double angle)
    {
        if (angle % 90.0 == 0.0)
        {
            return Quadrant((int)Math.Abs(Math.Floor((angle / 90.0) + 0.5)) % 4, 1.0, 0.0, -1.0, 0.0);
        }
        return Math.Cos(angle * D2R);
    }

    public static void SinCosD(double angle, out double sin, out double cos)
    {
        if (angle % 90.0 == 0.0)
        {
            sin = SinD(angle);
            cos = CosD(angle);
            return;
        }
        (sin, cos) = Math.SinCos(angle * D2R);
    }

    public static double TanD(double angle)
    {
        var resid = angle % 360.0;
        if (resid == 0.0 || Math.Abs(resid) == 180.0)
        {
            return 0.0;
        }
        return Math.Tan(angle * D2R);
    }

    public static double ASinD(double v) => v switch
    {
        <= -1.0 => -90.0,
        0.0 => 0.0,
        >= 1.0 => 90.0,
        _ => Math.Asin(v) * R2D,
    };

    public static double ACosD(double v) => v switch
    {
        >= 1.0 => 0.0,
        0.0 => 90.0,
        <= -1.0 => 180.0,
        _ => Math.Acos(v) * R2D,
    };

    public static double ATanD(double v) => v switch
    {
        -1.0 => -45.0,
        0.0 => 0.0,
        1.0 => 45.0,
        _ => Math.Atan(v) * R2D,
    };

    public static double ATan2D(double y, double x)
    {
        if (y == 0.0)
        {
            return x >= 0.0 ? 0.0 : 180.0;
        }
        if (x == 0.0)
        {
            return y > 0.0 ? 90.0 : -90.0;
        }
        return Math.Atan2(y, x) * R2D;
    }

    /// <summary>Longitude reduced to [0, 360).</summary>
    public static double NormalizeLongitude(double lon)
    {
        var l = lon % 360.0;
        if (l < 0.0)
        {
            l += 360.0;
        }
        return l >= 360.0 ? 0.0 : l;
    }

    private static double Quadrant(int i, double q0, double q1, double q2, double q3) => i switch
    {
        0 => q0,
        1 => q1,
        2 => q2,
        _ => q3,
    };
}
