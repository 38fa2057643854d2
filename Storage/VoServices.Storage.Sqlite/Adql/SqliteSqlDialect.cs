using System.Globalization;
using VoServices.Adql.Ast;
using VoServices.Adql.Semantics;
using VoServices.Adql.Translation;

namespace VoServices.Storage.Sqlite.Adql;

/// <summary>
/// ADQL → SQLite 3.50 (toolchain.md §3) for the embedded store: tables under their quoted ADQL qualified names
/// (<see cref="SqliteNames"/>), geometry and ADQL numeric semantics through the C# functions of
/// <see cref="SqliteAdqlFunctions"/> (register them on every query connection), cones and crossmatches on positional
/// tables prefiltered by HEALPix ranges on the indexed <see cref="SqliteHealpixIndex"/> column. Stateless; thread-safe.
/// </summary>
public sealed partial class SqliteSqlDialect : ISqlDialect
{
    /// <summary>The dialect for the store's defaults.</summary>
    public static SqliteSqlDialect Default { get; } = new();

    /// <inheritdoc/>
    public bool SupportsIntersectExceptAll => false;

    /// <inheritdoc/>
    public string QuoteIdentifier(string identifier) => SqliteNames.Quote(identifier);

    /// <inheritdoc/>
    public string TableReference(AdqlTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.StorageName is { } storage ? SqliteNames.Quote(storage) : SqliteNames.Table(table.QualifiedName);
    }

    /// <inheritdoc/>
    public string ColumnName(AdqlColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return SqliteNames.Column(column.Name);
    }

    /// <inheritdoc/>
    public string Parameter(int ordinal) => "$p" + ordinal.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    /// <remarks>SQLite needs a LIMIT before an OFFSET: <c>LIMIT -1</c> means none.</remarks>
    public string LimitClause(long? limit, long? offset)
    {
        if (limit is null && offset is null)
        {
            return "";
        }
        var text = " LIMIT " + (limit ?? -1).ToString(CultureInfo.InvariantCulture);
        return offset is { } skip ? text + " OFFSET " + skip.ToString(CultureInfo.InvariantCulture) : text;
    }

    /// <inheritdoc/>
    /// <remarks>SQLite sorts NULL first when ascending; PostgreSQL last. The PostgreSQL order is written out.</remarks>
    public string NullOrdering(SortDirection direction) =>
        direction == SortDirection.Descending ? " NULLS FIRST" : " NULLS LAST";

    /// <inheritdoc/>
    /// <remarks>The store keeps every float as the double of its shortest decimal form: nothing to do.</remarks>
    public string ColumnValue(SqlExpression column) => column?.Sql ?? throw new ArgumentNullException(nameof(column));

    /// <inheritdoc/>
    public string ComparableConstant(SqlExpression column, SqlExpression constant) =>
        constant?.Sql ?? throw new ArgumentNullException(nameof(constant));

    /// <inheritdoc/>
    /// <remarks>Integer division of INTEGER values stays integer in SQLite; XOR is (a | b) − (a &amp; b).</remarks>
    public string Operator(BinaryOperator op, SqlExpression left, SqlExpression right) =>
        PortableSql.Operator(op, left, right,
            xor: static (l, r) => $"(({l} | {r}) - ({l} & {r}))",
            concatenate: static (l, r) => $"({l.Sql} || {r.Sql})");

    /// <inheritdoc/>
    public SqlExpression Function(string name, IReadOnlyList<SqlExpression> arguments) =>
        PortableSql.Function(name, arguments, DialectFunction);

    /// <summary>The functions whose SQL is SQLite's own (the portable ones are in <see cref="PortableSql"/>); null for unknown names.</summary>
    private string? DialectFunction(string name, IReadOnlyList<SqlExpression> arguments, string[] a) => name switch
    {
        // Integers keep their type (FunctionCatalog): ROUND and TRUNCATE cast back.
        "ROUND" or "TRUNCATE" when arguments.Count > 0 && arguments[0].Kind == SqlValueKind.Integer =>
            $"CAST({Function(name, [arguments[0] with { Kind = SqlValueKind.Real }, .. arguments.Skip(1)]).Sql} AS INTEGER)",
        "COT" => $"(1.0 / tan({a[0]}))",
        // ADQL MOD takes the sign of x: SQLite's % (integers, C semantics) and mod() (fmod) both do.
        "MOD" => arguments.All(x => x.Kind == SqlValueKind.Integer) ? $"({a[0]} % {a[1]})" : PortableSql.Call("mod", a),
        "ROUND" => PortableSql.Call("adql_round", [a[0], a.Length > 1 ? a[1] : "0"]),
        "TRUNCATE" => PortableSql.Call("adql_truncate", [a[0], a.Length > 1 ? a[1] : "0"]),
        "RAND" when a.Length == 0 => "adql_rand()",
        "ivo_healpix_index" when a.Length == 3 => $"adql_healpix_index({a[0]}, {a[1]}, {a[2]})",
        _ => null,
    };

    /// <inheritdoc/>
    /// <remarks>
    /// Integer targets truncate toward zero (as SQLite's CAST; PostgreSQL is told to do the same); CHAR(n) pads with
    /// blanks and VARCHAR(n) cuts at n characters (SQL-92 §6.10); doubles become text in shortest round-trip form;
    /// TIMESTAMP gives ISO 8601 text with milliseconds (DALI 1.1 §3.3.3).
    /// </remarks>
    public string Cast(SqlExpression operand, CastTarget target)
    {
        ArgumentNullException.ThrowIfNull(operand);
        ArgumentNullException.ThrowIfNull(target);
        var x = operand.Sql;
        var text = operand.Kind == SqlValueKind.Real ? $"adql_text({x})" : $"CAST({x} AS TEXT)";
        var length = (target.Length ?? 1).ToString(CultureInfo.InvariantCulture);
        return target.Type switch
        {
            CastType.SmallInt or CastType.Integer or CastType.BigInt => $"CAST({x} AS INTEGER)",
            CastType.Real or CastType.DoublePrecision => $"CAST({x} AS REAL)",
            CastType.Char => $"printf('%-{length}.{length}s', {text})",
            CastType.VarChar when target.Length is null => text,
            CastType.VarChar => $"substr({text}, 1, {length})",
            CastType.Timestamp => $"strftime('%Y-%m-%dT%H:%M:%f', {x})",
            _ => throw new AdqlTranslationException(TranslationErrorCode.Unsupported, $"CAST to {target.Type}"),
        };
    }

    /// <inheritdoc/>
    /// <remarks>Case-sensitive LIKE needs <c>PRAGMA case_sensitive_like = ON</c> (<see cref="SqliteAdqlFunctions.Register"/>);
    /// ILIKE compares lower-cased operands.</remarks>
    public string Like(SqlExpression operand, SqlExpression pattern, bool caseInsensitive, SqlExpression? escape)
    {
        ArgumentNullException.ThrowIfNull(operand);
        ArgumentNullException.ThrowIfNull(pattern);
        var clause = escape is null ? "" : " ESCAPE " + escape.Sql;
        return caseInsensitive
            ? $"(lower({operand.Sql}) LIKE lower({pattern.Sql}){clause})"
            : $"({operand.Sql} LIKE {pattern.Sql}{clause})";
    }
}
