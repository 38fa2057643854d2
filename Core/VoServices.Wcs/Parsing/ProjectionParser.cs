using System.Globalization;
using VoServices.Wcs.Projections;

namespace VoServices.Wcs.Parsing;

/// <summary>
/// Creates the projection for a CTYPE code with its parameters PVj_m on the latitude axis j (Paper II §2.5,
/// Table 13), falling back to the deprecated PROJPm that WCSLIB still reads. The AIPS "NCP" code is translated to
/// SIN with η = cot δ0 as WCSLIB's celfix does (Paper II §6.1.1).
/// </summary>
internal static class ProjectionParser
{
    private const int MaxZpnDegree = 20;

    /// <exception cref="WcsNotSupportedException">An unsupported projection code or a fiducial-point offset.</exception>
    /// <exception cref="WcsFormatException">Invalid projection parameters.</exception>
    public static IProjection Create(KeywordSet k, CelestialAxes axes, double refLat)
    {
        IProjection projection = axes.Code switch
        {
            "TAN" => new TanProjection(),
            "SIN" => new SinProjection(Pv(k, axes, 1) ?? 0.0, Pv(k, axes, 2) ?? 0.0),
            "NCP" => refLat == 0.0
                ? throw new WcsFormatException("NCP cannot be translated to SIN at the equator", "CRVAL")
                : new SinProjection(0.0, Math.Cos(refLat * Math.PI / 180) / Math.Sin(refLat * Math.PI / 180)),
            "ARC" => new ArcProjection(),
            "ZEA" => new ZeaProjection(),
            "STG" => new StgProjection(),
            "ZPN" => new ZpnProjection(ZpnCoefficients(k, axes)),
            "CAR" => new CarProjection(),
            "AIT" => new AitProjection(),
            var code => throw new WcsNotSupportedException(
                $"projection '{code}' is not supported (TAN, SIN, ARC, ZEA, STG, ZPN, CAR, AIT, TAN-SIP)",
                KeywordSet.Key("CTYPE", axes.LonAxis)),
        };
        RejectFiducialOffset(k, axes.LonAxis, projection);
        return projection;
    }

    private static double[] ZpnCoefficients(KeywordSet k, CelestialAxes axes)
    {
        var c = new double[MaxZpnDegree + 1];
        for (var m = 0; m <= MaxZpnDegree; m++)
        {
            c[m] = Pv(k, axes, m) ?? 0.0;
        }
        return c;
    }

    private static double? Pv(KeywordSet k, CelestialAxes axes, int m) =>
        k.Double(KeywordSet.Key("PV", axes.LatAxis, m))
        ?? (m < 10 ? k.Double("PROJP" + m.ToString(CultureInfo.InvariantCulture)) : null);

    /// <summary>PVi_1/PVi_2 on the longitude axis move the fiducial point (Paper II §2.5); not implemented.</summary>
    private static void RejectFiducialOffset(KeywordSet k, int lonAxis, IProjection projection)
    {
        var phi0 = k.Double(KeywordSet.Key("PV", lonAxis, 1));
        var theta0 = k.Double(KeywordSet.Key("PV", lonAxis, 2));
        var offset = k.Double(KeywordSet.Key("PV", lonAxis, 0));
        if ((phi0 is { } p && p != projection.Phi0) || (theta0 is { } t && t != projection.Theta0)
            || (offset is { } o && o != 0.0))
        {
            throw new WcsNotSupportedException(
                "a fiducial point (φ0, θ0) other than the projection's default is not supported",
                KeywordSet.Key("PV", lonAxis, 1));
        }
    }
}
