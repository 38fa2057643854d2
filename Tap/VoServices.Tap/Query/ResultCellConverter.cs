using System.Globalization;
using VoServices.Adql.Semantics;
using VoServices.Dali;
using VoServices.Tap.Results;

namespace VoServices.Tap.Query;

/// <summary>
/// Turns the values a database driver returns for one result column into the CLR values the result writers expect
/// (<see cref="IResultRowReader"/>): DALI geometry and intervals as <c>double[]</c> (from SQLite's DALI text or
/// PostgreSQL's <c>double precision[]</c>), timestamps as UTC <see cref="DateTime"/> (from ISO text), booleans as
/// <see cref="bool"/> (from SQLite's 0/1), other arrays as typed arrays (from their space-separated text), numbers
/// and strings as they come. NULL (null or <see cref="DBNull"/>) stays null. Stateless per column; thread-safe.
/// </summary>
public sealed class ResultCellConverter
{
    private readonly Func<object, object?> convert;

    private ResultCellConverter(Func<object, object?> convert) => this.convert = convert;

    /// <summary>The result columns of a resolved query (TAP 1.1 §2.9: the inferred FIELD metadata, in select-list order).</summary>
    public static IReadOnlyList<ResultColumn> Columns(ResolvedQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return [.. query.Columns.Select(c => new ResultColumn(c.Name, c.Datatype)
        {
            ArraySize = c.ArraySize,
            XType = c.XType,
            Unit = c.Unit,
            Ucd = c.Ucd,
            Utype = c.Utype,
            Description = c.Description,
        })];
    }

    /// <summary>The converter for <paramref name="column"/>.</summary>
    public static ResultCellConverter For(ResultColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var xtype = column.XType?.ToLowerInvariant();
        var character = column.Datatype is "char" or "unicodeChar";
        if (xtype is "point" or "circle" or "polygon" or "interval" && !character)
        {
            return new(v => Doubles(v, xtype));
        }
        if (column.IsTimestamp)
        {
            // Whatever the declared width: the result writers declare timestamp columns variable-length and write
            // the full DALI form (ResultColumn.AsResultColumn, CellText.Timestamp).
            return new(Timestamp);
        }
        if (character)
        {
            return new(v => v is string ? v : Text(v));
        }
        if (column.ArraySize is not null)
        {
            return new(v => v is string s ? ParseArray(s, column.Datatype) : v);
        }
        return column.Datatype == "boolean" ? new(Boolean) : new(v => v is string s ? ParseNumber(s, column.Datatype) : v);
    }

    /// <summary>The writer's value for <paramref name="value"/>.</summary>
    /// <exception cref="FormatException">Text that is not a value of the column's type.</exception>
    public object? Convert(object? value) => value is null or DBNull ? null : convert(value);

    private static object? Doubles(object value, string xtype) => value switch
    {
        double[] d => d,
        string s when string.IsNullOrWhiteSpace(s) => null,
        string s => ParseDoubles(s),
        float[] f => Array.ConvertAll(f, x => (double)x),
        _ => throw new FormatException($"a {xtype} value of type {value.GetType().Name}"),
    };

    private static object? Timestamp(object value) => value switch
    {
        DateTime t => t.Kind == DateTimeKind.Utc ? t : DateTime.SpecifyKind(t, DateTimeKind.Utc),
        DateTimeOffset o => o.UtcDateTime,
        string s when string.IsNullOrWhiteSpace(s) => null,
        // A stored text that is no DALI timestamp is passed on as text rather than failing the whole result.
        string s => TryTimestamp(s) ?? (object)s,
        _ => Text(value),
    };

    private static DateTime? TryTimestamp(string text)
    {
        try
        {
            return DaliTimestamp.Parse(text.Trim().Replace(' ', 'T'));
        }
        catch (DaliFormatException)
        {
            return null;
        }
    }

    private static object Boolean(object value) => value switch
    {
        bool b => b,
        long l => l != 0,
        int i => i != 0,
        short s => s != 0,
        string s => s.Trim() is "1" or "T" or "t" || s.Trim().Equals("true", StringComparison.OrdinalIgnoreCase),
        _ => System.Convert.ToDouble(value, CultureInfo.InvariantCulture) != 0,
    };

    private static string Text(object value) => value switch
    {
        double d => DaliNumber.Format(d),
        float f => DaliNumber.Format(f),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static object ParseNumber(string text, string datatype) => datatype switch
    {
        "short" or "int" or "long" or "unsignedByte" => (object)long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
        _ => DaliNumber.TryParse(text.Trim(), out var d) ? d : throw new FormatException($"'{text}' is not a number"),
    };

    private static double[] ParseDoubles(string text) => Array.ConvertAll(
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries),
        t => DaliNumber.TryParse(t, out var d) ? d : throw new FormatException($"'{t}' is not a number"));

    private static object? ParseArray(string text, string datatype)
    {
        var tokens = text.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        return datatype switch
        {
            "boolean" or "bit" => Array.ConvertAll(tokens, t => (bool)Boolean(t)),
            "short" or "int" or "long" or "unsignedByte" =>
                Array.ConvertAll(tokens, t => long.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture)),
            "float" or "double" => ParseDoubles(text),
            _ => text,
        };
    }
}
