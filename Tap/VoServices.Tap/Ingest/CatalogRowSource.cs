namespace VoServices.Tap.Ingest;

/// <summary>Opens the right <see cref="ICatalogRowSource"/> for a catalogue file.</summary>
public static class CatalogRowSource
{
    /// <summary>
    /// Opens <paramref name="path"/> as <paramref name="format"/>, or as the format its extension implies when null
    /// (<c>.csv</c>, <c>.csv.gz</c> → CSV; <c>.xml</c>, <c>.vot</c>, <c>.votable</c> and their <c>.gz</c> → VOTable).
    /// </summary>
    /// <exception cref="CatalogDataException">Unknown extension, missing file, or a header problem.</exception>
    public static ICatalogRowSource Open(string path, CatalogFormat? format, IReadOnlyList<CatalogColumn> columns)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new CatalogDataException(full, null, null, "source file not found");
        }
        return (format ?? InferFormat(full)) switch
        {
            CatalogFormat.Csv => CsvCatalogRowSource.Open(full, columns),
            CatalogFormat.VoTable => VoTableCatalogRowSource.Open(full, columns),
            var f => throw new CatalogDataException(full, null, null, $"unsupported format {f}"),
        };
    }

    /// <summary>The format implied by a file name's extension (ignoring a final <c>.gz</c>).</summary>
    /// <exception cref="CatalogDataException">The extension is not recognised.</exception>
    public static CatalogFormat InferFormat(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            name = name[..^3];
        }
        var ext = Path.GetExtension(name);
        return ext switch
        {
            ".csv" => CatalogFormat.Csv,
            ".xml" or ".vot" or ".votable" => CatalogFormat.VoTable,
            _ => throw new CatalogDataException(path, null, null,
                $"cannot infer the format from the extension '{ext}'; set 'format: csv' or 'format: votable'"),
        };
    }
}
