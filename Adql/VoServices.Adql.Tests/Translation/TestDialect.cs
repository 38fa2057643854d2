using System.Globalization;
using VoServices.Adql.Ast;
using VoServices.Adql.Semantics;
using VoServices.Adql.Translation;

namespace VoServices.Adql.Tests.Translation;

/// <summary>
/// A plain ANSI-like dialect that writes what the translator hands it in readable form (<c>spatial(Contains, …)</c>), so
/// that translator tests see the structure and the decisions, independent of the Storage dialects.
/// </summary>
internal sealed class TestDialect : ISqlDialect
{
    public bool SupportsIntersectExceptAll => true;

    public string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public string TableReference(AdqlTable table) =>
        string.Join(".", (table.StorageName ?? table.QualifiedName).Split('.').Select(QuoteIdentifier));

    public string ColumnName(AdqlColumn column) => QuoteIdentifier(column.Name.Trim('"'));

    public string Parameter(int ordinal) => ":p" + ordinal.ToString(CultureInfo.InvariantCulture);

    public string LimitClause(long? limit, long? offset) =>
        (limit is { } n ? " LIMIT " + n.ToString(CultureInfo.InvariantCulture) : "")
        + (offset is { } m ? " OFFSET " + m.ToString(CultureInfo.InvariantCulture) : "");

    public string NullOrdering(SortDirection direction) => "";

    public string ColumnValue(SqlExpression column) =>
        column.Source?.Column.Datatype == "float" ? $"widen({column.Sql})" : column.Sql;

    public string ComparableConstant(SqlExpression column, SqlExpression constant) =>
        column.Source?.Column.Datatype == "float" ? $"real({constant.Sql})" : constant.Sql;

    public string Operator(BinaryOperator op, SqlExpression left, SqlExpression right) => op switch
    {
        BinaryOperator.Add => $"({left.Sql} + {right.Sql})",
        BinaryOperator.Subtract => $"({left.Sql} - {right.Sql})",
        BinaryOperator.Multiply => $"({left.Sql} * {right.Sql})",
        BinaryOperator.Divide => $"({left.Sql} / {right.Sql})",
        BinaryOperator.Concatenate => $"({left.Sql} || {right.Sql})",
        _ => $"{op}({left.Sql}, {right.Sql})",
    };

    public SqlExpression Function(string name, IReadOnlyList<SqlExpression> arguments) =>
        name == "RAND" && arguments.Count > 0
            ? throw new AdqlTranslationException(TranslationErrorCode.Unsupported, "RAND with a seed")
            : new SqlExpression($"{name.ToLowerInvariant()}({string.Join(", ", arguments.Select(a => a.Sql))})", SqlValueKind.Real);

    public string Cast(SqlExpression operand, CastTarget target) => $"CAST({operand.Sql} AS {target.Type})";

    public string Like(SqlExpression operand, SqlExpression pattern, bool caseInsensitive, SqlExpression? escape) =>
        $"({operand.Sql} {(caseInsensitive ? "ILIKE" : "LIKE")} {pattern.Sql}{(escape is null ? "" : " ESCAPE " + escape.Sql)})";

    public string SpatialCondition(SpatialPredicate predicate, bool negated) =>
        $"{(negated ? "NOT " : "")}spatial({predicate.Relation}, {Write(predicate.First)}, {Write(predicate.Second)}" +
        (predicate.Operator is { } op ? $", {op}, {predicate.Limit!.Sql}" : "") + ")";

    public SqlExpression GeometryFunction(string name, IReadOnlyList<SqlGeometry> arguments) =>
        new($"{name.ToLowerInvariant()}({string.Join(", ", arguments.Select(Write))})", SqlValueKind.Real);

    public SqlGeometry Centroid(SqlGeometry geometry) =>
        new SqlNativeGeometry(SqlGeometryKind.Point, $"centroid({Write(geometry)})", geometry.Correlations);

    public string GeometryValue(SqlGeometry geometry) => $"dali({Write(geometry)})";

    /// <summary>The geometry as text; an indexed position shows as <c>pos[t1]</c>.</summary>
    public static string Write(SqlGeometry geometry) => geometry switch
    {
        SqlPoint { Position: { } position } => $"pos[{position.Correlation}]",
        SqlPoint p => $"point({p.Ra.Sql}, {p.Dec.Sql})",
        SqlCircle c => $"circle({Write(c.Center)}, {c.Radius.Sql})",
        SqlPolygon p => $"polygon({string.Join(", ", p.Vertices.Select(Write))})",
        SqlBox b => $"box({Write(b.Center)}, {b.Width.Sql}, {b.Height.Sql})",
        SqlStoredGeometry s => $"stored({s.Kind}, {s.Value.Sql})",
        SqlNativeGeometry n => n.Sql,
        _ => "?",
    };
}
