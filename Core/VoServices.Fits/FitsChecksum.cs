using System.Buffers.Binary;
using System.Text;

namespace VoServices.Fits;

/// <summary>
/// The 32-bit ones'-complement checksum of the FITS Checksum convention (Seaman, Pence &amp; Rots 2012, registered
/// FITS convention; FITS 4.0 §4.4.2.7 reserves DATASUM and CHECKSUM): DATASUM is the sum of the data unit as an
/// unsigned decimal string, CHECKSUM the 16-character ASCII encoding that makes the whole HDU sum to -0.
/// </summary>
public static class FitsChecksum
{
    /// <summary>The value CHECKSUM holds before it is computed.</summary>
    public const string Placeholder = "0000000000000000";

    /// <summary>
    /// Adds the big-endian 32-bit words of <paramref name="bytes"/> (length a multiple of 4, as FITS blocks are) to
    /// <paramref name="sum"/> with end-around carry.
    /// </summary>
    /// <exception cref="ArgumentException">The length is not a multiple of 4.</exception>
    public static uint Accumulate(uint sum, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % 4 != 0)
        {
            throw new ArgumentException("the checksum runs over whole 32-bit words", nameof(bytes));
        }
        ulong total = sum;
        // A ulong cannot overflow within 2^32 words of at most 2^32-1 each; fold once at the end.
        for (var i = 0; i < bytes.Length; i += 4)
        {
            total += BinaryPrimitives.ReadUInt32BigEndian(bytes[i..]);
        }
        return Fold(total);
    }

    /// <summary>Ones'-complement sum of two checksums (how the header and data sums combine).</summary>
    public static uint Add(uint a, uint b) => Fold((ulong)a + b);

    /// <summary>
    /// Encodes <paramref name="sum"/> as the 16 ASCII characters of CHECKSUM (Checksum convention §3.2): the
    /// complement when <paramref name="complement"/>, each byte spread over 4 characters avoiding punctuation,
    /// rotated one place right because the value starts in column 12 of its record.
    /// </summary>
    public static string Encode(uint sum, bool complement = true)
    {
        ReadOnlySpan<byte> excluded = [0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f, 0x60];
        var value = complement ? ~sum : sum;
        Span<byte> ascii = stackalloc byte[16];
        Span<int> ch = stackalloc int[4];
        for (var i = 0; i < 4; i++)
        {
            var b = (int)((value >> (24 - 8 * i)) & 0xFF);
            var quotient = b / 4 + '0';
            ch.Fill(quotient);
            ch[0] += b % 4;
            bool changed;
            do
            {
                changed = false;
                foreach (var x in excluded)
                {
                    for (var j = 0; j < 4; j += 2)
                    {
                        if (ch[j] == x || ch[j + 1] == x)
                        {
                            ch[j]++;
                            ch[j + 1]--;
                            changed = true;
                        }
                    }
                }
            }
            while (changed);
            for (var j = 0; j < 4; j++)
            {
                ascii[4 * j + i] = (byte)ch[j];
            }
        }
        Span<byte> rotated = stackalloc byte[16];
        for (var i = 0; i < 16; i++)
        {
            rotated[i] = ascii[(i + 15) % 16];
        }
        return Encoding.ASCII.GetString(rotated);
    }

    private static uint Fold(ulong total)
    {
        while (total > uint.MaxValue)
        {
            total = (total & uint.MaxValue) + (total >> 32);
        }
        return (uint)total;
    }
}
