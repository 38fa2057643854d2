using VoServices.Testing;

namespace VoServices.Fits.Tests;

/// <summary>
/// Pixels of every image in ../shared/data/images against astropy (and funpack for quantized .fz files):
/// Fixtures/images.json, made by Fixtures/make_image_fixtures.py.
/// </summary>
public sealed class FitsImageTests
{
    public static TheoryData<string, int> ImageHdus()
    {
        var data = new TheoryData<string, int>();
        foreach (var e in ReferenceData.Images)
        {
            data.Add(e.File, e.Hdu);
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(ImageHdus))]
    public void ReadPlane_EveryImageHdu_EqualsReferenceBitForBit(string file, int hdu)
    {
        var expected = ReferenceData.Image(file, hdu);
        using var fits = FitsFile.Open(SharedData.File(["images", .. expected.Path]));
        var image = fits[hdu].AsImage();

        Assert.Equal(expected.Naxis, image.Naxis);
        Assert.Equal(expected.Bitpix, image.Bitpix);
        Assert.Equal(expected.Bscale, image.Bscale);
        Assert.Equal(expected.Bzero, image.Bzero);
        var all = new List<double>();
        for (var p = 0L; p < image.PlaneCount; p++)
        {
            all.AddRange(image.ReadPlane(p));
        }
        Assert.Equal(expected.NanCount, all.Count(double.IsNaN));
        Assert.Equal(expected.Sha256, ReferenceData.PixelHash(all.ToArray()));
    }

    [SkippableTheory]
    [MemberData(nameof(ImageHdus))]
    public void ReadRegion_EveryImageHdu_EqualsReferenceSubRectangleAndSamples(string file, int hdu)
    {
        var expected = ReferenceData.Image(file, hdu);
        using var fits = FitsFile.Open(SharedData.File(["images", .. expected.Path]));
        var image = fits[hdu].AsImage();

        var r = expected.Region!;
        Assert.Equal(r.Sha256, ReferenceData.PixelHash(image.ReadRegion(r.X, r.Y, r.Width, r.Height, r.Plane)));
        foreach (var s in expected.Samples!)
        {
            var value = image.ReadRegion(s.X, s.Y, 1, 1, s.Plane)[0];
            Assert.Equal(s.Value ?? double.NaN, value);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(ImageHdus))]
    public void ReadRegionRaw_EveryImageHdu_ConvertsToTheSamePhysicalValues(string file, int hdu)
    {
        var expected = ReferenceData.Image(file, hdu);
        using var fits = FitsFile.Open(SharedData.File(["images", .. expected.Path]));
        var image = fits[hdu].AsImage();
        var r = expected.Region!;

        var raw = image.ReadRegionRaw(r.X, r.Y, r.Width, r.Height, r.Plane);

        // Writing the stored values with the image's scaling and reading them back must give the same pixels.
        using var memory = new MemoryStream();
        using (var writer = new FitsWriter(memory, leaveOpen: true))
        {
            writer.WriteImageRaw(image.Bitpix, [r.Width, r.Height], raw, ScalingCards(image));
        }
        using var back = FitsFile.Open(memory.ToArray());
        Assert.Equal(r.Sha256, ReferenceData.PixelHash(back[0].AsImage().ReadPlane()));
    }

    [SkippableFact]
    public void ReadRegionSingle_QuantizedFz_EqualsFloat32OfFunpack()
    {
        // ZBITPIX = -32: funpack writes float32, so the float result must be exact too.
        var expected = ReferenceData.Image("fz/u40x010hm_wf3.fits.fz", 1);
        using var fits = FitsFile.Open(SharedData.File("images", "fz", "u40x010hm_wf3.fits.fz"));
        var image = fits[1].AsImage();

        var floats = image.ReadPlaneSingle();

        Assert.Equal(expected.Sha256, ReferenceData.PixelHash(floats.Select(f => (double)f).ToArray()));
        Assert.Equal("SUBTRACTIVE_DITHER_1", image.Compression!.Quantization);
        Assert.Equal(4487, image.Compression.DitherSeed);
    }

    [SkippableFact]
    public void ReadPlane_CompressedAndUncompressedCopies_AreIdentical()
    {
        // fpack -g -q 0 is lossless, and the astropy RICE file is the NGC 1316 optical image.
        using var gz = FitsFile.Open(SharedData.File("images", "fz", "u40x010hm_pc1_gzip_lossless.fits.fz"));
        using var plain = FitsFile.Open(SharedData.File("images", "omegacen_wfpc2", "u40x010hm_pc1.fits"));
        Assert.Equal(plain[0].AsImage().ReadPlane(), gz[1].AsImage().ReadPlane());

        using var rice = FitsFile.Open(SharedData.File("images", "ngc1316", "ngc1316o_rice_astropy_comp.fits"));
        using var ngc = FitsFile.Open(SharedData.File("images", "ngc1316", "ngc1316o.fit"));
        Assert.Equal(ngc[0].AsImage().ReadRegionRaw(0, 0, 440, 300), rice[1].AsImage().ReadRegionRaw(0, 0, 440, 300));
    }

    [SkippableFact]
    public void Header_CompressedImage_IsTheUncompressedImageHeader()
    {
        using var fits = FitsFile.Open(SharedData.File("images", "fz", "j8bt06nyq_flt.fits.fz"));
        var header = fits[1].AsImage().Header;

        Assert.Equal("IMAGE", header.GetString("XTENSION"));
        Assert.Equal(-32, header.GetInt32("BITPIX"));
        Assert.Equal(1024, header.GetInt32("NAXIS1"));
        Assert.Equal(1024, header.GetInt32("NAXIS2"));
        Assert.Equal(["XTENSION", "BITPIX", "NAXIS", "NAXIS1", "NAXIS2", "PCOUNT", "GCOUNT"],
            header.Take(7).Select(c => c.Keyword));
        Assert.False(header.Contains("ZIMAGE"));
        Assert.False(header.Contains("TFORM1"));
        Assert.False(header.Contains("ZCMPTYPE"));
        Assert.Equal("SCI", header.GetString("EXTNAME"));
        Assert.True(header.Contains("CRVAL1"));
    }

    [SkippableFact]
    public void ReadPlane_1024x1024Float32_ReadsEveryPixelTwiceTheSame()
    {
        // Speed is measured by bench/run.sh fits against astropy and cfitsio, never asserted in a unit test.
        using var fits = FitsFile.Open(SharedData.File("images", "tuc47_acs_hrc", "j8bt06nyq_flt.fits"));
        var image = fits[1].AsImage();
        var first = image.ReadPlaneSingle();
        var pixels = image.ReadPlaneSingle();

        Assert.Equal(1024 * 1024, pixels.Length);
        Assert.Equal(first, pixels);
    }

    [SkippableFact]
    public void ReadPlane_1024x1024RiceQuantized_DecodesTheSameTwice()
    {
        using var fits = FitsFile.Open(SharedData.File("images", "fz", "j8bt06nyq_flt.fits.fz"));
        var image = fits[1].AsImage();
        var first = image.ReadPlaneSingle();
        var again = image.ReadPlaneSingle();

        Assert.Equal(1024 * 1024, again.Length);
        Assert.Equal(first, again);
    }

    [SkippableTheory]
    [InlineData(-1, 0, 10, 10, 0)]
    [InlineData(0, -1, 10, 10, 0)]
    [InlineData(0, 0, 441, 1, 0)]
    [InlineData(430, 0, 11, 1, 0)]
    [InlineData(0, 290, 1, 11, 0)]
    [InlineData(0, 0, 1, 1, 1)]
    [InlineData(0, 0, -1, 1, 0)]
    public void ReadRegion_OutsideImage_ThrowsArgumentOutOfRange(int x, int y, int w, int h, long plane)
    {
        using var fits = FitsFile.Open(SharedData.File("images", "ngc1316", "ngc1316o.fit"));
        var image = fits[0].AsImage();

        Assert.Throws<ArgumentOutOfRangeException>(() => image.ReadRegion(x, y, w, h, plane));
    }

    [SkippableFact]
    public void ReadRegion_Cube_ReadsTheRequestedPlane()
    {
        using var fits = FitsFile.Open(SharedData.File("images", "misc", "ngc6503_hi_cube_felo.fit"));
        var image = fits[0].AsImage();

        Assert.Equal(30, image.PlaneCount);
        var planes = Enumerable.Range(0, 30).SelectMany(p => image.ReadPlane(p)).ToArray();
        Assert.Equal(ReferenceData.Image("misc/ngc6503_hi_cube_felo.fit", 0).Sha256, ReferenceData.PixelHash(planes));
    }

    private static FitsHeader ScalingCards(FitsImage image)
    {
        var cards = FitsHeader.Empty;
        if (image.Header.Contains("BSCALE"))
        {
            cards = cards.Set("BSCALE", image.Bscale);
        }
        if (image.Header.Contains("BZERO"))
        {
            cards = cards.Set("BZERO", image.Bzero);
        }
        return image.Blank is { } blank ? cards.Set("BLANK", blank) : cards;
    }
}
