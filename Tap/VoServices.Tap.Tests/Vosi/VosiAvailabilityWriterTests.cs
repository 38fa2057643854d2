using System.Text;
using System.Xml.Linq;
using VoServices.Tap.TapSchema;
using VoServices.Tap.Vosi;

namespace VoServices.Tap.Tests.Vosi;

public sealed class VosiAvailabilityWriterTests
{
    private static readonly XNamespace Ns = VosiNamespaces.Availability;

    private static async Task<byte[]> Bytes(AvailabilityStatus status)
    {
        using var stream = new MemoryStream();
        await VosiAvailabilityWriter.WriteAsync(stream, status, CancellationToken.None);
        return stream.ToArray();
    }

    [SkippableFact]
    public async Task WriteAsync_AvailableWithUpSinceAndNotes_IsValidAgainstXsd()
    {
        var status = new AvailabilityStatus(true, new DateTimeOffset(2026, 11, 21, 10, 30, 5, TimeSpan.FromHours(2)),
            ["SQLite catalogue at var/catalog.db", "5 tables"]);
        VosiSchemaValidator.AssertValid(await Bytes(status));
    }

    [SkippableFact]
    public async Task WriteAsync_Unavailable_IsValidAgainstXsd()
    {
        VosiSchemaValidator.AssertValid(await Bytes(new AvailabilityStatus(false, null, [])));
    }

    [SkippableFact]
    public void Validator_AvailabilityWithoutAvailableElement_ReportsAProblem()
    {
        // Guards the validator itself: a document missing the mandatory <available> must not pass.
        var xml = Encoding.UTF8.GetBytes(
            "<vosi:availability xmlns:vosi=\"http://www.ivoa.net/xml/VOSIAvailability/v1.0\"><vosi:note>x</vosi:note></vosi:availability>");
        Assert.NotEmpty(VosiSchemaValidator.Problems(xml));
    }

    [Fact]
    public async Task WriteAsync_UpSince_IsUtcWithZ()
    {
        var status = new AvailabilityStatus(true, new DateTimeOffset(2026, 11, 21, 10, 30, 5, TimeSpan.FromHours(2)), []);
        var root = XDocument.Load(new MemoryStream(await Bytes(status))).Root!;
        Assert.Equal("true", root.Element(Ns + "available")!.Value);
        Assert.Equal("2026-11-21T08:30:05Z", root.Element(Ns + "upSince")!.Value);
    }

    [Fact]
    public async Task WriteAsync_Notes_OnePerLineInOrderSkippingEmpty()
    {
        var root = XDocument.Load(new MemoryStream(await Bytes(new AvailabilityStatus(false, null, ["a", "", "b & c"])))).Root!;
        Assert.Equal("false", root.Element(Ns + "available")!.Value);
        Assert.Null(root.Element(Ns + "upSince"));
        Assert.Equal(["a", "b & c"], root.Elements(Ns + "note").Select(n => n.Value));
    }
}
