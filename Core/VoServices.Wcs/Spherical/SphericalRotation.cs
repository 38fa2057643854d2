namespace VoServices.Wcs.Spherical;

/// <summary>
/// The rotation between native spherical coordinates (φ, θ) and celestial coordinates (α, δ), Calabretta &amp;
/// Greisen 2002 (Paper II) §2.3 eqs. 2 and 5, with the celestial pole (α_p, δ_p) and φ_p = LONPOLE derived from
/// CRVAL, the projection's fiducial point (φ0, θ0), LONPOLE and LATPOLE as in §2.4 (eqs. 8–11). The numerics,
/// special cases and tolerances are those of WCSLIB's celset/sphx2s/sphs2x so that results match astropy.
/// </summary>
internal sealed class SphericalRotation
{
    private const double Tolerance = 1.0e-5;

    // Euler angles as WCSLIB's celprm.euler: α_p, 90° − δ_p, φ_p, cos(90° − δ_p), sin(90° − δ_p).
    private readonly double alphaP;
    private readonly double colatP;
    private readonly double phiP;
    private readonly double cosColat;
    private readonly double sinColat;

    private SphericalRotation(double alphaP, double deltaP, double phiP)
    {
        this.alphaP = alphaP;
        colatP = 90.0 - deltaP;
        this.phiP = phiP;
        DegreeTrig.SinCosD(colatP, out sinColat, out cosColat);
        DeltaP = deltaP;
    }

    /// <summary>Celestial longitude of the native pole, α_p, in degrees.</summary>
    public double AlphaP => alphaP;

    /// <summary>Celestial latitude of the native pole, δ_p, in degrees.</summary>
    public double DeltaP { get; }

    /// <summary>Native longitude of the celestial pole, φ_p (the effective LONPOLE), in degrees.</summary>
    public double PhiP => phiP;

    /// <summary>Builds the rotation from the reference point and the pole keywords (Paper II §2.4).</summary>
    /// <param name="lon0">α0 = CRVAL of the longitude axis (deg).</param>
    /// <param name="lat0">δ0 = CRVAL of the latitude axis (deg).</param>
    /// <param name="phi0">φ0 of the projection (deg).</param>
    /// <param name="theta0">θ0 of the projection (deg).</param>
    /// <param name="lonPole">LONPOLE, or null for the default of Paper II eq. 8 (φ_p = φ0 if δ0 ≥ θ0, else φ0 + 180°).</param>
    /// <param name="latPole">LATPOLE, or null for the default +90°.</param>
    /// <exception cref="WcsFormatException">The keywords admit no rotation (Paper II eq. 9 has no solution).</exception>
    public static SphericalRotation Create(double lon0, double lat0, double phi0, double theta0, double? lonPole,
        double? latPole)
    {
        var phiP = lonPole ?? ((lat0 < theta0 ? 180.0 : 0.0) + phi0);
        if (lonPole is null)
        {
            phiP = phiP < -180.0 ? phiP + 360.0 : phiP > 180.0 ? phiP - 360.0 : phiP;
        }
        if (theta0 == 90.0)
        {
            // Fiducial point at the native pole: the celestial pole follows directly (Paper II eq. 3 remark).
            return new SphericalRotation(lon0, lat0, phiP);
        }
        var deltaP = PoleLatitude(lat0, phi0, theta0, phiP, latPole ?? 90.0);
        var alphaP = PoleLongitude(lon0, lat0, phi0, theta0, phiP, deltaP);
        return new SphericalRotation(alphaP, deltaP, phiP);
    }

    /// <summary>Native (φ, θ) → celestial (lon in [0, 360), lat), Paper II eq. 2 (WCSLIB sphx2s).</summary>
    public void NativeToCelestial(double phi, double theta, out double lon, out double lat)
    {
        if (sinColat == 0.0)
        {
            // The native and celestial poles coincide: a pure longitude shift.
            if (colatP == 0.0)
            {
                lon = phi + ((alphaP + 180.0 - phiP) % 360.0);
                lat = theta;
            }
            else
            {
                lon = ((alphaP + phiP) % 360.0) - phi;
                lat = -theta;
            }
            lon = DegreeTrig.NormalizeLongitude(lon);
            return;
        }
        var dphi = phi - phiP;
        DegreeTrig.SinCosD(theta, out var sinTheta, out var cosTheta);
        DegreeTrig.SinCosD(dphi, out var sinDphi, out var cosDphi);
        var x = (sinTheta * sinColat) - (cosTheta * cosColat * cosDphi);
        if (Math.Abs(x) < Tolerance)
        {
            // Rearranged to reduce rounding error.
            x = -DegreeTrig.CosD(theta + colatP) + (cosTheta * cosColat * (1.0 - cosDphi));
        }
        var y = -cosTheta * sinDphi;
        var dlon = x != 0.0 || y != 0.0 ? DegreeTrig.ATan2D(y, x) : colatP < 90.0 ? dphi + 180.0 : -dphi;
        lon = DegreeTrig.NormalizeLongitude(alphaP + dlon);
        lat = Latitude(theta, dphi, cosDphi, x, y, (sinTheta * cosColat) + (cosTheta * sinColat * cosDphi));
    }

    /// <summary>Celestial (lon, lat) → native (φ in [−180, 180], θ), Paper II eq. 5 (WCSLIB sphs2x).</summary>
    public void CelestialToNative(double lon, double lat, out double phi, out double theta)
    {
        if (sinColat == 0.0)
        {
            if (colatP == 0.0)
            {
                phi = (lon + ((phiP - 180.0 - alphaP) % 360.0)) % 360.0;
                theta = lat;
            }
            else
            {
                phi = (((phiP + alphaP) % 360.0) - lon) % 360.0;
                theta = -lat;
            }
            phi = phi > 180.0 ? phi - 360.0 : phi < -180.0 ? phi + 360.0 : phi;
            return;
        }
        var dlon = lon - alphaP;
        DegreeTrig.SinCosD(lat, out var sinLat, out var cosLat);
        DegreeTrig.SinCosD(dlon, out var sinDlon, out var cosDlon);
        var x = (sinLat * sinColat) - (cosLat * cosColat * cosDlon);
        if (Math.Abs(x) < Tolerance)
        {
            x = -DegreeTrig.CosD(lat + colatP) + (cosLat * cosColat * (1.0 - cosDlon));
        }
        var y = -cosLat * sinDlon;
        var dphi = x != 0.0 || y != 0.0 ? DegreeTrig.ATan2D(y, x) : colatP < 90.0 ? dlon - 180.0 : -dlon;
        phi = (phiP + dphi) % 360.0;
        phi = phi > 180.0 ? phi - 360.0 : phi < -180.0 ? phi + 360.0 : phi;
        theta = Latitude(lat, dlon, cosDlon, x, y, (sinLat * cosColat) + (cosLat * sinColat * cosDlon));
    }

    /// <summary>The output latitude, exact on the meridian through the poles and by acos near ±90°.</summary>
    private double Latitude(double inputLat, double dlon, double cosDlon, double x, double y, double z)
    {
        if (dlon % 180.0 == 0.0)
        {
            var lat = inputLat + (cosDlon * colatP);
            return lat > 90.0 ? 180.0 - lat : lat < -90.0 ? -180.0 - lat : lat;
        }
        // asin loses half the digits near the poles; acos of the horizontal component does not.
        return Math.Abs(z) > 0.99
            ? Math.CopySign(DegreeTrig.ACosD(Math.Sqrt((x * x) + (y * y))), z)
            : DegreeTrig.ASinD(z);
    }

    private static double PoleLatitude(double lat0, double phi0, double theta0, double phiP, double latPole)
    {
        const double tol = 1.0e-10;
        DegreeTrig.SinCosD(lat0, out var sinLat0, out _);
        DegreeTrig.SinCosD(theta0, out var sinTheta0, out var cosTheta0);
        double u, v;
        if (phiP == phi0)
        {
            u = theta0;
            v = 90.0 - lat0;
        }
        else
        {
            DegreeTrig.SinCosD(phiP - phi0, out _, out var cosDphi);
            var x = cosTheta0 * cosDphi;
            var y = sinTheta0;
            var z = Math.Sqrt((x * x) + (y * y));
            if (z == 0.0)
            {
                if (sinLat0 != 0.0)
                {
                    throw new WcsFormatException(
                        "LONPOLE is inconsistent with CRVAL: no celestial pole satisfies Paper II eq. 9", "LONPOLE");
                }
                // δp is then fixed by LATPOLE alone.
                return Math.Clamp(latPole, -90.0, 90.0);
            }
            var slz = sinLat0 / z;
            if (Math.Abs(slz) > 1.0)
            {
                if (Math.Abs(slz) - 1.0 >= tol)
                {
                    throw new WcsFormatException(
                        "LONPOLE is inconsistent with CRVAL: no celestial pole satisfies Paper II eq. 9", "LONPOLE");
                }
                slz = Math.CopySign(1.0, slz);
            }
            u = DegreeTrig.ATan2D(y, x);
            v = DegreeTrig.ACosD(slz);
        }
        return ChoosePoleLatitude(u, v, latPole, tol);
    }

    /// <summary>Paper II eq. 9 gives δp = u ± v; LATPOLE picks the solution nearer to it.</summary>
    private static double ChoosePoleLatitude(double u, double v, double latPole, double tol)
    {
        var latp1 = Wrap180(u + v);
        var latp2 = Wrap180(u - v);
        double latp;
        if (Math.Abs(latPole - latp1) < Math.Abs(latPole - latp2))
        {
            latp = Math.Abs(latp1) < 90.0 + tol ? latp1 : latp2;
        }
        else
        {
            latp = Math.Abs(latp2) < 90.0 + tol ? latp2 : latp1;
        }
        if (Math.Abs(latp) > 90.0 + tol)
        {
            throw new WcsFormatException("no celestial pole latitude in [-90, 90] satisfies Paper II eq. 9",
                "LATPOLE");
        }
        return Math.Clamp(latp, -90.0, 90.0);
    }

    private static double PoleLongitude(double lon0, double lat0, double phi0, double theta0, double phiP,
        double deltaP)
    {
        const double tol = 1.0e-10;
        DegreeTrig.SinCosD(lat0, out var sinLat0, out var cosLat0);
        DegreeTrig.SinCosD(theta0, out var sinTheta0, out var cosTheta0);
        var sinDphi = phiP == phi0 ? 0.0 : DegreeTrig.SinD(phiP - phi0);
        double alphaP;
        var z = DegreeTrig.CosD(deltaP) * cosLat0;
        if (Math.Abs(z) < tol)
        {
            alphaP = Math.Abs(cosLat0) < tol ? lon0 // celestial pole at the fiducial point
                : deltaP > 0.0 ? lon0 + phiP - phi0 - 180.0 // celestial north pole at the native pole
                : lon0 - phiP + phi0; // celestial south pole at the native pole
        }
        else
        {
            // Paper II eq. 10.
            var x = (sinTheta0 - (DegreeTrig.SinD(deltaP) * sinLat0)) / z;
            var y = sinDphi * cosTheta0 / cosLat0;
            if (x == 0.0 && y == 0.0)
            {
                throw new WcsFormatException("the celestial pole longitude is undefined (Paper II eq. 10)", "LONPOLE");
            }
            alphaP = lon0 - DegreeTrig.ATan2D(y, x);
        }
        // Same sign convention as the reference longitude (WCSLIB).
        if (lon0 >= 0.0)
        {
            alphaP = alphaP < 0.0 ? alphaP + 360.0 : alphaP > 360.0 ? alphaP - 360.0 : alphaP;
        }
        else
        {
            alphaP = alphaP > 0.0 ? alphaP - 360.0 : alphaP < -360.0 ? alphaP + 360.0 : alphaP;
        }
        return alphaP;
    }

    private static double Wrap180(double a) => a > 180.0 ? a - 360.0 : a < -180.0 ? a + 360.0 : a;
}
