namespace VoServices.Fits;

/// <summary>The data type letter of a binary-table TFORMn (FITS 4.0 §7.3.1, Table 18).</summary>
public enum FitsColumnType
{
    /// <summary>L: logical, one byte 'T', 'F' or 0 (null); read as <see cref="Nullable{Boolean}"/>.</summary>
    Logical,

    /// <summary>X: bit array, MSB first, padded to whole bytes; read as <see cref="bool"/>[].</summary>
    Bit,

    /// <summary>B: unsigned 8-bit integer.</summary>
    Byte,

    /// <summary>I: 16-bit integer.</summary>
    Int16,

    /// <summary>J: 32-bit integer.</summary>
    Int32,

    /// <summary>K: 64-bit integer.</summary>
    Int64,

    /// <summary>A: ASCII character; a column of r characters is read as one string.</summary>
    Char,

    /// <summary>E: IEEE 754 single precision.</summary>
    Float32,

    /// <summary>D: IEEE 754 double precision.</summary>
    Float64,

    /// <summary>C: single-precision complex; read as <see cref="FitsComplex"/>.</summary>
    Complex64,

    /// <summary>M: double-precision complex; read as <see cref="FitsComplex"/>.</summary>
    Complex128,
}
