namespace VoServices.Healpix;

/// <summary>
/// Bit interleaving (Morton / Z-order) for the NESTED scheme: ipix within a face = spread(x) | spread(y) &lt;&lt; 1
/// (Górski et al. 2005 §4, Fig. 4). Magic-number spreading: branch-free and portable (PDEP is microcoded on some
/// AMD cores).
/// </summary>
internal static class Morton
{
    /// <summary>Puts bit i of <paramref name="v"/> (v &lt; 2^32) at bit 2i.</summary>
    public static long Spread(long v)
    {
        ulong x = (ulong)v & 0xFFFFFFFFUL;
        x = (x | (x << 16)) & 0x0000FFFF0000FFFFUL;
        x = (x | (x << 8)) & 0x00FF00FF00FF00FFUL;
        x = (x | (x << 4)) & 0x0F0F0F0F0F0F0F0FUL;
        x = (x | (x << 2)) & 0x3333333333333333UL;
        x = (x | (x << 1)) & 0x5555555555555555UL;
        return (long)x;
    }

    /// <summary>Inverse of <see cref="Spread"/>: collects the even bits of <paramref name="v"/>.</summary>
    public static int Compact(long v)
    {
        ulong x = (ulong)v & 0x5555555555555555UL;
        x = (x | (x >> 1)) & 0x3333333333333333UL;
        x = (x | (x >> 2)) & 0x0F0F0F0F0F0F0F0FUL;
        x = (x | (x >> 4)) & 0x00FF00FF00FF00FFUL;
        x = (x | (x >> 8)) & 0x0000FFFF0000FFFFUL;
        x = (x | (x >> 16)) & 0x00000000FFFFFFFFUL;
        return (int)x;
    }

    /// <summary>Interleaves x (even bits) and y (odd bits).</summary>
    public static long Interleave(int x, int y) => Spread(x) | (Spread(y) << 1);
}
