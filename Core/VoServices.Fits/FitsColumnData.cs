namespace VoServices.Fits;

/// <summary>
/// One column to write with <see cref="FitsWriter.WriteBinaryTable"/>: a name and one array element per row.
/// </summary>
/// <remarks>
/// <para>Accepted <see cref="Values"/> and the TFORM written (FITS 4.0 §7.3.1, Table 18): <c>bool[]</c> and
/// <c>bool?[]</c> → L (null as 0); <c>byte[]</c> → B; <c>sbyte[]</c> → B with TZERO = -128; <c>short[]</c> → I;
/// <c>ushort[]</c> → I with TZERO = 32768; <c>int[]</c> → J; <c>uint[]</c> → J with TZERO = 2147483648;
/// <c>long[]</c> → K; <c>float[]</c> → E; <c>double[]</c> → D; <c>string[]</c> → rA (printable ASCII, padded with
/// spaces, r = the longest string or <see cref="StringWidth"/>).</para>
/// <para>A jagged array of a numeric or logical type (e.g. <c>double[][]</c>) gives a vector column rT when all
/// rows have the same length, or a variable-length array column 1PT(max) in the heap (FITS 4.0 §7.3.5) when they do
/// not or when <see cref="VariableLength"/> is set.</para>
/// </remarks>
/// <param name="Name">TTYPEn (printable ASCII).</param>
/// <param name="Values">The cells, one per row.</param>
public sealed record FitsColumnData(string Name, Array Values)
{
    /// <summary>TUNITn, or null.</summary>
    public string? Unit { get; init; }

    /// <summary>Force a P (variable-length) column for a jagged array.</summary>
    public bool VariableLength { get; init; }

    /// <summary>Width of a string column in characters (longer strings are an error); null = the longest.</summary>
    public int? StringWidth { get; init; }
}
