namespace VoServices.Fits.Compression;

/// <summary>
/// Restores quantized floating-point tiles (tiled image compression convention §4.2–4.3, "ZQUANTIZ"): the
/// pseudo-random sequence is the convention's fits_rand_value table of 10000 floats from the Park–Miller generator
/// (a = 16807, m = 2^31-1, seed 1), and the first value used for tile <c>row</c> (1-based) is chosen from
/// ZDITHER0 exactly as CFITSIO's unquantize_i4r4 does, so values equal CFITSIO's bit for bit.
/// </summary>
internal static class Dither
{
    /// <summary>Length of the random table (N_RANDOM).</summary>
    public const int TableSize = 10000;

    /// <summary>Stored integer meaning "the original value was exactly 0.0" (SUBTRACTIVE_DITHER_2).</summary>
    public const int ZeroValue = -2147483646;

    private static readonly float[] Random = BuildTable();

    /// <summary>The table, exposed for tests (the convention gives the 10000th seed as 1043618065).</summary>
    internal static ReadOnlySpan<float> Table => Random;

    /// <summary>
    /// Restores one tile: value = (q - r + 0.5) × scale + zero with r taken from the table for subtractive
    /// dithering, or q × scale + zero without dithering; q = <paramref name="nullValue"/> gives NaN.
    /// </summary>
    /// <param name="quantized">The tile's integers, in tile order.</param>
    /// <param name="tileRow">1-based tile number (table row).</param>
    /// <param name="ditherSeed">ZDITHER0.</param>
    /// <param name="method">0 = NO_DITHER, 1 = SUBTRACTIVE_DITHER_1, 2 = SUBTRACTIVE_DITHER_2.</param>
    /// <param name="scale">ZSCALE of the tile.</param>
    /// <param name="zero">ZZERO of the tile.</param>
    /// <param name="nullValue">ZBLANK, or null when the tile has no null pixels.</param>
    /// <param name="output">Restored values (double precision; the caller rounds to float for ZBITPIX = -32).</param>
    public static void Restore(ReadOnlySpan<int> quantized, long tileRow, int ditherSeed, int method, double scale,
        double zero, int? nullValue, Span<double> output)
    {
        var hasNull = nullValue.HasValue;
        var tnull = nullValue.GetValueOrDefault();
        if (method == 0)
        {
            for (var i = 0; i < quantized.Length; i++)
            {
                output[i] = hasNull && quantized[i] == tnull ? double.NaN : quantized[i] * scale + zero;
            }
            return;
        }
        var iseed = (int)((tileRow + ditherSeed - 2) % TableSize);
        if (iseed < 0)
        {
            iseed += TableSize;
        }
        var nextrand = (int)(Random[iseed] * 500);
        for (var i = 0; i < quantized.Length; i++)
        {
            var q = quantized[i];
            if (hasNull && q == tnull)
            {
                output[i] = double.NaN;
            }
            else if (method == 2 && q == ZeroValue)
            {
                output[i] = 0.0;
            }
            else
            {
                output[i] = (q - (double)Random[nextrand] + 0.5) * scale + zero;
            }
            // The sequence advances for every pixel, null or not.
            nextrand++;
            if (nextrand == TableSize)
            {
                iseed++;
                if (iseed == TableSize)
                {
                    iseed = 0;
                }
                nextrand = (int)(Random[iseed] * 500);
            }
        }
    }

    private static float[] BuildTable()
    {
        const double a = 16807.0;
        const double m = 2147483647.0;
        var seed = 1.0;
        var table = new float[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            var temp = a * seed;
            seed = temp - m * (int)(temp / m);
            table[i] = (float)(seed / m);
        }
        return table;
    }
}
