using System.Text;
using System.Text.RegularExpressions;

namespace VoServices.VoTable.Tests.Support;

/// <summary>Small helpers to write documents to memory or temp files and to look inside them.</summary>
internal static partial class VoTableFiles
{
    public static byte[] Write(IReadOnlyList<VoTableField> fields, IEnumerable<object?[]> rows,
        VoTableSerialization serialization, VoTableWriterOptions? options = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new VoTableWriter(stream, options))
        {
            writer.WriteStartDocument();
            writer.WriteStartResource("results");
            writer.WriteInfo("QUERY_STATUS", "OK");
            writer.WriteStartTable(fields, serialization);
            foreach (var row in rows)
            {
                writer.WriteRow(row);
            }
            writer.WriteEndTable();
            writer.WriteEndResource();
            writer.WriteEndDocument();
        }
        return stream.ToArray();
    }

    public static (VoTableTableHeader Header, List<object?[]> Rows) ReadFirstTable(byte[] bytes)
    {
        using var reader = new VoTableReader(new MemoryStream(bytes), new VoTableReaderOptions { Strict = true });
        Assert.True(reader.MoveToNextTable(), "no TABLE in the document");
        return (reader.Table!, reader.ReadRows().ToList());
    }

    /// <summary>The decoded bytes of the first base64 STREAM.</summary>
    public static byte[] StreamBytes(byte[] document)
    {
        var text = Encoding.UTF8.GetString(document);
        var match = StreamRegex().Match(text);
        Assert.True(match.Success, "no STREAM element");
        return Convert.FromBase64String(match.Groups[1].Value);
    }

    public static string TempFile(string name, byte[] content)
    {
        var dir = Path.Combine(Path.GetTempPath(), "voservices-votable-tests");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    [GeneratedRegex("<STREAM[^>]*>(.*?)</STREAM>", RegexOptions.Singleline)]
    private static partial Regex StreamRegex();
}
