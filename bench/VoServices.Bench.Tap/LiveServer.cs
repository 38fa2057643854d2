using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace VoServices.Bench.Tap;

/// <summary>
/// The real server (Server/VoServices.Server, Release build) as a child process on a free loopback port with a
/// private data directory, started like <c>conformance-tests/run.sh</c> does; logs at Warning level so that request
/// logging does not weigh on the figures. Memory is read from <c>/proc/{pid}/status</c> (Linux).
/// </summary>
internal sealed class LiveServer : IAsyncDisposable
{
    private readonly Process process;

    private LiveServer(Process process, Uri baseUri, string dataDirectory, string log)
    {
        this.process = process;
        BaseUri = baseUri;
        DataDirectory = dataDirectory;
        LogPath = log;
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseUri { get; }

    /// <summary>The TAP base URL.</summary>
    public Uri Tap => new(BaseUri, "tap/");

    /// <summary>The private data directory (embedded database and UWS job files).</summary>
    public string DataDirectory { get; }

    /// <summary>The server's console output.</summary>
    public string LogPath { get; }

    /// <summary>Process id of the server (for /proc).</summary>
    public int ProcessId => process.Id;

    /// <summary>
    /// Starts the server and waits (up to 5 minutes: first start ingests the demo archive) for <c>/health</c> 200.
    /// </summary>
    /// <exception cref="InvalidOperationException">The server exited or never became healthy.</exception>
    public static async Task<LiveServer> StartAsync(string serverDll, string? postgres, CancellationToken cancellationToken)
    {
        if (!File.Exists(serverDll))
        {
            throw new InvalidOperationException($"server build not found: {serverDll} (bench/run.sh builds it)");
        }
        var data = Directory.CreateTempSubdirectory("vo-bench-data-").FullName;
        var log = Path.Combine(data, "server.log");
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(Checkout.Root, "Server", "VoServices.Server"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[]
                 {
                     serverDll, "--urls", Report.Format($"http://127.0.0.1:{port}"), $"--VoServices:DataDirectory={data}",
                     "--Logging:LogLevel:Default=Warning",
                     "--Logging:LogLevel:Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning",
                 })
        {
            psi.ArgumentList.Add(a);
        }
        if (!Checkout.HasFullTycho2)
        {
            psi.ArgumentList.Add("--VoServices:Demo:UseShippedSubset=true");
        }
        if (postgres is not null)
        {
            psi.ArgumentList.Add($"--VoServices:Postgres={postgres}");
        }
        var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start dotnet");
        var writer = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new LiveServer(process, new Uri(Report.Format($"http://127.0.0.1:{port}/")), data, log);
        await server.WaitHealthyAsync(TimeSpan.FromMinutes(5), cancellationToken);
        return server;
    }

    /// <summary>Resident set size now (VmRSS) and its peak (VmHWM), in bytes.</summary>
    public (long Rss, long Peak) Memory()
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines(Report.Format($"/proc/{ProcessId}/status")))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line) * 1024;
            }
        }
        return (rss, peak);
    }

    /// <summary>Resets VmHWM to the current RSS (<c>echo 5 &gt; /proc/PID/clear_refs</c>, Linux ≥ 4.0); false if denied.</summary>
    public bool ResetPeak()
    {
        try
        {
            File.WriteAllText(Report.Format($"/proc/{ProcessId}/clear_refs"), "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // the temp folder may be left behind
        }
    }

    private async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {process.ExitCode} (log: {LogPath})");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(BaseUri, "health"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // a slow answer during the ingest
            }
            await Task.Delay(500, cancellationToken);
        }
        throw new InvalidOperationException($"no /health 200 within {timeout} (log: {LogPath})");
    }

    private static long Kilobytes(string statusLine) =>
        long.Parse(statusLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
