using System.Collections;
using System.Globalization;
using System.Numerics;

namespace VoServices.VoTable.Tests.Support;

/// <summary>
/// Compares rows that went through a serialization. TABLEDATA and BINARY cannot tell some nulls from values
/// (VOTable 1.4 §5.1/§5.4: an empty TD is both "" and null; BINARY has no flags, so a null float is NaN and a null
/// string is ""; a null fixed array is written as element nulls), so for those the values are compared after
/// mapping every such "null-like" value to null. BINARY2 keeps nulls exactly and is compared as is.
/// </summary>
internal static class RowAssert
{
    public static void Equal(IReadOnlyList<VoTableField> fields, IReadOnlyList<object?[]> expected,
        IReadOnlyList<object?[]> actual, VoTableSerialization serialization, string context = "")
    {
        Assert.True(expected.Count == actual.Count, $"{context}: expected {expected.Count} rows, got {actual.Count}");
        for (var r = 0; r < expected.Count; r++)
        {
            for (var c = 0; c < fields.Count; c++)
            {
                var e = Canonical(expected[r][c], fields[c], serialization);
                var a = Canonical(actual[r][c], fields[c], serialization);
                Assert.True(ValueEquals(e, a),
                    $"{context}: row {r} column '{fields[c].Name}' ({serialization}): expected {Show(e)}, got {Show(a)}");
            }
        }
    }

    public static object? Canonical(object? value, VoTableField field, VoTableSerialization serialization)
    {
        if (serialization == VoTableSerialization.Binary2 || value is null)
        {
            return value;
        }
        return IsNullLike(value, field) ? null : value;
    }

    private static bool IsNullLike(object value, VoTableField field) => value switch
    {
        string s => s.Length == 0,
        float f => float.IsNaN(f),
        double d => double.IsNaN(d),
        Complex c => double.IsNaN(c.Real) && double.IsNaN(c.Imaginary),
        Array a => a.Length == 0 || a.Cast<object?>().All(e => e is null || IsNullLike(e, field) || IsMagic(e, field)),
        _ => false,
    };

    private static bool IsMagic(object element, VoTableField field) =>
        field.NullValue is { } n && element is byte or short or int or long &&
        Convert.ToString(element, CultureInfo.InvariantCulture) == n;

    public static bool ValueEquals(object? e, object? a)
    {
        if (e is null || a is null)
        {
            return e is null && a is null;
        }
        if (e is Array ea && a is Array aa)
        {
            return ea.GetType() == aa.GetType() && ea.Length == aa.Length &&
                   Enumerable.Range(0, ea.Length).All(i => Equals(ea.GetValue(i), aa.GetValue(i)));
        }
        return e.GetType() == a.GetType() && e.Equals(a);
    }

    public static string Show(object? v) => v switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IEnumerable e => $"{v.GetType().Name}[{string.Join(", ", e.Cast<object?>().Select(Show))}]",
        IFormattable f => $"{f.ToString(null, CultureInfo.InvariantCulture)} ({v.GetType().Name})",
        _ => v.ToString() ?? "",
    };
}
