using System.Collections.Frozen;
using System.Globalization;
using VoServices.Adql.Ast;

namespace VoServices.Adql.Translation;

/// <summary>
/// Conversion factors for IN_UNIT (ADQL 2.1 §2.4 "Unit operations"): VOUnit strings (VOUnits 1.0) made of known units,
/// optional SI prefixes, products (<c>.</c>), quotients (<c>/</c>) and integer powers (<c>**n</c>). Units convert when
/// their dimensions agree; the factor multiplies values in the source unit. Values: IAU 2012 au, IAU 2015 pc, Julian year.
/// </summary>
internal static class UnitConversion
{
    private enum Dimension { Angle, Time, Length, Mass, Magnitude, SpectralFlux }

    private sealed record Unit(double Factor, Dimension Dimension, bool Prefixable, int Power = 1);

    private static readonly FrozenDictionary<string, Unit> Units = new Dictionary<string, Unit>(StringComparer.Ordinal)
    {
        ["deg"] = new(1, Dimension.Angle, false),
        ["rad"] = new(180 / Math.PI, Dimension.Angle, true),
        ["arcmin"] = new(1.0 / 60, Dimension.Angle, false),
        ["arcsec"] = new(1.0 / 3600, Dimension.Angle, true),
        ["mas"] = new(1.0 / 3_600_000, Dimension.Angle, false),
        ["uas"] = new(1.0 / 3_600_000_000, Dimension.Angle, false),
        ["sr"] = new(180 / Math.PI * (180 / Math.PI), Dimension.Angle, false, 2),
        ["Hz"] = new(1, Dimension.Time, true, -1),
        ["s"] = new(1, Dimension.Time, true),
        ["min"] = new(60, Dimension.Time, false),
        ["h"] = new(3600, Dimension.Time, false),
        ["d"] = new(86_400, Dimension.Time, false),
        ["yr"] = new(31_557_600, Dimension.Time, true),
        ["a"] = new(31_557_600, Dimension.Time, true),
        ["m"] = new(1, Dimension.Length, true),
        ["Angstrom"] = new(1e-10, Dimension.Length, false),
        ["AU"] = new(149_597_870_700, Dimension.Length, false),
        ["au"] = new(149_597_870_700, Dimension.Length, false),
        ["pc"] = new(3.0856775814913673e16, Dimension.Length, true),
        ["lyr"] = new(9.4607304725808e15, Dimension.Length, true),
        ["g"] = new(1e-3, Dimension.Mass, true),
        ["mag"] = new(1, Dimension.Magnitude, false),
        ["Jy"] = new(1e-26, Dimension.SpectralFlux, true),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, double> Prefixes = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["Y"] = 1e24, ["Z"] = 1e21, ["E"] = 1e18, ["P"] = 1e15, ["T"] = 1e12, ["G"] = 1e9, ["M"] = 1e6, ["k"] = 1e3,
        ["h"] = 1e2, ["da"] = 1e1, ["d"] = 1e-1, ["c"] = 1e-2, ["m"] = 1e-3, ["u"] = 1e-6, ["µ"] = 1e-6, ["n"] = 1e-9,
        ["p"] = 1e-12, ["f"] = 1e-15, ["a"] = 1e-18, ["z"] = 1e-21, ["y"] = 1e-24,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The factor turning values in <paramref name="from"/> into values in <paramref name="to"/>.</summary>
    /// <exception cref="AdqlTranslationException">A unit is unknown, or the dimensions differ (ADQL0205).</exception>
    public static double Factor(string from, string to, AdqlNode node)
    {
        var (fromFactor, fromDimensions) = Parse(from, node);
        var (toFactor, toDimensions) = Parse(to, node);
        if (!fromDimensions.OrderBy(p => p.Key).SequenceEqual(toDimensions.OrderBy(p => p.Key)))
        {
            throw new AdqlTranslationException(TranslationErrorCode.InvalidUnit,
                $"cannot convert '{from}' to '{to}': the dimensions differ", node);
        }
        return fromFactor / toFactor;
    }

    private static (double Factor, Dictionary<Dimension, int> Dimensions) Parse(string text, AdqlNode node)
    {
        var factor = 1.0;
        var dimensions = new Dictionary<Dimension, int>();
        var sign = 1;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('.' or '/'))
            {
                continue;
            }
            var (termFactor, dimension, power) = Term(text[start..i], text, node);
            factor *= Math.Pow(termFactor, sign * power);
            dimensions[dimension] = dimensions.GetValueOrDefault(dimension) + sign * power;
            if (i < text.Length)
            {
                sign = text[i] == '/' ? -1 : sign;
            }
            start = i + 1;
        }
        return (factor, dimensions.Where(p => p.Value != 0).ToDictionary());
    }

    private static (double Factor, Dimension Dimension, int Power) Term(string term, string unit, AdqlNode node)
    {
        var power = 1;
        var stars = term.IndexOf("**", StringComparison.Ordinal);
        if (stars >= 0)
        {
            if (!int.TryParse(term.AsSpan(stars + 2), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out power))
            {
                throw Unknown(unit, node);
            }
            term = term[..stars];
        }
        if (Units.TryGetValue(term, out var known))
        {
            return (Math.Pow(known.Factor, 1.0 / known.Power), known.Dimension, power * known.Power);
        }
        foreach (var (prefix, scale) in Prefixes)
        {
            if (term.Length > prefix.Length && term.StartsWith(prefix, StringComparison.Ordinal)
                && Units.TryGetValue(term[prefix.Length..], out var unitAfterPrefix) && unitAfterPrefix.Prefixable)
            {
                return (Math.Pow(scale, 1.0 / unitAfterPrefix.Power) * Math.Pow(unitAfterPrefix.Factor, 1.0 / unitAfterPrefix.Power),
                    unitAfterPrefix.Dimension, power * unitAfterPrefix.Power);
            }
        }
        throw Unknown(unit, node);
    }

    private static AdqlTranslationException Unknown(string unit, AdqlNode node) =>
        new(TranslationErrorCode.InvalidUnit, $"unit '{unit}' is not known to this service", node);
}
