using System.Text;
using VoServices.Dali;
using VoServices.Tap.Uploads;

namespace VoServices.Tap.Tests.Query;

/// <summary>Opens small inline uploads written in the test as TABLEDATA VOTables.</summary>
internal static class QueryTestUploads
{
    /// <summary>A VOTable with the given FIELDs and TABLEDATA rows.</summary>
    public static byte[] Document(string fields, string rows) => Encoding.UTF8.GetBytes(
        "<VOTABLE version='1.4' xmlns='http://www.ivoa.net/xml/VOTable/v1.3'><RESOURCE><TABLE>" + fields +
        "<DATA><TABLEDATA>" + rows + "</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>");

    /// <summary>Opens <paramref name="content"/> as upload <paramref name="name"/> (not read yet; dispose it).</summary>
    public static async Task<UploadedTable> OpenAsync(string name, byte[] content)
    {
        using var reader = new UploadReader();
        await foreach (var table in reader.ReadAsync([DaliUpload.Parse($"{name},param:p")], new Parts(content), CancellationToken.None))
        {
            return table;
        }
        throw new InvalidOperationException("no upload");
    }

    private sealed class Parts(byte[] content) : IUploadContentSource
    {
        public Stream? OpenPart(string name) => name == "p" ? new MemoryStream(content, writable: false) : null;
    }
}
