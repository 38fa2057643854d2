using System.Text.Json;

namespace VoServices.Wcs.Tests;

/// <summary>
/// One reference case written by Fixtures/make_fixtures.py with astropy 5.2.1 (WCSLIB 7.12): the header keywords,
/// a pixel grid (0-based) and astropy's all_pix2world values in the header's frame and in ICRS.
/// </summary>
internal sealed record AstropyFixture(
    string Name,
    string Note,
    string? File,
    int Hdu,
    int Naxis1,
    int Naxis2,
    IReadOnlyDictionary<string, object?> Keywords,
    PixelPoint[] Pixels,
    SkyPoint?[] World,
    SkyPoint?[] Icrs)
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static IEnumerable<string> Names() => Directory.EnumerateFiles(Folder, "*.json")
        .Select(Path.GetFileNameWithoutExtension)
        .Where(n => n != "frames")
        .Order(StringComparer.Ordinal)!;

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var n in Names())
        {
            data.Add(n);
        }
        return data;
    }

    public static TheoryData<string> RealImages()
    {
        var data = new TheoryData<string>();
        foreach (var n in Names().Where(n => !n.StartsWith("synthetic_", StringComparison.Ordinal)))
        {
            data.Add(n);
        }
        return data;
    }

    public static AstropyFixture Load(string name)
    {
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(Folder, name + ".json")));
        var root = doc.RootElement;
        var keywords = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in root.GetProperty("keywords").EnumerateObject())
        {
            keywords[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number when p.Value.TryGetInt64(out var l) && !p.Value.GetRawText().Contains('.')
                    && !p.Value.GetRawText().Contains('e', StringComparison.OrdinalIgnoreCase) => l,
                JsonValueKind.Number => p.Value.GetDouble(),
                _ => null,
            };
        }
        var source = root.GetProperty("source");
        var naxis = root.GetProperty("naxis");
        return new AstropyFixture(
            name,
            root.GetProperty("note").GetString() ?? "",
            source.ValueKind == JsonValueKind.Null ? null : source.GetProperty("file").GetString(),
            source.ValueKind == JsonValueKind.Null ? 0 : source.GetProperty("hdu").GetInt32(),
            naxis[0].GetInt32(),
            naxis[1].GetInt32(),
            keywords,
            [.. root.GetProperty("pixels").EnumerateArray().Select(p => new PixelPoint(p[0].GetDouble(), p[1].GetDouble()))],
            Points(root.GetProperty("world")),
            Points(root.GetProperty("icrs")));
    }

    public static SkyPoint?[] Points(JsonElement array) => [.. array.EnumerateArray().Select(p =>
        p.ValueKind == JsonValueKind.Null ? (SkyPoint?)null : new SkyPoint(p[0].GetDouble(), p[1].GetDouble()))];

    public CelestialWcs Wcs() => WcsParser.FromKeywords(Keywords);
}
