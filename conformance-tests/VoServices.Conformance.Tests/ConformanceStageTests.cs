using VoServices.Testing;
using Xunit.Abstractions;

namespace VoServices.Conformance.Tests;

/// <summary>
/// The black-box suites of <c>conformance-tests/run.sh</c> as xunit cases, one per backend and stage: the real server
/// in Release as a process, STILTS taplint (all stages, TAP 1.1 / UWS 1.1 / VOSI 1.1 / TAPRegExt; standards.md §15),
/// the pyvo 1.2.1 client script, <c>stilts tapquery</c> sync and async, 50 concurrent async jobs each run exactly
/// once, and kill -9 of the server with jobs QUEUED and EXECUTING followed by a restart (UWS 1.1 §2.1.3 phases).
/// Missing stilts, pyvo or PostgreSQL skip locally and fail under CI; run.sh runs at most once per backend.
/// </summary>
public sealed class ConformanceStageTests(ConformanceRunFixture runs, ITestOutputHelper output)
    : IClassFixture<ConformanceRunFixture>
{
    [SkippableTheory]
    [InlineData("sqlite", "start")]
    [InlineData("sqlite", "taplint")]
    [InlineData("sqlite", "tapquery")]
    [InlineData("sqlite", "pyvo")]
    [InlineData("sqlite", "uws-concurrent")]
    [InlineData("sqlite", "uws-restart")]
    [InlineData("postgres", "start")]
    [InlineData("postgres", "taplint")]
    [InlineData("postgres", "tapquery")]
    [InlineData("postgres", "pyvo")]
    [InlineData("postgres", "uws-concurrent")]
    [InlineData("postgres", "uws-restart")]
    public void RunSh_Stage_Passes(string backend, string stage)
    {
        RequirePrerequisites(backend, stage);
        var run = runs.Get(backend);
        var result = run.Find(stage);
        var log = run.StageLog(stage);
        output.WriteLine(log.Length > 0 ? log : run.Output);
        Assert.True(result is not null,
            $"run.sh {backend} never reached stage {stage} (logs: {run.LogDirectory}):\n{Tail(run.Output)}");
        SharedData.Require(result.Status != "SKIP", result.Detail); // a skipped stage fails under CI
        Assert.True(result.Status == "PASS", $"{backend} {stage}: {result.Detail}\n{Tail(log)}");
    }

    /// <summary>Skips locally, fails under CI, when a tool the stage needs is missing (SharedData.Require).</summary>
    private static void RequirePrerequisites(string backend, string stage)
    {
        SharedData.RequireTool("curl");
        SharedData.Require(File.Exists("/usr/bin/python3"), "/usr/bin/python3 is missing");
        if (stage is "taplint" or "tapquery")
        {
            SharedData.RequireTool("stilts");
        }
        if (stage is "pyvo" or "uws-concurrent" or "uws-restart")
        {
            var (code, _, _) = SharedData.Run("/usr/bin/python3", ["-c", "import pyvo, astropy, yaml, requests"]);
            SharedData.Require(code == 0, "/usr/bin/python3 lacks pyvo/astropy/yaml (apt-get install python3-pyvo)");
        }
        if (backend == "postgres")
        {
            SharedData.Require(!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("VOSERVICES_TEST_DB")),
                "VOSERVICES_TEST_DB is not set (tools/pg-test.sh start && export \"$(tools/pg-test.sh env)\")");
        }
    }

    private static string Tail(string text, int lines = 40) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));
}
