using System.Diagnostics;
using System.Globalization;

namespace VoServices.Wcs.Tests;

/// <summary>
/// The span API converts a million points in well under a second without allocating per point. Time is the CPU
/// time of the test thread (Linux /proc/thread-self/schedstat), so a loaded build machine does not make the test
/// flaky; elsewhere it falls back to wall-clock time. Release builds take ~70–210 ms per million points; the bound
/// of one second also holds for unoptimised Debug builds.
/// </summary>
public sealed class PerformanceTests
{
    private const int Count = 1_000_000;

    [Theory]
    [InlineData("tuc47_acs_hrc__j8bt06nyq_flt_tan_sip_fits__hdu1")] // TAN-SIP order 4
    [InlineData("ngc1316__ngc1316o_fit__hdu0")] // SIN in FK4 → ICRS with E-terms
    public void PixelToIcrs_OneMillionPixels_UnderOneSecondWithoutAllocation(string name)
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
        var (elapsed, allocated) = Measure(() => wcs.PixelToIcrs(x, y, ra, dec));
        Assert.InRange(allocated, 0, 4096); // a constant from the runtime (tiered JIT) at most, nothing per point
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"{name}: {elapsed.TotalMilliseconds:0} ms");
        Assert.All(ra, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void IcrsToPixel_OneMillionPoints_UnderOneSecondWithoutAllocation()
    {
        var wcs = AstropyFixture.Load("tuc47_acs_hrc__j8bt06nyq_flt_tan_sip_fits__hdu1").Wcs();
        var ra = new double[Count];
        var dec = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            (ra[i], dec[i]) = (i % 1000, i / 1000);
        }
        wcs.PixelToIcrs(ra, dec, ra, dec);
        var (elapsed, allocated) = Measure(() => wcs.IcrsToPixel(ra, dec, ra, dec));
        Assert.InRange(allocated, 0, 4096);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"{elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(999.0, ra[999], 6);
        Assert.Equal(999.0, dec[999_999], 6);
    }

    private static (TimeSpan Elapsed, long Allocated) Measure(Action action)
    {
        var cpu = ThreadCpuNanoseconds();
        var wall = Stopwatch.GetTimestamp();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        action();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
        var elapsed = cpu is { } before && ThreadCpuNanoseconds() is { } after
            ? TimeSpan.FromTicks((after - before) / 100)
            : Stopwatch.GetElapsedTime(wall);
        return (elapsed, allocated);
    }

    private static long? ThreadCpuNanoseconds()
    {
        try
        {
            var text = File.ReadAllText("/proc/thread-self/schedstat");
            return long.Parse(text.AsSpan(0, text.IndexOf(' ')), CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
