using System.Text;
using VoServices.Testing;

namespace VoServices.Fits.Tests;

/// <summary>DATASUM/CHECKSUM (FITS Checksum convention) against the values fpack wrote into the shared .fz files.</summary>
public sealed class FitsChecksumTests
{
    [SkippableFact]
    public void Encode_FpackPrimaryHeader_GivesTheCheckSumFpackWrote()
    {
        // u40x010hm_wf3.fits.fz HDU 0: CHECKSUM = '3fB75ZA43dA43ZA4', DATASUM = '0' (no data).
        var bytes = File.ReadAllBytes(SharedData.File("images", "fz", "u40x010hm_wf3.fits.fz"));
        var header = bytes.AsSpan(0, 2880).ToArray();
        var text = Encoding.ASCII.GetString(header);
        var at = text.IndexOf("CHECKSUM= '", StringComparison.Ordinal) + 11;
        Assert.Equal("3fB75ZA43dA43ZA4", text.Substring(at, 16));
        Encoding.ASCII.GetBytes(FitsChecksum.Placeholder).CopyTo(header, at);

        var sum = FitsChecksum.Accumulate(0, header);

        Assert.Equal("3fB75ZA43dA43ZA4", FitsChecksum.Encode(sum));
    }

    [SkippableTheory]
    [InlineData("fz/j8bt06nyq_flt.fits.fz")]
    [InlineData("fz/u40x010hm_wf3.fits.fz")]
    [InlineData("fz/u40x010hm_pc1_gzip_lossless.fits.fz")]
    public void VerifyChecksum_FilesWithChecksums_AreValid(string file)
    {
        // astropy 5.2.1 (fits.open(..., checksum=True)) reports no checksum problem in these files either.
        using var fits = FitsFile.Open(SharedData.File(["images", .. file.Split('/')]));

        foreach (var hdu in fits.Hdus.Where(h => h.Header.Contains("CHECKSUM")))
        {
            Assert.True(hdu.VerifyChecksum().IsValid, $"HDU {hdu.Index}");
        }
    }

    [SkippableFact]
    public void VerifyChecksum_FermiCountsMap_FailsBothAsAstropyReports()
    {
        // astropy 5.2.1 warns "Checksum verification failed" and "Datasum verification failed" for HDU N_ON.
        using var fits = FitsFile.Open(SharedData.File("images", "misc", "fermi_lat_counts_gc_car.fits.gz"));

        Assert.Equal(new FitsChecksumResult(false, false), fits.Find("N_ON")!.VerifyChecksum());
    }

    [SkippableFact]
    public void VerifyChecksum_OneFlippedDataByte_FailsBothSums()
    {
        var bytes = File.ReadAllBytes(SharedData.File("images", "fz", "u40x010hm_wf3.fits.fz"));
        long offset;
        using (var fits = FitsFile.Open(bytes.AsMemory()))
        {
            offset = fits[1].DataOffset + 100;
        }
        bytes[offset] ^= 0x10;

        using var corrupt = FitsFile.Open(bytes.AsMemory());
        var result = corrupt[1].VerifyChecksum();

        Assert.False(result.DataOk);
        Assert.False(result.HduOk);
    }

    [SkippableFact]
    public void VerifyChecksum_NoKeywords_ReportsNothing()
    {
        using var fits = FitsFile.Open(SharedData.File("images", "ngc1316", "ngc1316o.fit"));

        Assert.Equal(new FitsChecksumResult(null, null), fits[0].VerifyChecksum());
    }

    [Fact]
    public void Accumulate_CarryOut_WrapsAround()
    {
        // 0xFFFFFFFF + 0x00000002 in ones' complement is 0x00000002 (the carry is added back).
        Assert.Equal(2u, FitsChecksum.Accumulate(0xFFFFFFFF, [0, 0, 0, 2]));
        Assert.Equal(2u, FitsChecksum.Add(0xFFFFFFFF, 2));
        Assert.Throws<ArgumentException>(() => FitsChecksum.Accumulate(0, [1, 2, 3]));
    }
}
