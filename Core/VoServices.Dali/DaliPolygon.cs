namespace VoServices.Dali;

/// <summary>
/// A DALI polygon (DALI 1.1 §3.7): <c>"lon1 lat1 lon2 lat2 lon3 lat3 …"</c> in degrees, VOTable
/// <c>datatype="double" arraysize="*" xtype="polygon"</c>, at least three vertices, implicitly closed.
/// The spec asks for counter-clockwise winding seen from the origin; that is a geometric property checked (or
/// normalised) by the spherical-geometry code, not here.
/// </summary>
public sealed record DaliPolygon
{
    /// <summary>The xtype name.</summary>
    public const string XType = "polygon";

    private readonly DaliPoint[] vertices;

    /// <summary>Creates a polygon; the vertices are copied.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="vertices"/> or one of its items is null.</exception>
    /// <exception cref="DaliFormatException">Fewer than three vertices.</exception>
    public DaliPolygon(IEnumerable<DaliPoint> vertices)
    {
        ArgumentNullException.ThrowIfNull(vertices);
        this.vertices = [.. vertices];
        if (Array.IndexOf(this.vertices, null) >= 0)
        {
            throw new ArgumentNullException(nameof(vertices), "a polygon vertex is null");
        }
        if (this.vertices.Length < 3)
        {
            throw new DaliFormatException(XType,
                $"Invalid DALI polygon: at least 3 vertices are required, got {this.vertices.Length}");
        }
    }

    /// <summary>The vertices in the order given (read-only).</summary>
    public IReadOnlyList<DaliPoint> Vertices => vertices;

    /// <summary>Parses <c>"lon1 lat1 lon2 lat2 …"</c> (whitespace-separated, invariant culture).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="DaliFormatException">An odd count, fewer than 6 numbers, or a vertex out of range.</exception>
    public static DaliPolygon Parse(string text) => FromValues(DaliNumber.ParseArray(text, XType));

    /// <summary>Builds a polygon from the cells of a VOTable <c>double[*]</c> value.</summary>
    /// <exception cref="DaliFormatException">An odd count, fewer than 6 numbers, or a vertex out of range.</exception>
    public static DaliPolygon FromValues(ReadOnlySpan<double> values)
    {
        if (values.Length % 2 != 0 || values.Length < 6)
        {
            throw new DaliFormatException(XType,
                $"Invalid DALI polygon: expected an even count of at least 6 numbers (3 vertices), got {values.Length}");
        }
        var points = new DaliPoint[values.Length / 2];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = new DaliPoint(
                SkyRange.Longitude(values[2 * i], XType), SkyRange.Latitude(values[(2 * i) + 1], XType));
        }
        return new DaliPolygon(points);
    }

    /// <summary>The VOTable array form <c>[lon1, lat1, lon2, lat2, …]</c>.</summary>
    public double[] ToValues()
    {
        var values = new double[vertices.Length * 2];
        for (var i = 0; i < vertices.Length; i++)
        {
            values[2 * i] = vertices[i].Lon;
            values[(2 * i) + 1] = vertices[i].Lat;
        }
        return values;
    }

    /// <summary>Two polygons are equal when they have the same vertices in the same order.</summary>
    public bool Equals(DaliPolygon? other) =>
        other is not null && vertices.AsSpan().SequenceEqual(other.vertices);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var v in vertices)
        {
            hash.Add(v);
        }
        return hash.ToHashCode();
    }

    /// <summary>The DALI literal, e.g. <c>"10 10 11 10 11 11"</c>, with round-trip number formatting.</summary>
    public override string ToString() => DaliNumber.FormatArray(ToValues());
}
