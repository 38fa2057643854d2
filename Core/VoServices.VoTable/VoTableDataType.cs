namespace VoServices.VoTable;

/// <summary>
/// The primitive datatypes of VOTable 1.4 §2.1 (attribute <c>datatype</c> of FIELD, PARAM and INFO).
/// Use <see cref="VoTableDataTypes"/> for the mapping to and from the attribute strings.
/// </summary>
public enum VoTableDataType
{
    /// <summary><c>boolean</c>: logical, 1 byte in BINARY (<c>T</c>/<c>F</c>/<c>?</c>).</summary>
    Boolean,

    /// <summary><c>bit</c>: packed bits, MSB first (VOTable 1.4 §5.3).</summary>
    Bit,

    /// <summary><c>unsignedByte</c>: 8-bit unsigned integer.</summary>
    UnsignedByte,

    /// <summary><c>short</c>: 16-bit signed integer, big-endian in BINARY.</summary>
    Short,

    /// <summary><c>int</c>: 32-bit signed integer.</summary>
    Int,

    /// <summary><c>long</c>: 64-bit signed integer.</summary>
    Long,

    /// <summary><c>char</c>: 7-bit ASCII character, 1 byte.</summary>
    Char,

    /// <summary><c>unicodeChar</c>: UCS-2 character, 2 bytes big-endian.</summary>
    UnicodeChar,

    /// <summary><c>float</c>: IEEE 754 single precision.</summary>
    Float,

    /// <summary><c>double</c>: IEEE 754 double precision.</summary>
    Double,

    /// <summary><c>floatComplex</c>: a pair of floats (real, imaginary).</summary>
    FloatComplex,

    /// <summary><c>doubleComplex</c>: a pair of doubles (real, imaginary).</summary>
    DoubleComplex,
}
