using VoServices.Adql.Ast;

namespace VoServices.Adql.Semantics;

/// <summary>
/// How types combine, following SQL-92 (&lt;numeric value expression&gt;, "Set operation result data types") as
/// PostgreSQL applies them: integers widen SMALLINT → INTEGER →
/// BIGINT and stay integers (integer division too); REAL op REAL stays REAL; any other mix with a floating-point
/// operand is DOUBLE PRECISION. Units survive only where that is safe.
/// </summary>
internal static class TypeRules
{
    public static ExpressionType Short { get; } = Numeric("short");

    public static ExpressionType Int { get; } = Numeric("int");

    public static ExpressionType Long { get; } = Numeric("long");

    public static ExpressionType Float { get; } = Numeric("float");

    public static ExpressionType Double { get; } = Numeric("double");

    public static ExpressionType VarChar { get; } = new(ValueCategory.String, "char", "*");

    public static ExpressionType Timestamp { get; } = new(ValueCategory.Timestamp, "char", "*", "timestamp");

    public static ExpressionType Numeric(string datatype) => new(ValueCategory.Numeric, datatype);

    /// <summary>An integer literal is INTEGER when it fits 32 bits, else BIGINT (beyond 64 bits, and other numeric literals, DOUBLE).</summary>
    public static ExpressionType OfLiteral(NumericLiteral literal) =>
        literal.TryGetInt64(out var value) ? (value <= int.MaxValue ? Int : Long) : Double;

    /// <summary>The numeric type of <c>a op b</c> for + - * / and MOD: integers widen, REAL only with REAL, else DOUBLE.</summary>
    public static ExpressionType Widen(ExpressionType a, ExpressionType b)
    {
        if (a.Category == ValueCategory.Null)
        {
            return b.Bare();
        }
        if (b.Category == ValueCategory.Null)
        {
            return a.Bare();
        }
        var ra = ExpressionType.NumericRank(a.Datatype);
        var rb = ExpressionType.NumericRank(b.Datatype);
        if (ra <= 3 && rb <= 3)
        {
            return ra >= rb ? Numeric(Canonical(a.Datatype)) : Numeric(Canonical(b.Datatype));
        }
        return ra == 4 && rb == 4 ? Float : Double;
    }

    /// <summary>
    /// The type of a value that may come from any of <paramref name="types"/> (CASE, COALESCE, UNION): NULLs are
    /// ignored, numbers widen, strings become <c>char *</c> unless all have one arraysize, a timestamp absorbs strings;
    /// metadata is kept where all agree. Null when the types cannot be combined.
    /// </summary>
    public static ExpressionType? Common(IReadOnlyList<ExpressionType> types)
    {
        var known = types.Where(t => t.Category != ValueCategory.Null).ToList();
        if (known.Count == 0)
        {
            return ExpressionType.Null;
        }
        var result = known[0];
        foreach (var next in known.Skip(1))
        {
            var combined = CommonPair(result, next);
            if (combined is null)
            {
                return null;
            }
            result = combined;
        }
        return result with
        {
            Unit = Shared(known, t => t.Unit),
            Ucd = Shared(known, t => t.Ucd),
            Utype = Shared(known, t => t.Utype),
            Description = Shared(known, t => t.Description),
        };
    }

    /// <summary>Whether values of the two types can be compared with = &lt; &gt; BETWEEN IN.</summary>
    public static bool Comparable(ExpressionType a, ExpressionType b)
    {
        if (a.Category == ValueCategory.Null || b.Category == ValueCategory.Null)
        {
            return true;
        }
        if (a.IsGeometry || b.IsGeometry)
        {
            return false;
        }
        return (a.Category, b.Category) switch
        {
            (ValueCategory.Numeric or ValueCategory.Boolean, ValueCategory.Numeric or ValueCategory.Boolean) => true,
            (ValueCategory.String or ValueCategory.Timestamp, ValueCategory.String or ValueCategory.Timestamp) => true,
            (ValueCategory.Other, ValueCategory.Other) => a.Datatype == b.Datatype,
            _ => false,
        };
    }

    /// <summary>A short description of a type for messages: <c>a number (double)</c>, <c>a string</c>, <c>a POINT</c>.</summary>
    public static string Describe(ExpressionType type) => type.Category switch
    {
        ValueCategory.Null => "NULL",
        ValueCategory.Numeric => $"a number ({type.Datatype})",
        ValueCategory.String => "a string",
        ValueCategory.Timestamp => "a timestamp",
        ValueCategory.Boolean => "a boolean",
        ValueCategory.Point => "a POINT",
        ValueCategory.Circle => "a CIRCLE",
        ValueCategory.Polygon => "a POLYGON",
        ValueCategory.Region => "a REGION",
        _ => $"an array ({type.Datatype}[{type.ArraySize}])",
    };

    private static ExpressionType? CommonPair(ExpressionType a, ExpressionType b)
    {
        switch (a.Category, b.Category)
        {
            case (ValueCategory.Numeric, ValueCategory.Numeric):
                return Widen(a, b);
            case (ValueCategory.String, ValueCategory.String):
                return a.Datatype == b.Datatype && a.ArraySize == b.ArraySize ? a.Bare() : VarChar;
            case (ValueCategory.Timestamp, ValueCategory.Timestamp or ValueCategory.String):
            case (ValueCategory.String, ValueCategory.Timestamp):
                return Timestamp;
            case (ValueCategory.Boolean, ValueCategory.Boolean):
                return a.Bare();
            case (ValueCategory.Point or ValueCategory.Circle or ValueCategory.Polygon or ValueCategory.Region, _) when a.Category == b.Category:
                return a.Bare() with { Unit = a.Unit };
            case (ValueCategory.Other, ValueCategory.Other) when a.Datatype == b.Datatype:
                return a.ArraySize == b.ArraySize ? a.Bare() : a.Bare() with { ArraySize = "*" };
            default:
                return null;
        }
    }

    private static string? Shared(List<ExpressionType> types, Func<ExpressionType, string?> item)
    {
        var first = item(types[0]);
        return types.All(t => string.Equals(item(t), first, StringComparison.Ordinal)) ? first : null;
    }

    private static string Canonical(string datatype) => datatype == "unsignedByte" ? "short" : datatype;
}
