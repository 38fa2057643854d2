using VoServices.Testing;
using VoServices.Uws.Http;
using VoServices.Uws.Jobs;
using VoServices.Uws.Tests.Support;

namespace VoServices.Uws.Tests.Http;

/// <summary>The job document as the reference client reads it (pyvo.io.uws, python3-pyvo 1.2.1).</summary>
public sealed class PyvoCompatibilityTests : IDisposable
{
    private const string Script = """
        import sys
        from pyvo.io.uws import parse_job
        job = parse_job(sys.argv[1])
        print(job.jobid, job.phase, job.runid, job.executionduration.sec)
        print(job.creationtime.isot, job.destruction.isot, job.creationtime.scale)
        print("|".join(f"{p.id_}={p.content}" for p in job.parameters))
        print("|".join(f"{r.id_}:{r.href}" for r in job.results))
        print(job.errorsummary.type_, job.errorsummary.has_detail)
        print(job.version, job.ownerid, job.quote, job.endtime.isot)
        """;

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [SkippableFact]
    public void ParseJob_ErrorJobDocument_PyvoReadsEveryField()
    {
        var python = "/usr/bin/python3";
        SharedData.Require(File.Exists(python), "/usr/bin/python3 (with pyvo) is not installed");
        var t0 = new DateTime(2024, 5, 1, 12, 0, 0, 250, DateTimeKind.Utc);
        var job = new UwsJob
        {
            JobId = "j1",
            JobList = "tap",
            RunId = "r-7",
            Phase = ExecutionPhase.Error,
            CreationTime = t0,
            StartTime = t0,
            EndTime = t0.AddSeconds(3),
            ExecutionDuration = 600,
            Destruction = t0.AddDays(7),
            Parameters = [new("LANG", "ADQL"), new("QUERY", "SELECT TOP 1 * FROM x")],
            Results = [new UwsResult("result", "text/xml", 10) { FileName = "r0" }],
            ErrorSummary = new UwsErrorSummary("query failed", UwsErrorType.Fatal),
        };
        var path = temp.File("job.xml");
        File.WriteAllBytes(path, UwsXmlWriter.Job(job, "http://h/tap/async/j1"));

        var (exit, stdout, stderr) = SharedData.Run(python, ["-c", Script, path]);

        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("Warning", stderr, StringComparison.OrdinalIgnoreCase);
        // Expected values are pyvo 1.2.1's reading of the document (pyvo 1.2.1 drops the errorSummary message text).
        Assert.Equal(
            [
                "j1 ERROR r-7 600.0",
                "2024-05-01T12:00:00.250 2024-05-08T12:00:00.250 utc",
                "LANG=ADQL|QUERY=SELECT TOP 1 * FROM x",
                "result:http://h/tap/async/j1/results/result",
                "fatal True",
                "1.1 None None 2024-05-01T12:00:03.250",
            ],
            stdout.TrimEnd('\n').Split('\n'));
    }
}
