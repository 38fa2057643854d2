using System.Collections.Immutable;
using VoServices.Adql.Ast;

namespace VoServices.Adql.Semantics;

/// <summary>
/// A FROM item under its correlation name: a catalogue or upload table, a common table or a derived table (SQL-92
/// &lt;table reference&gt;, "range variable").
/// </summary>
internal sealed class RangeVariable
{
    public RangeVariable(
        AdqlNode origin, AdqlTable table, Identifier name, Identifier? schema, bool aliased, string correlationName, IReadOnlyList<ExpressionType>? types = null)
    {
        Origin = origin;
        Table = table;
        Name = name;
        Schema = schema;
        IsAliased = aliased;
        CorrelationName = correlationName;
        Columns = [.. table.Columns.Select((column, i) =>
            new ColumnSlot(this, column, AdqlNames.Parse(column.Name), types is null ? ExpressionType.Of(column) : types[i]))];
    }

    /// <summary>The FROM item it comes from (for error positions).</summary>
    public AdqlNode Origin { get; }

    /// <summary>The table (synthetic for common and derived tables).</summary>
    public AdqlTable Table { get; }

    /// <summary>The name that qualifies its columns: the alias, or the table name without schema.</summary>
    public Identifier Name { get; }

    /// <summary>The schema part usable in <c>schema.table.column</c>; null when aliased or when the table has no schema.</summary>
    public Identifier? Schema { get; }

    /// <summary>True when the FROM item has an alias (then only the alias qualifies its columns, SQL-92 &lt;table reference&gt;).</summary>
    public bool IsAliased { get; }

    /// <summary><see cref="ResolvedColumn.CorrelationName"/>: the alias (unquoted), or the table's TAP_SCHEMA name.</summary>
    public string CorrelationName { get; }

    /// <summary>The columns in table order.</summary>
    public ImmutableArray<ColumnSlot> Columns { get; }

    /// <summary>The name as a user would write it in a message.</summary>
    public string Shown => IsAliased ? Name.ToAdql() : Table.QualifiedName;

    /// <summary>Whether the qualifier <paramref name="qualifier"/> (<c>t</c>, <c>schema.t</c>) designates this item.</summary>
    public bool IsNamedBy(TableName qualifier)
    {
        if (qualifier.Catalog is not null)
        {
            return false;
        }
        if (qualifier.Schema is not null)
        {
            return Schema is not null && Schema.Matches(qualifier.Schema) && Name.Matches(qualifier.Name);
        }
        return Name.Matches(qualifier.Name);
    }
}

/// <summary>One column of a range variable, with its ADQL name and type.</summary>
internal sealed record ColumnSlot(RangeVariable Source, AdqlColumn Column, Identifier Name, ExpressionType Type)
{
    public ResolvedColumn Resolved { get; } = new(Source.Table, Column, Source.CorrelationName);

    /// <summary>The column as a user would qualify it in a message.</summary>
    public string Shown => Source.Shown + "." + Name.ToAdql();
}

/// <summary>A common table expression visible to the queries after it (ADQL 2.1 "Common table expressions").</summary>
internal sealed record CommonTable(Identifier Name, CommonTableExpression Node, AdqlTable Table, IReadOnlyList<ExpressionType> Types);

/// <summary>
/// The names a query level can see: its FROM items, the columns an unqualified name may denote (after NATURAL/USING
/// merging), the enclosing query's scope for correlated subqueries, and the common tables defined so far.
/// </summary>
internal sealed class QueryScope(QueryScope? parent, ImmutableList<CommonTable> commonTables)
{
    public QueryScope? Parent { get; } = parent;

    public ImmutableList<CommonTable> CommonTables { get; } = commonTables;

    public List<RangeVariable> Tables { get; } = [];

    public List<ColumnSlot> Visible { get; } = [];
}

/// <summary>Where an expression is: decides whether aggregates are allowed.</summary>
internal enum ClauseKind
{
    Select,
    Where,
    On,
    GroupBy,
    Having,
    OrderBy,
}

/// <summary>What one SELECT has learned about grouping while it is resolved.</summary>
internal sealed class SelectState(QueryScope scope)
{
    public QueryScope Scope { get; } = scope;

    public bool HasAggregate { get; set; }

    public List<ValueExpression> GroupTerms { get; } = [];

    public HashSet<ColumnSlot> GroupColumns { get; } = [];
}

/// <summary>The context an expression is resolved in.</summary>
internal sealed record ExpressionContext(QueryScope Scope, ClauseKind Clause, SelectState? Select, bool InAggregate = false);

/// <summary>One result column of a query expression while it is being resolved.</summary>
/// <param name="Name">The name the column is bound by (ORDER BY and GROUP BY of its query, references to a derived table
/// or common table): its exact case is kept (ADQL 2.1 §2.1.3), so <c>u</c> and <c>"U"</c> stay two names; see
/// <see cref="OutputNames.MakeUnique"/>.</param>
/// <param name="Delimited">True when the name must be written in double quotes to be read back as this name.</param>
/// <param name="Type">Type and metadata.</param>
/// <param name="Expression">The select-list expression; null for columns from <c>*</c>.</param>
/// <param name="Source">The column it copies, for plain column references and <c>*</c>.</param>
internal sealed record OutputItem(string Name, bool Delimited, ExpressionType Type, ValueExpression? Expression, ColumnSlot? Source)
{
    /// <summary>The VOTable FIELD name when this is a top-level result column: unique case-insensitively.</summary>
    public string FieldName { get; init; } = Name;

    public Identifier Identifier => new(Name, Delimited);

    /// <summary>The column under its binding name (<see cref="ResolvedQuery.ColumnsOf"/>).</summary>
    public OutputColumn ToOutputColumn() => Type.ToOutputColumn(Name);

    /// <summary>The column under its FIELD name (<see cref="ResolvedQuery.Columns"/>).</summary>
    public OutputColumn ToFieldColumn() => Type.ToOutputColumn(FieldName);
}
