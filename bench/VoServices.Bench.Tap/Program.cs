using System.Globalization;
using VoServices.Bench.Tap;

// ADQL, TAP and UWS benchmarks, each printed beside its floor (bench/README.md).
// Usage: bench/run.sh adql | tap [sqlite|postgres|all] | uws [sqlite|postgres|all]
//        (VoServices.Bench.Tap adql|tap|uws|all [sqlite|postgres|all] [--server-dll PATH])
var what = args.Length > 0 ? args[0] : "all";
var backends = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : "all";
var serverDll = Option(args, "--server-dll") ?? Environment.GetEnvironmentVariable("VOSERVICES_SERVER_DLL")
    ?? Path.Combine(Checkout.Root, "Server", "VoServices.Server", "bin", "Release", "net10.0", "VoServices.Server.dll");
if (what is not ("adql" or "tap" or "uws" or "all") || backends is not ("sqlite" or "postgres" or "all"))
{
    Console.Error.WriteLine("usage: VoServices.Bench.Tap adql|tap|uws|all [sqlite|postgres|all] [--server-dll PATH]");
    return 2;
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"VoServices ADQL/TAP/UWS benchmarks ({Environment.ProcessorCount} cores, .NET {Environment.Version}); shared data: {Checkout.SharedData ?? "absent"}"));
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
await using var demo = await DemoSchema.CreateAsync(cancel.Token);
if (what is "adql" or "all")
{
    AdqlBench.Run(demo);
}
if (what is "tap" or "uws" or "all")
{
    var parts = new TapBenchParts(Tap: what is "tap" or "all", Uws: what is "uws" or "all");
    foreach (var backend in backends == "all" ? ["sqlite", "postgres"] : new[] { backends })
    {
        await TapBench.RunAsync(backend, serverDll, demo, parts, cancel.Token);
    }
}
return 0;

static string? Option(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
