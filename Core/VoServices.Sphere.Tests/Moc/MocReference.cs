using System.Text.Json;

namespace VoServices.Sphere.Tests.Moc;

/// <summary>Reads Fixtures/moc_reference.json, made by Fixtures/make_moc_reference.py (healpy).</summary>
internal static class MocReference
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "moc_reference.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    public static TheoryData<string> ShapeNames()
    {
        var data = new TheoryData<string>();
        foreach (var s in Root.GetProperty("shapes").EnumerateArray())
        {
            data.Add(s.GetProperty("name").GetString()!);
        }
        return data;
    }

    public static JsonElement Shape(string name) =>
        Root.GetProperty("shapes").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);

    public static long[] Longs(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt64()).ToArray();
}
