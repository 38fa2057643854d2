using VoServices.Adql.Ast;

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
/// columns are the subquery's output columns (Kind Catalog, StorageName null).</param>
/// <param name="Column">The column.</param>
/// <param name="CorrelationName">The name by which the table is referenced in that scope (alias or table name).</param>
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

    /// <summary>Creates the result; the dictionaries must use <see cref="ReferenceEqualityComparer"/>.</summary>
    public ResolvedQuery(Query query, IReadOnlyList<OutputColumn> outputColumns,
        IReadOnlyDictionary<AdqlNode, AdqlTable> tables, IReadOnlyDictionary<AdqlNode, ResolvedColumn> columns)
    {
        Query = query;
        Columns = outputColumns;
        this.tables = tables;
        this.columns = columns;
    }

    /// <summary>The parsed query.</summary>
    public Query Query { get; }

    /// <summary>The result columns in select-list order (with <c>*</c> expanded).</summary>
    public IReadOnlyList<OutputColumn> Columns { get; }

    /// <summary>The catalogue or upload table a <see cref="NamedTable"/> node refers to; null for CTE references.</summary>
    public AdqlTable? TableOf(NamedTable node) => tables.GetValueOrDefault(node);

    /// <summary>What a <see cref="ColumnReference"/> node resolved to; null if it is not a column (e.g. an alias in ORDER BY).</summary>
    public ResolvedColumn? ColumnOf(ColumnReference node) => columns.GetValueOrDefault(node);

    /// <summary>Every catalogue or upload table the query reaches (for access checks and translation).</summary>
    public IEnumerable<AdqlTable> ReferencedTables => tables.Values.Distinct();
}
