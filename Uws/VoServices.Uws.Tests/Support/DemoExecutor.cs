using System.Collections.Concurrent;
using VoServices.Dali;
using VoServices.Uws.Execution;
using VoServices.VoTable;

namespace VoServices.Uws.Tests.Support;

/// <summary>Counts executions per job id, shared by every host of a test.</summary>
internal sealed class ExecutionLog
{
    private readonly ConcurrentDictionary<string, int> runs = new();
    private readonly ConcurrentDictionary<string, string> runners = new();

    public void Record(string jobId, string runner)
    {
        runs.AddOrUpdate(jobId, 1, (_, n) => n + 1);
        runners[jobId] = runner;
    }

    public int Runs(string jobId) => runs.GetValueOrDefault(jobId);

    public IReadOnlyDictionary<string, int> All => runs;

    public IEnumerable<string> Runners => runners.Values.Distinct();
}

/// <summary>
/// A small real job runner for the tests: waits DELAY milliseconds (honouring cancellation), then writes a VOTable
/// with ROWS rows (column n = 1..ROWS) as result <c>result</c>. FAIL=msg throws a DALI usage error, CRASH=1 throws an
/// unexpected exception, ECHO=part copies the inline upload of that part to result <c>echo</c>.
/// </summary>
internal sealed class DemoExecutor(ExecutionLog log, Microsoft.Extensions.Options.IOptions<UwsOptions> options)
    : IJobExecutor
{
    public const string VoTableType = "application/x-votable+xml";

    public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        log.Record(context.Job.JobId, options.Value.RunnerId);
        var p = context.Parameters;
        if (p.GetInt32("DELAY") is { } delay)
        {
            await Task.Delay(delay, cancellationToken);
        }
        if (p.GetSingle("FAIL") is { } message)
        {
            throw new DaliException(DaliErrorKind.UsageError, message);
        }
        if (p.GetSingle("CRASH") is not null)
        {
            throw new InvalidOperationException("secret internal detail /etc/passwd");
        }
        if (p.GetSingle("ECHO") is { } part)
        {
            await using var upload = context.OpenInlineParameter(part);
            await context.AddResultAsync("echo", "text/plain", (s, ct) => upload.CopyToAsync(s, ct), cancellationToken);
        }
        var rows = p.GetInt32("ROWS") ?? 3;
        await context.AddResultAsync("result", VoTableType, (s, ct) => WriteVoTableAsync(s, rows, ct),
            cancellationToken);
    }

    private static async Task WriteVoTableAsync(Stream stream, int rows, CancellationToken cancellationToken)
    {
        await using var writer = new VoTableWriter(stream);
        writer.WriteStartDocument();
        writer.WriteStartResource();
        writer.WriteInfo("QUERY_STATUS", "OK");
        writer.WriteStartTable([new VoTableField("n", VoTableDataType.Int)], VoTableSerialization.TableData);
        for (var i = 1; i <= rows; i++)
        {
            writer.WriteRow([i]);
        }
        writer.WriteEndTable();
        writer.WriteEndResource();
        await writer.WriteEndDocumentAsync(cancellationToken);
    }
}
