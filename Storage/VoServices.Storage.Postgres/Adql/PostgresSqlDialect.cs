using System.Globalization;
using VoServices.Adql.Ast;
using VoServices.Adql.Semantics;
using VoServices.Adql.Translation;

namespace VoServices.Storage.Postgres.Adql;

/// <summary>
/// ADQL → PostgreSQL 15 + pg_sphere (toolchain.md §2) for the production store: tables in real schemas
/// (<see cref="PostgresNames"/>), geometry as pg_sphere values in radians (spoint, scircle, spoly; BOX as the polygon of
/// its STC corners), cones and crossmatches on positional tables written on the GiST-indexed <c>spoint</c> column
/// (<see cref="PostgresCatalogStoreOptions.PointColumn"/>) so that they are index scans. Numeric semantics follow ADQL
/// (ROUND half away from zero, TRUNCATE toward zero on the decimal value, MOD's sign from x), and <c>real</c> columns
/// behave as the decimal numbers of the catalogue, as in the embedded store. Stateless; thread-safe.
/// </summary>
public sealed partial class PostgresSqlDialect : ISqlDialect
{
    private readonly string pointColumn;

    /// <summary>Creates the dialect for a store whose positional tables have the spoint column <paramref name="pointColumn"/>.</summary>
    /// <exception cref="ArgumentException">The name is not a valid PostgreSQL identifier.</exception>
    public PostgresSqlDialect(string pointColumn = "pos")
    {
        this.pointColumn = PostgresNames.Quote(pointColumn);
    }

    /// <summary>The dialect for the store's default options.</summary>
    public static PostgresSqlDialect Default { get; } = new();

    /// <inheritdoc/>
    public bool SupportsIntersectExceptAll => true;

    /// <inheritdoc/>
    public string QuoteIdentifier(string identifier) => PostgresNames.Quote(identifier);

    /// <inheritdoc/>
    /// <remarks><see cref="AdqlTable.StorageName"/> is read as <c>schema.table</c> (quoted parts allowed) when it holds a dot
    /// outside quotes, else as one table name (e.g. a temporary table).</remarks>
    public string TableReference(AdqlTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var name = table.StorageName ?? table.QualifiedName;
        try
        {
            return HasSchema(name) ? PostgresNames.Table(name) : PostgresNames.Quote(PostgresNames.Unquote(name));
        }
        catch (ArgumentException e)
        {
            throw new AdqlTranslationException(TranslationErrorCode.UnresolvedReference, $"table {table.QualifiedName}: {e.Message}");
        }
    }

    private static bool HasSchema(string name)
    {
        var quoted = false;
        foreach (var c in name)
        {
            quoted ^= c == '"';
            if (c == '.' && !quoted)
            {
                return true;
            }
        }
        return false;
    }

    /// <inheritdoc/>
    public string ColumnName(AdqlColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return PostgresNames.Column(column.Name);
    }

    /// <inheritdoc/>
    /// <remarks>Positional placeholders: bind the parameters in order, without names.</remarks>
    public string Parameter(int ordinal) => "$" + ordinal.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public string LimitClause(long? limit, long? offset) =>
        (limit is { } n ? " LIMIT " + n.ToString(CultureInfo.InvariantCulture) : "")
        + (offset is { } m ? " OFFSET " + m.ToString(CultureInfo.InvariantCulture) : "");

    /// <inheritdoc/>
    public string NullOrdering(SortDirection direction) => "";

    /// <inheritdoc/>
    /// <remarks>
    /// A <c>real</c> column is widened through its shortest decimal text (PostgreSQL ≥ 12 writes floats in shortest
    /// round-trip form), giving the double the embedded store holds: <c>vmag + 0.5</c> is 7.01, not 7.010000228881836.
    /// Booleans become 0/1 as in ADQL.
    /// </remarks>
    public string ColumnValue(SqlExpression column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Source?.Column.Datatype switch
        {
            "float" => $"CAST(CAST({column.Sql} AS text) AS double precision)",
            "boolean" => $"CAST({column.Sql} AS integer)",
            _ => column.Sql,
        };
    }

    /// <inheritdoc/>
    /// <remarks>Against a <c>real</c> column the constant is made <c>real</c> too: <c>vmag = 6.51</c> matches the catalogue's
    /// 6.51 (compared in double precision it would not) and the B-tree index on the column serves it.</remarks>
    public string ComparableConstant(SqlExpression column, SqlExpression constant)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(constant);
        return column.Source?.Column.Datatype switch
        {
            "float" => $"CAST({constant.Sql} AS real)",
            "boolean" => $"CAST({constant.Sql} AS boolean)",
            _ => constant.Sql,
        };
    }

    /// <inheritdoc/>
    public string Operator(BinaryOperator op, SqlExpression left, SqlExpression right) =>
        PortableSql.Operator(op, left, right,
            xor: static (l, r) => $"({l} # {r})",
            concatenate: static (l, r) => $"({Text(l)} || {Text(r)})");

    private static string Text(SqlExpression value) =>
        value.Kind == SqlValueKind.String ? value.Sql : $"CAST({value.Sql} AS text)";

    /// <inheritdoc/>
    public SqlExpression Function(string name, IReadOnlyList<SqlExpression> arguments) =>
        PortableSql.Function(name, arguments, DialectFunction);

    /// <summary>The functions whose SQL is PostgreSQL's own (the portable ones are in <see cref="PortableSql"/>); null for unknown names.</summary>
    private static string? DialectFunction(string name, IReadOnlyList<SqlExpression> arguments, string[] a) => name switch
    {
        // Integers keep their type (FunctionCatalog): ROUND and TRUNCATE cast back.
        "ROUND" when IntegerFirst(arguments) => $"CAST(round(CAST({a[0]} AS numeric), {Digits(a)}) AS bigint)",
        "TRUNCATE" when IntegerFirst(arguments) => $"CAST(trunc(CAST({a[0]} AS numeric), {Digits(a)}) AS bigint)",
        "COT" => PortableSql.Call("cot", a),
        "MOD" => arguments.All(x => x.Kind == SqlValueKind.Integer) ? PortableSql.Call("mod", a) : FloatMod(a[0], a[1]),
        // round/trunc of numeric: half away from zero, toward zero (round of double precision rounds half to even).
        "ROUND" => $"CAST(round(CAST({a[0]} AS numeric), {Digits(a)}) AS double precision)",
        "TRUNCATE" => $"CAST(trunc(CAST({a[0]} AS numeric), {Digits(a)}) AS double precision)",
        "RAND" when a.Length == 0 => "random()",
        "ivo_healpix_index" when a.Length == 3 =>
            $"healpix_nest(CAST({a[0]} AS integer), spoint(radians({a[1]}), radians({a[2]})))",
        _ => null,
    };

    private static bool IntegerFirst(IReadOnlyList<SqlExpression> arguments) =>
        arguments.Count > 0 && arguments[0].Kind == SqlValueKind.Integer;

    private static string Digits(string[] a) => a.Length > 1 ? $"CAST({a[1]} AS integer)" : "0";

    /// <summary>MOD of non-integers as C's fmod: x − y·trunc(x / y), sign of x (ADQL 2.1 erratum 2).</summary>
    private static string FloatMod(string x, string y)
    {
        var (fx, fy) = ($"CAST({x} AS double precision)", $"CAST({y} AS double precision)");
        return $"({fx} - {fy} * trunc({fx} / {fy}))";
    }

    /// <inheritdoc/>
    /// <remarks>Integer targets truncate toward zero as in SQLite (PostgreSQL would round); CHAR(n) pads, VARCHAR(n) cuts;
    /// TIMESTAMP gives ISO 8601 text with milliseconds (DALI 1.1 §3.3.3).</remarks>
    public string Cast(SqlExpression operand, CastTarget target)
    {
        ArgumentNullException.ThrowIfNull(operand);
        ArgumentNullException.ThrowIfNull(target);
        var x = operand.Sql;
        var whole = operand.Kind == SqlValueKind.Real ? $"trunc({x})" : x;
        var length = target.Length is { } n ? "(" + n.ToString(CultureInfo.InvariantCulture) + ")" : "";
        return target.Type switch
        {
            CastType.SmallInt => $"CAST({whole} AS smallint)",
            CastType.Integer => $"CAST({whole} AS integer)",
            CastType.BigInt => $"CAST({whole} AS bigint)",
            CastType.Real => $"CAST({x} AS real)",
            CastType.DoublePrecision => $"CAST({x} AS double precision)",
            CastType.Char => $"CAST({x} AS char{(length.Length == 0 ? "(1)" : length)})",
            CastType.VarChar => $"CAST({x} AS varchar{length})",
            CastType.Timestamp => $"to_char(CAST({x} AS timestamp), 'YYYY-MM-DD\"T\"HH24:MI:SS.MS')",
            _ => throw new AdqlTranslationException(TranslationErrorCode.Unsupported, $"CAST to {target.Type}"),
        };
    }

    /// <inheritdoc/>
    /// <remarks>Without ESCAPE, <c>ESCAPE ''</c> turns off PostgreSQL's default backslash escape (SQL-92 has none).</remarks>
    public string Like(SqlExpression operand, SqlExpression pattern, bool caseInsensitive, SqlExpression? escape)
    {
        ArgumentNullException.ThrowIfNull(operand);
        ArgumentNullException.ThrowIfNull(pattern);
        return $"({operand.Sql} {(caseInsensitive ? "ILIKE" : "LIKE")} {pattern.Sql} ESCAPE {escape?.Sql ?? "''"})";
    }
}
