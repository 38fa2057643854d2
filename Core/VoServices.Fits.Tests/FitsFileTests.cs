using System.IO.Compression;
using System.Text;
using VoServices.Fits.IO;
using VoServices.Testing;

namespace VoServices.Fits.Tests;

/// <summary>Opening files and streams, HDU structure (FITS 4.0 §3–4.4), and typed errors for bad input.</summary>
public sealed class FitsFileTests
{
    [SkippableFact]
    public void Open_Mef_ListsHdusWithKindsNamesAndOffsets()
    {
        using var fits = FitsFile.Open(SharedData.File("images", "tuc47_acs_hrc", "j8bt06nyq_flt_tan_sip.fits"));

        Assert.Equal([FitsHduKind.Image, FitsHduKind.Image, FitsHduKind.Image, FitsHduKind.Image, FitsHduKind.BinaryTable],
            fits.Hdus.Select(h => h.Kind));
        Assert.Equal([null, "SCI", "ERR", "DQ", "WCSCORR"], fits.Hdus.Select(h => h.Name));
        Assert.False(fits[0].HasImage);
        Assert.All(fits.Hdus, h => Assert.Equal(0, h.DataOffset % 2880));
        Assert.Equal(1024L * 1024 * 4, fits[1].DataLength);
        Assert.Same(fits[3], fits.Find("dq"));
        Assert.Same(fits[1].AsImage(), fits.FindImage());
        Assert.Null(fits.Find("SCI", version: 2));
    }

    [SkippableFact]
    public void Open_CompressedMef_ReportsCompressedImages()
    {
        using var fits = FitsFile.Open(SharedData.File("images", "fz", "j8bt06nyq_flt.fits.fz"));

        Assert.Equal(FitsHduKind.CompressedImage, fits[1].Kind);
        Assert.True(fits[1].HasImage);
        var dq = fits.FindImage("DQ")!;
        Assert.Equal(16, dq.Bitpix);
        var c = dq.Compression!;
        Assert.Equal(("RICE_1", "NONE", 32, 2), (c.Algorithm, c.Quantization, c.BlockSize, c.BytesPerPixel));
        Assert.Equal([1024, 1], c.TileShape);
    }

    [SkippableFact]
    public void Open_NonSeekableGzipStream_ReadsTheSamePixelsAsTheFile()
    {
        var path = SharedData.File("images", "misc", "fermi_lat_counts_gc_car.fits.gz");
        using var forwardOnly = new ForwardOnlyStream(File.OpenRead(path));

        using var fits = FitsFile.Open(forwardOnly);

        Assert.Equal(ReferenceData.Image("misc/fermi_lat_counts_gc_car.fits.gz", 1).Sha256,
            ReferenceData.PixelHash(fits[1].AsImage().ReadPlane()));
    }

    [SkippableFact]
    public void Open_NonSeekablePlainStream_ReadsTheSamePixelsAsTheFile()
    {
        var path = SharedData.File("images", "ngc1316", "ngc1316r.fit");
        using var fits = FitsFile.Open(new ForwardOnlyStream(File.OpenRead(path)));

        Assert.Equal(ReferenceData.Image("ngc1316/ngc1316r.fit", 0).Sha256,
            ReferenceData.PixelHash(fits[0].AsImage().ReadPlane()));
    }

    [SkippableFact]
    public void Decompress_AboveTheMemoryLimit_SpillsToATemporaryFile()
    {
        var path = SharedData.File("images", "misc", "astrometry_net_thumbnail_tan_sip.fit.gz");
        using var compressed = File.OpenRead(path);

        using var source = GzipSpool.Decompress(compressed, memoryLimit: 10_000);

        Assert.IsType<FileByteSource>(source);
        var magic = new byte[9];
        source.ReadExactly(0, magic);
        Assert.Equal("SIMPLE  =", Encoding.ASCII.GetString(magic));
        using var expected = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var all = new MemoryStream();
        expected.CopyTo(all);
        Assert.Equal(all.Length, source.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello, world")]
    public void Open_NotFits_ThrowsFitsFormatException(string content)
    {
        var bytes = Encoding.ASCII.GetBytes(content.PadRight(content.Length == 0 ? 0 : 2880));

        Assert.Throws<FitsFormatException>(() => FitsFile.Open(bytes.AsMemory()));
    }

    [Fact]
    public void Open_HeaderWithoutEnd_ThrowsFitsFormatException()
    {
        var bytes = Header(("SIMPLE", true), ("BITPIX", 8L), ("NAXIS", 0L))[..2880];
        Encoding.ASCII.GetBytes(new string(' ', 80)).CopyTo(bytes, 3 * 80);     // blank out END

        var e = Assert.Throws<FitsFormatException>(() => FitsFile.Open(bytes.AsMemory()));
        Assert.Equal("END", e.Keyword);
    }

    [Theory]
    [InlineData("BITPIX", 12L)]
    [InlineData("NAXIS", -1L)]
    [InlineData("NAXIS", 1000L)]
    public void Open_InvalidMandatoryKeyword_ThrowsFitsFormatExceptionNamingIt(string keyword, long value)
    {
        var cards = new (string, object)[] { ("SIMPLE", true), ("BITPIX", 16L), ("NAXIS", 0L) }
            .Select(c => c.Item1 == keyword ? (c.Item1, (object)value) : c).ToArray();

        var e = Assert.Throws<FitsFormatException>(() => FitsFile.Open(Header(cards).AsMemory()));
        Assert.Equal(keyword, e.Keyword);
    }

    [Fact]
    public void Open_MissingMandatoryKeyword_ThrowsFitsFormatException()
    {
        var e = Assert.Throws<FitsFormatException>(() =>
            FitsFile.Open(Header(("SIMPLE", true), ("BITPIX", 16L), ("NAXIS", 2L), ("NAXIS1", 10L)).AsMemory()));

        Assert.Equal("NAXIS2", e.Keyword);
        Assert.Equal(0, e.HduIndex);
    }

    [Fact]
    public void ReadPlane_TruncatedData_ThrowsFitsFormatException()
    {
        var header = Header(("SIMPLE", true), ("BITPIX", 16L), ("NAXIS", 2L), ("NAXIS1", 100L), ("NAXIS2", 100L));
        var bytes = new byte[header.Length + 5000];     // 20000 bytes of data are announced
        header.CopyTo(bytes, 0);
        using var fits = FitsFile.Open(bytes.AsMemory());

        Assert.Equal(0, fits[0].AsImage().ReadRegion(0, 0, 100, 2)[0]);
        Assert.Throws<FitsFormatException>(() => fits[0].AsImage().ReadPlane());
    }

    [Fact]
    public void Open_GarbageAfterLastHdu_IsIgnored()
    {
        var header = Header(("SIMPLE", true), ("BITPIX", 8L), ("NAXIS", 0L));
        var bytes = header.Concat(Encoding.ASCII.GetBytes(new string('x', 2880))).ToArray();

        using var fits = FitsFile.Open(bytes.AsMemory());

        Assert.Single(fits.Hdus);
    }

    [Fact]
    public void Open_MissingFile_ThrowsFileNotFound() =>
        Assert.Throws<FileNotFoundException>(() => FitsFile.Open(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".fits")));

    private static byte[] Header(params (string Keyword, object Value)[] cards) =>
        new FitsHeader(cards.Select(c => new FitsCard(c.Keyword, c.Value))).ToBytes();

    /// <summary>A stream that cannot seek (as an HTTP request body).</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

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
