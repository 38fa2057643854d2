using System.Numerics;
using System.Text.Json.Nodes;

namespace VoServices.VoTable.Tests.Support;

/// <summary>Our rows in the JSON shape printed by Fixtures/astropy_dump.py, for comparison with astropy.</summary>
internal static class JsonRows
{
    public static JsonNode ToJson(IReadOnlyList<VoTableField> fields, IReadOnlyList<object?[]> rows)
    {
        var result = new JsonObject();
        for (var c = 0; c < fields.Count; c++)
        {
            var column = new JsonArray();
            foreach (var row in rows)
            {
                column.Add(Cell(row[c]));
            }
            result[fields[c].Name] = column;
        }
        return JsonNode.Parse(result.ToJsonString())!;
    }

    private static JsonNode? Cell(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b,
        byte or short or int or long => JsonValue.Create(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        float f => Number(f),
        double d => Number(d),
        Complex c => new JsonArray(Number(c.Real), Number(c.Imaginary)),
        Array a => new JsonArray(a.Cast<object?>().Select(Cell).ToArray()),
        _ => value.ToString(),
    };

    private static JsonNode? Number(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Inf" : double.IsNegativeInfinity(d) ? "-Inf" : JsonValue.Create(d);

    /// <summary>
    /// Maps what astropy reports differently but equivalently to one form: NaN scalars are masked by astropy
    /// (VOTable 1.4 §6), and astropy before 5.3 reads null strings in BINARY2 as "" (so "" and null are merged).
    /// </summary>
    public static JsonNode Normalize(JsonNode node)
    {
        var result = new JsonObject();
        foreach (var (name, column) in node.AsObject())
        {
            var values = new JsonArray();
            foreach (var cell in column!.AsArray())
            {
                var nullLike = cell is null || (cell is JsonValue v && v.TryGetValue<string>(out var s) && (s == "NaN" || s.Length == 0));
                values.Add(nullLike ? null : cell!.DeepClone());
            }
            result[name] = values;
        }
        return result;
    }
}
