using VoServices.Testing;
using static VoServices.Server.Tests.Tap.TapHttp;

namespace VoServices.Server.Tests.Tap;

/// <summary>
/// Results must be readable by the astropy that users have (Debian's 5.2.1, the reader under pyvo): every demo table,
/// every column, in each VOTable serialization. Regression: a bounded <c>char arraysize="12*"</c> column made astropy
/// before 7.1 fail on BINARY2 (astropy/astropy#18099), so the default format broke pyvo's <c>run_sync</c>.
/// </summary>
public sealed class AstropyReadsResultsTests(SqliteTapBackend backend) : IClassFixture<SqliteTapBackend>
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var table in new[] { "tycho2.main", "hipparcos.main", "openngc.main", "messier.main", "TAP_SCHEMA.columns" })
        {
            foreach (var format in new[] { "", "votable/b2", "votable/b", "votable/td" })
            {
                data.Add(table, format);
            }
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task SelectStar_EachSerialization_AstropyParsesEveryRow(string table, string format)
    {
        SharedData.Require(File.Exists("/usr/bin/python3"), "/usr/bin/python3 is missing");
        var client = await backend.ClientAsync();
        (string, string)[] parameters = format.Length == 0
            ? [("LANG", "ADQL"), ("QUERY", $"SELECT TOP 40 * FROM {table}")]
            : [("LANG", "ADQL"), ("QUERY", $"SELECT TOP 40 * FROM {table}"), ("RESPONSEFORMAT", format)];
        var answer = await PostAsync(client, parameters);
        var path = Path.Combine(Path.GetTempPath(), $"vo-astropy-{Guid.NewGuid():N}.vot");
        await File.WriteAllBytesAsync(path, answer.Body);
        try
        {
            var (code, stdout, stderr) = SharedData.Run("/usr/bin/python3", ["-c",
                "import sys, warnings; warnings.simplefilter('ignore'); from astropy.io.votable import parse; " +
                "t = parse(sys.argv[1]).get_first_table().to_table(); print(len(t), len(t.colnames))", path]);
            SharedData.Require(!stderr.Contains("No module named 'astropy'", StringComparison.Ordinal),
                "/usr/bin/python3 has no astropy (apt-get install python3-astropy)");
            Assert.True(code == 0, $"astropy failed on {table} {format}: {stderr}");
            var counts = stdout.Trim().Split(' ');
            Assert.Equal(answer.VoTable().Resources[0].Tables[0].Rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), counts[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
