using VoServices.Healpix;

namespace VoServices.Bench;

/// <summary>ang2pix throughput (NESTED, order 12 and 29) against healpy's vectorised HEALPix C++ on the same points.</summary>
internal static class HealpixBench
{
    private const int Count = 2_000_000;

    public static void Run()
    {
        var positions = HealpixWorkload.SamplePositions(Count, seed: 42);
        foreach (var order in new[] { 12, 29 })
        {
            var o = new HealpixOrder(order);
            var ours = Measure.Throughput(Count, () => HealpixWorkload.AngToPix(o, HealpixScheme.Nested, positions));
            var floor = Measure.PythonFloor("healpy_ang2pix.py", order.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Measure.Report($"HEALPix ang2pix NESTED order {order}", "pts/s", ours, floor, "healpy.ang2pix, numpy arrays");
        }
        var order29 = new HealpixOrder(29);
        var disc = Measure.Throughput(1, () => HealpixWorkload.QueryDisc(order29, new LonLat(10, 20), 1.0 / 60, inclusive: true));
        Measure.Report("HEALPix inclusive disc r=1' at order 29", "queries/s", disc, null, "healpy query_disc is imprecise at order 29");
    }
}
