using System.Globalization;
using VoServices.Dali;
using VoServices.Tap.Results;
using VoServices.Tap.Tests.Results;
using VoServices.Tap.Uploads;
using VoServices.Testing;
using VoServices.VoTable;

namespace VoServices.Tap.Tests.Uploads;

/// <summary>Multipart parts held in memory.</summary>
internal sealed class PartSource(Dictionary<string, byte[]> parts) : IUploadContentSource
{
    public PartSource(string name, byte[] content)
        : this(new Dictionary<string, byte[]> { [name] = content })
    {
    }

    public Stream? OpenPart(string name) => parts.TryGetValue(name, out var bytes) ? new MemoryStream(bytes, writable: false) : null;
}

/// <summary>The first 100 Tycho-2 stars of the Omega Cen field (../shared/data/catalogs/field_subsets).</summary>
internal static class Tycho100
{
    public static readonly ResultColumn[] Columns =
    [
        new("tyc", "char") { ArraySize = "*", Ucd = "meta.id;meta.main" },
        new("ra", "double") { Unit = "deg", Ucd = "pos.eq.ra;meta.main" },
        new("dec", "double") { Unit = "deg", Ucd = "pos.eq.dec;meta.main" },
        new("pmra", "double") { Unit = "mas/yr" },
        new("pmdec", "double") { Unit = "mas/yr" },
        new("bt_mag", "float") { Unit = "mag" },
        new("vt_mag", "float") { Unit = "mag" },
        new("hip", "int"),
        new("pos_flag", "char") { ArraySize = "1" },
    ];

    /// <summary>The rows as typed values (empty CSV fields are NULL).</summary>
    public static List<object?[]> Rows()
    {
        var path = SharedData.File("catalogs", "field_subsets", "tycho2_cone_omegacen_r1.0deg.csv");
        return [.. File.ReadLines(path).Skip(1).Take(100).Select(Parse)];
    }

    /// <summary>The rows as a VOTable made by our own result writer.</summary>
    public static async Task<byte[]> VoTableAsync(VoTableSerialization serialization)
    {
        var (bytes, _) = await Write.ToBytesAsync(new VoTableResultWriter(serialization), new InMemoryResultRowReader(Columns, Rows()));
        return bytes;
    }

    private static object?[] Parse(string line)
    {
        var f = line.Split(',');
        Assert.Equal(9, f.Length);
        return
        [
            f[0], Double(f[1]), Double(f[2]), Double(f[3]), Double(f[4]),
            f[5].Length == 0 ? null : float.Parse(f[5], CultureInfo.InvariantCulture),
            f[6].Length == 0 ? null : float.Parse(f[6], CultureInfo.InvariantCulture),
            f[7].Length == 0 ? null : int.Parse(f[7], CultureInfo.InvariantCulture),
            f[8].Length == 0 ? null : f[8],
        ];
    }

    private static object? Double(string text) => text.Length == 0 ? null : double.Parse(text, CultureInfo.InvariantCulture);
}

/// <summary>Reading uploads to the end.</summary>
internal static class Uploaded
{
    public static DaliUpload Inline(string name, string part = "t") => DaliUpload.Parse($"{name},param:{part}");

    /// <summary>Opens the single upload and reads all its rows.</summary>
    public static async Task<(UploadedTable Table, List<object?[]> Rows)> ReadAllAsync(UploadReader reader, DaliUpload upload,
        IUploadContentSource? parts)
    {
        await foreach (var table in reader.ReadAsync([upload], parts, CancellationToken.None))
        {
            using (table)
            {
                return (table, await RowsAsync(table));
            }
        }
        throw new InvalidOperationException("no table");
    }

    public static async Task<List<object?[]>> RowsAsync(UploadedTable table)
    {
        var rows = new List<object?[]>();
        var row = new object?[table.Columns.Count];
        while (await table.ReadAsync(row, CancellationToken.None))
        {
            rows.Add((object?[])row.Clone());
        }
        return rows;
    }

    /// <summary>A VOTable document with the given FIELD elements and TABLEDATA rows.</summary>
    public static byte[] Document(string fields, string rows) => System.Text.Encoding.UTF8.GetBytes(
        "<?xml version='1.0'?>\n<VOTABLE version='1.4' xmlns='http://www.ivoa.net/xml/VOTable/v1.3'>\n" +
        "<RESOURCE><TABLE>\n" + fields + "\n<DATA><TABLEDATA>\n" + rows + "\n</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n");
}
