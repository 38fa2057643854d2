using System.Globalization;

namespace VoServices.Wcs.Parsing;

/// <summary>
/// The celestial axis pair of a header, found from CTYPEi = "ssss-ppp" (Paper II §3 and Table 13): a 4-character
/// coordinate type padded with '-', a '-', a 3-letter projection code, and an optional suffix such as "-SIP".
/// </summary>
/// <param name="LonAxis">1-based FITS axis number of the longitude axis.</param>
/// <param name="LatAxis">1-based FITS axis number of the latitude axis.</param>
/// <param name="AxisCount">The number of WCS axes (WCSAXES, NAXIS or the highest CTYPE index).</param>
/// <param name="LonType">"RA" or "GLON".</param>
/// <param name="Code">The projection code, e.g. "TAN".</param>
internal sealed record CelestialAxes(int LonAxis, int LatAxis, int AxisCount, string LonType, string Code)
{
    private const int MaxAxes = 99;

    /// <summary>Null when the header has no celestial axes.</summary>
    /// <exception cref="WcsFormatException">A longitude axis without latitude (or vice versa), or differing codes.</exception>
    /// <exception cref="WcsNotSupportedException">Ecliptic, helioecliptic, supergalactic or custom axes.</exception>
    public static CelestialAxes? Find(KeywordSet k)
    {
        int? lon = null, lat = null;
        var count = Math.Max(k.Integer("WCSAXES") ?? 0, k.Integer("NAXIS") ?? 0);
        for (var i = 1; i <= MaxAxes; i++)
        {
            var ctype = k.String(KeywordSet.Key("CTYPE", i));
            if (ctype is null)
            {
                continue;
            }
            count = Math.Max(count, i);
            switch (Classify(ctype))
            {
                case AxisRole.Longitude when lon is not null:
                case AxisRole.Latitude when lat is not null:
                    throw new WcsFormatException("more than one celestial longitude or latitude axis",
                        KeywordSet.Key("CTYPE", i));
                case AxisRole.Longitude:
                    lon = i;
                    break;
                case AxisRole.Latitude:
                    lat = i;
                    break;
            }
        }
        if (lon is null && lat is null)
        {
            return null;
        }
        if (lon is not { } lonAxis || lat is not { } latAxis)
        {
            throw new WcsFormatException("a celestial longitude axis needs a matching latitude axis (Paper II §3)",
                KeywordSet.Key("CTYPE", (lon ?? lat)!.Value));
        }
        return Pair(k, lonAxis, latAxis, count);
    }

    private static CelestialAxes Pair(KeywordSet k, int lonAxis, int latAxis, int count)
    {
        var lonType = k.String(KeywordSet.Key("CTYPE", lonAxis))!.ToUpperInvariant();
        var latType = k.String(KeywordSet.Key("CTYPE", latAxis))!.ToUpperInvariant();
        var lonPrefix = lonType[..4].TrimEnd('-');
        var latPrefix = latType[..4].TrimEnd('-');
        var expectedLat = lonPrefix switch
        {
            "RA" => "DEC",
            "GLON" => "GLAT",
            _ => throw new WcsNotSupportedException(
                $"celestial axes '{lonType}' are not supported (only RA/DEC and GLON/GLAT)",
                KeywordSet.Key("CTYPE", lonAxis)),
        };
        if (latPrefix != expectedLat)
        {
            throw new WcsFormatException($"'{lonType}' cannot be paired with '{latType}' (Paper II §3)",
                KeywordSet.Key("CTYPE", latAxis));
        }
        var code = lonType.Substring(5, 3);
        if (latType.Substring(5, 3) != code)
        {
            throw new WcsFormatException(
                $"the projection codes of '{lonType}' and '{latType}' differ (Paper II §3)",
                KeywordSet.Key("CTYPE", latAxis));
        }
        var suffix = lonType.Length > 8 ? lonType[8..] : "";
        if (suffix.Length > 0 && suffix != "-SIP")
        {
            throw new WcsNotSupportedException($"the CTYPE suffix '{suffix}' is not supported (only -SIP)",
                KeywordSet.Key("CTYPE", lonAxis));
        }
        return new CelestialAxes(lonAxis, latAxis, count, lonPrefix, code);
    }

    private enum AxisRole
    {
        Other,
        Longitude,
        Latitude,
    }

    private static AxisRole Classify(string ctype)
    {
        // Only "ssss-ppp[...]" is celestial; "RA" or "RA---" alone is a linear axis in WCSLIB too.
        if (ctype.Length < 8 || ctype[4] != '-')
        {
            return AxisRole.Other;
        }
        var prefix = ctype[..4].ToUpperInvariant();
        if (prefix == "RA--" || prefix[1..] == "LON" || prefix[2..] == "LN")
        {
            return AxisRole.Longitude;
        }
        if (prefix == "DEC-" || prefix[1..] == "LAT" || prefix[2..] == "LT")
        {
            return AxisRole.Latitude;
        }
        return AxisRole.Other;
    }

    /// <summary>The axis numbers in pixel order: X is the lower-numbered axis.</summary>
    public (int X, int Y) PixelAxes => LonAxis < LatAxis ? (LonAxis, LatAxis) : (LatAxis, LonAxis);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{LonType}-{Code} axes {LonAxis},{LatAxis}");
}
