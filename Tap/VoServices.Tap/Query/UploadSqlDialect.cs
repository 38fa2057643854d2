using VoServices.Adql.Ast;
using VoServices.Adql.Semantics;
using VoServices.Adql.Translation;

namespace VoServices.Tap.Query;

/// <summary>
/// A backend's <see cref="ISqlDialect"/> for one session, which also knows the physical column names of the session's
/// upload tables: the ADQL name of an uploaded column is its FIELD name (TAP 1.1 §2.5), while the temporary table
/// uses <see cref="Uploads.UploadedColumn.StorageName"/> (<c>2mass id</c> → <c>c_2mass_id</c>, <c>U</c> after
/// <c>u</c> → <c>u_2</c>). <see cref="ISqlDialect.ColumnName"/> of those columns (recognised by reference, as the
/// resolver passes the schema's column objects through) gives the quoted storage name; everything else is the inner
/// dialect's. Not thread-safe while tables are added; one per session.
/// </summary>
public sealed class UploadSqlDialect(ISqlDialect inner) : ISqlDialect
{
    private readonly Dictionary<AdqlColumn, string> storageNames = new(ReferenceEqualityComparer.Instance);

    /// <summary>Records the storage names of <paramref name="table"/>'s columns, in column order.</summary>
    /// <exception cref="ArgumentException">The counts differ.</exception>
    public void Add(AdqlTable table, IReadOnlyList<string> columnStorageNames)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(columnStorageNames);
        if (table.Columns.Count != columnStorageNames.Count)
        {
            throw new ArgumentException("one storage name per column is needed", nameof(columnStorageNames));
        }
        for (var i = 0; i < table.Columns.Count; i++)
        {
            storageNames[table.Columns[i]] = columnStorageNames[i];
        }
    }

    /// <inheritdoc/>
    public string ColumnName(AdqlColumn column) =>
        storageNames.TryGetValue(column, out var storage) ? inner.QuoteIdentifier(storage) : inner.ColumnName(column);

    /// <inheritdoc/>
    public bool SupportsIntersectExceptAll => inner.SupportsIntersectExceptAll;

    /// <inheritdoc/>
    public string QuoteIdentifier(string identifier) => inner.QuoteIdentifier(identifier);

    /// <inheritdoc/>
    public string TableReference(AdqlTable table) => inner.TableReference(table);

    /// <inheritdoc/>
    public string Parameter(int ordinal) => inner.Parameter(ordinal);

    /// <inheritdoc/>
    public string LimitClause(long? limit, long? offset) => inner.LimitClause(limit, offset);

    /// <inheritdoc/>
    public string NullOrdering(SortDirection direction) => inner.NullOrdering(direction);

    /// <inheritdoc/>
    public string ColumnValue(SqlExpression column) => inner.ColumnValue(column);

    /// <inheritdoc/>
    public string ComparableConstant(SqlExpression column, SqlExpression constant) => inner.ComparableConstant(column, constant);

    /// <inheritdoc/>
    public string Operator(BinaryOperator op, SqlExpression left, SqlExpression right) => inner.Operator(op, left, right);

    /// <inheritdoc/>
    public SqlExpression Function(string name, IReadOnlyList<SqlExpression> arguments) => inner.Function(name, arguments);

    /// <inheritdoc/>
    public string Cast(SqlExpression operand, CastTarget target) => inner.Cast(operand, target);

    /// <inheritdoc/>
    public string Like(SqlExpression operand, SqlExpression pattern, bool caseInsensitive, SqlExpression? escape) =>
        inner.Like(operand, pattern, caseInsensitive, escape);

    /// <inheritdoc/>
    public string SpatialCondition(SpatialPredicate predicate, bool negated) => inner.SpatialCondition(predicate, negated);

    /// <inheritdoc/>
    public SqlExpression GeometryFunction(string name, IReadOnlyList<SqlGeometry> arguments) =>
        inner.GeometryFunction(name, arguments);

    /// <inheritdoc/>
    public SqlGeometry Centroid(SqlGeometry geometry) => inner.Centroid(geometry);

    /// <inheritdoc/>
    public string GeometryValue(SqlGeometry geometry) => inner.GeometryValue(geometry);
}
