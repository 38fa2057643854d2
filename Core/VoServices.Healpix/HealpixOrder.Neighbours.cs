namespace VoServices.Healpix;

public readonly partial record struct HealpixOrder
{
    // Offsets of the 8 neighbours in face coordinates (x grows towards NE, y towards NW), in healpy's order
    // SW, W, NW, N, NE, E, SE, S (HEALPix C++ nb_xoffset / nb_yoffset).
    private static ReadOnlySpan<int> NeighbourDx => [-1, -1, 0, 1, 1, 1, 0, -1];
    private static ReadOnlySpan<int> NeighbourDy => [0, 1, 1, 1, 0, -1, -1, -1];

    // Which face lies across an edge or corner of face f (HEALPix C++ nb_facearray): row = 3·dy + dx + 4 with
    // dx, dy ∈ {−1, 0, 1} the direction in which the position left the face; −1 where no face meets the corner.
    private static ReadOnlySpan<sbyte> FaceAcross =>
    [
        8, 9, 10, 11, -1, -1, -1, -1, 10, 11, 8, 9, // S
        5, 6, 7, 4, 8, 9, 10, 11, 9, 10, 11, 8, // SE
        -1, -1, -1, -1, 5, 6, 7, 4, -1, -1, -1, -1, // E
        4, 5, 6, 7, 11, 8, 9, 10, 11, 8, 9, 10, // SW
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, // centre
        1, 2, 3, 0, 0, 1, 2, 3, 5, 6, 7, 4, // NE
        -1, -1, -1, -1, 7, 4, 5, 6, -1, -1, -1, -1, // W
        3, 0, 1, 2, 3, 0, 1, 2, 4, 5, 6, 7, // NW
        2, 3, 0, 1, -1, -1, -1, -1, 0, 1, 2, 3, // N
    ];

    // How coordinates transform when crossing into that face, per face row (north, equator, south): bit 1 mirrors
    // x, bit 2 mirrors y, bit 4 swaps x and y (HEALPix C++ nb_swaparray).
    private static ReadOnlySpan<byte> SwapAcross =>
    [
        0, 0, 3, // S
        0, 0, 6, // SE
        0, 0, 0, // E
        0, 0, 5, // SW
        0, 0, 0, // centre
        5, 0, 0, // NE
        0, 0, 0, // W
        6, 0, 0, // NW
        3, 0, 0, // N
    ];

    /// <summary>
    /// The 8 pixels around <paramref name="ipix"/>, in healpy <c>get_all_neighbours</c> order: SW, W, NW, N, NE,
    /// E, SE, S. Where only 7 pixels meet (the 8 corners shared by 3 base faces) the missing one is −1.
    /// </summary>
    /// <param name="ipix">Pixel index in <paramref name="scheme"/>.</param>
    /// <param name="scheme">Scheme of both the argument and the result.</param>
    /// <returns>A new array of 8 indices.</returns>
    /// <exception cref="ArgumentOutOfRangeException">ipix is outside 0 … NPix−1.</exception>
    public long[] Neighbours(long ipix, HealpixScheme scheme = HealpixScheme.Nested)
    {
        var result = new long[8];
        Neighbours(ipix, result, scheme);
        return result;
    }

    /// <summary>Allocation-free <see cref="Neighbours(long, HealpixScheme)"/>: writes 8 indices.</summary>
    /// <exception cref="ArgumentException">destination is shorter than 8.</exception>
    public void Neighbours(long ipix, Span<long> destination, HealpixScheme scheme = HealpixScheme.Nested)
    {
        if (destination.Length < 8)
        {
            throw new ArgumentException("The destination must hold 8 neighbours.", nameof(destination));
        }
        var p = ToXyf(ipix, scheme);
        int nside = (int)Nside;
        bool interior = p.X > 0 && p.X < nside - 1 && p.Y > 0 && p.Y < nside - 1;
        for (int i = 0; i < 8; i++)
        {
            int x = p.X + NeighbourDx[i], y = p.Y + NeighbourDy[i];
            destination[i] = interior ? FromXyf(new FaceXy(p.Face, x, y), scheme) : AcrossFaces(p.Face, x, y, scheme);
        }
    }

    private long AcrossFaces(int face, int x, int y, HealpixScheme scheme)
    {
        int nside = (int)Nside;
        int across = 4;
        if (x < 0)
        {
            x += nside;
            across -= 1;
        }
        else if (x >= nside)
        {
            x -= nside;
            across += 1;
        }
        if (y < 0)
        {
            y += nside;
            across -= 3;
        }
        else if (y >= nside)
        {
            y -= nside;
            across += 3;
        }
        int f = FaceAcross[(across * 12) + face];
        if (f < 0)
        {
            return -1;
        }
        int bits = SwapAcross[(across * 3) + (face >> 2)];
        if ((bits & 1) != 0)
        {
            x = nside - x - 1;
        }
        if ((bits & 2) != 0)
        {
            y = nside - y - 1;
        }
        if ((bits & 4) != 0)
        {
            (x, y) = (y, x);
        }
        return FromXyf(new FaceXy(f, x, y), scheme);
    }

    /// <summary>
    /// The 4 vertices of a pixel in the order N, W, S, E, as healpy <c>boundaries(step=1)</c>. Pixel edges are not
    /// great circles; the vertices are exact.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">ipix is outside 0 … NPix−1.</exception>
    public UnitVector[] Corners(long ipix, HealpixScheme scheme = HealpixScheme.Nested)
    {
        var result = new UnitVector[4];
        Corners(ipix, result, scheme);
        return result;
    }

    /// <summary>Allocation-free <see cref="Corners(long, HealpixScheme)"/>: writes 4 vertices N, W, S, E.</summary>
    /// <exception cref="ArgumentException">destination is shorter than 4.</exception>
    public void Corners(long ipix, Span<UnitVector> destination, HealpixScheme scheme = HealpixScheme.Nested)
    {
        if (destination.Length < 4)
        {
            throw new ArgumentException("The destination must hold 4 corners.", nameof(destination));
        }
        var p = ToXyf(ipix, scheme);
        double nside = Nside;
        double dc = 0.5 / nside;
        double xc = (p.X + 0.5) / nside, yc = (p.Y + 0.5) / nside;
        destination[0] = FaceLocation(xc + dc, yc + dc, p.Face).ToVector();
        destination[1] = FaceLocation(xc - dc, yc + dc, p.Face).ToVector();
        destination[2] = FaceLocation(xc - dc, yc - dc, p.Face).ToVector();
        destination[3] = FaceLocation(xc + dc, yc - dc, p.Face).ToVector();
    }

    /// <summary>
    /// A point of a base face given by continuous face coordinates x, y ∈ [0, 1] (HEALPix C++ <c>xyf2loc</c>;
    /// Górski et al. 2005 eqs. 8–9 for the belt and the caps).
    /// </summary>
    internal static PixelLocation FaceLocation(double x, double y, int face)
    {
        double jr = FaceRow[face] - x - y;
        double nr, z, sth = 0.0;
        bool haveSth = false;
        if (jr < 1)
        {
            nr = jr;
            double tmp = nr * nr / 3.0;
            z = 1 - tmp;
            if (z > 0.99)
            {
                sth = Math.Sqrt(tmp * (2.0 - tmp));
                haveSth = true;
            }
        }
        else if (jr > 3)
        {
            nr = 4 - jr;
            double tmp = nr * nr / 3.0;
            z = tmp - 1;
            if (z < -0.99)
            {
                sth = Math.Sqrt(tmp * (2.0 - tmp));
                haveSth = true;
            }
        }
        else
        {
            nr = 1;
            z = (2 - jr) * 2.0 / 3.0;
        }
        double t = (FaceLon[face] * nr) + x - y;
        if (t < 0)
        {
            t += 8;
        }
        if (t >= 8)
        {
            t -= 8;
        }
        double phi = nr < 1e-15 ? 0 : 0.5 * SphereMath.HalfPi * t / nr;
        return new PixelLocation(z, phi, sth, haveSth);
    }
}
