using System.Numerics;

namespace VoServices.VoTable.Tests.Support;

/// <summary>
/// The tables of the round-trip matrix (VOTable 1.4 §2.1 datatypes × §5 serializations). Values are given in the
/// CLR types the reader returns, so that a round trip can be compared with <see cref="RowAssert"/>.
/// </summary>
internal static class MatrixCases
{
    public static readonly string[] Names = ["scalars", "fixed-arrays", "variable-arrays", "nulls", "empty", "unicode", "extremes"];

    public static (VoTableField[] Fields, object?[][] Rows) Get(string name, VoTableSerialization serialization) => name switch
    {
        "scalars" => Scalars(),
        "fixed-arrays" => FixedArrays(),
        "variable-arrays" => VariableArrays(),
        "nulls" => Nulls(serialization),
        "empty" => (Scalars().Item1, []),
        "unicode" => Unicode(),
        "extremes" => Extremes(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static VoTableField F(string name, VoTableDataType type, string? arraysize = null, string? nullValue = null) =>
        new(name, type) { ArraySize = arraysize, NullValue = nullValue };

    private static (VoTableField[], object?[][]) Scalars() =>
    (
        [
            F("boolean", VoTableDataType.Boolean), F("bit", VoTableDataType.Bit), F("ubyte", VoTableDataType.UnsignedByte),
            F("short", VoTableDataType.Short), F("int", VoTableDataType.Int), F("long", VoTableDataType.Long),
            F("char", VoTableDataType.Char, "*"), F("uchar", VoTableDataType.UnicodeChar, "*"), F("float", VoTableDataType.Float),
            F("double", VoTableDataType.Double), F("fcomplex", VoTableDataType.FloatComplex), F("dcomplex", VoTableDataType.DoubleComplex),
        ],
        [
            [true, true, (byte)1, (short)2, 3, 4L, "five", "six", 7.5f, 8.25, new Complex(1, -1), new Complex(0.1, 1e-10)],
            [false, false, (byte)200, (short)-300, -40000, 5000000000L, "a b", "ü", -0.1f, 1.0 / 3, new Complex(0, 0), new Complex(-2.5, 3)],
            [true, false, (byte)0, (short)0, 0, 0L, "x", "y", 0f, 123456789.123, new Complex(3, 4), new Complex(1e300, -1e-300)],
        ]
    );

    private static (VoTableField[], object?[][]) FixedArrays() =>
    (
        [
            F("boolean", VoTableDataType.Boolean, "3"), F("bit", VoTableDataType.Bit, "10"), F("ubyte", VoTableDataType.UnsignedByte, "4"),
            F("short", VoTableDataType.Short, "2x2"), F("int", VoTableDataType.Int, "3"), F("long", VoTableDataType.Long, "2"),
            F("char", VoTableDataType.Char, "8"), F("uchar", VoTableDataType.UnicodeChar, "4"), F("float", VoTableDataType.Float, "3"),
            F("double", VoTableDataType.Double, "2x3"), F("fcomplex", VoTableDataType.FloatComplex, "2"), F("dcomplex", VoTableDataType.DoubleComplex, "2"),
        ],
        [
            [new bool?[] { true, false, null }, new[] { true, false, true, true, false, false, false, false, true, true },
                new byte[] { 0, 1, 254, 255 }, new short[] { 1, -2, 3, -4 }, new[] { 10, 20, 30 }, new[] { -1L, 1L },
                "abcdefgh", "αβγδ", new[] { 1.5f, -2.5f, 0f }, new[] { 1.0, 2, 3, 4, 5, 6 },
                new[] { new Complex(1, 2), new Complex(3, 4) }, new[] { new Complex(-1, -2), new Complex(0.5, 0.25) }],
            [new bool?[] { false, false, false }, new bool[10], new byte[4], new short[4], new int[3], new long[2],
                "ab", "x", new float[3], new double[6], new[] { Complex.Zero, Complex.One }, new[] { Complex.ImaginaryOne, Complex.Zero }],
        ]
    );

    /// <summary>
    /// Variable bit arrays have 0, 7, 8 or 15 bits: votlint 3.4.7 skips (count+1)/8 bytes instead of ⌈count/8⌉
    /// (ValueParser$VariableBitParser.checkStream), so other lengths make it report a corrupt stream although
    /// STIL's own decoder reads them (see <c>VariableBitArray_AnyLength_StiltsDecodes</c>).
    /// </summary>
    private static (VoTableField[], object?[][]) VariableArrays() =>
    (
        [
            F("boolean", VoTableDataType.Boolean, "*"), F("bit", VoTableDataType.Bit, "*"), F("ubyte", VoTableDataType.UnsignedByte, "*"),
            F("short", VoTableDataType.Short, "3x*"), F("int", VoTableDataType.Int, "10*"), F("long", VoTableDataType.Long, "*"),
            F("char", VoTableDataType.Char, "*"), F("char10", VoTableDataType.Char, "10*"), F("uchar", VoTableDataType.UnicodeChar, "*"),
            F("float", VoTableDataType.Float, "*"), F("double", VoTableDataType.Double, "2x*"), F("fcomplex", VoTableDataType.FloatComplex, "*"),
            F("dcomplex", VoTableDataType.DoubleComplex, "*"),
        ],
        [
            [new bool?[] { true, null, false }, new[] { true, false, true, true, false, false, true }, new byte[] { 1, 2, 3 }, new short[] { 1, 2, 3, 4, 5, 6 },
                Enumerable.Range(1, 10).ToArray(), new[] { long.MaxValue }, "variable", "0123456789", "Grüße",
                new[] { 1f, 2f }, new[] { 1.0, 2.0, 3.0, 4.0 }, new[] { new Complex(1, 1) }, new[] { new Complex(2, 2), new Complex(3, -3) }],
            [new bool?[] { false }, Array.Empty<bool>(), new byte[] { 9 }, new short[] { 7, 8, 9 }, new[] { 5 }, new[] { 1L, 2L, 3L },
                "a", "b", "c", new[] { -1f }, new[] { 0.5, 0.25 }, new[] { new Complex(0, 1) }, new[] { new Complex(1, 0) }],
            [new bool?[] { true, true, true, true, true }, Enumerable.Range(0, 15).Select(i => i % 3 == 0).ToArray(), new byte[] { 255 },
                new short[] { -1, -1, -1 }, new[] { 0, 0 }, new[] { 0L }, "longer text with spaces", "", "ω",
                new[] { 3f, 4f, 5f }, new[] { 9.0, 8.0 }, new[] { new Complex(5, 5) }, new[] { new Complex(6, 6) }],
        ]
    );

    /// <summary>
    /// Every column null in one row. VOTable 1.4 §6: BINARY has no null for bits and needs VALUES null= for
    /// integers; TABLEDATA has no valid null for bit or bit[n] (votlint wants the elements), so bit scalars and
    /// fixed bit arrays are only included for BINARY2.
    /// </summary>
    private static (VoTableField[], object?[][]) Nulls(VoTableSerialization serialization)
    {
        var fields = new List<VoTableField>
        {
            F("boolean", VoTableDataType.Boolean), F("ubyte", VoTableDataType.UnsignedByte, null, "255"),
            F("short", VoTableDataType.Short, null, "-32768"), F("int", VoTableDataType.Int, null, "-2147483648"),
            F("long", VoTableDataType.Long, null, "-9223372036854775808"), F("char", VoTableDataType.Char, "*"),
            F("char8", VoTableDataType.Char, "8"), F("uchar", VoTableDataType.UnicodeChar, "*"), F("float", VoTableDataType.Float),
            F("double", VoTableDataType.Double), F("fcomplex", VoTableDataType.FloatComplex), F("dcomplex", VoTableDataType.DoubleComplex),
            F("bool3", VoTableDataType.Boolean, "3"), F("int3", VoTableDataType.Int, "3", "-1"), F("double2", VoTableDataType.Double, "2"),
            F("dcomplex2", VoTableDataType.DoubleComplex, "2"), F("bitvar", VoTableDataType.Bit, "*"), F("intvar", VoTableDataType.Int, "*"),
            F("doublevar", VoTableDataType.Double, "2x*"),
        };
        var values = new List<object?>
        {
            true, (byte)7, (short)7, 7, 7L, "seven", "eight", "nine", 10f, 11.0, new Complex(12, 0), new Complex(13, 0),
            new bool?[] { true, true, false }, new[] { 1, 2, 3 }, new[] { 1.0, 2.0 }, new[] { Complex.One, Complex.One },
            new[] { true, false, true, false, true, false, true, false }, new[] { 1, 2 }, new[] { 1.0, 2.0 },
        };
        if (serialization == VoTableSerialization.Binary2)
        {
            fields.AddRange([F("bit", VoTableDataType.Bit), F("bit5", VoTableDataType.Bit, "5"), F("intnonull", VoTableDataType.Int)]);
            values.AddRange([true, new[] { true, false, true, false, true }, 99]);
        }
        if (serialization == VoTableSerialization.TableData)
        {
            fields.Add(F("intnonull", VoTableDataType.Int));
            values.Add(99);
        }
        var nulls = new object?[fields.Count];
        return ([.. fields], [nulls, [.. values], nulls]);
    }

    private static (VoTableField[], object?[][]) Unicode() =>
    (
        [F("uchar", VoTableDataType.UnicodeChar, "*"), F("uchar10", VoTableDataType.UnicodeChar, "10"), F("ascii", VoTableDataType.Char, "*")],
        [
            ["வணக்கம் உலகம்", "Ceçi", "a&b<c>d\"e'f"],
            ["日本語のテキスト", "Ωμέγα", "  leading and trailing  "],
            ["emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "😀😀😀😀😀", "tab\there"],
            ["עברית right-to-left", "Привет", "line1\nline2\r\nline3"],
            ["mixed &amp; <tags> ]]>", "ß", "]]> CDATA end"],
        ]
    );

    private static (VoTableField[], object?[][]) Extremes() =>
    (
        [
            F("ubyte", VoTableDataType.UnsignedByte), F("short", VoTableDataType.Short), F("int", VoTableDataType.Int),
            F("long", VoTableDataType.Long), F("float", VoTableDataType.Float), F("double", VoTableDataType.Double),
            F("dcomplex", VoTableDataType.DoubleComplex), F("doubles", VoTableDataType.Double, "*"),
        ],
        [
            [byte.MaxValue, short.MinValue, int.MinValue, long.MinValue, float.NaN, double.NaN, new Complex(double.NaN, double.PositiveInfinity),
                new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.Epsilon }],
            [byte.MinValue, short.MaxValue, int.MaxValue, long.MaxValue, float.PositiveInfinity, double.PositiveInfinity,
                new Complex(double.MaxValue, double.MinValue), new[] { double.MaxValue, double.MinValue }],
            [(byte)128, (short)-1, -1, -1L, float.NegativeInfinity, double.NegativeInfinity, new Complex(-0.0, double.Epsilon), new[] { 1e-310 }],
            [(byte)1, (short)1, 1, 1L, float.Epsilon, double.Epsilon, new Complex(1, 1), new[] { 0.1 + 0.2 }],
            [(byte)2, (short)2, 2, 2L, float.MaxValue, double.MaxValue, new Complex(2, 2), new[] { Math.PI, Math.E }],
            [(byte)3, (short)3, 3, 3L, float.MinValue, double.MinValue, new Complex(3, 3), new[] { -1e-300 }],
        ]
    );
}
