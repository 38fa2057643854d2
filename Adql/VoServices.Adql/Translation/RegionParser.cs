using System.Globalization;
using VoServices.Adql.Ast;

namespace VoServices.Adql.Translation;

/// <summary>
/// Reads the STC-S strings that ADQL REGION accepts (ADQL 2.1 §4.2.14, STC-S 1.33 §6): <c>Position</c>, <c>Circle</c>,
/// <c>Box</c> and <c>Polygon</c>, each with optional frame, reference position and flavour words (not transformed: the
/// service is ICRS), then the numbers in degrees. Other shapes (Union, Intersection, Not, …) are not supported.
/// </summary>
internal static class RegionParser
{
    /// <summary>Parses <paramref name="text"/> into a constant geometry; numbers become literals through <paramref name="constant"/>.</summary>
    /// <exception cref="AdqlTranslationException">Not one of the supported STC-S shapes, or wrong numbers.</exception>
    public static SqlGeometry Parse(string text, AdqlNode node, Func<double, SqlExpression> constant)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            throw Error("REGION needs an STC-S string such as 'Circle ICRS 10 20 1'", node);
        }
        var shape = words[0].ToUpperInvariant();
        if (shape is not ("POSITION" or "CIRCLE" or "BOX" or "POLYGON"))
        {
            throw new AdqlTranslationException(TranslationErrorCode.Unsupported,
                $"REGION shape '{words[0]}' is not supported (Position, Circle, Box, Polygon are)", node);
        }
        var numbers = new List<double>();
        foreach (var word in words.Skip(1))
        {
            if (double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                if (!double.IsFinite(value))
                {
                    throw Error($"'{word}' is not a finite number", node);
                }
                numbers.Add(value);
            }
            else if (numbers.Count > 0)
            {
                throw Error($"unexpected '{word}' after the coordinates", node);
            }
        }
        SqlPoint Point(int i) => new(constant(numbers[i]), constant(numbers[i + 1]));
        return shape switch
        {
            "POSITION" when numbers.Count == 2 => Point(0),
            "CIRCLE" when numbers.Count == 3 => new SqlCircle(Point(0), constant(numbers[2])),
            "BOX" when numbers.Count == 4 => new SqlBox(Point(0), constant(numbers[2]), constant(numbers[3])),
            "POLYGON" when numbers.Count >= 6 && numbers.Count % 2 == 0 =>
                new SqlPolygon(Enumerable.Range(0, numbers.Count / 2).Select(i => (SqlGeometry)Point(2 * i)).ToArray()),
            _ => throw Error($"wrong number of coordinates for {words[0]}", node),
        };
    }

    private static AdqlTranslationException Error(string detail, AdqlNode node) =>
        new(TranslationErrorCode.InvalidGeometry, "REGION: " + detail, node);
}
