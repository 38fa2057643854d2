using System.Net;
using System.Text;
using VoServices.Tap.Examples;
using VoServices.VoTable;
using static VoServices.Server.Tests.Tap.TapHttp;

namespace VoServices.Server.Tests.Tap;

/// <summary>
/// /tap/sync through the real host on the demo archive (TAP 1.1 §2.2, §2.7; DALI 1.1 §4–§5), the same tests on every
/// backend: the embedded store (<see cref="SqliteTapSyncTests"/>) and PostgreSQL (<see cref="PostgresTapSyncTests"/>).
/// </summary>
public abstract class TapSyncContractTests(TapBackend backend)
{
    private const string ConeQuery =
        "SELECT tyc, ra, dec, vt_mag FROM tycho2.main WHERE 1 = CONTAINS(POINT(ra, dec), CIRCLE(201.6968, -47.4795, 0.25))";

    private Task<HttpClient> Client() => backend.ClientAsync();

    [SkippableFact]
    public async Task Get_ConeQuery_Is200Binary2VoTableWithStatusOk()
    {
        var answer = await GetAsync(await Client(), ("LANG", "ADQL"), ("QUERY", ConeQuery + " ORDER BY tyc"));
        Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode);
        Assert.Equal("application/x-votable+xml;serialization=BINARY2", answer.ContentType.Replace(" ", ""));
        var document = answer.VoTable();
        Assert.Equal("OK", Status(document));
        Assert.Null(TrailingStatus(document));
        Assert.Equal("results", document.Resources.Single().Header.Type);
        var table = document.Resources[0].Tables.Single();
        Assert.Equal(["tyc", "ra", "dec", "vt_mag"], table.Fields.Select(f => f.Name));
        // 0.25 deg around omega Cen in demo/data/tycho2_fields.csv.gz (checked with the CSV and astropy separations).
        Assert.InRange(table.Rows.Count, 10, 299);
        Assert.All(table.Rows, r => Assert.IsType<string>(r[0]));
    }

    [SkippableFact]
    public async Task Post_UrlEncoded_GivesTheSameRowsAsGet()
    {
        var client = await Client();
        var query = ConeQuery + " ORDER BY tyc";
        var get = (await GetAsync(client, ("LANG", "ADQL"), ("QUERY", query), ("RESPONSEFORMAT", "csv"))).Text;
        var post = (await PostAsync(client, ("LANG", "ADQL"), ("QUERY", query), ("RESPONSEFORMAT", "csv"))).Text;
        Assert.Equal(get, post);
        Assert.StartsWith("tyc,ra,dec,vt_mag", get, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Post_Multipart_FieldsAreParameters()
    {
        var answer = await MultipartAsync(await Client(), "/tap/sync",
            [("lang", "ADQL"), ("query", "SELECT TOP 3 hip FROM hipparcos.main ORDER BY hip"), ("responseformat", "csv")]);
        Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode);
        // The three smallest HIP numbers of demo/data/hipparcos_vmag_lt7.csv.gz (zcat | sort -n | head -3).
        Assert.Equal(["hip", "3", "19", "25"], answer.Text.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries));
    }

    [SkippableTheory]
    [InlineData("lang", "query", "maxrec")]
    [InlineData("Lang", "Query", "MaxRec")]
    [InlineData("LANG", "QUERY", "MAXREC")]
    [InlineData("lAnG", "qUeRy", "mAxReC")]
    public async Task ParameterNames_AnyCase_AreAccepted(string lang, string query, string maxrec)
    {
        var answer = await PostAsync(await Client(), (lang, "adql"), (query, "SELECT hip FROM hipparcos.main"), (maxrec, "2"));
        Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode);
        var document = answer.VoTable();
        Assert.Equal(2, document.Resources[0].Tables[0].Rows.Count);
        Assert.Equal("OVERFLOW", TrailingStatus(document));
    }

    [SkippableFact]
    public async Task Names_SplitBetweenQueryStringAndBody_AreOneParameterSet()
    {
        var client = await Client();
        using var content = new FormUrlEncodedContent([new("QUERY", "SELECT TOP 1 hip FROM hipparcos.main")]);
        var answer = await ReadAsync(await client.PostAsync(new Uri("/tap/sync?lang=ADQL&request=doQuery", UriKind.Relative), content));
        Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode);
        Assert.Equal("OK", Status(answer.VoTable()));
    }

    [SkippableTheory]
    [InlineData("LANG=ADQL&QUERY=SELECT+1&query=SELECT+2", "QUERY: single-valued parameter given 2 times")]
    [InlineData("QUERY=SELECT+TOP+1+hip+FROM+hipparcos.main", "LANG: missing")]
    [InlineData("LANG=ADQL", "QUERY: missing")]
    [InlineData("LANG=ADQL&QUERY=", "QUERY: missing")]
    [InlineData("LANG=PQL&QUERY=SELECT+1", "LANG: unknown query language 'PQL'")]
    [InlineData("LANG=ADQL&LANG=ADQL&QUERY=SELECT+1", "LANG: single-valued parameter given 2 times")]
    [InlineData("LANG=ADQL&QUERY=SELECT+1&MAXREC=-1", "MAXREC")]
    [InlineData("LANG=ADQL&QUERY=SELECT+1&MAXREC=ten", "MAXREC")]
    [InlineData("LANG=ADQL&QUERY=SELECT+1&RESPONSEFORMAT=image/png", "RESPONSEFORMAT: 'image/png' is not a supported format")]
    [InlineData("LANG=ADQL&QUERY=SELECT+TOP+1+hip+FROM+hipparcos.main&UPLOAD=t,param:missing", "UPLOAD 't'")]
    public async Task BadParameters_Are400ErrorVoTable(string query, string expectedMessage)
    {
        var answer = await ReadAsync(await (await Client()).GetAsync(new Uri("/tap/sync?" + query, UriKind.Relative)));
        Assert.Equal(HttpStatusCode.BadRequest, answer.Response.StatusCode);
        Assert.Equal("application/x-votable+xml", answer.MediaType);
        // astroquery looks for this exact text (standards.md §1).
        Assert.Contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">", answer.Text, StringComparison.Ordinal);
        Assert.Contains(expectedMessage, ErrorMessage(answer.VoTable()), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("SELECT ra dec FROM FROM tycho2.main", "ADQL0001 at line 1, column ")]
    [InlineData("SELECT ra,\n dec,\n FROM tycho2.main", "at line 3, column 2")]
    [InlineData("SELECT * FROM tycho2.mian", "did you mean 'tycho2.main'?")]
    [InlineData("SELECT raa FROM tycho2.main", "did you mean 'ra'?")]
    [InlineData("SELECT nosuch_udf(ra) FROM tycho2.main", "nosuch_udf")]
    public async Task BadAdql_Is400WithPositionOrSuggestion(string adql, string expected)
    {
        var answer = await PostAsync(await Client(), ("LANG", "ADQL"), ("QUERY", adql));
        Assert.Equal(HttpStatusCode.BadRequest, answer.Response.StatusCode);
        Assert.Contains(expected, ErrorMessage(answer.VoTable()), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task MaxRecZero_GivesMetadataAndOverflowWithoutRows()
    {
        var answer = await PostAsync(await Client(), ("LANG", "ADQL"), ("QUERY", "SELECT hip, vmag FROM hipparcos.main"), ("MAXREC", "0"));
        Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode);
        var document = answer.VoTable();
        var table = document.Resources[0].Tables.Single();
        Assert.Equal(["hip", "vmag"], table.Fields.Select(f => f.Name));
        Assert.Empty(table.Rows);
        Assert.Equal("OK", Status(document));
        Assert.Equal("OVERFLOW", TrailingStatus(document));
    }

    [SkippableTheory]
    [InlineData(4, 4, true)]
    [InlineData(5, 5, false)]
    [InlineData(6, 5, false)]
    [InlineData(1000, 5, false)]
    public async Task MaxRec_WithTop5_OverflowOnlyWhenRowsWereDropped(int maxRec, int rows, bool overflow)
    {
        var answer = await PostAsync(await Client(), ("LANG", "ADQL"),
            ("QUERY", "SELECT TOP 5 hip FROM hipparcos.main ORDER BY hip"), ("MAXREC", maxRec.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var document = answer.VoTable();
        Assert.Equal(rows, document.Resources[0].Tables[0].Rows.Count);
        Assert.Equal(overflow ? "OVERFLOW" : null, TrailingStatus(document));
    }

    [SkippableTheory]
    [InlineData(null, "application/x-votable+xml;serialization=BINARY2")]
    [InlineData("votable", "application/x-votable+xml;serialization=BINARY2")]
    [InlineData("VOTable", "application/x-votable+xml;serialization=BINARY2")]
    [InlineData("application/x-votable+xml", "application/x-votable+xml")]
    [InlineData("application/x-votable+xml;serialization=TABLEDATA", "application/x-votable+xml;serialization=TABLEDATA")]
    [InlineData("application/x-votable+xml; serialization=binary", "application/x-votable+xml; serialization=binary")]
    [InlineData("votable/td", "application/x-votable+xml;serialization=TABLEDATA")]
    [InlineData("text/xml", "text/xml")]
    [InlineData("csv", "text/csv;header=present")]
    [InlineData("text/csv", "text/csv")]
    [InlineData("tsv", "text/tab-separated-values")]
    [InlineData("fits", "application/fits")]
    [InlineData("json", "application/json")]
    public async Task ResponseFormat_IsHonouredAndTheAskedMediaTypeEchoed(string? format, string contentType)
    {
        var parameters = new List<(string, string)> { ("LANG", "ADQL"), ("QUERY", "SELECT TOP 2 hip, vmag FROM hipparcos.main ORDER BY hip") };
        if (format is not null)
        {
            parameters.Add(("RESPONSEFORMAT", format));
        }
        var answer = await PostAsync(await Client(), [.. parameters]);
        Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode);
        Assert.Equal(contentType.Replace(" ", ""), answer.ContentType.Replace(" ", ""), ignoreCase: true);
        switch (answer.MediaType)
        {
            case "application/x-votable+xml" or "text/xml":
                Assert.Equal(2, answer.VoTable().Resources[0].Tables[0].Rows.Count);
                break;
            case "text/csv":
                Assert.StartsWith("hip,vmag", answer.Text, StringComparison.Ordinal);
                break;
            case "text/tab-separated-values":
                Assert.StartsWith("hip\tvmag", answer.Text, StringComparison.Ordinal);
                break;
            case "application/fits":
                Assert.StartsWith("SIMPLE  =", Encoding.ASCII.GetString(answer.Body, 0, 9), StringComparison.Ordinal);
                break;
            default:
                Assert.Contains("\"hip\"", answer.Text, StringComparison.Ordinal);
                break;
        }
    }

    [SkippableFact]
    public async Task FormatSynonym_IsAccepted()
    {
        var answer = await PostAsync(await Client(), ("LANG", "ADQL"), ("QUERY", "SELECT TOP 1 hip FROM hipparcos.main"), ("FORMAT", "tsv"));
        Assert.Equal("text/tab-separated-values", answer.MediaType);
    }

    [SkippableFact]
    public async Task SelectStar_FieldsCarryTheTapSchemaMetadata()
    {
        var client = await Client();
        var result = (await PostAsync(client, ("LANG", "ADQL"), ("QUERY", "SELECT TOP 1 * FROM tycho2.main"))).VoTable();
        var schema = (await PostAsync(client, ("LANG", "ADQL"), ("QUERY",
            "SELECT column_name, datatype, arraysize, unit, ucd FROM TAP_SCHEMA.columns " +
            "WHERE table_name = 'tycho2.main' ORDER BY column_index"))).VoTable();
        var expected = schema.Resources[0].Tables[0].Rows.Select(r => $"{r[0]}|{r[1]}|{r[2]}|{r[3]}|{r[4]}");
        var actual = result.Resources[0].Tables[0].Fields.Select(f =>
            $"{f.Name}|{f.Datatype.ToName()}|{f.ArraySize}|{f.Unit}|{f.Ucd}");
        Assert.Equal(expected, actual);
        Assert.Equal(9, result.Resources[0].Tables[0].Fields.Count);
    }

    [SkippableFact]
    public async Task Expressions_HaveInferredMetadata()
    {
        var document = (await PostAsync(await Client(), ("LANG", "ADQL"), ("QUERY",
            "SELECT name, DISTANCE(POINT(ra, dec), POINT(83.6331, 22.0145)) AS sep, POINT(ra, dec) AS pos, mag * 2 AS n " +
            "FROM messier.main WHERE name = 'M1'"))).VoTable();
        var fields = document.Resources[0].Tables[0].Fields;
        Assert.Equal(["name", "sep", "pos", "n"], fields.Select(f => f.Name));
        Assert.Equal("deg", fields[1].Unit);
        Assert.Equal(("double", "2", "point"), (fields[2].Datatype.ToName(), fields[2].ArraySize, fields[2].XType));
        var row = document.Resources[0].Tables[0].Rows.Single();
        var point = Assert.IsType<double[]>(row[2]);
        Assert.Equal(2, point.Length);
        Assert.InRange((double)row[1]!, 0.0, 0.2);
        Assert.Equal(16.8, Convert.ToDouble(row[3], System.Globalization.CultureInfo.InvariantCulture), 5);
    }

    [SkippableFact]
    public async Task UploadCrossmatch_ContainsAndDistanceForms_GiveTheSameRows()
    {
        var client = await Client();
        const string Select = "SELECT u.id, t.tyc FROM TAP_UPLOAD.t AS u JOIN tycho2.main AS t ON ";
        var contains = await MultipartAsync(client, "/tap/sync",
            [("LANG", "ADQL"), ("UPLOAD", "t,param:t"), ("RESPONSEFORMAT", "csv"),
             ("QUERY", Select + "1=CONTAINS(POINT(t.ra,t.dec), CIRCLE(u.ra,u.dec,0.01)) ORDER BY u.id, t.tyc")],
            ("t", PositionsUpload));
        var distance = await MultipartAsync(client, "/tap/sync",
            [("LANG", "ADQL"), ("UPLOAD", "t,param:t"), ("RESPONSEFORMAT", "csv"),
             ("QUERY", Select + "DISTANCE(POINT(u.ra,u.dec), POINT(t.ra,t.dec)) < 0.01 ORDER BY u.id, t.tyc")],
            ("t", PositionsUpload));
        Assert.Equal(HttpStatusCode.OK, contains.Response.StatusCode);
        Assert.Equal(contains.Text, distance.Text);
        var lines = contains.Text.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        // The three uploaded stars find themselves (and possibly close neighbours); the far point finds nothing.
        Assert.Contains("1,8252-1600-1", lines);
        Assert.Contains("2,8252-1907-1", lines);
        Assert.Contains("3,8252-2753-1", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("4,", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Upload_OddFieldNames_AreQueryableAndKeptInTheResult()
    {
        var upload = Encoding.UTF8.GetBytes("""
            <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE><TABLE>
              <FIELD name="u" datatype="int"/><FIELD name="U" datatype="int"/>
              <FIELD name="2mass id" datatype="char" arraysize="*"/><FIELD name="size" datatype="double"/>
              <FIELD name="when" datatype="char" arraysize="*" xtype="timestamp"/>
              <FIELD name="p" datatype="double" arraysize="2" xtype="point" unit="deg"/>
              <DATA><TABLEDATA>
                <TR><TD>1</TD><TD>2</TD><TD>J0001</TD><TD>NaN</TD><TD>2020-01-02T03:04:05</TD><TD>201.6 -47.5</TD></TR>
                <TR><TD>3</TD><TD>4</TD><TD>J0002</TD><TD>1.5</TD><TD></TD><TD>10 10</TD></TR>
              </TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>
            """);
        var answer = await MultipartAsync(await Client(), "/tap/sync",
            [("LANG", "ADQL"), ("UPLOAD", "t,param:t"), ("RESPONSEFORMAT", "votable/td"),
             ("QUERY", "SELECT * FROM TAP_UPLOAD.t WHERE 1 = CONTAINS(p, CIRCLE(201.7, -47.5, 1)) AND \"2mass id\" LIKE 'J%'")],
            ("t", upload));
        Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode);
        var table = answer.VoTable().Resources[0].Tables[0];
        // Result names are unique ignoring case (the resolver's rule), so the second of u/U is renamed.
        Assert.Equal(["u", "U_2", "2mass id", "size", "when", "p"], table.Fields.Select(f => f.Name));
        Assert.Equal(("timestamp", "point"), (table.Fields[4].XType, table.Fields[5].XType));
        var row = table.Rows.Single();
        Assert.Equal(1, Convert.ToInt32(row[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, Convert.ToInt32(row[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("J0001", row[2]);
        Assert.True(row[3] is null || double.IsNaN(Convert.ToDouble(row[3], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.StartsWith("2020-01-02T03:04:05", (string)row[4]!, StringComparison.Ordinal);
        Assert.Equal([201.6, -47.5], (double[])row[5]!);
    }

    /// <summary>
    /// Regression: with FIELDs <c>u</c> and <c>U</c>, <c>"U"</c> returned <c>u</c>'s values because the translator re-matched
    /// names case-insensitively instead of following the resolver (ADQL 2.1 §2.1.3: <c>"U"</c> is exactly <c>U</c>).
    /// </summary>
    [SkippableTheory]
    [InlineData("SELECT \"U\" FROM TAP_UPLOAD.t ORDER BY 1", "U|2|4")]
    [InlineData("SELECT u FROM TAP_UPLOAD.t ORDER BY 1", "u|1|3")]
    [InlineData("SELECT \"u\", \"U\" FROM TAP_UPLOAD.t ORDER BY \"U\" DESC", "u,U_2|3,4|1,2")]
    [InlineData("SELECT u FROM TAP_UPLOAD.t WHERE \"U\" = 4", "u|3")]
    [InlineData("SELECT x.\"U\" + 10 AS s FROM TAP_UPLOAD.t AS x ORDER BY s", "s|12|14")]
    public async Task Upload_ColumnsDifferingOnlyByCase_DelimitedNameSelectsItsOwnColumn(string query, string expected)
    {
        var upload = Encoding.UTF8.GetBytes("""
            <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE><TABLE>
              <FIELD name="u" datatype="int"/><FIELD name="U" datatype="int"/>
              <DATA><TABLEDATA><TR><TD>1</TD><TD>2</TD></TR><TR><TD>3</TD><TD>4</TD></TR></TABLEDATA></DATA>
            </TABLE></RESOURCE></VOTABLE>
            """);
        var answer = await MultipartAsync(await Client(), "/tap/sync",
            [("LANG", "ADQL"), ("UPLOAD", "t,param:t"), ("RESPONSEFORMAT", "csv"), ("QUERY", query)], ("t", upload));
        Assert.True(answer.Response.StatusCode == HttpStatusCode.OK, answer.Text);
        Assert.Equal(expected, string.Join("|", answer.Text.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>
    /// Regression (taplint E_YTSR): a midnight timestamp was written as a date only and fixed-width timestamp columns
    /// were padded with blanks; results now declare <c>char arraysize="*" xtype="timestamp"</c> and write the time part.
    /// </summary>
    [SkippableFact]
    public async Task Upload_FixedWidthMidnightTimestamp_IsAFullUnpaddedDaliTimestamp()
    {
        var upload = Encoding.UTF8.GetBytes("""
            <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE><TABLE>
              <FIELD name="id" datatype="int"/><FIELD name="t" datatype="char" arraysize="19" xtype="timestamp"/>
              <DATA><TABLEDATA><TR><TD>1</TD><TD>2000-01-01T00:00:00</TD></TR><TR><TD>2</TD><TD>2020-01-02T03:04:05</TD></TR></TABLEDATA></DATA>
            </TABLE></RESOURCE></VOTABLE>
            """);
        var answer = await MultipartAsync(await Client(), "/tap/sync",
            [("LANG", "ADQL"), ("UPLOAD", "t,param:t"), ("RESPONSEFORMAT", "votable/td"), ("QUERY", "SELECT t FROM TAP_UPLOAD.t ORDER BY id")],
            ("t", upload));
        Assert.True(answer.Response.StatusCode == HttpStatusCode.OK, answer.Text);
        var table = answer.VoTable().Resources[0].Tables[0];
        Assert.Equal(("*", "timestamp"), (table.Fields[0].ArraySize, table.Fields[0].XType));
        Assert.Equal(["2000-01-01T00:00:00", "2020-01-02T03:04:05"], table.Rows.Select(r => r[0] as string));
    }

    public static TheoryData<string> ExampleIds() => [.. TapExamples.Demo.Select(e => e.Id)];

    [SkippableTheory]
    [MemberData(nameof(ExampleIds))]
    public async Task Example_RunsAndReturnsRows(string id)
    {
        var example = TapExamples.Demo.Single(e => e.Id == id);
        var client = await Client();
        var answer = example.Upload is { } upload
            ? await MultipartAsync(client, "/tap/sync",
                [("LANG", "ADQL"), ("QUERY", example.Query), ("UPLOAD", $"{upload},param:{upload}")], (upload, PositionsUpload))
            : await PostAsync(client, ("LANG", "ADQL"), ("QUERY", example.Query));
        Assert.True(answer.Response.StatusCode == HttpStatusCode.OK, answer.Text);
        var document = answer.VoTable();
        Assert.Equal("OK", Status(document));
        Assert.NotEmpty(document.Resources[0].Tables[0].Rows);
    }
}

/// <summary>The contract on the embedded SQLite store.</summary>
public sealed class SqliteTapSyncTests(SqliteTapBackend backend) : TapSyncContractTests(backend), IClassFixture<SqliteTapBackend>;

/// <summary>The contract on PostgreSQL + pg_sphere (VOSERVICES_TEST_DB; skipped locally without it, failing under CI).</summary>
public sealed class PostgresTapSyncTests(PostgresTapBackend backend) : TapSyncContractTests(backend), IClassFixture<PostgresTapBackend>
{
    // PostgreSQL raises division by zero per row (SQLite gives NULL): rows 3 and 19 stream, HIP 25 fails.
    private const string FailsAtThirdRow = "SELECT hip, 1000 / (hip - 25) AS x FROM hipparcos.main ORDER BY hip";

    [SkippableFact]
    public async Task VoTable_FailureAfterTheFirstRows_EndsWithATrailingErrorInfo()
    {
        var answer = await PostAsync(await backend.ClientAsync(), ("LANG", "ADQL"), ("QUERY", FailsAtThirdRow), ("RESPONSEFORMAT", "votable/td"));
        var document = answer.VoTable();
        if (answer.Response.StatusCode == HttpStatusCode.OK)
        {
            // Streaming had begun: the document stays well-formed and ends with QUERY_STATUS=ERROR (DALI 1.1 §4.4).
            Assert.Equal("OK", Status(document));
            Assert.Equal("ERROR", TrailingStatus(document));
            Assert.Contains("division by zero", answer.Text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.Response.StatusCode);
            Assert.Contains("division by zero", ErrorMessage(document), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Csv_FailureWhileStreaming_IsAnErrorDocumentOrABrokenTransferNeverATruncatedTable()
    {
        var client = await backend.ClientAsync();
        using var content = new FormUrlEncodedContent([new("LANG", "ADQL"), new("QUERY", FailsAtThirdRow), new("RESPONSEFORMAT", "csv")]);
        try
        {
            var answer = await ReadAsync(await client.PostAsync(new Uri("/tap/sync", UriKind.Relative), content));
            // Nothing had reached the client: a proper DALI error with a 4xx status.
            Assert.Equal(HttpStatusCode.BadRequest, answer.Response.StatusCode);
            Assert.Contains("division by zero", ErrorMessage(answer.VoTable()), StringComparison.Ordinal);
        }
        catch (HttpRequestException)
        {
            // The response had started: the connection was aborted (HttpContext.Abort), as it must be.
        }
        catch (IOException)
        {
        }
    }
}
