using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace VoServices.Fits.Pixels;

/// <summary>
/// FITS stores every binary number big-endian (FITS 4.0 §5.1–5.3, §7.3.3); these swap whole spans at once with the
/// vectorised <see cref="BinaryPrimitives.ReverseEndianness(ReadOnlySpan{int}, Span{int})"/>.
/// </summary>
internal static class BigEndian
{
    /// <summary>Converts between big-endian and host order in place (a no-op on big-endian hosts).</summary>
    public static void SwapInPlace(Span<byte> bytes, int elementSize)
    {
        if (!BitConverter.IsLittleEndian || elementSize == 1)
        {
            return;
        }
        switch (elementSize)
        {
            case 2:
                var s = MemoryMarshal.Cast<byte, ushort>(bytes);
                BinaryPrimitives.ReverseEndianness(s, s);
                break;
            case 4:
                var i = MemoryMarshal.Cast<byte, uint>(bytes);
                BinaryPrimitives.ReverseEndianness(i, i);
                break;
            case 8:
                var l = MemoryMarshal.Cast<byte, ulong>(bytes);
                BinaryPrimitives.ReverseEndianness(l, l);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(elementSize));
        }
    }

    /// <summary>Copies <paramref name="count"/> big-endian elements into a new host-order array.</summary>
    public static T[] ToArray<T>(ReadOnlySpan<byte> source, int count)
        where T : unmanaged
    {
        var result = new T[count];
        var bytes = MemoryMarshal.AsBytes(result.AsSpan());
        source[..bytes.Length].CopyTo(bytes);
        SwapInPlace(bytes, Unsafe.SizeOf<T>());
        return result;
    }

    /// <summary>Writes host-order values as big-endian bytes into <paramref name="destination"/>.</summary>
    public static void Write<T>(ReadOnlySpan<T> values, Span<byte> destination)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        bytes.CopyTo(destination);
        SwapInPlace(destination[..bytes.Length], Unsafe.SizeOf<T>());
    }
}
