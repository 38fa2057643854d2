namespace VoServices.Healpix;

public readonly partial record struct HealpixOrder
{
    /// <summary>
    /// The pixel containing the position (HEALPix <c>ang2pix</c>).
    /// </summary>
    /// <param name="lon">Longitude (RA) in degrees, any finite value (wrapped modulo 360).</param>
    /// <param name="lat">Latitude (Dec) in degrees, −90 … 90.</param>
    /// <param name="scheme">Index scheme of the result.</param>
    /// <returns>The pixel index, 0 … NPix−1.</returns>
    /// <remarks>
    /// Converts exactly as healpy's <c>lonlat=True</c> does (θ = π/2 − lat·π/180, φ = lon·π/180) and switches to the
    /// sin θ formulation within 0.01 rad of a pole, so points on pixel boundaries (equator, RA = 0, z = ±2/3) land
    /// in the same pixel as in healpy.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">Non-finite longitude or latitude outside [−90, 90].</exception>
    public long AngToPix(double lon, double lat, HealpixScheme scheme = HealpixScheme.Nested)
    {
        LonLat.Validate(lon, lat);
        double theta = SphereMath.HalfPi - (lat * SphereMath.DegToRad);
        double phi = lon * SphereMath.DegToRad;
        // HEALPix C++ ang2pix: sin θ is only needed (and only accurate enough to matter) near the poles.
        bool nearPole = theta < 0.01 || theta > 3.14159 - 0.01;
        return LocToPix(Math.Cos(theta), phi, nearPole ? Math.Sin(theta) : 0.0, nearPole, scheme);
    }

    /// <summary>The pixel containing the position; see <see cref="AngToPix(double, double, HealpixScheme)"/>.</summary>
    public long AngToPix(LonLat position, HealpixScheme scheme = HealpixScheme.Nested) =>
        AngToPix(position.Lon, position.Lat, scheme);

    /// <summary>The pixel containing the direction (HEALPix <c>vec2pix</c>).</summary>
    /// <param name="vector">Any finite non-zero vector (need not be normalised).</param>
    /// <param name="scheme">Index scheme of the result.</param>
    /// <exception cref="ArgumentException">The vector is zero or not finite.</exception>
    public long VecToPix(UnitVector vector, HealpixScheme scheme = HealpixScheme.Nested)
    {
        double length = vector.Length;
        if (!(length > 0.0) || !double.IsFinite(length))
        {
            throw new ArgumentException($"A direction needs a finite non-zero vector, got {vector}.", nameof(vector));
        }
        double inv = 1.0 / length;
        // HEALPix C++ safe_atan2: φ = 0 on the axis, whatever the signs of zero (atan2(0, −0) would be π).
        double phi = vector.X == 0.0 && vector.Y == 0.0 ? 0.0 : Math.Atan2(vector.Y, vector.X);
        double z = vector.Z * inv;
        bool nearPole = Math.Abs(z) > 0.99;
        double sth = nearPole ? Math.Sqrt((vector.X * vector.X) + (vector.Y * vector.Y)) * inv : 0.0;
        return LocToPix(z, phi, sth, nearPole, scheme);
    }

    /// <summary>Centre of a pixel (HEALPix <c>pix2ang</c>) as longitude in [0, 360) and latitude, degrees.</summary>
    /// <exception cref="ArgumentOutOfRangeException">ipix is outside 0 … NPix−1.</exception>
    public LonLat PixToAng(long ipix, HealpixScheme scheme = HealpixScheme.Nested)
    {
        var loc = PixToLoc(ipix, scheme);
        double lat = loc.HaveSth ? Math.Atan2(loc.Z, loc.Sth) : Math.Asin(loc.Z);
        return new LonLat(loc.Phi * SphereMath.RadToDeg, lat * SphereMath.RadToDeg);
    }

    /// <summary>Centre of a pixel as a unit vector (HEALPix <c>pix2vec</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">ipix is outside 0 … NPix−1.</exception>
    public UnitVector PixToVec(long ipix, HealpixScheme scheme = HealpixScheme.Nested) => PixToLoc(ipix, scheme).ToVector();

    internal PixelLocation PixToLoc(long ipix, HealpixScheme scheme)
    {
        CheckPixel(ipix);
        return scheme == HealpixScheme.Nested ? NestToLoc(ipix) : RingToLoc(ipix);
    }

    private long LocToPix(double z, double phi, double sth, bool haveSth, HealpixScheme scheme)
    {
        double za = Math.Abs(z);
        double tt = SphereMath.FModulo(phi * SphereMath.InvHalfPi, 4.0); // in [0,4)
        if (za <= SphereMath.TwoThirds)
        {
            // Equatorial belt: pixel boundaries are the straight lines z = 2/3 − 4k/(3Nside) ± 8φ/(3π) (Górski et al.
            // 2005 §4), so the pixel is fixed by the ascending edge line jp and the descending edge line jm below it.
            double temp1 = Nside * (0.5 + tt);
            double temp2 = Nside * (z * 0.75);
            long jp = (long)(temp1 - temp2);
            long jm = (long)(temp1 + temp2);
            return scheme == HealpixScheme.Nested ? EquatorialNest(jp, jm) : EquatorialRing(jp, jm);
        }
        // Polar caps: with t the position of φ within its quadrant (0 … 1), the boundaries are
        // Nside·sqrt(3(1−|z|))·t = k and Nside·sqrt(3(1−|z|))·(1−t) = k (Górski et al. 2005 §4). Near the pole use
        // sin θ, since 1−|z| has lost its digits there (HEALPix C++ have_sth).
        double tmp = za < 0.99 || !haveSth
            ? Nside * Math.Sqrt(3 * (1 - za))
            : Nside * sth / Math.Sqrt((1.0 + za) / 3.0);
        return scheme == HealpixScheme.Nested ? PolarNest(z, tt, tmp) : PolarRing(z, tt, tmp);
    }

    private long EquatorialNest(long jp, long jm)
    {
        long ifp = jp >> Order, ifm = jm >> Order;
        long face = ifp == ifm ? (ifp | 4) : ifp < ifm ? ifp : ifm + 8;
        long mask = Nside - 1;
        return XyfToNest(new FaceXy((int)face, (int)(jm & mask), (int)(Nside - (jp & mask) - 1)));
    }

    private long EquatorialRing(long jp, long jm)
    {
        long nside = Nside, nl4 = 4 * nside;
        long ir = nside + 1 + jp - jm; // ring number counted from z = 2/3, in 1 … 2·Nside+1
        long kshift = 1 - (ir & 1);
        long t1 = jp + jm - nside + kshift + 1 + nl4 + nl4;
        long ip = (t1 >> 1) & (nl4 - 1); // modulo 4·Nside, a power of 2
        return (2 * nside * (nside - 1)) + ((ir - 1) * nl4) + ip;
    }

    private long PolarNest(double z, double tt, double tmp)
    {
        int ntt = Math.Min(3, (int)tt);
        double tp = tt - ntt;
        long jp = Math.Min((long)(tp * tmp), Nside - 1);
        long jm = Math.Min((long)((1.0 - tp) * tmp), Nside - 1);
        return z >= 0
            ? XyfToNest(new FaceXy(ntt, (int)(Nside - jm - 1), (int)(Nside - jp - 1)))
            : XyfToNest(new FaceXy(ntt + 8, (int)jp, (int)jm));
    }

    private long PolarRing(double z, double tt, double tmp)
    {
        double tp = tt - (long)tt;
        long jp = (long)(tp * tmp);
        long jm = (long)((1.0 - tp) * tmp);
        long ir = jp + jm + 1; // ring counted from the nearer pole
        long ip = Math.Min((long)(tt * ir), (4 * ir) - 1);
        return z > 0 ? (2 * ir * (ir - 1)) + ip : NPix - (2 * ir * (ir + 1)) + ip;
    }

    /// <summary>
    /// Centre of a NESTED pixel (HEALPix C++ <c>pix2loc</c>): ring from the face coordinates, then z from Górski et
    /// al. 2005 eq. (4) (caps) or (8) (belt), and φ from the longitude index of eq. (18) with Nside replaced by the
    /// ring's pixels per quadrant in the caps (the published eq. 18 only covers the belt).
    /// </summary>
    private PixelLocation NestToLoc(long nest)
    {
        var p = NestToXyf(nest);
        long nside = Nside;
        double fact2 = 4.0 / NPix, fact1 = (nside << 1) * fact2;
        long jr = ((long)FaceRow[p.Face] << Order) - p.X - p.Y - 1; // ring number from the north pole
        long nr;
        double z, sth = 0.0;
        bool haveSth = false;
        if (jr < nside)
        {
            nr = jr;
            double tmp = nr * nr * fact2;
            z = 1 - tmp;
            if (z > 0.99)
            {
                sth = Math.Sqrt(tmp * (2.0 - tmp));
                haveSth = true;
            }
        }
        else if (jr > 3 * nside)
        {
            nr = (nside * 4) - jr;
            double tmp = nr * nr * fact2;
            z = tmp - 1;
            if (z < -0.99)
            {
                sth = Math.Sqrt(tmp * (2.0 - tmp));
                haveSth = true;
            }
        }
        else
        {
            nr = nside;
            z = ((2 * nside) - jr) * fact1;
        }
        long t = (FaceLon[p.Face] * nr) + p.X - p.Y;
        if (t < 0)
        {
            t += 8 * nr;
        }
        double phi = nr == nside ? 0.75 * SphereMath.HalfPi * t * fact1 : 0.5 * SphereMath.HalfPi * t / nr;
        return new PixelLocation(z, phi, sth, haveSth);
    }

    /// <summary>Centre of a RING pixel: Górski et al. 2005 eqs. (2)–(5) in the caps, (6)–(9) in the belt.</summary>
    private PixelLocation RingToLoc(long pix)
    {
        long nside = Nside, npix = NPix, ncap = 2 * nside * (nside - 1);
        double fact2 = 4.0 / npix, fact1 = (nside << 1) * fact2;
        if (pix < ncap || pix >= npix - ncap)
        {
            bool north = pix < ncap;
            long ip = north ? pix : npix - pix;
            long iring = north ? (1 + IntSqrt(1 + (2 * ip))) >> 1 : (1 + IntSqrt((2 * ip) - 1)) >> 1;
            long iphi = north ? pix + 1 - (2 * iring * (iring - 1)) : (4 * iring) + 1 - (ip - (2 * iring * (iring - 1)));
            double tmp = iring * iring * fact2;
            double z = north ? 1.0 - tmp : tmp - 1.0;
            bool haveSth = Math.Abs(z) > 0.99;
            double sth = haveSth ? Math.Sqrt(tmp * (2.0 - tmp)) : 0.0;
            return new PixelLocation(z, (iphi - 0.5) * SphereMath.HalfPi / iring, sth, haveSth);
        }
        long nl4 = 4 * nside;
        long ipe = pix - ncap;
        long tmpRing = ipe >> (Order + 2);
        long ringIndex = tmpRing + nside;
        long iphiE = ipe - (nl4 * tmpRing) + 1;
        double fodd = ((ringIndex + nside) & 1) != 0 ? 1 : 0.5; // rings alternate between shifted and not
        return new PixelLocation(((2 * nside) - ringIndex) * fact1, (iphiE - fodd) * Math.PI * 0.75 * fact1, 0.0, false);
    }
}

/// <summary>
/// A position as z = cos θ and φ (radians), with sin θ carried separately near the poles where it cannot be
/// recovered accurately from z (HEALPix C++ <c>have_sth</c>).
/// </summary>
internal readonly record struct PixelLocation(double Z, double Phi, double Sth, bool HaveSth)
{
    public UnitVector ToVector()
    {
        double st = HaveSth ? Sth : Math.Sqrt((1.0 - Z) * (1.0 + Z));
        return new UnitVector(st * Math.Cos(Phi), st * Math.Sin(Phi), Z);
    }
}
