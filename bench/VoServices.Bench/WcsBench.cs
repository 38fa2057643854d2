using VoServices.Fits;
using VoServices.Wcs;

namespace VoServices.Bench;

/// <summary>Pixel→world throughput on real headers against astropy.wcs (wcslib) all_pix2world on the same pixels.</summary>
internal static class WcsBench
{
    private const int Count = 1_000_000;

    public static void Run(string? shared)
    {
        if (shared is null)
        {
            Console.WriteLine("WCS benchmarks skipped: ../shared/data is absent");
            return;
        }
        Bench(shared, "images/tuc47_acs_hrc/j8bt06nyq_flt.fits", hdu: 1, "TAN (47 Tuc ACS/HRC)");
        Bench(shared, "images/tuc47_acs_hrc/j8bt06nyq_flt_tan_sip.fits", hdu: 1, "TAN-SIP (47 Tuc ACS/HRC)");
        Bench(shared, "images/ngc1316/ngc1316o.fit", hdu: 0, "SIN, FK4 header (NGC 1316)");
    }

    private static void Bench(string shared, string relative, int hdu, string label)
    {
        var path = Path.Combine(shared, relative);
        using var file = FitsFile.Open(path);
        var header = file.Hdus[hdu].Header;
        var wcs = WcsParser.FromHeader(header);
        var nx = Convert.ToInt32(header.GetValue("NAXIS1"), System.Globalization.CultureInfo.InvariantCulture);
        var ny = Convert.ToInt32(header.GetValue("NAXIS2"), System.Globalization.CultureInfo.InvariantCulture);
        var random = new Random(7);
        var x = new double[Count];
        var y = new double[Count];
        for (var i = 0; i < Count; i++)
        {
            x[i] = random.NextDouble() * (nx - 1);
            y[i] = random.NextDouble() * (ny - 1);
        }
        var lon = new double[Count];
        var lat = new double[Count];
        var ours = Measure.Throughput(Count, () => wcs.PixelToWorld(x, y, lon, lat), runs: 3);
        var floor = Measure.PythonFloor("astropy_pix2world.py", path, hdu.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Measure.Report($"WCS pixel->world {label}", "pts/s", ours, floor, "astropy all_pix2world (wcslib)");
    }
}
