using System.Diagnostics;

namespace VoServices.Bench.Tap;

/// <summary>
/// The cost of running a query as a UWS 1.1 job (issue 6): create with PHASE=RUN → COMPLETED (observed through a
/// blocking WAIT, UWS 1.1 §2.2.1.2, so no polling delay is counted) and → result fetched, against the same query run
/// sync. Medians of 15 alternating runs.
/// </summary>
internal static class UwsBench
{
    private const int Runs = 15;

    public static async Task RunAsync(string backend, TapClient client, string adql, CancellationToken cancellationToken)
    {
        var sync = new List<double>();
        var completed = new List<double>();
        var fetched = new List<double>();
        await client.SyncAsync(adql, null, null, cancellationToken); // warm-up
        for (var run = 0; run < Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await client.SyncAsync(adql, null, null, cancellationToken);
            sync.Add(clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            var job = await client.CreateRunningJobAsync(adql, cancellationToken);
            var phase = await client.WaitFinalAsync(job, cancellationToken);
            completed.Add(clock.Elapsed.TotalMilliseconds);
            if (phase != "COMPLETED")
            {
                Report.Note(Report.Format($"[{backend}] UWS async job"), $"job {job} ended {phase}; overhead not measured");
                return;
            }
            await client.FetchResultAsync(job, cancellationToken);
            fetched.Add(clock.Elapsed.TotalMilliseconds);
            await client.DeleteAsync(job, cancellationToken);
        }
        var s = Report.Median(sync);
        var c = Report.Median(completed);
        var f = Report.Median(fetched);
        Report.Note(Report.Format($"[{backend}] UWS async job vs sync (cone r=0.1)"), Report.Format(
            $"sync {s:F1} ms; async create->COMPLETED {c:F1} ms, ->result fetched {f:F1} ms; overhead {f - s:F1} ms ({f / s:F1}x), median of {Runs}"));
    }
}
