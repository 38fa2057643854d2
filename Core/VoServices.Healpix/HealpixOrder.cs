using VoServices.Healpix.Queries;

namespace VoServices.Healpix;

/// <summary>
/// One resolution of the HEALPix grid (Górski et al. 2005, ApJ 622, 759): order k (HiPS/MOC "depth",
/// 0 ≤ k ≤ 29), Nside = 2^k, NPix = 12·Nside² equal-area pixels. All pixel functions of that grid live here, for both
/// <see cref="HealpixScheme"/>s; indices are 64-bit (NPix at order 29 is 12·4^29 &lt; 2^63).
/// Angles in and out are degrees (longitude = RA, latitude = Dec, ICRS for the services), vectors are Cartesian.
/// The struct is a value (one int) and immutable: cheap to create per call.
/// </summary>
/// <remarks>
/// The geometry is Górski et al. 2005 §4: ring and in-ring indices eqs. (2)–(3) and (6)–(7), pixel centres eqs.
/// (4)–(5) in the polar caps and (8)–(9) in the equatorial belt, the NESTED longitude index eq. (18), and the
/// pixel boundaries z = 2/3 − 4k/(3Nside) ± 8φ/(3π) (belt) and their polar counterparts. The integer arithmetic
/// follows the HEALPix C++ library so that results equal healpy bit for bit (tested on healpy fixtures for every
/// order). Faces are numbered 0–3 (north), 4–7 (equator), 8–11 (south).
/// </remarks>
public readonly partial record struct HealpixOrder
{
    /// <summary>Highest supported order: Nside = 2^29 keeps every index below 2^63.</summary>
    public const int MaxOrder = 29;

    // Row (in units of Nside, from the north pole) and longitude (in units of π/4) of each face's southern corner:
    // HEALPix C++ jrll / jpll.
    private static ReadOnlySpan<int> FaceRow => [2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4];
    private static ReadOnlySpan<int> FaceLon => [1, 3, 5, 7, 0, 2, 4, 6, 1, 3, 5, 7];

    /// <summary>Creates the grid of the given order.</summary>
    /// <param name="order">0 … <see cref="MaxOrder"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">order is outside 0 … 29.</exception>
    public HealpixOrder(int order)
    {
        if (order < 0 || order > MaxOrder)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "HEALPix order must be in 0..29.");
        }
        Order = order;
    }

    /// <summary>The order k (= log2 Nside; HiPS "Norder", MOC "depth").</summary>
    public int Order { get; }

    /// <summary>Nside = 2^order: pixels along a side of a base face.</summary>
    public long Nside => 1L << Order;

    /// <summary>Number of pixels on the sphere, 12·Nside².</summary>
    public long NPix => 12L << (2 * Order);

    /// <summary>Solid angle of one pixel in steradians, 4π / NPix (equal area, Górski et al. 2005 §3).</summary>
    public double PixelAreaSr => 4.0 * Math.PI / NPix;

    /// <summary>
    /// Largest angular distance in radians from a pixel centre to any point of that pixel (HEALPix C++
    /// <c>max_pixrad</c>: centre of the first pixel of ring Nside to its north corner).
    /// </summary>
    public double MaxPixelRadius => CellRadius.Exact(Order);

    /// <summary>The order whose Nside is <paramref name="nside"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">nside is not a power of 2 in 1 … 2^29.</exception>
    public static HealpixOrder FromNside(long nside)
    {
        if (nside < 1 || nside > (1L << MaxOrder) || (nside & (nside - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(nside), nside, "Nside must be a power of 2 in 1..2^29.");
        }
        return new HealpixOrder(System.Numerics.BitOperations.Log2((ulong)nside));
    }

    /// <summary>Converts a NESTED index to the RING index of the same pixel.</summary>
    /// <exception cref="ArgumentOutOfRangeException">nest is outside 0 … NPix-1.</exception>
    public long NestToRing(long nest)
    {
        CheckPixel(nest);
        return XyfToRing(NestToXyf(nest));
    }

    /// <summary>Converts a RING index to the NESTED index of the same pixel.</summary>
    /// <exception cref="ArgumentOutOfRangeException">ring is outside 0 … NPix-1.</exception>
    public long RingToNest(long ring)
    {
        CheckPixel(ring);
        return XyfToNest(RingToXyf(ring));
    }

    /// <summary>The index of the same pixel in the other scheme, or the same index when the schemes agree.</summary>
    public long Convert(long ipix, HealpixScheme from, HealpixScheme to) =>
        from == to ? CheckPixel(ipix) : from == HealpixScheme.Nested ? NestToRing(ipix) : RingToNest(ipix);

    internal long CheckPixel(long ipix)
    {
        if ((ulong)ipix >= (ulong)NPix)
        {
            throw new ArgumentOutOfRangeException(nameof(ipix), ipix, $"Pixel index must be in 0..{NPix - 1} at order {Order}.");
        }
        return ipix;
    }

    internal FaceXy ToXyf(long ipix, HealpixScheme scheme) =>
        scheme == HealpixScheme.Nested ? NestToXyf(CheckPixel(ipix)) : RingToXyf(CheckPixel(ipix));

    internal long FromXyf(FaceXy p, HealpixScheme scheme) => scheme == HealpixScheme.Nested ? XyfToNest(p) : XyfToRing(p);

    internal FaceXy NestToXyf(long nest)
    {
        long inFace = nest & ((1L << (2 * Order)) - 1);
        return new FaceXy((int)(nest >> (2 * Order)), Morton.Compact(inFace), Morton.Compact(inFace >> 1));
    }

    internal long XyfToNest(FaceXy p) => ((long)p.Face << (2 * Order)) + Morton.Interleave(p.X, p.Y);

    /// <summary>HEALPix C++ <c>ring2xyf</c>: ring number and position in the ring to face coordinates.</summary>
    internal FaceXy RingToXyf(long pix)
    {
        long nside = Nside, nl2 = 2 * nside, npix = NPix, ncap = 2 * nside * (nside - 1);
        long iring, iphi, kshift, nr;
        int face;
        if (pix < ncap)
        {
            iring = (1 + IntSqrt(1 + (2 * pix))) >> 1;
            iphi = pix + 1 - (2 * iring * (iring - 1));
            kshift = 0;
            nr = iring;
            face = (int)((iphi - 1) / nr);
        }
        else if (pix < npix - ncap)
        {
            long ip = pix - ncap;
            long tmp = ip >> (Order + 2);
            iring = tmp + nside;
            iphi = ip - (tmp * 4 * nside) + 1;
            kshift = (iring + nside) & 1;
            nr = nside;
            long ire = tmp + 1, irm = nl2 + 1 - tmp;
            long ifm = (iphi - (ire >> 1) + nside - 1) >> Order;
            long ifp = (iphi - (irm >> 1) + nside - 1) >> Order;
            face = (int)(ifp == ifm ? (ifp | 4) : ifp < ifm ? ifp : ifm + 8);
        }
        else
        {
            long ip = npix - pix;
            iring = (1 + IntSqrt((2 * ip) - 1)) >> 1;
            iphi = (4 * iring) + 1 - (ip - (2 * iring * (iring - 1)));
            kshift = 0;
            nr = iring;
            iring = (2 * nl2) - iring;
            face = (int)((iphi - 1) / nr) + 8;
        }
        long irt = iring - ((2 + (face >> 2)) * nside) + 1;
        long ipt = (2 * iphi) - (FaceLon[face] * nr) - kshift - 1;
        if (ipt >= nl2)
        {
            ipt -= 8 * nside;
        }
        return new FaceXy(face, (int)((ipt - irt) >> 1), (int)((-ipt - irt) >> 1));
    }

    /// <summary>HEALPix C++ <c>xyf2ring</c>.</summary>
    internal long XyfToRing(FaceXy p)
    {
        long nside = Nside, nl4 = 4 * nside;
        long jr = ((long)FaceRow[p.Face] * nside) - p.X - p.Y - 1;
        long nr, startPix;
        bool shifted;
        if (jr < nside)
        {
            nr = jr;
            startPix = 2 * jr * (jr - 1);
            shifted = true;
        }
        else if (jr < 3 * nside)
        {
            nr = nside;
            startPix = (2 * nside * (nside - 1)) + ((jr - nside) * nl4);
            shifted = ((jr - nside) & 1) == 0;
        }
        else
        {
            nr = nl4 - jr;
            startPix = NPix - (2 * nr * (nr + 1));
            shifted = true;
        }
        long kshift = shifted ? 0 : 1;
        long jp = ((FaceLon[p.Face] * nr) + p.X - p.Y + 1 + kshift) / 2;
        if (jp < 1)
        {
            jp += nl4;
        }
        return startPix + jp - 1;
    }

    /// <summary>Integer square root, exact for all 64-bit arguments (HEALPix C++ <c>isqrt</c>).</summary>
    internal static long IntSqrt(long arg)
    {
        long res = (long)Math.Sqrt(arg + 0.5);
        if (arg < (1L << 50))
        {
            return res;
        }
        if (res * res > arg)
        {
            --res;
        }
        else if ((res + 1) * (res + 1) <= arg)
        {
            ++res;
        }
        return res;
    }
}

/// <summary>A pixel as base face (0–11) and integer position (x towards NE, y towards NW) inside it.</summary>
internal readonly record struct FaceXy(int Face, int X, int Y);
