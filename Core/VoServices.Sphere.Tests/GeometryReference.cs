using System.Text.Json;

namespace VoServices.Sphere.Tests;

/// <summary>
/// Reads Fixtures/geometry_reference.json, made by Fixtures/make_geometry_reference.py (astropy, healpy, mpmath).
/// </summary>
internal static class GeometryReference
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "geometry_reference.json"))));

    public static IEnumerable<JsonElement> Shapes => Document.Value.RootElement.GetProperty("shapes").EnumerateArray();

    public static IEnumerable<JsonElement> Relations => Document.Value.RootElement.GetProperty("relations").EnumerateArray();

    public static IEnumerable<JsonElement> Distances => Document.Value.RootElement.GetProperty("distances").EnumerateArray();

    public static TheoryData<string> ShapeNames()
    {
        var data = new TheoryData<string>();
        foreach (var s in Shapes)
        {
            data.Add(s.GetProperty("name").GetString()!);
        }
        return data;
    }

    public static JsonElement Shape(string name) => Shapes.Single(s => s.GetProperty("name").GetString() == name);

    public static ISkyShape Build(JsonElement shape)
    {
        var p = shape.GetProperty("params").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return shape.GetProperty("kind").GetString() switch
        {
            "circle" => new SkyCircle(p[0], p[1], p[2]),
            "box" => new SkyBox(p[0], p[1], p[2], p[3]),
            "polygon" => SkyPolygon.FromCoordinates(p),
            var kind => throw new InvalidDataException($"unknown kind {kind}"),
        };
    }

    public static ISkyShape Build(string name) => Build(Shape(name));

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();
}
