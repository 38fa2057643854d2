using System.IO.Compression;

namespace VoServices.Tap.Ingest;

/// <summary>
/// Opening a catalogue file for the row sources (<see cref="CsvCatalogRowSource"/>, <see cref="VoTableCatalogRowSource"/>):
/// one sequential read with a typed error, and gzip recognised by its magic bytes rather than by the file name.
/// </summary>
internal static class CatalogFile
{
    /// <summary>Opens <paramref name="fullPath"/> for one sequential read (64 KiB buffer).</summary>
    /// <exception cref="CatalogDataException">The file cannot be opened (missing, a directory, no permission).</exception>
    public static FileStream OpenRead(string fullPath)
    {
        try
        {
            return new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CatalogDataException(fullPath, null, null, $"cannot open: {e.Message}", e);
        }
    }

    /// <summary>
    /// The file's content: a decompressing stream when it starts with the gzip magic bytes, else the file itself
    /// (rewound to the start either way).
    /// </summary>
    public static Stream Content(FileStream file, bool leaveOpen)
    {
        Span<byte> magic = stackalloc byte[2];
        var n = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        // RFC 1952 §2.3.1: ID1 = 0x1f, ID2 = 0x8b.
        return n == 2 && magic[0] == 0x1f && magic[1] == 0x8b
            ? new GZipStream(file, CompressionMode.Decompress, leaveOpen)
            : file;
    }
}
