using System.Buffers.Binary;
using System.Text;
using VoServices.Dali;
using VoServices.Sphere;

namespace VoServices.Storage.Sqlite.Adql;

/// <summary>
/// The SQLite representation of ADQL geometries inside a query: a BLOB of one kind byte (<see cref="SqliteGeometryKind"/>)
/// followed by little-endian doubles in degrees — point (ra, dec), circle (ra, dec, r), box (ra, dec, width, height),
/// polygon (ra1, dec1, …). Results leave SQLite as DALI text (DALI 1.1 §3.3), never as this BLOB.
/// </summary>
internal static class SqliteGeometryCodec
{
    public static byte[] Encode(SqliteGeometryKind kind, ReadOnlySpan<double> values)
    {
        var blob = new byte[1 + (8 * values.Length)];
        blob[0] = (byte)kind;
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(1 + (8 * i)), values[i]);
        }
        return blob;
    }

    public static (SqliteGeometryKind Kind, double[] Values) Read(byte[] blob)
    {
        if (blob.Length < 1 || (blob.Length - 1) % 8 != 0 || !Enum.IsDefined((SqliteGeometryKind)blob[0]))
        {
            throw new SkyShapeException("not an ADQL geometry value");
        }
        var values = new double[(blob.Length - 1) / 8];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadDoubleLittleEndian(blob.AsSpan(1 + (8 * i)));
        }
        return ((SqliteGeometryKind)blob[0], values);
    }

    /// <summary>The shape of a value (checks it: coordinates in range, valid polygon).</summary>
    /// <exception cref="SkyShapeException">Invalid geometry.</exception>
    public static ISkyShape Shape(SqliteGeometryKind kind, double[] v) => kind switch
    {
        SqliteGeometryKind.Point when v.Length == 2 => new SkyPoint(v[0], v[1]),
        SqliteGeometryKind.Circle when v.Length == 3 => new SkyCircle(v[0], v[1], v[2]),
        SqliteGeometryKind.Box when v.Length == 4 => new SkyBox(v[0], v[1], v[2], v[3]),
        SqliteGeometryKind.Polygon when v.Length >= 6 && v.Length % 2 == 0 => SkyPolygon.FromCoordinates(v),
        _ => throw new SkyShapeException($"a {kind.ToString().ToLowerInvariant()} cannot have {v.Length} coordinates"),
    };

    /// <summary>DALI text of a value: the coordinates as given, except a BOX, written as the polygon of its corners.</summary>
    public static string Dali(SqliteGeometryKind kind, double[] values)
    {
        if (kind != SqliteGeometryKind.Box)
        {
            return Dali(values);
        }
        var corners = SkyBox.Corners(new SkyPoint(values[0], values[1]), values[2], values[3]);
        return Dali(corners.SelectMany(c => new[] { c.Lon, c.Lat }).ToArray());
    }

    public static string Dali(ReadOnlySpan<double> values)
    {
        var text = new StringBuilder();
        foreach (var value in values)
        {
            text.Append(text.Length == 0 ? "" : " ").Append(DaliNumber.Format(value));
        }
        return text.ToString();
    }

    /// <summary>A geometry stored as DALI text (a geometry column, or a geometry result of a derived table).</summary>
    /// <exception cref="DaliFormatException">Not a DALI value of that kind.</exception>
    public static byte[] FromDali(SqliteGeometryKind kind, string text) => kind switch
    {
        SqliteGeometryKind.Point => Encode(kind, DaliPoint.Parse(text).ToValues()),
        SqliteGeometryKind.Circle => Encode(kind, DaliCircle.Parse(text).ToValues()),
        SqliteGeometryKind.Polygon => Encode(kind, DaliPolygon.Parse(text).ToValues()),
        _ => throw new DaliFormatException("box", "a BOX has no DALI form"),
    };
}

/// <summary>Kind byte of <see cref="SqliteGeometryCodec"/> values.</summary>
internal enum SqliteGeometryKind : byte
{
    Point = 1,
    Circle = 2,
    Polygon = 3,
    Box = 4,
}
