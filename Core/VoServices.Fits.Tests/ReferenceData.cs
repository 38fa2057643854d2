using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoServices.Fits.Tests;

/// <summary>
/// The astropy/funpack reference values in Fixtures/*.json (made by the make_*_fixtures.py scripts beside them)
/// and the hashing they use.
/// </summary>
internal static class ReferenceData
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly Lazy<List<ImageEntry>> Entries = new(() =>
        JsonSerializer.Deserialize<List<ImageEntry>>(File.ReadAllText(FixturePath("images.json")), Json)!);

    private static readonly Lazy<List<ImageEntry>> CompressedEntries = new(() =>
        JsonSerializer.Deserialize<List<ImageEntry>>(File.ReadAllText(FixturePath("compressed.json")), Json)!);

    private static readonly Lazy<List<TableEntry>> TableEntries = new(() =>
        JsonSerializer.Deserialize<List<TableEntry>>(File.ReadAllText(FixturePath("tables.json")), Json)!);

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static IEnumerable<ImageEntry> Images => Entries.Value.Where(e => e.Sha256 is not null);

    /// <summary>The fpack-made fixtures in Fixtures/compressed (see make.sh there).</summary>
    public static IEnumerable<ImageEntry> CompressedFixtures => CompressedEntries.Value.Where(e => e.Sha256 is not null);

    public static IEnumerable<ImageEntry> Headers => Entries.Value.Where(e => e.HeaderSha256 is not null);

    public static IEnumerable<TableEntry> Tables => TableEntries.Value;

    public static ImageEntry Image(string file, int hdu) => Images.Single(e => e.File == file && e.Hdu == hdu);

    public static ImageEntry Header(string file, int hdu) => Headers.Single(e => e.File == file && e.Hdu == hdu);

    public static TableEntry Table(string file, int hdu) => Tables.Single(e => e.File == file && e.Hdu == hdu);

    /// <summary>SHA-256 of the values as big-endian float64, every NaN written as numpy's 7FF8000000000000.</summary>
    public static string PixelHash(ReadOnlySpan<double> values)
    {
        var bytes = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            var bits = double.IsNaN(values[i]) ? 0x7FF8000000000000L : BitConverter.DoubleToInt64Bits(values[i]);
            BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(8 * i), bits);
        }
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public static string TextHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public sealed record Sample(int X, int Y, int Plane, double? Value);

    public sealed record Region(int X, int Y, int Width, int Height, int Plane, string Sha256);

    public sealed record ImageEntry(string File, int Hdu)
    {
        public string? Extname { get; init; }
        public int[]? Naxis { get; init; }
        public int Bitpix { get; init; }
        public double Bscale { get; init; }
        public double Bzero { get; init; }
        public int NanCount { get; init; }
        public string? Sha256 { get; init; }
        public List<Sample>? Samples { get; init; }
        public Region? Region { get; init; }
        public string? Zcmptype { get; init; }
        public string? Zquantiz { get; init; }
        public string? Reference { get; init; }
        public bool? AstropyAgrees { get; init; }
        public bool? FunpackAgrees { get; init; }
        public int? HeaderValueCards { get; init; }
        public string? HeaderSha256 { get; init; }

        public string[] Path => File.Split('/');
    }

    public sealed record TableColumn(string Name, string Tform, string? Unit, string Sha256, JsonElement First);

    public sealed record TableEntry(string File, int Hdu, long Rows, List<TableColumn> Columns)
    {
        public string[] Path => File.Split('/');
    }
}
