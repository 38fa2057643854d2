namespace VoServices.Dali;

/// <summary>
/// A DALI circle (DALI 1.1 §3.6): <c>"lon lat radius"</c> in degrees, VOTable <c>datatype="double" arraysize="3"
/// xtype="circle"</c>. The centre follows the point ranges; the radius is in (0, 180].
/// </summary>
public sealed record DaliCircle
{
    /// <summary>The xtype name.</summary>
    public const string XType = "circle";

    /// <summary>Creates a circle.</summary>
    /// <param name="center">Centre of the circle.</param>
    /// <param name="radius">Radius in degrees, (0, 180].</param>
    /// <exception cref="ArgumentNullException"><paramref name="center"/> is null.</exception>
    /// <exception cref="DaliFormatException">The radius is out of range.</exception>
    public DaliCircle(DaliPoint center, double radius)
    {
        Center = center;
        Radius = radius;
    }

    /// <summary>Creates a circle from its three numbers.</summary>
    /// <exception cref="DaliFormatException">A value is NaN, infinite or out of range.</exception>
    public DaliCircle(double lon, double lat, double radius)
        : this(new DaliPoint(SkyRange.Longitude(lon, XType), SkyRange.Latitude(lat, XType)), radius)
    {
    }

    /// <summary>Centre of the circle.</summary>
    public DaliPoint Center { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); }

    /// <summary>Radius in degrees, (0, 180].</summary>
    public double Radius
    {
        get;
        init => field = value > 0 && value <= 180
            ? value
            : throw new DaliFormatException(XType,
                $"Invalid DALI circle: radius {DaliNumber.Format(value)} is outside (0, 180]");
    }

    /// <summary>Parses <c>"lon lat radius"</c> (whitespace-separated, invariant culture).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="DaliFormatException">Not three numbers, or out of range.</exception>
    public static DaliCircle Parse(string text) => FromValues(DaliNumber.ParseArray(text, XType));

    /// <summary>Builds a circle from the three cells of a VOTable <c>double[3]</c> value.</summary>
    /// <exception cref="DaliFormatException">Not exactly three values, or out of range.</exception>
    public static DaliCircle FromValues(ReadOnlySpan<double> values)
    {
        if (values.Length != 3)
        {
            throw new DaliFormatException(XType,
                $"Invalid DALI circle: expected 3 numbers (lon lat radius), got {values.Length}");
        }
        return new DaliCircle(values[0], values[1], values[2]);
    }

    /// <summary>The VOTable array form <c>[lon, lat, radius]</c>.</summary>
    public double[] ToValues() => [Center.Lon, Center.Lat, Radius];

    /// <summary>The DALI literal, e.g. <c>"10 20 0.5"</c>, with round-trip number formatting.</summary>
    public override string ToString() => DaliNumber.FormatArray([Center.Lon, Center.Lat, Radius]);
}
