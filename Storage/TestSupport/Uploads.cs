using System.Text;
using VoServices.Dali;
using VoServices.Tap.Uploads;

namespace VoServices.Testing;

/// <summary>
/// Small uploads written in the test as TABLEDATA VOTables, shared by both backends' query-executor tests (linked into
/// Storage.Sqlite.Tests and Storage.Postgres.Tests).
/// </summary>
internal static class Uploads
{
    public static byte[] Document(string fields, string rows) => Encoding.UTF8.GetBytes(
        "<VOTABLE version='1.4' xmlns='http://www.ivoa.net/xml/VOTable/v1.3'><RESOURCE><TABLE>" + fields +
        "<DATA><TABLEDATA>" + rows + "</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>");

    /// <summary>Four positions: three Tycho-2 stars of the omega Cen demo field and a point far from every star.</summary>
    public static byte[] Positions { get; } = Document(
        "<FIELD name='id' datatype='int'/><FIELD name='ra' datatype='double' unit='deg'/><FIELD name='dec' datatype='double' unit='deg'/>",
        "<TR><TD>1</TD><TD>201.5864933</TD><TD>-47.70880985</TD></TR><TR><TD>2</TD><TD>201.47839604</TD><TD>-47.66540613</TD></TR>" +
        "<TR><TD>3</TD><TD>201.37184278</TD><TD>-47.46397197</TD></TR><TR><TD>4</TD><TD>10</TD><TD>10</TD></TR>");

    /// <summary>Every scalar type and DALI xtype, one full row and one of NULLs (TAP 1.1 §2.5: all must round-trip).</summary>
    public static byte[] AllTypes { get; } = Document(
        "<FIELD name='b' datatype='boolean'/><FIELD name='s' datatype='short'/><FIELD name='i' datatype='int'/>" +
        "<FIELD name='l' datatype='long'/><FIELD name='f' datatype='float'/><FIELD name='d' datatype='double'/>" +
        "<FIELD name='txt' datatype='unicodeChar' arraysize='*'/><FIELD name='ts' datatype='char' arraysize='*' xtype='timestamp'/>" +
        "<FIELD name='pt' datatype='double' arraysize='2' xtype='point'/><FIELD name='ci' datatype='double' arraysize='3' xtype='circle'/>" +
        "<FIELD name='po' datatype='double' arraysize='*' xtype='polygon'/><FIELD name='iv' datatype='double' arraysize='2' xtype='interval'/>" +
        "<FIELD name='arr' datatype='int' arraysize='*'/>",
        "<TR><TD>T</TD><TD>1</TD><TD>2</TD><TD>3</TD><TD>4.5</TD><TD>5.25</TD><TD>héllo</TD><TD>2020-01-02T03:04:05</TD>" +
        "<TD>10 20</TD><TD>10 20 0.5</TD><TD>1 2 3 2 2 3</TD><TD>0.5 1.5</TD><TD>7 8 9</TD></TR>" +
        "<TR><TD></TD><TD></TD><TD>3</TD><TD></TD><TD></TD><TD>NaN</TD><TD></TD><TD></TD><TD></TD><TD></TD><TD></TD><TD></TD><TD></TD></TR>");

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
