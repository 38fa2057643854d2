using System.Numerics;
using System.Runtime.InteropServices;

namespace VoServices.Fits.Pixels;

/// <summary>
/// Turns stored big-endian values into physical values: physical = BZERO + BSCALE × stored (FITS 4.0 §5.3), with
/// the BLANK value of integer arrays (§5.2.1, Table 10) and IEEE NaN (§5.3) giving NaN. When BSCALE = 1 and
/// BZERO = 0 the stored value is passed through untouched (so -0.0 and NaN payloads survive).
/// </summary>
internal static class PixelConverter
{
    /// <summary>Converts <paramref name="raw"/> (modified: swapped to host order in place) into destination.</summary>
    public static void Convert<T>(Span<byte> raw, int bitpix, double bscale, double bzero, long? blank,
        Span<T> destination)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var identity = bscale == 1.0 && bzero == 0.0;
        BigEndian.SwapInPlace(raw, Math.Abs(bitpix) / 8);
        switch (bitpix)
        {
            case 8:
                Integers<byte, T>(raw, bscale, bzero, blank, identity, destination);
                break;
            case 16:
                Integers<short, T>(MemoryMarshal.Cast<byte, short>(raw), bscale, bzero, blank, identity, destination);
                break;
            case 32:
                Integers<int, T>(MemoryMarshal.Cast<byte, int>(raw), bscale, bzero, blank, identity, destination);
                break;
            case 64:
                Integers<long, T>(MemoryMarshal.Cast<byte, long>(raw), bscale, bzero, blank, identity, destination);
                break;
            case -32:
                Reals<float, T>(MemoryMarshal.Cast<byte, float>(raw), bscale, bzero, identity, destination);
                break;
            case -64:
                Reals<double, T>(MemoryMarshal.Cast<byte, double>(raw), bscale, bzero, identity, destination);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(bitpix));
        }
    }

    private static void Integers<TIn, T>(ReadOnlySpan<TIn> values, double bscale, double bzero, long? blank,
        bool identity, Span<T> destination)
        where TIn : unmanaged, IBinaryInteger<TIn>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var hasBlank = blank.HasValue;
        var blankValue = blank.GetValueOrDefault();
        for (var i = 0; i < values.Length; i++)
        {
            var v = long.CreateTruncating(values[i]);
            if (hasBlank && v == blankValue)
            {
                destination[i] = T.NaN;
            }
            else
            {
                destination[i] = T.CreateTruncating(identity ? v : v * bscale + bzero);
            }
        }
    }

    private static void Reals<TIn, T>(ReadOnlySpan<TIn> values, double bscale, double bzero, bool identity,
        Span<T> destination)
        where TIn : unmanaged, IBinaryFloatingPointIeee754<TIn>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (identity)
        {
            for (var i = 0; i < values.Length; i++)
            {
                destination[i] = T.CreateTruncating(values[i]);
            }
            return;
        }
        for (var i = 0; i < values.Length; i++)
        {
            destination[i] = T.CreateTruncating(double.CreateTruncating(values[i]) * bscale + bzero);
        }
    }
}
