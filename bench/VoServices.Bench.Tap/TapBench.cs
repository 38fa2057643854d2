using System.Diagnostics;
using VoServices.Adql.Semantics;
using VoServices.Adql.Translation;

namespace VoServices.Bench.Tap;

/// <summary>Which parts run against the live server.</summary>
internal sealed record TapBenchParts(bool Tap, bool Uws);

/// <summary>
/// TAP (issue 5) and UWS (issue 6) figures against the real server on one backend, each beside a raw-SQL floor on the
/// same database (<see cref="RawSqlFloor"/>): sync cone search r = 0.1° on tycho2.main at 1 and 4 concurrent clients;
/// MB/s and peak RSS (VmHWM) for a 100,000-row BINARY2 result; RSS sampled during 200,000- and 2,000,000-row BINARY2
/// transfers (memory must not grow with the row count); the overhead of an async job over the same query run sync.
/// </summary>
internal static class TapBench
{
    private const double ConeRadius = 0.1;
    private const long ServerDefaultMaxRec = 100_000; // TapOptions.DefaultMaxRec: the server fetches MAXREC + 1
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(4);

    public static async Task RunAsync(string backend, string serverDll, DemoSchema demo, TapBenchParts parts,
        CancellationToken cancellationToken)
    {
        Console.WriteLine();
        await using var database = backend == "postgres" ? await BenchDatabase.CreateAsync(cancellationToken) : null;
        if (backend == "postgres" && database is null)
        {
            Report.Note("TAP/UWS on postgres", "skipped: no PostgreSQL (set VOSERVICES_TEST_DB or run tools/pg-test.sh start)");
            return;
        }
        var started = Stopwatch.StartNew();
        await using var server = await LiveServer.StartAsync(serverDll, database?.ConnectionString, cancellationToken);
        var databasePath = Path.Combine(server.DataDirectory, "voservices.db");
        var healpix = backend == "sqlite" && DemoSchema.HasHealpixColumn(databasePath);
        var floor = backend == "postgres" ? RawSqlFloor.Postgres(database!.ConnectionString) : RawSqlFloor.Sqlite(databasePath);
        var schema = demo.For(backend, healpix);
        var translator = DemoSchema.Translator(backend);
        Report.Note(Report.Format($"[{backend}] server ready"), Report.Format(
            $"{started.Elapsed.TotalSeconds:F0} s (ingest included); {(Checkout.HasFullTycho2 ? "full Tycho-2" : "shipped subset")}{(backend == "sqlite" ? healpix ? ", HEALPix column" : ", no HEALPix column (cones scan)" : "")}"));
        using var client = new TapClient(server.Tap);
        if (parts.Tap)
        {
            await ConesAsync(backend, client, floor, schema, translator, cancellationToken);
            await Binary2Async(backend, server, client, floor, schema, translator, cancellationToken);
            await FlatMemoryAsync(backend, server, client, cancellationToken);
        }
        if (parts.Uws)
        {
            await UwsBench.RunAsync(backend, client, ConeAdql(201.7, -47.48), cancellationToken);
        }
    }

    /// <summary>An ADQL cone search (all columns) of radius <see cref="ConeRadius"/> degrees.</summary>
    public static string ConeAdql(double ra, double dec) => Report.Format(
        $"SELECT * FROM tycho2.main WHERE 1 = CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', {ra:R}, {dec:R}, {ConeRadius:R}))");

    private static async Task ConesAsync(string backend, TapClient client, RawSqlFloor floor, AdqlSchema schema,
        SqlTranslator translator, CancellationToken cancellationToken)
    {
        var centers = Centers(4096);
        var queries = centers.Select(c => ConeAdql(c.Ra, c.Dec)).ToArray();
        var statements = queries.Select(q => DemoSchema.Translate(q, schema, translator, ServerDefaultMaxRec + 1)).ToArray();
        await CheckSameRowsAsync(backend, client, floor, queries, statements, cancellationToken);
        // The fixed cost of a query (HTTP, session, parse, translate, VOTable envelope), for reading the cone figures.
        const string one = "SELECT TOP 1 tyc FROM tycho2.main";
        var oneStatement = DemoSchema.Translate(one, schema, translator, ServerDefaultMaxRec + 1);
        Report.Line(Report.Format($"[{backend}] TAP sync TOP 1 (fixed cost), 1 client"), "q/s",
            await RateAsync(1, _ => client.SyncAsync(one, null, null, cancellationToken)),
            await RateAsync(1, floor, (connection, _) => connection.Run(oneStatement)), "raw SQL, same database");
        foreach (var clients in new[] { 1, 4 })
        {
            var ours = await RateAsync(clients, i => client.SyncAsync(queries[i % queries.Length], null, null, cancellationToken));
            var raw = await RateAsync(clients, floor, (connection, i) => connection.Run(statements[i % statements.Length]));
            Report.Line(Report.Format($"[{backend}] TAP sync cone r=0.1 deg, {clients} client(s)"), "q/s", ours, raw,
                "raw SQL, same database");
        }
    }

    /// <summary>The server and the floor return the same number of rows for the first cones (a sanity check).</summary>
    private static async Task CheckSameRowsAsync(string backend, TapClient client, RawSqlFloor floor, string[] queries,
        SqlStatement[] statements, CancellationToken cancellationToken)
    {
        using var connection = floor.Open();
        long served = 0, raw = 0;
        for (var i = 0; i < 8; i++)
        {
            served += await client.CountCsvRowsAsync(queries[i], cancellationToken);
            raw += connection.Run(statements[i]);
        }
        var verdict = served == raw ? "same" : "DIFFERENT";
        Report.Note(Report.Format($"[{backend}] rows in 8 cones, server vs raw SQL"), Report.Format($"{served} vs {raw} ({verdict})"));
    }

    private static async Task Binary2Async(string backend, LiveServer server, TapClient client, RawSqlFloor floor,
        AdqlSchema schema, SqlTranslator translator, CancellationToken cancellationToken)
    {
        const long rows = 100_000;
        var adql = Report.Format($"SELECT TOP {rows} * FROM tycho2.main");
        await client.SyncAsync(adql, rows, "votable", cancellationToken); // warm-up (JIT, page cache)
        var resetWorked = server.ResetPeak();
        var best = double.MaxValue;
        long bytes = 0;
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            bytes = await client.SyncAsync(adql, rows, "votable", cancellationToken);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        var peak = server.Memory().Peak;
        var statement = DemoSchema.Translate(adql, schema, translator, rows + 1);
        using var connection = floor.Open();
        connection.Run(statement);
        var floorBest = Enumerable.Range(0, 3).Min(_ =>
        {
            var clock = Stopwatch.StartNew();
            connection.Run(statement);
            return clock.Elapsed.TotalSeconds;
        });
        Report.Line(Report.Format($"[{backend}] 100,000-row BINARY2 result"), "rows/s", rows / best, rows / floorBest,
            "raw SQL read of the same rows");
        Report.Note(Report.Format($"[{backend}]   transfer, server peak RSS"), Report.Format(
            $"{bytes / best / 1e6:F1} MB/s ({bytes / 1e6:F1} MB in {best * 1000:F0} ms); VmHWM {peak / 1e6:F0} MB{(resetWorked ? " (peak reset before the transfers)" : " (process lifetime peak)")}"));
    }

    /// <summary>
    /// RSS sampled every 20 ms during a 200,000-row and a 2,000,000-row BINARY2 transfer. Flat = the growth over the
    /// starting RSS does not scale with the row count (architecture.md §4: rows stream as they come).
    /// </summary>
    private static async Task FlatMemoryAsync(string backend, LiveServer server, TapClient client,
        CancellationToken cancellationToken)
    {
        if (!Checkout.HasFullTycho2)
        {
            Report.Note(Report.Format($"[{backend}] 2,000,000-row BINARY2"), "skipped: needs the full Tycho-2 (../shared/data)");
            return;
        }
        var growth = new Dictionary<long, long>();
        foreach (var rows in new long[] { 200_000, 2_000_000 })
        {
            var adql = Report.Format($"SELECT TOP {rows} * FROM tycho2.main");
            var start = server.Memory().Rss;
            var peak = start;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, server.Memory().Rss);
                    await Task.Delay(20, CancellationToken.None);
                }
            }, CancellationToken.None);
            var clock = Stopwatch.StartNew();
            var bytes = await client.SyncAsync(adql, rows, "votable", cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            await stop.CancelAsync();
            await sampler;
            var end = server.Memory().Rss;
            growth[rows] = peak - start;
            Report.Note(Report.Format($"[{backend}] {rows:N0}-row BINARY2, server RSS"), Report.Format(
                $"start {start / 1e6:F0} MB, peak {peak / 1e6:F0} MB, end {end / 1e6:F0} MB; {bytes / seconds / 1e6:F1} MB/s, {rows / seconds:N0} rows/s"));
        }
        var small = growth[200_000];
        var large = growth[2_000_000];
        var flat = large <= (small * 3 / 2) + (64L << 20);
        Report.Note(Report.Format($"[{backend}] memory vs rows (10x more rows)"), Report.Format(
            $"peak growth {small / 1e6:F0} MB -> {large / 1e6:F0} MB: {(flat ? "flat" : "GROWS with the row count")}"));
    }

    /// <summary>Requests per second with <paramref name="clients"/> concurrent loops over <see cref="Window"/>.</summary>
    private static async Task<double> RateAsync(int clients, Func<int, Task> request)
    {
        await request(0); // warm-up
        var next = 0;
        var done = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < Window)
            {
                await request(Interlocked.Increment(ref next));
                Interlocked.Increment(ref done);
            }
        })));
        return done / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Same as above for the floor: one connection per client thread.</summary>
    private static Task<double> RateAsync(int clients, RawSqlFloor floor, Action<RawSqlFloor.IFloorConnection, int> run)
    {
        var connections = Enumerable.Range(0, clients).Select(_ => floor.Open()).ToArray();
        try
        {
            run(connections[0], 0); // warm-up
            var next = 0;
            var done = 0;
            var clock = Stopwatch.StartNew();
            var threads = connections.Select(c => new Thread(() =>
            {
                while (clock.Elapsed < Window)
                {
                    run(c, Interlocked.Increment(ref next));
                    Interlocked.Increment(ref done);
                }
            })).ToArray();
            foreach (var t in threads)
            {
                t.Start();
            }
            foreach (var t in threads)
            {
                t.Join();
            }
            return Task.FromResult(done / clock.Elapsed.TotalSeconds);
        }
        finally
        {
            foreach (var c in connections)
            {
                c.Dispose();
            }
        }
    }

    /// <summary>Cone centres uniform on the sphere (fixed seed: ours and the floor get the same sequence).</summary>
    private static (double Ra, double Dec)[] Centers(int count)
    {
        var random = new Random(20261122);
        return [.. Enumerable.Range(0, count).Select(_ =>
            (Math.Round(random.NextDouble() * 360, 4),
             Math.Round(Math.Asin((random.NextDouble() * 2) - 1) * 180 / Math.PI, 4)))];
    }
}
