using VoServices.Adql.Ast;
using VoServices.Adql.Functions;

namespace VoServices.Adql.Semantics;

/// <summary>
/// Metadata of one result column as TAP returns it in a VOTable FIELD (TAP 1.1 §2.9; standards.md §17 item 3).
/// <paramref name="Name"/> is unique within the result and is the name as the user wrote it (alias, column name or a
/// generated name for unnamed expressions).
/// </summary>
public sealed record OutputColumn(
    string Name,
    string Datatype,
    string? ArraySize = null,
    string? XType = null,
    string? Unit = null,
    string? Ucd = null,
    string? Utype = null,
    string? Description = null);

/// <summary>What a column reference resolved to: a column of a table (or of a derived table / CTE).</summary>
/// <param name="Table">The table the column belongs to; for derived tables and CTEs, a synthetic AdqlTable whose
/// columns are the subquery's output columns (Kind Catalog, StorageName null). A synthetic column's
/// <see cref="AdqlColumn.Name"/> is the subquery's <see cref="OutputColumn.Name"/> as <see cref="ResolvedQuery.ColumnsOf"/>
/// gives it (exact case kept), in double quotes when it is not a regular identifier or was written delimited
/// (TAP_SCHEMA form).</param>
/// <param name="Column">The column.</param>
/// <param name="CorrelationName">The name by which the table is referenced in that scope: the alias
/// (<see cref="Identifier.Value"/>, without quotes), or without alias the table's <see cref="AdqlTable.QualifiedName"/>
/// (the common table's name for a CTE reference).</param>
public sealed record ResolvedColumn(AdqlTable Table, AdqlColumn Column, string CorrelationName);

/// <summary>
/// The outcome of semantic analysis: the AST plus what each table and column reference resolved to, and the inferred
/// metadata of every output column. Lookups are by node identity (reference equality), since AST records compare by
/// value. Produced by the schema resolver; consumed by the SQL translator and the TAP result writer.
/// </summary>
public sealed class ResolvedQuery
{
    private readonly IReadOnlyDictionary<AdqlNode, AdqlTable> tables;
    private readonly IReadOnlyDictionary<AdqlNode, ResolvedColumn> columns;
    private readonly ResolutionDetails details;

    /// <summary>Creates the result; the dictionaries must use <see cref="ReferenceEqualityComparer"/>.</summary>
    public ResolvedQuery(Query query, IReadOnlyList<OutputColumn> outputColumns,
        IReadOnlyDictionary<AdqlNode, AdqlTable> tables, IReadOnlyDictionary<AdqlNode, ResolvedColumn> columns)
        : this(query, outputColumns, tables, columns, new ResolutionDetails())
    {
    }

    internal ResolvedQuery(Query query, IReadOnlyList<OutputColumn> outputColumns,
        IReadOnlyDictionary<AdqlNode, AdqlTable> tables, IReadOnlyDictionary<AdqlNode, ResolvedColumn> columns, ResolutionDetails details)
    {
        Query = query;
        Columns = outputColumns;
        this.tables = tables;
        this.columns = columns;
        this.details = details;
    }

    /// <summary>The parsed query.</summary>
    public Query Query { get; }

    /// <summary>The result columns in select-list order (with <c>*</c> expanded); their names are VOTable FIELD names,
    /// unique ignoring case (a second <c>"U"</c> after <c>u</c> is <c>U_2</c>) since clients often match them so.</summary>
    public IReadOnlyList<OutputColumn> Columns { get; }

    /// <summary>The catalogue or upload table a <see cref="NamedTable"/> node refers to; null for CTE references.</summary>
    public AdqlTable? TableOf(NamedTable node) => tables.GetValueOrDefault(node);

    /// <summary>What a <see cref="ColumnReference"/> node resolved to; null if it is not a column (e.g. an alias in ORDER BY).</summary>
    /// <remarks>An ORDER BY or GROUP BY name that designates a result column copying a table column (e.g.
    /// <c>SELECT ra ... ORDER BY ra</c>) resolves to that column; see also <see cref="OutputIndexOf"/>.</remarks>
    public ResolvedColumn? ColumnOf(ColumnReference node) => columns.GetValueOrDefault(node);

    /// <summary>Every catalogue or upload table the query reaches (for access checks and translation).</summary>
    public IEnumerable<AdqlTable> ReferencedTables => tables.Values.Distinct();

    /// <summary>
    /// The type and metadata inferred for a value expression (every expression of the query, ORDER BY and GROUP BY
    /// keys included); null for nodes that are not part of the query.
    /// </summary>
    public ExpressionType? TypeOf(ValueExpression node) => details.Types.GetValueOrDefault(node);

    /// <summary>
    /// The result columns of any query expression of the tree: the body, a common table's definition, a derived
    /// table's or a subquery's query. A translator aliases the select items of derived tables and common tables with
    /// these names, which is how outer references to them resolve.
    /// </summary>
    /// <remarks>These are the names columns are bound by, unique as ADQL 2.1 §2.1.3 compares names: columns whose
    /// names differ only by case keep them when one is delimited (<c>SELECT u, "U"</c> gives <c>u</c> and <c>U</c>, and
    /// an outer <c>x."U"</c> denotes the second), so aliases must be quoted to keep their case. They differ from
    /// <see cref="Columns"/> only there: the FIELD names of the result are unique ignoring case (<c>u</c>, <c>U_2</c>).</remarks>
    public IReadOnlyList<OutputColumn>? ColumnsOf(QueryExpression node) => details.QueryColumns.GetValueOrDefault(node);

    /// <summary>The columns a <see cref="AllColumns"/> or <see cref="QualifiedAllColumns"/> item expands to, in order.</summary>
    /// <remarks>For NATURAL and USING joins the merged columns come once, first (SQL-92 &lt;joined table&gt;); each is bound to the
    /// left table's column (the right one's for RIGHT JOIN).</remarks>
    public IReadOnlyList<ResolvedColumn>? ExpansionOf(SelectItem item) => details.Expansions.GetValueOrDefault(item);

    /// <summary>
    /// The 0-based index of the result column an ORDER BY key or GROUP BY term designates by position (<c>ORDER BY 2</c>),
    /// alias or result name; null when the key is an ordinary expression over the FROM columns.
    /// </summary>
    public int? OutputIndexOf(ValueExpression key) => details.OutputIndexes.TryGetValue(key, out var index) ? index : null;

    /// <summary>The common table expression a <see cref="NamedTable"/> refers to; null for catalogue and upload tables.</summary>
    public CommonTableExpression? CommonTableOf(NamedTable node) => details.CommonTables.GetValueOrDefault(node);

    /// <summary>
    /// The catalogue declaration behind a function node (<see cref="FunctionCall"/>, <see cref="UserDefinedFunctionCall"/>,
    /// <see cref="SetFunction"/>, <see cref="GeometryValueFunction"/>, <see cref="CastExpression"/>,
    /// <see cref="CoalesceExpression"/>, <see cref="InUnitExpression"/>); its <see cref="FunctionDeclaration.Key"/> is
    /// what a dialect translates by.
    /// </summary>
    public FunctionDeclaration? FunctionOf(ValueExpression node) => details.Functions.GetValueOrDefault(node);
}

/// <summary>The bindings beyond tables and columns, keyed by node identity.</summary>
internal sealed class ResolutionDetails
{
    public Dictionary<AdqlNode, ExpressionType> Types { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<AdqlNode, IReadOnlyList<OutputColumn>> QueryColumns { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<AdqlNode, IReadOnlyList<ResolvedColumn>> Expansions { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<AdqlNode, int> OutputIndexes { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<AdqlNode, CommonTableExpression> CommonTables { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<AdqlNode, FunctionDeclaration> Functions { get; } = new(ReferenceEqualityComparer.Instance);
}
