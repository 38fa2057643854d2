namespace VoServices.Wcs.Tests;

/// <summary>
/// The span API converts a million points without allocating per point. Speed is measured by the benchmark
/// (<c>bench/run.sh wcs</c>, against astropy/wcslib), never asserted here.
/// </summary>
public sealed class PerformanceTests
{
    private const int Count = 1_000_000;

    [Theory]
    [InlineData("tuc47_acs_hrc__j8bt06nyq_flt_tan_sip_fits__hdu1")] // TAN-SIP order 4
    [InlineData("ngc1316__ngc1316o_fit__hdu0")] // SIN in FK4 → ICRS with E-terms
    public void PixelToIcrs_OneMillionPixels_AllocatesNothingPerPoint(string name)
    {
        var wcs = AstropyFixture.Load(name).Wcs();
        var x = new double[Count];
        var y = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            x[i] = i % 1000;
            y[i] = i / 1000;
        }
        var ra = new double[Count];
        var dec = new double[Count];
        wcs.PixelToIcrs(x.AsSpan(0, 1000), y.AsSpan(0, 1000), ra.AsSpan(0, 1000), dec.AsSpan(0, 1000)); // warm up
        var allocated = AllocatedBy(() => wcs.PixelToIcrs(x, y, ra, dec));
        // Per-point allocation would be megabytes; allow a few kilobytes of runtime noise (tiered JIT, statics).
        Assert.InRange(allocated, 0, 64 * 1024);
        Assert.All(ra, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void IcrsToPixel_OneMillionPoints_AllocatesNothingPerPoint()
    {
        var wcs = AstropyFixture.Load("tuc47_acs_hrc__j8bt06nyq_flt_tan_sip_fits__hdu1").Wcs();
        var ra = new double[Count];
        var dec = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            (ra[i], dec[i]) = (i % 1000, i / 1000);
        }
        wcs.PixelToIcrs(ra, dec, ra, dec);
        var allocated = AllocatedBy(() => wcs.IcrsToPixel(ra, dec, ra, dec));
        Assert.InRange(allocated, 0, 64 * 1024);
        Assert.Equal(999.0, ra[999], 6);
        Assert.Equal(999.0, dec[999_999], 6);
    }

    private static long AllocatedBy(Action action)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - bytes;
    }
}
