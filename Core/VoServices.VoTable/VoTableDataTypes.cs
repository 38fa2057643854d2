using System.Diagnostics.CodeAnalysis;

namespace VoServices.VoTable;

/// <summary>
/// Maps <see cref="VoTableDataType"/> to and from the <c>datatype</c> attribute strings of VOTable 1.4 §2.1, and
/// gives the size of one element in the BINARY/BINARY2 serializations (VOTable 1.4 §5.4).
/// </summary>
public static class VoTableDataTypes
{
    // Non-standard names seen in the wild, mapped as astropy does (its warning W13).
    private static readonly Dictionary<string, VoTableDataType> LegacyAliases = new(StringComparer.Ordinal)
    {
        ["string"] = VoTableDataType.Char,
        ["unicodeString"] = VoTableDataType.UnicodeChar,
        ["int16"] = VoTableDataType.Short,
        ["int32"] = VoTableDataType.Int,
        ["int64"] = VoTableDataType.Long,
        ["float32"] = VoTableDataType.Float,
        ["float64"] = VoTableDataType.Double,
        ["unsignedInt"] = VoTableDataType.Long,
        ["unsignedShort"] = VoTableDataType.Int,
    };

    /// <summary>The attribute string for <paramref name="type"/>, e.g. <c>unicodeChar</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined enum member.</exception>
    public static string ToName(this VoTableDataType type) => type switch
    {
        VoTableDataType.Boolean => "boolean",
        VoTableDataType.Bit => "bit",
        VoTableDataType.UnsignedByte => "unsignedByte",
        VoTableDataType.Short => "short",
        VoTableDataType.Int => "int",
        VoTableDataType.Long => "long",
        VoTableDataType.Char => "char",
        VoTableDataType.UnicodeChar => "unicodeChar",
        VoTableDataType.Float => "float",
        VoTableDataType.Double => "double",
        VoTableDataType.FloatComplex => "floatComplex",
        VoTableDataType.DoubleComplex => "doubleComplex",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a VOTable datatype"),
    };

    /// <summary>
    /// Parses a standard datatype name (case-sensitive, as the VOTable schema requires).
    /// </summary>
    /// <returns>False when <paramref name="name"/> is null or not one of the 12 standard names.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out VoTableDataType type)
    {
        switch (name)
        {
            case "boolean": type = VoTableDataType.Boolean; return true;
            case "bit": type = VoTableDataType.Bit; return true;
            case "unsignedByte": type = VoTableDataType.UnsignedByte; return true;
            case "short": type = VoTableDataType.Short; return true;
            case "int": type = VoTableDataType.Int; return true;
            case "long": type = VoTableDataType.Long; return true;
            case "char": type = VoTableDataType.Char; return true;
            case "unicodeChar": type = VoTableDataType.UnicodeChar; return true;
            case "float": type = VoTableDataType.Float; return true;
            case "double": type = VoTableDataType.Double; return true;
            case "floatComplex": type = VoTableDataType.FloatComplex; return true;
            case "doubleComplex": type = VoTableDataType.DoubleComplex; return true;
            default: type = default; return false;
        }
    }

    /// <summary>
    /// Like <see cref="TryParse"/>, but also accepts the non-standard names that astropy maps (warning W13):
    /// <c>string</c>→char, <c>unicodeString</c>→unicodeChar, <c>int16</c>→short, <c>int32</c>→int,
    /// <c>int64</c>→long, <c>float32</c>→float, <c>float64</c>→double, <c>unsignedInt</c>→long,
    /// <c>unsignedShort</c>→int. <paramref name="isLegacyAlias"/> tells which kind matched.
    /// </summary>
    public static bool TryParseLenient([NotNullWhen(true)] string? name, out VoTableDataType type, out bool isLegacyAlias)
    {
        isLegacyAlias = false;
        if (TryParse(name, out type))
        {
            return true;
        }
        if (name is not null && LegacyAliases.TryGetValue(name, out type))
        {
            isLegacyAlias = true;
            return true;
        }
        return false;
    }

    /// <summary>Parses a standard datatype name.</summary>
    /// <exception cref="VoTableFormatException">The name is not one of the 12 VOTable datatypes.</exception>
    public static VoTableDataType Parse(string name) =>
        TryParse(name, out var type)
            ? type
            : throw new VoTableFormatException($"'{name}' is not a VOTable datatype (VOTable 1.4 §2.1)");

    /// <summary>
    /// Bytes per element in BINARY/BINARY2 (VOTable 1.4 §5.4): 1 for boolean/unsignedByte/char, 2 for
    /// short/unicodeChar, 4 for int/float, 8 for long/double/floatComplex, 16 for doubleComplex. Bit arrays are
    /// packed (⌈n/8⌉ bytes), so <see cref="VoTableDataType.Bit"/> returns 0.
    /// </summary>
    public static int ElementByteSize(this VoTableDataType type) => type switch
    {
        VoTableDataType.Bit => 0,
        VoTableDataType.Boolean or VoTableDataType.UnsignedByte or VoTableDataType.Char => 1,
        VoTableDataType.Short or VoTableDataType.UnicodeChar => 2,
        VoTableDataType.Int or VoTableDataType.Float => 4,
        VoTableDataType.Long or VoTableDataType.Double or VoTableDataType.FloatComplex => 8,
        VoTableDataType.DoubleComplex => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a VOTable datatype"),
    };

    /// <summary>True for the four integer types, whose nulls may be a VALUES null= magic value.</summary>
    public static bool IsInteger(this VoTableDataType type) =>
        type is VoTableDataType.UnsignedByte or VoTableDataType.Short or VoTableDataType.Int or VoTableDataType.Long;

    /// <summary>True for char and unicodeChar, whose one-dimensional arrays are read and written as strings.</summary>
    public static bool IsCharacter(this VoTableDataType type) =>
        type is VoTableDataType.Char or VoTableDataType.UnicodeChar;
}
