using System.Globalization;
using System.Text.RegularExpressions;

namespace VoServices.Fits;

/// <summary>
/// One binary-table column as declared by TTYPEn, TFORMn, TUNITn, TSCALn, TZEROn, TNULLn, TDIMn
/// (FITS 4.0 §7.3.1–7.3.2), with its place in the row.
/// </summary>
/// <param name="Index">0-based column number (TFORM1 is column 0).</param>
/// <param name="Name">TTYPEn, or null.</param>
/// <param name="Format">TFORMn as written, e.g. <c>1PB(1210)</c>.</param>
/// <param name="Type">Element type (for P/Q columns: of the heap array).</param>
/// <param name="Repeat">r: elements per cell (characters for A, bits for X); 1 for P/Q descriptors.</param>
/// <param name="Descriptor">'P' (32-bit) or 'Q' (64-bit) array descriptor for variable-length arrays
/// (FITS 4.0 §7.3.5), else null.</param>
/// <param name="MaxLength">The maximum array length in P/Q TFORM parentheses, or null.</param>
/// <param name="ByteOffset">Offset of the field in the row, in bytes.</param>
/// <param name="ByteWidth">Width of the field in the row, in bytes.</param>
/// <param name="Unit">TUNITn, or null.</param>
/// <param name="Scale">TSCALn (default 1).</param>
/// <param name="Zero">TZEROn (default 0).</param>
/// <param name="Null">TNULLn for integer columns, or null.</param>
/// <param name="Dim">TDIMn as written, or null.</param>
public sealed record FitsColumn(int Index, string? Name, string Format, FitsColumnType Type, int Repeat,
    char? Descriptor, long? MaxLength, int ByteOffset, int ByteWidth, string? Unit, double Scale, double Zero,
    long? Null, string? Dim)
{
    private static readonly Regex FormPattern = new(
        @"^\s*(?<r>\d*)(?<t>[LXBIJKAEDCMPQ])(?<rest>.*)$", RegexOptions.CultureInvariant);

    private static readonly Regex DescriptorPattern = new(
        @"^(?<t>[LXBIJKAEDCM])(\((?<max>\d+)\))?\s*$", RegexOptions.CultureInvariant);

    /// <summary>True for a P or Q column (cells live in the heap).</summary>
    public bool IsVariableLength => Descriptor is not null;

    /// <summary>Bytes of one element of <paramref name="type"/> (for X: a fraction, so 1 byte per 8 bits).</summary>
    public static int ElementSize(FitsColumnType type) => type switch
    {
        FitsColumnType.Logical or FitsColumnType.Bit or FitsColumnType.Byte or FitsColumnType.Char => 1,
        FitsColumnType.Int16 => 2,
        FitsColumnType.Int32 or FitsColumnType.Float32 => 4,
        FitsColumnType.Int64 or FitsColumnType.Float64 or FitsColumnType.Complex64 => 8,
        FitsColumnType.Complex128 => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Bytes taken in the heap (or row) by <paramref name="count"/> elements of <paramref name="type"/>.</summary>
    public static long StorageSize(FitsColumnType type, long count) =>
        type == FitsColumnType.Bit ? (count + 7) / 8 : count * ElementSize(type);

    /// <summary>Parses TFORMn (FITS 4.0 §7.3.1 and §7.3.5): <c>rT</c> or <c>rPt(max)</c> / <c>rQt(max)</c>.</summary>
    /// <returns>Type, repeat, descriptor, max length and field width in bytes.</returns>
    /// <exception cref="FitsFormatException">Not a valid binary-table TFORM.</exception>
    public static (FitsColumnType Type, int Repeat, char? Descriptor, long? MaxLength, int Width) ParseFormat(
        string tform, int? hduIndex = null, string? keyword = null)
    {
        var m = FormPattern.Match(tform.TrimEnd());
        if (!m.Success || !int.TryParse(m.Groups["r"].Value.Length == 0 ? "1" : m.Groups["r"].Value,
                NumberStyles.None, CultureInfo.InvariantCulture, out var repeat))
        {
            throw new FitsFormatException($"'{tform}' is not a binary-table format (FITS 4.0 §7.3.1)", hduIndex, keyword);
        }
        var letter = m.Groups["t"].Value[0];
        var rest = m.Groups["rest"].Value;
        if (letter is 'P' or 'Q')
        {
            var d = DescriptorPattern.Match(rest);
            if (!d.Success || repeat > 1)
            {
                throw new FitsFormatException(
                    $"'{tform}' is not a variable-length array format (FITS 4.0 §7.3.5)", hduIndex, keyword);
            }
            long? max = d.Groups["max"].Success
                ? long.Parse(d.Groups["max"].Value, NumberStyles.None, CultureInfo.InvariantCulture)
                : null;
            return (TypeOf(d.Groups["t"].Value[0]), 1, letter, max, repeat * (letter == 'P' ? 8 : 16));
        }
        // Characters after the type letter are allowed for A (e.g. "20A8", TFORM of the old substring convention).
        var type = TypeOf(letter);
        var width = checked((int)StorageSize(type, repeat));
        return (type, repeat, null, null, width);
    }

    private static FitsColumnType TypeOf(char letter) => letter switch
    {
        'L' => FitsColumnType.Logical,
        'X' => FitsColumnType.Bit,
        'B' => FitsColumnType.Byte,
        'I' => FitsColumnType.Int16,
        'J' => FitsColumnType.Int32,
        'K' => FitsColumnType.Int64,
        'A' => FitsColumnType.Char,
        'E' => FitsColumnType.Float32,
        'D' => FitsColumnType.Float64,
        'C' => FitsColumnType.Complex64,
        'M' => FitsColumnType.Complex128,
        _ => throw new ArgumentOutOfRangeException(nameof(letter)),
    };

    /// <summary>The TFORM type letter of <paramref name="type"/>.</summary>
    public static char Letter(FitsColumnType type) => type switch
    {
        FitsColumnType.Logical => 'L',
        FitsColumnType.Bit => 'X',
        FitsColumnType.Byte => 'B',
        FitsColumnType.Int16 => 'I',
        FitsColumnType.Int32 => 'J',
        FitsColumnType.Int64 => 'K',
        FitsColumnType.Char => 'A',
        FitsColumnType.Float32 => 'E',
        FitsColumnType.Float64 => 'D',
        FitsColumnType.Complex64 => 'C',
        FitsColumnType.Complex128 => 'M',
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
