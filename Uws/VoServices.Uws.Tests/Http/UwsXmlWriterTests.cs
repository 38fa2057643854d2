using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using VoServices.Testing;
using VoServices.Uws.Http;
using VoServices.Uws.Jobs;
using VoServices.Uws.Tests.Support;

namespace VoServices.Uws.Tests.Http;

/// <summary>The UWS documents validate against the UWS 1.1 REC schema (UWS-v1.1.xsd, as shipped with taplint).</summary>
public sealed class UwsXmlWriterTests
{
    private const string JobUrl = "http://example.org/tap/async/abc123";

    private static readonly DateTime T0 = new(2024, 5, 1, 12, 0, 0, 500, DateTimeKind.Utc);

    private static readonly UwsJob Pending = new()
    {
        JobId = "abc123",
        JobList = "tap",
        Phase = ExecutionPhase.Pending,
        CreationTime = T0,
        ExecutionDuration = 600,
        Destruction = T0.AddDays(7),
        Parameters = [new("LANG", "ADQL"), new("QUERY", "SELECT * FROM t WHERE a < 3 & b > \"x\""), new("t1", "", true)],
    };

    private static readonly UwsJob Completed = Pending with
    {
        Phase = ExecutionPhase.Completed,
        RunId = "TAPLINT-001",
        OwnerId = "alice",
        Quote = T0.AddMinutes(1),
        StartTime = T0.AddSeconds(1),
        EndTime = T0.AddSeconds(2),
        Results =
        [
            new UwsResult("result", "application/x-votable+xml", 1234) { FileName = "r0" },
            new UwsResult("preview", null, null) { ExternalHref = new Uri("https://cdn.example.org/p.png") },
        ],
    };

    private static readonly UwsJob Failed = Pending with
    {
        Phase = ExecutionPhase.Error,
        Destruction = null,
        ErrorSummary = new UwsErrorSummary("Table 'x' not found \u0001", UwsErrorType.Fatal),
    };

    public static TheoryData<string> JobNames => ["pending", "completed", "error"];

    [SkippableTheory]
    [MemberData(nameof(JobNames))]
    public void Job_EachPhase_IsValidAgainstUwsXsd(string name)
    {
        var job = name switch { "pending" => Pending, "completed" => Completed, _ => Failed };
        Validate(UwsXmlWriter.Job(job, JobUrl));
    }

    [SkippableFact]
    public void JobList_SeveralJobs_IsValidAgainstUwsXsd()
    {
        Validate(UwsXmlWriter.JobList(
        [
            new UwsJobSummary("a1", ExecutionPhase.Executing, "run-1", "alice", T0),
            new UwsJobSummary("b2", ExecutionPhase.Pending, null, null, T0.AddSeconds(1)),
        ], "http://example.org/tap/async"));
        Validate(UwsXmlWriter.JobList([], "http://example.org/tap/async"));
    }

    [SkippableFact]
    public void ParametersAndResults_AsRoots_AreValidAgainstUwsXsd()
    {
        Validate(UwsXmlWriter.Parameters(Completed, JobUrl));
        Validate(UwsXmlWriter.Results(Completed, JobUrl));
    }

    [Fact]
    public void Job_Pending_FollowsXsdOrderWithNilsAndVersion()
    {
        var doc = Parse(UwsXmlWriter.Job(Pending, JobUrl));
        var root = doc.Root!;
        Assert.Equal("1.1", (string?)root.Attribute("version"));
        Assert.Equal(
            ["jobId", "ownerId", "phase", "quote", "creationTime", "startTime", "endTime", "executionDuration",
                "destruction", "parameters", "results"],
            root.Elements().Select(e => e.Name.LocalName));
        foreach (var nil in new[] { "ownerId", "quote", "startTime", "endTime" })
        {
            Assert.Equal("true", (string?)root.Element(UwsXml.Uws + nil)!.Attribute(UwsXml.Xsi + "nil"));
        }
        Assert.Equal("2024-05-01T12:00:00.5Z", UwsXml.Value(doc, "creationTime"));
        Assert.Equal("2024-05-08T12:00:00.5Z", UwsXml.Value(doc, "destruction"));
    }

    [Fact]
    public void Job_InlineUpload_IsByReferenceUrlBelowParameters()
    {
        var parameters = UwsXml.Parameters(Parse(UwsXmlWriter.Job(Pending, JobUrl)));
        Assert.Contains(("t1", JobUrl + "/parameters/t1", true), parameters);
        Assert.Contains(("QUERY", "SELECT * FROM t WHERE a < 3 & b > \"x\"", false), parameters);
    }

    [Fact]
    public void Job_ResultsAndError_CarryHrefSizeMimeTypeAndCleanedMessage()
    {
        var completed = Parse(UwsXmlWriter.Job(Completed, JobUrl));
        var results = completed.Descendants(UwsXml.Uws + "result").ToList();
        Assert.Equal(JobUrl + "/results/result", (string?)results[0].Attribute(UwsXml.Xlink + "href"));
        Assert.Equal("1234", (string?)results[0].Attribute("size"));
        Assert.Equal("application/x-votable+xml", (string?)results[0].Attribute("mime-type"));
        Assert.Equal("https://cdn.example.org/p.png", (string?)results[1].Attribute(UwsXml.Xlink + "href"));

        var failed = Parse(UwsXmlWriter.Job(Failed, JobUrl));
        var summary = failed.Descendants(UwsXml.Uws + "errorSummary").Single();
        Assert.Equal("fatal", (string?)summary.Attribute("type"));
        Assert.Equal("true", (string?)summary.Attribute("hasDetail"));
        Assert.Equal("Table 'x' not found \uFFFD", summary.Value);
    }

    private static XDocument Parse(byte[] xml)
    {
        Assert.NotEqual(0xEF, xml[0]); // no byte-order mark
        using var stream = new MemoryStream(xml);
        return XDocument.Load(stream);
    }

    /// <summary>Validates with the REC schema; its imports (xlink, xml) are taken from the local copies.</summary>
    private static void Validate(byte[] xml)
    {
        var schemas = new XmlSchemaSet { XmlResolver = null };
        schemas.Add("http://www.w3.org/XML/1998/namespace",
            SharedData.File("schemas", "stilts_taplint", "xmlnamespace.xsd"));
        schemas.Add("http://www.w3.org/1999/xlink", SharedData.File("schemas", "stilts_taplint", "xlink.xsd"));
        schemas.Add(UwsXmlWriter.UwsNamespace, SharedData.File("schemas", "stilts_taplint", "UWS-v1.1.xsd"));
        schemas.Compile();
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message}");
        using (var reader = XmlReader.Create(new MemoryStream(xml), settings))
        {
            while (reader.Read())
            {
            }
        }
        Assert.Empty(errors);
    }
}
