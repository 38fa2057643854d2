using VoServices.Adql.Ast;
using VoServices.Adql.Semantics;

namespace VoServices.Adql.Translation;

/// <summary>A column visible in a scope: its ADQL name (for lookups), its translated value and its metadata.</summary>
internal sealed record ScopeColumn(Identifier Name, SqlExpression Value, AdqlColumn Metadata);

/// <summary>
/// One output column of a translated query: its ADQL name (alias, column name, or null for an unnamed expression), the
/// SQL name the translator gave it (<c>c1</c>, …), and its type, for references from an enclosing query.
/// </summary>
internal sealed record OutputItem(Identifier? Name, string SqlName, SqlValueKind Kind, AdqlColumn Metadata);

/// <summary>A translated query expression with the shape of its result.</summary>
internal sealed record TranslatedQuery(string Sql, IReadOnlyList<OutputItem> Outputs);

/// <summary>A common table expression: its ADQL name, its SQL name (<c>w1</c>) and its result shape.</summary>
internal sealed record CteDefinition(CommonTableExpression Node, string SqlName, IReadOnlyList<OutputItem> Outputs);

/// <summary>
/// An item of a FROM clause as the translator named it: a catalogue/upload table, a derived table, or a common table
/// expression, with the SQL correlation name <see cref="Correlation"/> (<c>t1</c>) that every column reference uses.
/// </summary>
internal sealed class FromItem(string correlation, Identifier? alias, TableName? writtenName, AdqlTable? table,
    IReadOnlyList<ScopeColumn> columns)
{
    /// <summary>The generated SQL correlation name.</summary>
    public string Correlation { get; } = correlation;

    /// <summary>The ADQL correlation name (alias) when written.</summary>
    public Identifier? Alias { get; } = alias;

    /// <summary>The table name as written in FROM (named tables and CTE references); null for derived tables.</summary>
    public TableName? WrittenName { get; } = writtenName;

    /// <summary>The catalogue or upload table; null for derived tables and CTEs.</summary>
    public AdqlTable? Table { get; } = table;

    /// <summary>The item's own columns, in table order.</summary>
    public IReadOnlyList<ScopeColumn> Columns { get; } = columns;

    /// <summary>
    /// Whether a column qualifier names this item (ADQL 2.1 §2.1.3 case rules): the alias when there is one; otherwise the
    /// table name as written, whose schema and catalog parts may be left out of the qualifier.
    /// </summary>
    public bool IsNamedBy(TableName qualifier)
    {
        if (Alias is not null)
        {
            return qualifier.Schema is null && qualifier.Catalog is null && qualifier.Name.Matches(Alias);
        }
        if (WrittenName is null || !qualifier.Name.Matches(WrittenName.Name))
        {
            return false;
        }
        return PartMatches(qualifier.Schema, WrittenName.Schema ?? SchemaIdentifier())
            && PartMatches(qualifier.Catalog, WrittenName.Catalog);
    }

    /// <summary>Whether the ADQL correlation name reported by the resolver denotes this item.</summary>
    public bool HasCorrelationName(string name)
    {
        // The resolver reports the alias as written (delimited ones with their quotes) or the table's qualified name.
        var written = Alias ?? WrittenName?.Name;
        return written is not null && (string.Equals(written.Value, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(written.ToAdql(), name, StringComparison.Ordinal)
            || (Table is not null && string.Equals(Table.QualifiedName, name, StringComparison.OrdinalIgnoreCase)));
    }

    private static bool PartMatches(Identifier? qualifierPart, Identifier? itemPart) =>
        qualifierPart is null || (itemPart is not null && qualifierPart.Matches(itemPart));

    private Identifier? SchemaIdentifier() => Table?.SchemaName is { } schema ? Names.ToIdentifier(schema) : null;
}

/// <summary>
/// The names visible while translating one SELECT: its FROM items, the columns an unqualified name can reach (with
/// NATURAL/USING columns merged, SQL-92 §7.5), and the enclosing scope for correlated subqueries.
/// </summary>
internal sealed class Scope(Scope? parent)
{
    /// <summary>The enclosing query's scope, or null.</summary>
    public Scope? Parent { get; } = parent;

    /// <summary>Every FROM item of this SELECT, joins flattened, in order.</summary>
    public List<FromItem> Items { get; } = [];

    /// <summary>The columns of <c>SELECT *</c>, in order: each top-level FROM item's columns, join columns merged.</summary>
    public List<ScopeColumn> Visible { get; } = [];

    /// <summary>
    /// True while translating the parts of a grouped SELECT (GROUP BY or HAVING present) that are evaluated on groups:
    /// the select list, GROUP BY keys, HAVING and ORDER BY; false for FROM, JOIN conditions and WHERE (SQL-92 §7.9–§7.10).
    /// </summary>
    public bool AfterGrouping { get; set; }
}

/// <summary>ADQL names of TAP_SCHEMA strings.</summary>
internal static class Names
{
    /// <summary>
    /// The identifier for a TAP_SCHEMA name: delimited when stored with its double quotes (<c>"size"</c>, TAP 1.1 §4),
    /// regular otherwise.
    /// </summary>
    public static Identifier ToIdentifier(string tapSchemaName) =>
        tapSchemaName.Length >= 2 && tapSchemaName[0] == '"' && tapSchemaName[^1] == '"'
            ? Identifier.Delimited(tapSchemaName[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal))
            : Identifier.Regular(tapSchemaName);
}
