using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using VoServices.Testing;

namespace VoServices.Fits.Tests;

/// <summary>BINTABLE reading (FITS 4.0 §7.3) against astropy: Fixtures/tables.json from make_table_fixtures.py.</summary>
public sealed class FitsBinaryTableTests
{
    public static TheoryData<string, int, int> TableColumns()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var t in ReferenceData.Tables)
        {
            for (var c = 0; c < t.Columns.Count; c++)
            {
                data.Add(t.File, t.Hdu, c);
            }
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(TableColumns))]
    public void ReadColumn_EveryColumnInSharedData_EqualsAstropy(string file, int hdu, int column)
    {
        var expected = ReferenceData.Table(file, hdu);
        var reference = expected.Columns[column];
        using var fits = FitsFile.Open(SharedData.File(expected.Path));
        var table = fits[hdu].AsBinaryTable();
        var col = table.Columns[column];

        Assert.Equal(expected.Rows, table.RowCount);
        Assert.Equal(reference.Name, col.Name);
        Assert.Equal(reference.Tform, col.Format);
        Assert.Equal(reference.Unit, col.Unit);
        Assert.Equal(reference.Sha256, Hash(table, column));
        AssertFirst(reference.First, table.ReadCell(0, column));
    }

    [SkippableFact]
    public void ReadColumnAsDouble_IntegerColumn_AppliesNoScalingWithoutTscal()
    {
        using var fits = FitsFile.Open(SharedData.File("vo", "topcat_demo", "863sub.fits"));
        var table = fits[1].AsBinaryTable();
        var area = table.IndexOf("area");

        Assert.Equal(((int[])table.ReadColumn(area)).Select(v => (double)v), table.ReadColumnAsDouble(area));
        Assert.Equal(((int[])table.ReadColumn(area, 10, 5)), ((int[])table.ReadColumn(area)).Skip(10).Take(5));
    }

    [SkippableFact]
    public void ReadCell_OutsideTable_ThrowsArgumentOutOfRange()
    {
        using var fits = FitsFile.Open(SharedData.File("vo", "topcat_demo", "863sub.fits"));
        var table = fits[1].AsBinaryTable();

        Assert.Throws<ArgumentOutOfRangeException>(() => table.ReadCell(table.RowCount, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.ReadCell(0, table.Columns.Count));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.ReadColumn(0, 1, table.RowCount));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.ReadColumnAsDouble(-1));
    }

    [SkippableFact]
    public void ReadColumnAsDouble_StringColumn_ThrowsArgumentException()
    {
        using var fits = FitsFile.Open(SharedData.File("images", "tuc47_acs_hrc", "j8bt06nyq_flt_tan_sip.fits"));
        var table = fits.Find("WCSCORR")!.AsBinaryTable();

        Assert.Throws<ArgumentException>(() => table.ReadColumnAsDouble(table.IndexOf("WCS_ID")));
        // astropy: EXTVER = [1 1 0 0 0 0 0]
        Assert.Equal([1.0, 1.0, 0.0], table.ReadColumnAsDouble(table.IndexOf("EXTVER"), 0, 3));
    }

    [SkippableFact]
    public void AsBinaryTable_AsciiTableOrImage_ThrowsInvalidOperation()
    {
        using var fits = FitsFile.Open(SharedData.File("vo", "topcat_demo", "tables.fit.gz"));

        Assert.Equal(FitsHduKind.AsciiTable, fits[1].Kind);
        Assert.Throws<InvalidOperationException>(() => fits[1].AsBinaryTable());
        Assert.Throws<InvalidOperationException>(() => fits[0].AsBinaryTable());
        Assert.Throws<InvalidOperationException>(() => fits[2].AsImage());
    }

    [SkippableFact]
    public void ReadCell_CompressedImageTable_GivesTheTileBytes()
    {
        using var fits = FitsFile.Open(SharedData.File("images", "fz", "u40x010hm_wf3.fits.fz"));
        var table = fits[1].AsBinaryTable();

        var tile = (byte[])table.ReadCell(0, 0)!;

        Assert.Equal('P', table.Columns[0].Descriptor);
        Assert.Equal(961, table.Columns[0].MaxLength);
        Assert.InRange(tile.Length, 5, 961);
        Assert.IsType<double>(table.ReadCell(0, table.IndexOf("ZSCALE")));
    }

    [Theory]
    [InlineData("1J", FitsColumnType.Int32, 1, 4)]
    [InlineData("K", FitsColumnType.Int64, 1, 8)]
    [InlineData("24A", FitsColumnType.Char, 24, 24)]
    [InlineData("13X", FitsColumnType.Bit, 13, 2)]
    [InlineData("3M", FitsColumnType.Complex128, 3, 48)]
    [InlineData("0E", FitsColumnType.Float32, 0, 0)]
    [InlineData("1PB(1210)", FitsColumnType.Byte, 1, 8)]
    [InlineData("QD", FitsColumnType.Float64, 1, 16)]
    public void ParseFormat_ValidTform_GivesTypeRepeatAndWidth(string tform, FitsColumnType type, int repeat, int width)
    {
        var parsed = FitsColumn.ParseFormat(tform);

        Assert.Equal((type, repeat, width), (parsed.Type, parsed.Repeat, parsed.Width));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1Z")]
    [InlineData("2PJ")]
    [InlineData("1PZ(3)")]
    [InlineData("F8.4")]
    public void ParseFormat_InvalidTform_ThrowsFitsFormatException(string tform) =>
        Assert.Throws<FitsFormatException>(() => FitsColumn.ParseFormat(tform));

    /// <summary>The column hashed as make_table_fixtures.py does (physical numbers as float64, text, T/F).</summary>
    private static string Hash(FitsBinaryTable table, int column)
    {
        var col = table.Columns[column];
        if (col.Type == FitsColumnType.Char)
        {
            return ReferenceData.TextHash(string.Join('\n', ((string[])table.ReadColumn(column)).Select(s => s.TrimEnd())));
        }
        if (col.Type == FitsColumnType.Logical)
        {
            var bytes = ((bool?[])table.ReadColumn(column)).Select(b => b == true ? (byte)'T' : (byte)'F').ToArray();
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        }
        if (col.Repeat == 1 && !col.IsVariableLength)
        {
            return ReferenceData.PixelHash(table.ReadColumnAsDouble(column));
        }
        var values = new List<double>();
        foreach (var cell in table.ReadColumn(column))
        {
            foreach (var v in (System.Collections.IEnumerable)cell!)
            {
                values.Add(Convert.ToDouble(v, CultureInfo.InvariantCulture) * col.Scale + col.Zero);
            }
        }
        return ReferenceData.PixelHash(values.ToArray());
    }

    private static void AssertFirst(JsonElement expected, object? actual)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Array:
                var items = ((System.Collections.IEnumerable)actual!).Cast<object?>().Take(expected.GetArrayLength()).ToList();
                var i = 0;
                foreach (var e in expected.EnumerateArray())
                {
                    AssertFirst(e, items[i++]);
                }
                break;
            case JsonValueKind.String:
                Assert.Equal(expected.GetString(), actual);
                break;
            case JsonValueKind.True or JsonValueKind.False:
                Assert.Equal(expected.GetBoolean(), actual);
                break;
            case JsonValueKind.Null:
                Assert.True(actual is float f && float.IsNaN(f) || actual is double d && double.IsNaN(d));
                break;
            default:
                Assert.Equal(expected.GetDouble(), Convert.ToDouble(actual, CultureInfo.InvariantCulture));
                break;
        }
    }
}
