using VoServices.Adql.Ast;
using VoServices.Adql.Semantics;

namespace VoServices.Adql.Translation;

/// <summary>
/// What differs between SQL backends, for <see cref="SqlTranslator"/> (architecture.md §3: Adql owns this port, the
/// implementations live in Storage: PostgreSQL + pg_sphere, SQLite + C# functions). The translator decides the query's
/// structure, names, parameters and safety; a dialect supplies quoting, physical names, limits, and the SQL of functions,
/// operators, casts, LIKE and geometry. Implementations must be stateless and thread-safe. Every method may throw
/// <see cref="AdqlTranslationException"/> (<see cref="TranslationErrorCode.Unsupported"/>,
/// <see cref="TranslationErrorCode.InvalidGeometry"/>) for input it cannot translate faithfully.
/// </summary>
public interface ISqlDialect
{
    /// <summary>Quotes any text as an identifier (<c>a"b</c> → <c>"a""b"</c>); used for generated names and physical names.</summary>
    string QuoteIdentifier(string identifier);

    /// <summary>The quoted physical table for a catalogue or upload table (TAP_SCHEMA name, or <see cref="AdqlTable.StorageName"/>).</summary>
    string TableReference(AdqlTable table);

    /// <summary>The quoted physical column for a column of a catalogue or upload table (from its TAP_SCHEMA name).</summary>
    string ColumnName(AdqlColumn column);

    /// <summary>The placeholder of parameter <paramref name="ordinal"/> (1-based).</summary>
    string Parameter(int ordinal);

    /// <summary>True when the engine has INTERSECT ALL and EXCEPT ALL (PostgreSQL); otherwise the translator emulates them
    /// by numbering equal rows (SQLite).</summary>
    bool SupportsIntersectExceptAll { get; }

    /// <summary>The clause that keeps at most <paramref name="limit"/> rows after skipping <paramref name="offset"/>
    /// (ADQL TOP and OFFSET, OFFSET first); empty when both are null. Starts with a space when not empty.</summary>
    string LimitClause(long? limit, long? offset);

    /// <summary>
    /// What to append to an ORDER BY key so that NULLs sort as on PostgreSQL (after every value when ascending, first when
    /// descending); empty or starting with a space.
    /// </summary>
    string NullOrdering(SortDirection direction);

    /// <summary>
    /// A bare column used as an operand (arithmetic, function argument, comparison with another expression): the SQL that
    /// makes it behave the same on every backend (PostgreSQL: <c>real</c> widened through its shortest decimal form, as
    /// SQLite stores it; boolean as 0/1). <paramref name="column"/> has a <see cref="SqlExpression.Source"/>.
    /// </summary>
    string ColumnValue(SqlExpression column);

    /// <summary>
    /// A numeric constant compared with a bare column (<c>vmag &lt;= 6.5</c>, BETWEEN, IN): the constant in the column's
    /// type, so that the comparison uses the column's index and agrees across backends (PostgreSQL: <c>CAST(6.5 AS real)</c>).
    /// </summary>
    string ComparableConstant(SqlExpression column, SqlExpression constant);

    /// <summary>An infix operation on translated operands (integer division stays integer; bitwise XOR).</summary>
    string Operator(BinaryOperator op, SqlExpression left, SqlExpression right);

    /// <summary>
    /// A call of an ADQL mathematical, trigonometric or string function (upper-case name: ABS … UPPER, ADQL 2.1 §2.3) or of a
    /// user-defined function (lower-case name), with translated arguments. MOD's sign follows x, ROUND rounds half away from
    /// zero, TRUNCATE toward zero, LOG is natural (erratum 2).
    /// </summary>
    SqlExpression Function(string name, IReadOnlyList<SqlExpression> arguments);

    /// <summary>CAST of a non-geometry value to a non-geometry target (ADQL 2.1 §2.4 "Type operations").</summary>
    string Cast(SqlExpression operand, CastTarget target);

    /// <summary><c>operand LIKE pattern</c> (case-sensitive) or ILIKE (case-insensitive), with an optional one-character
    /// escape; no escape character otherwise (SQL-92; PostgreSQL's default backslash escape must be turned off).</summary>
    string Like(SqlExpression operand, SqlExpression pattern, bool caseInsensitive, SqlExpression? escape);

    /// <summary>
    /// A spatial condition: the exact test, preceded when possible by an index condition (pg_sphere GiST, HEALPix ranges)
    /// that it implies. <paramref name="negated"/> asks for the negation (no index condition helps then).
    /// </summary>
    string SpatialCondition(SpatialPredicate predicate, bool negated);

    /// <summary>
    /// A geometry function returning a number (ADQL 2.1 §4.2): AREA (deg²), COORD1/COORD2 (deg), DISTANCE (deg, two points),
    /// CONTAINS and INTERSECTS as values (1, 0 or NULL).
    /// </summary>
    SqlExpression GeometryFunction(string name, IReadOnlyList<SqlGeometry> arguments);

    /// <summary>CENTROID of a geometry, as a point geometry (ADQL 2.1 §4.2.5).</summary>
    SqlGeometry Centroid(SqlGeometry geometry);

    /// <summary>
    /// A geometry as a result value: a DALI array of doubles in degrees (point [ra, dec], circle [ra, dec, r], polygon
    /// [ra1, dec1, …]; a BOX as the polygon of its corners; DALI 1.1 §3.3). PostgreSQL gives <c>double precision[]</c>,
    /// SQLite the DALI text (numbers separated by spaces); both are read back as <c>double[]</c> by the executors.
    /// </summary>
    string GeometryValue(SqlGeometry geometry);
}
