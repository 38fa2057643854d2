using System.Collections.Frozen;
using VoServices.Adql.Semantics;

namespace VoServices.Adql.Translation;

/// <summary>What the translator knows of the type of a translated value (from TAP_SCHEMA datatypes and ADQL rules).</summary>
public enum SqlValueKind
{
    /// <summary>Not known (e.g. a user-defined function without a declared type).</summary>
    Unknown,

    /// <summary>The NULL literal.</summary>
    Null,

    /// <summary>An exact integer: SMALLINT, INTEGER, BIGINT (VOTable short, int, long, unsignedByte).</summary>
    Integer,

    /// <summary>A non-integer number: REAL, DOUBLE PRECISION, or an exact decimal literal.</summary>
    Real,

    /// <summary>A character string.</summary>
    String,

    /// <summary>A VOTable boolean column (stored as boolean by PostgreSQL, as 0/1 by SQLite).</summary>
    Boolean,

    /// <summary>A timestamp (VOTable char with xtype timestamp).</summary>
    Timestamp,

    /// <summary>A point, DALI double[2] with xtype point.</summary>
    Point,

    /// <summary>A circle, DALI double[3] with xtype circle.</summary>
    Circle,

    /// <summary>A polygon, DALI double[*] with xtype polygon.</summary>
    Polygon,
}

/// <summary>
/// Where a bare column reference comes from: the SQL correlation name the translator gave the FROM item (<c>t1</c>), the
/// catalogue table (null for derived tables and common table expressions) and the column's TAP_SCHEMA metadata.
/// </summary>
public sealed record SqlColumnSource(string Correlation, AdqlTable? Table, AdqlColumn Column);

/// <summary>
/// A translated value expression: SQL text plus what dialects need to choose a faithful translation.
/// </summary>
/// <param name="Sql">The SQL text; composite expressions are parenthesised, so it can be used as an operand as is.</param>
/// <param name="Kind">The value's type.</param>
public sealed record SqlExpression(string Sql, SqlValueKind Kind)
{
    private static readonly IReadOnlySet<string> None = FrozenSet<string>.Empty;

    /// <summary>The value when the expression is a (signed) numeric literal; null otherwise.</summary>
    public double? Constant { get; init; }

    /// <summary>The column when the expression is a bare column reference; null otherwise.</summary>
    public SqlColumnSource? Source { get; init; }

    /// <summary>The VOUnit of the value when known (column metadata, or a function such as DISTANCE: <c>deg</c>).</summary>
    public string? Unit { get; init; }

    /// <summary>The SQL correlation names (<c>t1</c>, …) the expression reads, to tell constants and join conditions apart.</summary>
    public IReadOnlySet<string> Correlations { get; init; } = None;

    /// <summary>True for numbers: <see cref="SqlValueKind.Integer"/> or <see cref="SqlValueKind.Real"/>.</summary>
    public bool IsNumeric => Kind is SqlValueKind.Integer or SqlValueKind.Real;

    /// <summary>True when the value does not depend on any row (it reads no table).</summary>
    public bool IsRowIndependent => Correlations.Count == 0;

    /// <summary>The union of the correlation names of several expressions.</summary>
    public static IReadOnlySet<string> Union(IEnumerable<SqlExpression> expressions) => UnionOf(expressions.Select(e => e.Correlations));

    /// <summary>The union of several sets of correlation names.</summary>
    public static IReadOnlySet<string> UnionOf(IEnumerable<IReadOnlySet<string>> sets)
    {
        HashSet<string>? all = null;
        IReadOnlySet<string>? single = null;
        foreach (var set in sets)
        {
            if (set.Count == 0)
            {
                continue;
            }
            if (single is null && all is null)
            {
                single = set;
                continue;
            }
            all ??= new HashSet<string>(single!, StringComparer.Ordinal);
            all.UnionWith(set);
        }
        return all ?? single ?? None;
    }
}
