namespace VoServices.Tap.Ingest;

/// <summary>
/// The VOTable datatypes (VOTable 1.4 §2.1) a catalogue column may have, and the CLR type of its values in a row
/// (<see cref="ICatalogRowSource"/>): boolean → <see cref="bool"/>, short → <see cref="short"/>, int → <see cref="int"/>,
/// long → <see cref="long"/>, float → <see cref="float"/>, double → <see cref="double"/>, char and unicodeChar →
/// <see cref="string"/>.
/// </summary>
public enum CatalogDatatype
{
    /// <summary>VOTable <c>boolean</c>.</summary>
    Boolean,

    /// <summary>VOTable <c>short</c> (16-bit signed).</summary>
    Short,

    /// <summary>VOTable <c>int</c> (32-bit signed).</summary>
    Int,

    /// <summary>VOTable <c>long</c> (64-bit signed).</summary>
    Long,

    /// <summary>VOTable <c>float</c> (IEEE 754 binary32).</summary>
    Float,

    /// <summary>VOTable <c>double</c> (IEEE 754 binary64).</summary>
    Double,

    /// <summary>VOTable <c>char</c> (ASCII string when arraysize is set).</summary>
    Char,

    /// <summary>VOTable <c>unicodeChar</c>.</summary>
    UnicodeChar,
}

/// <summary>Conversions between <see cref="CatalogDatatype"/> and VOTable datatype names.</summary>
public static class CatalogDatatypes
{
    /// <summary>The VOTable spelling (<c>unicodeChar</c>, <c>double</c>…), as stored in TAP_SCHEMA.columns.datatype.</summary>
    public static string ToVoTableName(this CatalogDatatype datatype) => datatype switch
    {
        CatalogDatatype.Boolean => "boolean",
        CatalogDatatype.Short => "short",
        CatalogDatatype.Int => "int",
        CatalogDatatype.Long => "long",
        CatalogDatatype.Float => "float",
        CatalogDatatype.Double => "double",
        CatalogDatatype.Char => "char",
        CatalogDatatype.UnicodeChar => "unicodeChar",
        _ => throw new ArgumentOutOfRangeException(nameof(datatype), datatype, "unknown datatype"),
    };

    /// <summary>Parses a VOTable datatype name (exact spelling as in VOTable 1.4 §2.1); false if unsupported.</summary>
    public static bool TryParse(string name, out CatalogDatatype datatype)
    {
        switch (name)
        {
            case "boolean": datatype = CatalogDatatype.Boolean; return true;
            case "short": datatype = CatalogDatatype.Short; return true;
            case "int": datatype = CatalogDatatype.Int; return true;
            case "long": datatype = CatalogDatatype.Long; return true;
            case "float": datatype = CatalogDatatype.Float; return true;
            case "double": datatype = CatalogDatatype.Double; return true;
            case "char": datatype = CatalogDatatype.Char; return true;
            case "unicodeChar": datatype = CatalogDatatype.UnicodeChar; return true;
            default: datatype = default; return false;
        }
    }

    /// <summary>
    /// Parses a VOTable datatype name as stored in TAP_SCHEMA.columns.datatype; throws
    /// <see cref="ArgumentException"/> for names outside <see cref="CatalogDatatype"/>.
    /// </summary>
    public static CatalogDatatype Parse(string name) => TryParse(name, out var d)
        ? d
        : throw new ArgumentException($"unsupported VOTable datatype '{name}'", nameof(name));
}
