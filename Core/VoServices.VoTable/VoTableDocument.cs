using System.IO.Compression;

namespace VoServices.VoTable;

/// <summary>
/// A whole VOTable in memory: the document model on top of <see cref="VoTableReader"/> and
/// <see cref="VoTableWriter"/>, for tests and small files (uploads, DataLink responses). Rows are held as
/// <c>object?[]</c> with the CLR types listed on <see cref="VoTableReader"/>. GROUPs are not kept; within a
/// RESOURCE, tables are written before nested resources.
/// </summary>
public sealed class VoTableDocument
{
    /// <summary>The VOTABLE version attribute as read (writing uses <see cref="VoTableWriterOptions.Version"/>).</summary>
    public string? Version { get; init; }

    /// <summary>DESCRIPTION of VOTABLE.</summary>
    public string? Description { get; init; }

    /// <summary>INFOs before the resources.</summary>
    public IReadOnlyList<VoTableInfo> Infos { get; init; } = [];

    /// <summary>PARAMs of VOTABLE (including the deprecated DEFINITIONS).</summary>
    public IReadOnlyList<VoTableParam> Params { get; init; } = [];

    /// <summary>COOSYS elements of VOTABLE.</summary>
    public IReadOnlyList<VoTableCooSys> CooSys { get; init; } = [];

    /// <summary>TIMESYS elements of VOTABLE.</summary>
    public IReadOnlyList<VoTableTimeSys> TimeSys { get; init; } = [];

    /// <summary>Top-level RESOURCEs.</summary>
    public IReadOnlyList<VoTableResource> Resources { get; init; } = [];

    /// <summary>INFOs after the resources.</summary>
    public IReadOnlyList<VoTableInfo> TrailingInfos { get; init; } = [];

    /// <summary>Problems the reader tolerated while loading.</summary>
    public IReadOnlyList<VoTableDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>Every table, depth first in document order of resources.</summary>
    public IEnumerable<VoTableTable> Tables => Resources.SelectMany(r => r.AllTables);

    /// <summary>Every INFO of the document and its resources (e.g. to find QUERY_STATUS wherever it is).</summary>
    public IEnumerable<VoTableInfo> AllInfos =>
        Infos.Concat(Resources.SelectMany(r => r.AllInfos)).Concat(TrailingInfos);

    /// <summary>Reads a whole document.</summary>
    /// <exception cref="VoTableFormatException">Not a VOTable, malformed, or a table the reader cannot decode (FITS, external stream).</exception>
    public static VoTableDocument Load(Stream stream, VoTableReaderOptions? options = null)
    {
        using var reader = new VoTableReader(stream, options);
        return new VoTableDocumentBuilder(reader).Build();
    }

    /// <summary>Reads a file; gzip-compressed files (magic bytes 1F 8B) are decompressed on the fly.</summary>
    public static VoTableDocument Load(string path, VoTableReaderOptions? options = null)
    {
        using var file = File.OpenRead(path);
        var magic = new byte[2];
        var gzip = file.Read(magic, 0, 2) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        file.Position = 0;
        if (!gzip)
        {
            return Load(file, options);
        }
        using var unzipped = new GZipStream(file, CompressionMode.Decompress);
        return Load(unzipped, options);
    }

    /// <summary>Buffers <paramref name="stream"/> asynchronously (e.g. a request body), then reads it.</summary>
    public static async Task<VoTableDocument> LoadAsync(Stream stream, VoTableReaderOptions? options,
        CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return Load(buffer, options);
    }

    /// <summary>
    /// Writes the document. <paramref name="serialization"/> applies to every table that has rows or DATA;
    /// null keeps each table's own (TABLEDATA for one read as FITS).
    /// </summary>
    /// <exception cref="VoTableValueException">A row value does not fit its FIELD (see <see cref="VoTableWriter"/>).</exception>
    public void Save(Stream stream, VoTableSerialization? serialization = null, VoTableWriterOptions? options = null)
    {
        using var writer = new VoTableWriter(stream, options);
        WriteTo(writer, serialization);
        writer.WriteEndDocument();
    }

    /// <summary>Writes the document, passing output to the stream asynchronously.</summary>
    public async Task SaveAsync(Stream stream, VoTableSerialization? serialization, VoTableWriterOptions? options,
        CancellationToken cancellationToken)
    {
        await using var writer = new VoTableWriter(stream, (options ?? new VoTableWriterOptions()) with { AutoFlush = false });
        WriteTo(writer, serialization);
        await writer.WriteEndDocumentAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the document's elements with an already started writer (does not end the document).</summary>
    public void WriteTo(VoTableWriter writer, VoTableSerialization? serialization = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartDocument();
        if (Description is not null)
        {
            writer.WriteDescription(Description);
        }
        foreach (var info in Infos)
        {
            writer.WriteInfo(info);
        }
        WriteMeta(writer, CooSys, TimeSys, Params);
        foreach (var resource in Resources)
        {
            resource.WriteTo(writer, serialization);
        }
        foreach (var info in TrailingInfos)
        {
            writer.WriteInfo(info);
        }
    }

    internal static void WriteMeta(VoTableWriter writer, IReadOnlyList<VoTableCooSys> cooSys,
        IReadOnlyList<VoTableTimeSys> timeSys, IReadOnlyList<VoTableParam> parameters)
    {
        foreach (var c in cooSys)
        {
            writer.WriteCooSys(c);
        }
        foreach (var t in timeSys)
        {
            writer.WriteTimeSys(t);
        }
        foreach (var p in parameters)
        {
            writer.WriteParam(p);
        }
    }
}

/// <summary>A RESOURCE of a <see cref="VoTableDocument"/> with its metadata, tables and nested resources.</summary>
public sealed class VoTableResource
{
    /// <summary>type, name, ID and utype attributes.</summary>
    public VoTableResourceHeader Header { get; init; } = new();

    /// <summary>DESCRIPTION.</summary>
    public string? Description { get; init; }

    /// <summary>INFOs before the tables (e.g. QUERY_STATUS OK).</summary>
    public IReadOnlyList<VoTableInfo> Infos { get; init; } = [];

    /// <summary>PARAMs.</summary>
    public IReadOnlyList<VoTableParam> Params { get; init; } = [];

    /// <summary>COOSYS elements.</summary>
    public IReadOnlyList<VoTableCooSys> CooSys { get; init; } = [];

    /// <summary>TIMESYS elements.</summary>
    public IReadOnlyList<VoTableTimeSys> TimeSys { get; init; } = [];

    /// <summary>LINKs.</summary>
    public IReadOnlyList<VoTableLink> Links { get; init; } = [];

    /// <summary>Tables directly in this resource.</summary>
    public IReadOnlyList<VoTableTable> Tables { get; init; } = [];

    /// <summary>Nested resources.</summary>
    public IReadOnlyList<VoTableResource> Resources { get; init; } = [];

    /// <summary>INFOs after the tables (e.g. QUERY_STATUS OVERFLOW or ERROR).</summary>
    public IReadOnlyList<VoTableInfo> TrailingInfos { get; init; } = [];

    /// <summary>Tables of this resource and, after them, of nested resources.</summary>
    public IEnumerable<VoTableTable> AllTables => Tables.Concat(Resources.SelectMany(r => r.AllTables));

    /// <summary>INFOs of this resource (leading and trailing) and of nested resources.</summary>
    public IEnumerable<VoTableInfo> AllInfos =>
        Infos.Concat(TrailingInfos).Concat(Resources.SelectMany(r => r.AllInfos));

    internal void WriteTo(VoTableWriter writer, VoTableSerialization? serialization)
    {
        writer.WriteStartResource(Header);
        if (Description is not null)
        {
            writer.WriteDescription(Description);
        }
        foreach (var info in Infos)
        {
            writer.WriteInfo(info);
        }
        VoTableDocument.WriteMeta(writer, CooSys, TimeSys, Params);
        foreach (var link in Links)
        {
            writer.WriteLink(link);
        }
        foreach (var table in Tables)
        {
            table.WriteTo(writer, serialization);
        }
        foreach (var resource in Resources)
        {
            resource.WriteTo(writer, serialization);
        }
        foreach (var info in TrailingInfos)
        {
            writer.WriteInfo(info);
        }
        writer.WriteEndResource();
    }
}

/// <summary>A TABLE of a <see cref="VoTableDocument"/>: metadata and all rows.</summary>
public sealed class VoTableTable
{
    /// <summary>Metadata (fields, params, infos, description, …).</summary>
    public required VoTableTableHeader Header { get; init; }

    /// <summary>The FIELDs (same as <c>Header.Fields</c>).</summary>
    public IReadOnlyList<VoTableField> Fields => Header.Fields;

    /// <summary>Serialization the table was read in (<see cref="VoTableSerialization.None"/> without DATA).</summary>
    public VoTableSerialization Serialization { get; init; } = VoTableSerialization.TableData;

    /// <summary>The rows, one value per FIELD.</summary>
    public IReadOnlyList<object?[]> Rows { get; init; } = [];

    /// <summary>INFOs inside TABLE after DATA.</summary>
    public IReadOnlyList<VoTableInfo> TrailingInfos { get; init; } = [];

    internal void WriteTo(VoTableWriter writer, VoTableSerialization? serialization)
    {
        var target = serialization ?? Serialization;
        if (target == VoTableSerialization.Fits)
        {
            target = VoTableSerialization.TableData;
        }
        if (Serialization == VoTableSerialization.None && Rows.Count == 0)
        {
            target = VoTableSerialization.None;
        }
        writer.WriteStartTable(Header, target);
        foreach (var row in Rows)
        {
            writer.WriteRow(row);
        }
        writer.WriteEndTable(TrailingInfos);
    }
}
