namespace VoServices.Wcs;

/// <summary>
/// A spherical polygon: vertices joined by great-circle arcs, implicitly closed, in ICRS degrees, wound
/// counter-clockwise as seen from the centre of the sphere (the DALI 1.1 §3.7 polygon convention: the inside is on
/// the left when walking the edges on the sky seen from inside, north up and east left).
/// </summary>
public sealed record SkyPolygon
{
    private readonly SkyPoint[] vertices;

    internal SkyPolygon(SkyPoint[] vertices)
    {
        this.vertices = vertices;
    }

    /// <summary>The vertices (at least 4 for an image footprint), longitude in [0, 360).</summary>
    public IReadOnlyList<SkyPoint> Vertices => vertices;

    /// <summary>The DALI/VOTable <c>double[*] xtype="polygon"</c> array: lon1, lat1, lon2, lat2, …</summary>
    public double[] ToDaliValues()
    {
        var values = new double[vertices.Length * 2];
        for (var i = 0; i < vertices.Length; i++)
        {
            values[2 * i] = vertices[i].Lon;
            values[(2 * i) + 1] = vertices[i].Lat;
        }
        return values;
    }

    /// <summary>Equal when the vertices are equal in the same order.</summary>
    public bool Equals(SkyPolygon? other) => other is not null && vertices.AsSpan().SequenceEqual(other.vertices);

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
}
