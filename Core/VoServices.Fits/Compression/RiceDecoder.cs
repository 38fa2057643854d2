using System.Numerics;

namespace VoServices.Fits.Compression;

/// <summary>
/// Decodes the RICE_1 algorithm (tiled image compression convention §5.1; White &amp; Greenfield 1999; the
/// reference is CFITSIO's ricecomp.c fits_rdecomp/_short/_byte). The first value is stored verbatim in
/// <c>bytepix</c> bytes; then blocks of <c>blocksize</c> differences, each block led by a split code FS
/// (fsbits wide): FS+1 = 0 means all differences are zero, FS = fsmax means raw values of bytepix×8 bits, otherwise
/// each difference is a unary high part and FS low bits. Differences are zig-zag mapped (even → positive).
/// </summary>
internal static class RiceDecoder
{
    /// <summary>Decodes <paramref name="output"/>.Length values.</summary>
    /// <param name="input">The compressed bytes of one tile.</param>
    /// <param name="bytepix">1, 2 or 4: bytes per original integer (BYTEPIX).</param>
    /// <param name="blockSize">Values per block (BLOCKSIZE, usually 32 or 16).</param>
    /// <param name="output">Values: unsigned for bytepix 1, sign-extended for 2 and 4.</param>
    /// <exception cref="InvalidDataException">Unsupported parameters, or the stream ends too early.</exception>
    public static void Decode(ReadOnlySpan<byte> input, int bytepix, int blockSize, Span<int> output)
    {
        var (fsbits, fsmax, bbits) = bytepix switch
        {
            1 => (3, 6, 8),
            2 => (4, 14, 16),
            4 => (5, 25, 32),
            _ => throw new InvalidDataException($"RICE_1 does not support BYTEPIX = {bytepix}"),
        };
        if (blockSize <= 0)
        {
            throw new InvalidDataException("RICE_1 BLOCKSIZE must be positive");
        }
        if (output.IsEmpty)
        {
            return;
        }
        if (input.Length < bytepix + 1)
        {
            throw new InvalidDataException("RICE_1 tile is shorter than its header");
        }
        var bits = new BitReader(input, bytepix);
        var state = new Block(bytepix, bbits, bits.FirstValue);
        for (var i = 0; i < output.Length;)
        {
            var fs = (int)bits.Take(fsbits) - 1;
            var end = Math.Min(i + blockSize, output.Length);
            if (fs < 0)
            {
                output[i..end].Fill(state.Store());      // low-entropy block: all differences zero
            }
            else if (fs == fsmax)
            {
                for (; i < end; i++)
                {
                    output[i] = state.Add(bits.Take(bbits));   // high-entropy block: differences verbatim
                }
            }
            else
            {
                for (; i < end; i++)
                {
                    output[i] = state.Add(bits.TakeRice(fs));
                }
            }
            i = end;
            bits.CheckOverrun();
        }
    }

    /// <summary>The running value: differences are added modulo 2^(8·bytepix), as CFITSIO's unsigned arithmetic.</summary>
    private struct Block(int bytepix, int bbits, uint first)
    {
        private readonly uint mask = bbits == 32 ? 0xFFFFFFFFu : (1u << bbits) - 1;
        private uint last = first;

        public int Add(uint mapped)
        {
            var diff = (mapped & 1) == 0 ? mapped >> 1 : ~(mapped >> 1);
            last = (diff + last) & mask;
            return Store();
        }

        public readonly int Store() => bytepix switch
        {
            1 => (int)last,
            2 => (short)last,
            _ => (int)last,
        };
    }

    /// <summary>MSB-first bit reader over the tile (CFITSIO keeps the same b/nbits pair).</summary>
    private ref struct BitReader
    {
        private readonly ReadOnlySpan<byte> input;
        private int position;
        private uint buffer;     // the not yet consumed low bits of the last bytes read
        private int count;       // how many bits of buffer are valid

        public BitReader(ReadOnlySpan<byte> input, int bytepix)
        {
            this.input = input;
            for (var k = 0; k < bytepix; k++)
            {
                FirstValue = (FirstValue << 8) | input[k];
            }
            position = bytepix;
            buffer = input[position++];
            count = 8;
        }

        public uint FirstValue { get; }

        /// <summary>The next <paramref name="n"/> bits (1..32) as an unsigned number.</summary>
        public uint Take(int n)
        {
            ulong value = buffer;
            var have = count;
            while (have < n)
            {
                value = (value << 8) | Next();
                have += 8;
            }
            count = have - n;
            buffer = (uint)(value & ((1UL << count) - 1));
            return (uint)(value >> count);
        }

        /// <summary>One Rice code: a unary count of zero bits ended by a one bit, then <paramref name="fs"/> bits.</summary>
        public uint TakeRice(int fs)
        {
            while (buffer == 0)
            {
                if (position >= input.Length)
                {
                    throw new InvalidDataException("RICE_1 tile ended inside a coded difference");
                }
                count += 8;
                buffer = Next();
            }
            var significant = 32 - BitOperations.LeadingZeroCount(buffer);
            var zeros = count - significant;
            count = significant - 1;
            buffer ^= 1u << count;     // drop the terminating one bit
            return ((uint)zeros << fs) | Take(fs);
        }

        public readonly void CheckOverrun()
        {
            if (position > input.Length)
            {
                throw new InvalidDataException("RICE_1 tile ended before all pixels were decoded");
            }
        }

        /// <summary>The next byte, or 0 past the end (overrun is reported once per block, as CFITSIO does).</summary>
        private uint Next()
        {
            var value = position < input.Length ? input[position] : 0u;
            position++;
            return value;
        }
    }
}
