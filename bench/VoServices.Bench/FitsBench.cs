using System.Diagnostics;
using System.Globalization;
using VoServices.Fits;

namespace VoServices.Bench;

/// <summary>
/// Sub-rectangle reads (256×256 at x=400, y=300) from real HST images, plain and RICE tile-compressed, against
/// astropy's lazy section reads in-process and cfitsio's fitscopy of the same section (per call, minus the cost of
/// a 1×1 section, so that process start and file opening are not counted).
/// </summary>
internal static class FitsBench
{
    private const int X0 = 400, Y0 = 300, W = 256, H = 256;

    public static void Run(string? shared)
    {
        if (shared is null)
        {
            Console.WriteLine("FITS benchmarks skipped: ../shared/data is absent");
            return;
        }
        Bench(Path.Combine(shared, "images/tuc47_acs_hrc/j8bt06nyq_flt.fits"), hdu: 1, "float32 MEF (47 Tuc SCI)");
        Bench(Path.Combine(shared, "images/fz/j8bt06nyq_flt.fits.fz"), hdu: 1, "RICE_1 quantized .fz (47 Tuc SCI)");
    }

    private static void Bench(string path, int hdu, string label)
    {
        using var file = FitsFile.Open(path);
        var image = file.Hdus[hdu].AsImage();
        var buffer = new float[W * H];
        var ours = Measure.Throughput(200, () =>
        {
            for (var i = 0; i < 200; i++)
            {
                image.ReadRegion(X0, Y0, W, H, 0, buffer);
            }
        }, runs: 3);
        var astropy = Measure.PythonFloor("astropy_section.py", path, I(hdu), I(X0), I(Y0), I(W), I(H));
        Measure.Report($"FITS 256x256 section, {label}", "reads/s", ours, astropy, "astropy ImageHDU.section, in-process");
        Measure.Report($"FITS 256x256 section, {label}", "reads/s", ours, FitscopyFloor(path, hdu),
            "cfitsio fitscopy per call, minus a 1x1 section");
    }

    private static double? FitscopyFloor(string path, int hdu)
    {
        const string Tool = "/usr/bin/fitscopy";
        if (!File.Exists(Tool))
        {
            return null;
        }
        // cfitsio sections are 1-based and inclusive: [x1:x2,y1:y2].
        var section = $"{path}[{hdu}][{X0 + 1}:{X0 + W},{Y0 + 1}:{Y0 + H}]";
        var single = $"{path}[{hdu}][{X0 + 1}:{X0 + 1},{Y0 + 1}:{Y0 + 1}]";
        var full = Time(Tool, section);
        var baseline = Time(Tool, single);
        return full is { } f && baseline is { } b && f > b ? 1.0 / (f - b) : null;
    }

    private static double? Time(string tool, string input)
    {
        var best = double.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var output = Path.Combine(Path.GetTempPath(), $"vobench-{Environment.ProcessId}.fits");
            File.Delete(output);
            var sw = Stopwatch.StartNew();
            if (Measure.RunProcess(tool, [input, output]) is null)
            {
                return null;
            }
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            File.Delete(output);
        }
        return best;
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
