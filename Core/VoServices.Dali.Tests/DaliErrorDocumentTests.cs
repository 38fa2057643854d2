using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using VoServices.Testing;

namespace VoServices.Dali.Tests;

public sealed class DaliErrorDocumentTests
{
    private const string Tricky = "ADQL0012: WHERE x < 3 && y > 'a\"b' ]]> é 🔭\nsecond line\r\tend";

    [Theory]
    [InlineData("MAXREC: 'abc' is not valid; expected an integer")]
    [InlineData(Tricky)]
    [InlineData("")]
    public void VoTable_AnyMessage_ContainsAstroqueryLiteralBytes(string message)
    {
        // astroquery/utils/tap/taputils.py: TAP_UTILS_HTTP_VOTABLE_ERROR = '<INFO name="QUERY_STATUS" value="ERROR">'.
        var literal = "<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"u8.ToArray();
        var bytes = DaliErrorDocument.VoTableBytes(message);
        Assert.True(bytes.AsSpan().IndexOf(literal) > 0);
        Assert.Equal((byte)'<', bytes[0]); // no byte-order mark before the XML declaration
    }

    [Fact]
    public void VoTable_SimpleMessage_ExactDocument()
    {
        var expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
              <RESOURCE type="results">
                <INFO name="QUERY_STATUS" value="ERROR">Table 'foo' not found</INFO>
                <INFO name="standardID" value="ivo://ivoa.net/std/TAP"/>
              </RESOURCE>
            </VOTABLE>

            """;
        Assert.Equal(expected, DaliErrorDocument.VoTable("Table 'foo' not found", [new("standardID", "ivo://ivoa.net/std/TAP")]));
    }

    [Fact]
    public void VoTable_TrickyMessage_ParsesBackToSameText()
    {
        var doc = XDocument.Parse(DaliErrorDocument.VoTable(Tricky, [new("note", "a\"b<c>\n\td&e")]));
        XNamespace ns = "http://www.ivoa.net/xml/VOTable/v1.3";
        var infos = doc.Root!.Element(ns + "RESOURCE")!.Elements(ns + "INFO").ToList();
        Assert.Equal(Tricky, infos[0].Value);
        Assert.Equal("a\"b<c>\n\td&e", infos[1].Attribute("value")!.Value);
        Assert.Equal("1.4", doc.Root.Attribute("version")!.Value);
    }

    [Fact]
    public void VoTable_CharactersNotAllowedInXml_ReplacedAndStillWellFormed()
    {
        var xml = DaliErrorDocument.VoTable("nul\0 bell\a lone\uD800 ok");
        var doc = XDocument.Parse(xml);
        Assert.Contains("nul\uFFFD bell\uFFFD lone\uFFFD ok", doc.Root!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteVoTable_StreamTextWriterAndAsync_SameBytesWithoutBom()
    {
        var expected = DaliErrorDocument.VoTableBytes(Tricky);
        Assert.NotEqual(0xEF, expected[0]);
        using var stream = new MemoryStream();
        DaliErrorDocument.WriteVoTable(stream, Tricky);
        Assert.Equal(expected, stream.ToArray());
        using var asyncStream = new MemoryStream();
        await DaliErrorDocument.WriteVoTableAsync(asyncStream, Tricky, null, CancellationToken.None);
        Assert.Equal(expected, asyncStream.ToArray());
        using var writer = new StringWriter();
        DaliErrorDocument.WriteVoTable(writer, Tricky);
        Assert.Equal(expected, new UTF8Encoding(false).GetBytes(writer.ToString()));
    }

    [Fact]
    public async Task WriteVoTableAsync_Cancelled_Throws()
    {
        using var stream = new MemoryStream();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            DaliErrorDocument.WriteVoTableAsync(stream, "x", null, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void VoTable_NullMessage_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => DaliErrorDocument.VoTable(null!));
    }

    [SkippableFact]
    public void VoTable_Votlint_Valid()
    {
        var stilts = SharedData.RequireTool("stilts");
        var path = Path.Combine(Path.GetTempPath(), $"dali-error-{Guid.NewGuid():N}.vot");
        try
        {
            File.WriteAllBytes(path, DaliErrorDocument.VoTableBytes(Tricky,
                [new("standardID", "ivo://ivoa.net/std/DataLink#links-1.1"), new("note", "x\ny")]));
            var (rc, stdout, stderr) = SharedData.Run(stilts, ["votlint", path]);
            Assert.Equal(0, rc);
            Assert.Equal("", stdout.Trim());
            Assert.Equal("", stderr.Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SkippableFact]
    public void VoTable_ReadByPyvo_RaisesQueryErrorWithMessage()
    {
        // pyvo (over astropy.io.votable) turns QUERY_STATUS=ERROR into DALQueryError; its reason is our message.
        SharedData.Require(File.Exists("/usr/bin/python3"), "/usr/bin/python3 is not installed");
        var path = Path.Combine(Path.GetTempPath(), $"dali-error-{Guid.NewGuid():N}.vot");
        const string message = "ADQL0012: WHERE x < 3 && y > 'a\"b' é\nsecond line";
        const string script = """
            import json, sys, warnings
            warnings.simplefilter('ignore')
            import pyvo
            from astropy.io.votable import parse
            try:
                pyvo.dal.DALResults(parse(sys.argv[1]), url='http://localhost/tap/sync')
                print(json.dumps(None))
            except pyvo.dal.DALQueryError as e:
                print(json.dumps(e.reason))
            """;
        try
        {
            File.WriteAllBytes(path, DaliErrorDocument.VoTableBytes(message));
            var (rc, stdout, stderr) = SharedData.Run("/usr/bin/python3", ["-c", script, path]);
            Assert.True(rc == 0, stderr);
            Assert.Equal(message, JsonSerializer.Deserialize<string>(stdout));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(DaliFault.UsageFault, "ID is required", "UsageFault: ID is required\n")]
    [InlineData(DaliFault.NotFoundFault, "ivo://x/y?z", "NotFoundFault: ivo://x/y?z\n")]
    [InlineData(DaliFault.TransientFault, "database busy", "TransientFault: database busy\n")]
    [InlineData(DaliFault.FatalFault, "disk", "FatalFault: disk\n")]
    [InlineData(DaliFault.DefaultFault, "?", "DefaultFault: ?\n")]
    [InlineData(DaliFault.UsageError, "POS: bad", "UsageError: POS: bad\n")]
    [InlineData(DaliFault.MultiValuedParamNotSupported, "CIRCLE", "MultiValuedParamNotSupported: CIRCLE\n")]
    [InlineData(DaliFault.ServiceUnavailable, "later", "ServiceUnavailable: later\n")]
    [InlineData(DaliFault.Error, "boom", "Error: boom\n")]
    [InlineData(DaliFault.AuthenticationError, "login", "AuthenticationError: login\n")]
    [InlineData(DaliFault.AuthorizationError, "no", "AuthorizationError: no\n")]
    [InlineData(DaliFault.UsageFault, "", "UsageFault\n")]
    public void TextPlain_FaultAndMessage_StartsWithLabel(DaliFault fault, string message, string expected)
    {
        Assert.Equal(expected, DaliErrorDocument.TextPlain(fault, message));
    }

    [Fact]
    public void TextPlain_ExceptionWithFaultOverride_UsesOverride()
    {
        var e = new DaliParameterException("CIRCLE", "CIRCLE given twice") { Fault = DaliFault.MultiValuedParamNotSupported };
        Assert.Equal("MultiValuedParamNotSupported: CIRCLE given twice\n",
            DaliErrorDocument.TextPlain(e, DaliErrorKindExtensions.ToSodaFault));
    }

    [Fact]
    public void TextPlain_ExceptionWithoutOverride_UsesProtocolDefault()
    {
        var e = new DaliException(DaliErrorKind.NotFound, "no such ID");
        Assert.Equal("NotFoundFault: no such ID\n", DaliErrorDocument.TextPlain(e, DaliErrorKindExtensions.ToDatalinkFault));
        Assert.Equal("Error: no such ID\n", DaliErrorDocument.TextPlain(e, DaliErrorKindExtensions.ToSodaFault));
    }
}
