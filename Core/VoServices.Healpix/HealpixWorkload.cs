namespace VoServices.Healpix;

/// <summary>
/// Fixed workloads for benchmarks (bench/ calls these in a loop): each runs one HEALPix operation over a batch and
/// returns a checksum so the work cannot be optimised away. Inputs are deterministic for a given seed.
/// </summary>
public static class HealpixWorkload
{
    /// <summary>Positions uniformly distributed on the sphere (degrees), reproducible for a seed.</summary>
    public static LonLat[] SamplePositions(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var positions = new LonLat[count];
        for (int i = 0; i < count; i++)
        {
            double lon = random.NextDouble() * 360.0;
            double lat = Math.Asin((2.0 * random.NextDouble()) - 1.0) * SphereMath.RadToDeg;
            positions[i] = new LonLat(lon, lat);
        }
        return positions;
    }

    /// <summary><see cref="HealpixOrder.AngToPix(LonLat, HealpixScheme)"/> over all positions; returns the sum of
    /// the indices.</summary>
    public static long AngToPix(HealpixOrder order, HealpixScheme scheme, ReadOnlySpan<LonLat> positions)
    {
        long sum = 0;
        foreach (var p in positions)
        {
            sum += order.AngToPix(p.Lon, p.Lat, scheme);
        }
        return sum;
    }

    /// <summary>Pixel centres of <paramref name="count"/> pixels spread over the sphere; returns a checksum.</summary>
    public static long PixToVec(HealpixOrder order, HealpixScheme scheme, int count)
    {
        long step = Math.Max(1, order.NPix / Math.Max(1, count)), sum = 0;
        for (long i = 0, pix = 0; i < count; i++, pix = (pix + step) % order.NPix)
        {
            var v = order.PixToVec(pix, scheme);
            sum += BitConverter.DoubleToInt64Bits(v.X + v.Y + v.Z) & 0xFFFF;
        }
        return sum;
    }

    /// <summary>NESTED → RING → NESTED for <paramref name="count"/> pixels; returns the sum of RING indices.</summary>
    public static long NestRingRoundTrip(HealpixOrder order, int count)
    {
        long step = Math.Max(1, order.NPix / Math.Max(1, count)), sum = 0;
        for (long i = 0, pix = 0; i < count; i++, pix = (pix + step) % order.NPix)
        {
            long ring = order.NestToRing(pix);
            sum += ring + order.RingToNest(ring);
        }
        return sum;
    }

    /// <summary>All 8 neighbours of <paramref name="count"/> NESTED pixels; returns the sum of the indices.</summary>
    public static long Neighbours(HealpixOrder order, int count)
    {
        Span<long> neighbours = stackalloc long[8];
        long step = Math.Max(1, order.NPix / Math.Max(1, count)), sum = 0;
        for (long i = 0, pix = 0; i < count; i++, pix = (pix + step) % order.NPix)
        {
            order.Neighbours(pix, neighbours);
            foreach (long n in neighbours)
            {
                sum += n;
            }
        }
        return sum;
    }

    /// <summary>One disc query; returns the number of pixels covered (capped arithmetic, may wrap).</summary>
    public static long QueryDisc(HealpixOrder order, LonLat centre, double radius, bool inclusive)
    {
        long pixels = 0;
        foreach (var range in order.QueryDisc(centre.Lon, centre.Lat, radius, inclusive))
        {
            pixels += range.Length;
        }
        return pixels;
    }
}
