using VoServices.Tap.TapSchema;
using VoServices.Tap.Vosi;
using VoServices.Testing;

namespace VoServices.Tap.Tests.Vosi;

/// <summary>
/// A real client reads our documents: pyvo 1.2.1 (Debian python3-pyvo, /usr/bin/python3, toolchain.md §7) parses
/// them with <c>pedantic=True</c>, which turns every spec warning into an exception.
/// </summary>
public sealed class PyvoVosiParseTests : IDisposable
{
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import sys, warnings
        warnings.simplefilter("ignore", DeprecationWarning)
        from pyvo.io.vosi import parse_tables, parse_capabilities, parse_availability
        tables, table, caps, avail = sys.argv[1:5]
        ts = parse_tables(tables, pedantic=True)
        print("tableset", ts.ntables, ",".join(t.name for t in ts.iter_tables()))
        t = parse_tables(table, pedantic=True).get_first_table()
        print("table", t.name, ",".join(c.name + ":" + c.datatype.content + ":" + (c.unit or "") for c in t.columns))
        print("fks", sum(len(x.foreignkeys) for x in ts.iter_tables()))
        print("caps", ",".join(c.standardid for c in parse_capabilities(caps, pedantic=True)))
        a = parse_availability(avail, pedantic=True)
        print("avail", a.available, a.upsince)
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("vosi-pyvo-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<string> Write(string name, Func<Stream, Task> write)
    {
        var path = Path.Combine(_dir, name);
        await using (var file = File.Create(path))
        {
            await write(file);
        }
        return path;
    }

    [SkippableFact]
    public async Task PyvoPedantic_ParsesTablesTableCapabilitiesAndAvailability()
    {
        SharedData.Require(File.Exists(Python) && SharedData.Run(Python, ["-c", "import pyvo"]).ExitCode == 0,
            "Debian python3-pyvo is not installed for /usr/bin/python3");
        var doc = SampleTapSchema.Document;
        // nrows is VODataService 1.2; pyvo 1.2.1 knows only 1.1 and rejects it in pedantic mode (TapOptions.PublishRowCounts).
        var tables = await Write("tables.xml", s => VosiTablesWriter.WriteTableSetAsync(s, doc, TableDetail.Max, false, CancellationToken.None));
        var table = await Write("table.xml", s => VosiTablesWriter.WriteTableAsync(s, SampleTapSchema.Tycho2Main, false, CancellationToken.None));
        var caps = await Write("caps.xml", s => VosiCapabilitiesWriter.WriteAsync(s, [new VosiCapabilityContributor()],
            new CapabilityContext(new Uri("http://127.0.0.1:5000/tap")), CancellationToken.None));
        var avail = await Write("avail.xml", s => VosiAvailabilityWriter.WriteAsync(s,
            new AvailabilityStatus(true, new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero), ["ok"]), CancellationToken.None));

        var (exit, stdout, stderr) = SharedData.Run(Python, ["-c", Script, tables, table, caps, avail]);

        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("tableset 7 " + string.Join(",", doc.Tables.Select(t => t.TableName)), lines[0]);
        Assert.Equal("table tycho2.main tyc:char:,ra:double:deg,dec:double:deg,pmra:double:mas/yr,pmdec:double:mas/yr," +
                     "bt_mag:double:mag,vt_mag:double:mag,hip:int:,pos_flag:char:", lines[1]);
        Assert.Equal("fks 5", lines[2]);
        Assert.Equal("caps ivo://ivoa.net/std/VOSI#capabilities,ivo://ivoa.net/std/VOSI#availability,ivo://ivoa.net/std/VOSI#tables-1.1", lines[3]);
        Assert.Equal("avail True 2026-11-21T08:00:00Z", lines[4]);
    }
}
