using VoServices.Fits.Compression;
using VoServices.Testing;

namespace VoServices.Fits.Tests;

/// <summary>
/// Tile-compressed images (tiled image compression convention): the fpack-made fixtures in Fixtures/compressed
/// (RICE_1 with BYTEPIX 1/2/4, GZIP_1, GZIP_2, NOCOMPRESS, NO_DITHER, SUBTRACTIVE_DITHER_1/2, ZBLANK, 2-D and 3-D
/// tiles with partial edge tiles) against CFITSIO; and the locality of cut-outs.
/// </summary>
public sealed class CompressedImageTests
{
    public static TheoryData<string, int> FixtureHdus()
    {
        var data = new TheoryData<string, int>();
        foreach (var e in ReferenceData.CompressedFixtures)
        {
            data.Add(e.File, e.Hdu);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureHdus))]
    public void ReadPlane_FpackFixture_EqualsCfitsio(string file, int hdu)
    {
        var expected = ReferenceData.CompressedFixtures.Single(e => e.File == file && e.Hdu == hdu);
        using var fits = FitsFile.Open(ReferenceData.FixturePath(Path.Combine("compressed", file)));
        var image = fits[hdu].AsImage();

        Assert.Equal(expected.Naxis, image.Naxis);
        Assert.Equal(expected.Bitpix, image.Bitpix);
        Assert.Equal(expected.Zcmptype == "RICE_ONE" ? "RICE_1" : expected.Zcmptype, image.Compression!.Algorithm);
        var all = Enumerable.Range(0, (int)image.PlaneCount).SelectMany(p => image.ReadPlane(p)).ToArray();
        Assert.Equal(expected.NanCount, all.Count(double.IsNaN));
        Assert.Equal(expected.Sha256, ReferenceData.PixelHash(all));
    }

    [Theory]
    [MemberData(nameof(FixtureHdus))]
    public void ReadRegion_FpackFixture_EqualsCfitsioSubRectangle(string file, int hdu)
    {
        var expected = ReferenceData.CompressedFixtures.Single(e => e.File == file && e.Hdu == hdu);
        using var fits = FitsFile.Open(ReferenceData.FixturePath(Path.Combine("compressed", file)));
        var image = fits[hdu].AsImage();
        var r = expected.Region!;

        Assert.Equal(r.Sha256, ReferenceData.PixelHash(image.ReadRegion(r.X, r.Y, r.Width, r.Height, r.Plane)));
        foreach (var s in expected.Samples!)
        {
            Assert.Equal(s.Value ?? double.NaN, image.ReadRegion(s.X, s.Y, 1, 1, s.Plane)[0]);
        }
    }

    [Fact]
    public void ReadRegion_EveryWindowOfA3DTiledCube_EqualsTheFullPlane()
    {
        // 16 x 16 x 5 tiles over a 40 x 36 x 12 cube: windows crossing tile edges on every axis.
        using var fits = FitsFile.Open(ReferenceData.FixturePath(Path.Combine("compressed", "rice_cube_tiles16x16x5.fits.fz")));
        var image = fits[1].AsImage();
        foreach (var plane in new long[] { 0, 4, 5, 11 })
        {
            var full = image.ReadPlane(plane);
            foreach (var (x, y, w, h) in new[] { (0, 0, 40, 36), (15, 15, 2, 2), (10, 20, 25, 16), (39, 35, 1, 1) })
            {
                var window = image.ReadRegion(x, y, w, h, plane);
                for (var j = 0; j < h; j++)
                {
                    Assert.Equal(full.AsSpan((y + j) * 40 + x, w).ToArray(), window.AsSpan(j * w, w).ToArray());
                }
            }
        }
    }

    [SkippableFact]
    public void ReadRegion_CutoutOfCompressedMef_DecodesOnlyItsTilesAndReadsLittle()
    {
        var path = SharedData.File("images", "fz", "j8bt06nyq_flt.fits.fz");
        using var counting = new CountingStream(File.OpenRead(path));
        using var fits = FitsFile.Open(counting);
        var sci = fits.FindImage("SCI")!;
        var afterOpen = counting.BytesRead;

        var cutout = sci.ReadRegion(500, 400, 64, 64);

        // One tile per row (ZTILE2 = 1): exactly the 64 rows of the cut-out are decoded.
        Assert.Equal(64, sci.TilesDecoded);
        var fraction = (double)(counting.BytesRead - afterOpen) / counting.Length;
        Assert.True(fraction < 0.05, $"the cut-out read {counting.BytesRead - afterOpen} of {counting.Length} bytes");
        Assert.Equal(ReferenceData.Image("fz/j8bt06nyq_flt.fits.fz", 1).Sha256,
            ReferenceData.PixelHash(sci.ReadPlane()));
        var full = sci.ReadPlane();
        for (var j = 0; j < 64; j++)
        {
            Assert.Equal(full.AsSpan((400 + j) * 1024 + 500, 64).ToArray(), cutout.AsSpan(j * 64, 64).ToArray());
        }
    }

    [SkippableFact]
    public void ReadRegion_CutoutOfUncompressedMef_ReadsOnlyItsRows()
    {
        var path = SharedData.File("images", "tuc47_acs_hrc", "j8bt06nyq_flt.fits");
        using var counting = new CountingStream(File.OpenRead(path));
        using var fits = FitsFile.Open(counting);
        var afterOpen = counting.BytesRead;

        fits.FindImage("ERR")!.ReadRegion(100, 900, 50, 40);

        // 40 rows of 50 float32 values, nothing else.
        Assert.Equal(40 * 50 * 4, counting.BytesRead - afterOpen);
        Assert.True(afterOpen < 100_000, $"opening read {afterOpen} bytes of headers");
    }

    [SkippableTheory]
    [InlineData("fz/j8bt06nyq_flt.fits.fz", false)]
    [InlineData("tuc47_acs_hrc/j8bt06nyq_flt.fits", true)]
    public void ReadRegion_ConcurrentReaders_GetTheSameValuesAsOneReader(string file, bool throughStream)
    {
        var path = SharedData.File(["images", .. file.Split('/')]);
        using var fits = throughStream ? FitsFile.Open(File.OpenRead(path)) : FitsFile.Open(path);
        var image = fits[1].AsImage();
        var regions = Enumerable.Range(0, 32).Select(i => (X: i * 29 % 900, Y: i * 31 % 900, W: 17 + i, H: 40 - i)).ToArray();
        var expected = regions.Select(r => image.ReadRegion(r.X, r.Y, r.W, r.H)).ToArray();

        var actual = new double[regions.Length][];
        Parallel.For(0, regions.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
        {
            var r = regions[k % regions.Length];
            actual[k % regions.Length] = image.ReadRegion(r.X, r.Y, r.W, r.H);
        });

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Table_ParkMillerSequence_MatchesTheConvention()
    {
        // fits_init_randoms: a = 16807, m = 2^31 - 1, seed 1; the 10000th seed must be 1043618065.
        Assert.Equal(10000, Dither.Table.Length);
        Assert.Equal((float)(16807 / 2147483647.0), Dither.Table[0]);
        Assert.Equal((float)(1043618065 / 2147483647.0), Dither.Table[9999]);
    }

    [Theory]
    [InlineData(4, new byte[] { 0, 0, 0, 5, 0x00 }, new[] { 5, 5, 5 })]      // FS code 0: low-entropy block, no change
    [InlineData(2, new byte[] { 0xFF, 0xFE, 0x00 }, new[] { -2, -2 })]        // 16-bit first value, sign-extended
    [InlineData(1, new byte[] { 200, 0x00 }, new[] { 200, 200, 200, 200 })]   // 8-bit values are unsigned
    public void Decode_LowEntropyBlock_RepeatsTheFirstValue(int bytepix, byte[] input, int[] expected)
    {
        var output = new int[expected.Length];

        RiceDecoder.Decode(input, bytepix, 32, output);

        Assert.Equal(expected, output);
    }

    [Fact]
    public void Decode_TruncatedStream_ThrowsInvalidData()
    {
        // FS = 1 for 4-byte values (code 2 in 5 bits) announces coded differences that never come.
        var output = new int[32];
        Assert.Throws<InvalidDataException>(() => RiceDecoder.Decode([0, 0, 0, 1, 0b0001_0000], 4, 32, output));
    }

    [SkippableFact]
    public void AsImage_CorruptTileDescriptor_ThrowsFitsFormatException()
    {
        var bytes = File.ReadAllBytes(SharedData.File("images", "fz", "u40x010hm_wf3.fits.fz"));
        long dataOffset;
        using (var fits = FitsFile.Open(bytes.AsMemory()))
        {
            dataOffset = fits[1].DataOffset;
        }
        // Row 1 (tile 1): the P descriptor's element count becomes 2 bytes, shorter than any RICE tile.
        bytes[dataOffset + 3] = 2;
        bytes[dataOffset + 2] = bytes[dataOffset + 1] = bytes[dataOffset] = 0;
        using var corrupt = FitsFile.Open(bytes.AsMemory());

        var e = Assert.Throws<FitsFormatException>(() => corrupt[1].AsImage().ReadRegion(0, 0, 10, 1));
        Assert.Equal(1, e.HduIndex);
        Assert.Contains("tile 1", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void AsImage_UnsupportedAlgorithm_ThrowsFitsNotSupportedException()
    {
        var bytes = File.ReadAllBytes(SharedData.File("images", "fz", "u40x010hm_wf3.fits.fz"));
        var text = System.Text.Encoding.ASCII.GetString(bytes);
        var at = text.IndexOf("'RICE_1  '", StringComparison.Ordinal);
        System.Text.Encoding.ASCII.GetBytes("'PLIO_1  '").CopyTo(bytes, at);
        using var fits = FitsFile.Open(bytes.AsMemory());

        var e = Assert.Throws<FitsNotSupportedException>(() => fits[1].AsImage());
        Assert.Contains("PLIO_1", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A read-only seekable stream that counts the bytes read through it.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            BytesRead += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
