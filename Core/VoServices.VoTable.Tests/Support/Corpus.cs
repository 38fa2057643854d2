using System.IO.Compression;
using System.Text;
using System.Xml;
using VoServices.Testing;

namespace VoServices.VoTable.Tests.Support;

/// <summary>
/// The real VO documents under ../shared/data/vo: which of them are VOTables (by root element, after gunzip and
/// after stripping the SIMBAD script preamble that precedes the VOTable in astroquery's *.data files).
/// </summary>
internal static class Corpus
{
    public const string Missing = "(shared data missing)";

    private static readonly Lazy<IReadOnlyList<string>> LazyVoTables = new(FindVoTables);

    /// <summary>Paths relative to vo/ of every VOTable document, or <see cref="Missing"/> when the data is absent.</summary>
    public static IReadOnlyList<string> VoTables => LazyVoTables.Value;

    public static string FullPath(string relative) => SharedData.File(["vo", .. relative.Split('/')]);

    /// <summary>The XML bytes of a corpus file (decompressed, preamble removed).</summary>
    public static byte[] Bytes(string relative)
    {
        var raw = File.ReadAllBytes(FullPath(relative));
        if (raw.Length > 2 && raw[0] == 0x1F && raw[1] == 0x8B)
        {
            using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var unzipped = new MemoryStream();
            gzip.CopyTo(unzipped);
            raw = unzipped.ToArray();
        }
        // astroquery's SIMBAD fixtures are script output: "::script::…::console::…::data::" then the VOTable.
        var marker = Encoding.ASCII.GetBytes("::data::");
        var at = raw.AsSpan().IndexOf(marker);
        if (raw.AsSpan().StartsWith("::script"u8) && at >= 0)
        {
            var start = raw.AsSpan(at).IndexOf("<?xml"u8);
            raw = start < 0 ? raw : raw[(at + start)..];
        }
        return raw;
    }

    private static IReadOnlyList<string> FindVoTables()
    {
        var root = SharedData.Root;
        if (root is null)
        {
            return [Missing];
        }
        var vo = Path.Combine(root, "vo");
        return Directory.EnumerateFiles(vo, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(vo, f).Replace('\\', '/'))
            .Where(IsVoTable)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsVoTable(string relative)
    {
        if (relative.EndsWith(".bz2", StringComparison.Ordinal))
        {
            // No bzip2 decoder in the BCL: listed as VOTables on trust of the name, and skipped by the tests.
            return relative.Contains(".xml", StringComparison.Ordinal);
        }
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(Bytes(relative)),
                new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == "VOTABLE";
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
