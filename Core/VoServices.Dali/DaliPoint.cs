namespace VoServices.Dali;

/// <summary>
/// A DALI point (DALI 1.1 §3.5): <c>"lon lat"</c> in degrees, VOTable <c>datatype="double" arraysize="2"
/// xtype="point"</c>. Longitude is in [0, 360] and latitude in [-90, 90]; the constructor enforces both.
/// </summary>
public sealed record DaliPoint
{
    /// <summary>The xtype name.</summary>
    public const string XType = "point";

    /// <summary>Creates a point.</summary>
    /// <param name="lon">Longitude in degrees, [0, 360].</param>
    /// <param name="lat">Latitude in degrees, [-90, 90].</param>
    /// <exception cref="DaliFormatException">A coordinate is NaN, infinite or out of range.</exception>
    public DaliPoint(double lon, double lat)
    {
        Lon = lon;
        Lat = lat;
    }

    /// <summary>Longitude in degrees, [0, 360].</summary>
    public double Lon { get; init => field = SkyRange.Longitude(value, XType); }

    /// <summary>Latitude in degrees, [-90, 90].</summary>
    public double Lat { get; init => field = SkyRange.Latitude(value, XType); }

    /// <summary>Parses <c>"lon lat"</c> (whitespace-separated, invariant culture).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="DaliFormatException">Not two numbers, or out of range.</exception>
    public static DaliPoint Parse(string text) => FromValues(DaliNumber.ParseArray(text, XType));

    /// <summary>Builds a point from the two cells of a VOTable <c>double[2]</c> value.</summary>
    /// <exception cref="DaliFormatException">Not exactly two values, or out of range.</exception>
    public static DaliPoint FromValues(ReadOnlySpan<double> values)
    {
        if (values.Length != 2)
        {
            throw new DaliFormatException(XType,
                $"Invalid DALI point: expected 2 numbers (lon lat), got {values.Length}");
        }
        return new DaliPoint(values[0], values[1]);
    }

    /// <summary>The VOTable array form <c>[lon, lat]</c>.</summary>
    public double[] ToValues() => [Lon, Lat];

    /// <summary>Deconstructs into longitude and latitude.</summary>
    public void Deconstruct(out double lon, out double lat)
    {
        lon = Lon;
        lat = Lat;
    }

    /// <summary>The DALI literal, e.g. <c>"10.5 -20"</c>, with round-trip number formatting.</summary>
    public override string ToString() => DaliNumber.FormatArray([Lon, Lat]);
}
