using System.Globalization;
using VoServices.Dali;
using VoServices.Tap.Results;

namespace VoServices.Tap.Query;

/// <summary>
/// How a backend stores an uploaded column in its temporary table (TAP 1.1 §2.5: all VOTable types and DALI xtypes
/// must round-trip), chosen so that the SQL dialects treat it like a catalogue column of the same metadata: DALI
/// geometry as the dialect's stored-geometry form, timestamps as ISO text (as the catalogue stores them), other
/// arrays as space-separated text (read back by <see cref="ResultCellConverter"/>).
/// </summary>
public enum UploadColumnKind
{
    /// <summary>boolean, bit (scalar).</summary>
    Boolean,

    /// <summary>unsignedByte, short, int, long (scalar).</summary>
    Integer,

    /// <summary>float, double (scalar).</summary>
    Real,

    /// <summary>char, unicodeChar (any arraysize), and complex numbers as text.</summary>
    Text,

    /// <summary>char with xtype timestamp: ISO 8601 text without zone (DALI 1.1 §3.3.3).</summary>
    Timestamp,

    /// <summary>Numeric arrays with xtype point, circle or polygon: degrees (DALI 1.1 §3.4–3.6).</summary>
    Geometry,

    /// <summary>Every other array (intervals included): space-separated values.</summary>
    ArrayText,
}

/// <summary>Classification and value conversion of uploaded columns for the temporary tables.</summary>
public static class UploadColumns
{
    /// <summary>The storage kind of a column.</summary>
    public static UploadColumnKind KindOf(ResultColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var xtype = column.XType?.ToLowerInvariant();
        var character = column.Datatype is "char" or "unicodeChar";
        if (character)
        {
            return xtype is "timestamp" or "adql:timestamp" ? UploadColumnKind.Timestamp : UploadColumnKind.Text;
        }
        if (xtype is "point" or "circle" or "polygon")
        {
            return UploadColumnKind.Geometry;
        }
        if (column.ArraySize is not null)
        {
            return UploadColumnKind.ArrayText;
        }
        return column.Datatype switch
        {
            "boolean" or "bit" => UploadColumnKind.Boolean,
            "unsignedByte" or "short" or "int" or "long" => UploadColumnKind.Integer,
            "float" or "double" => UploadColumnKind.Real,
            _ => UploadColumnKind.Text,
        };
    }

    /// <summary>
    /// The text stored for a <see cref="UploadColumnKind.Text"/>, <see cref="UploadColumnKind.Timestamp"/> or
    /// <see cref="UploadColumnKind.ArrayText"/> value (and SQLite geometry): strings as they are, timestamps in DALI
    /// form, arrays as invariant-culture values separated by single spaces; null stays null.
    /// </summary>
    public static string? Text(object? value) => value switch
    {
        null or DBNull => null,
        string s => s,
        DateTime t => Timestamp(t),
        double[] d => string.Join(' ', d.Select(DaliNumber.Format)),
        float[] f => string.Join(' ', f.Select(x => DaliNumber.Format(x))),
        bool[] b => string.Join(' ', b.Select(x => x ? "T" : "F")),
        bool?[] b => string.Join(' ', b.Select(x => x is null ? "?" : x.Value ? "T" : "F")),
        Array a => string.Join(' ', a.Cast<object?>().Select(Scalar)),
        _ => Scalar(value),
    };

    /// <summary>
    /// A DALI 1.1 §3.3.3 timestamp that always has its time part (<c>2000-01-01T00:00:00</c>, fraction only when
    /// non-zero), so that stored values sort and compare as text and fill a fixed-width char column exactly.
    /// </summary>
    public static string Timestamp(DateTime value)
    {
        if (value.Kind == DateTimeKind.Local)
        {
            value = value.ToUniversalTime();
        }
        return value.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');
    }

    private static string Scalar(object? value) => value switch
    {
        null => "",
        double d => DaliNumber.Format(d),
        float f => DaliNumber.Format(f),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
