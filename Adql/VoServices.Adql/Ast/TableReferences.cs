namespace VoServices.Adql.Ast;

/// <summary>
/// A table name with up to three parts, <c>[[catalog.]schema.]table</c> (ADQL 2.1 <c>&lt;table_name&gt;</c>); also
/// used as the qualifier of a column reference, where a single part may be a correlation name (alias).
/// </summary>
/// <param name="Catalog">Catalog part; null when not written.</param>
/// <param name="Schema">Schema part; null when not written (e.g. <c>TAP_UPLOAD</c>, <c>ivoa</c>).</param>
/// <param name="Name">Table name or alias.</param>
public sealed record TableName(Identifier? Catalog, Identifier? Schema, Identifier Name) : AdqlNode;

/// <summary>An item of a FROM clause (ADQL 2.1 <c>&lt;table_reference&gt;</c>).</summary>
public abstract record TableReference : AdqlNode;

/// <summary><c>table [[AS] alias]</c>.</summary>
/// <param name="Name">The table.</param>
/// <param name="Alias">Correlation name; null when not given.</param>
public sealed record NamedTable(TableName Name, Identifier? Alias) : TableReference;

/// <summary><c>(query) [AS] alias</c>; the alias is mandatory (ADQL 2.1 <c>&lt;derived_table&gt;</c>).</summary>
/// <param name="Query">The subquery.</param>
/// <param name="Alias">Correlation name.</param>
public sealed record DerivedTable(QueryExpression Query, Identifier Alias) : TableReference;

/// <summary>
/// <c>left [NATURAL] [INNER | LEFT|RIGHT|FULL [OUTER]] JOIN right [ON ... | USING (...)]</c> or
/// <c>left CROSS JOIN right</c> (ADQL 2.1 <c>&lt;qualified_join&gt;</c>; CROSS JOIN is SQL-92).
/// </summary>
/// <param name="Left">Left operand.</param>
/// <param name="Kind">Join type; INNER when none is written.</param>
/// <param name="Right">Right operand.</param>
/// <param name="Natural">True for NATURAL joins.</param>
/// <param name="Condition">ON or USING; null when absent (natural, cross or an unconditioned join).</param>
public sealed record JoinedTable(TableReference Left, JoinKind Kind, TableReference Right, bool Natural, JoinCondition? Condition)
    : TableReference;

/// <summary>Join types.</summary>
public enum JoinKind
{
    /// <summary>INNER JOIN (also plain JOIN).</summary>
    Inner,

    /// <summary>LEFT [OUTER] JOIN.</summary>
    LeftOuter,

    /// <summary>RIGHT [OUTER] JOIN.</summary>
    RightOuter,

    /// <summary>FULL [OUTER] JOIN.</summary>
    FullOuter,

    /// <summary>CROSS JOIN.</summary>
    Cross,
}

/// <summary>The join specification of a <see cref="JoinedTable"/>.</summary>
public abstract record JoinCondition : AdqlNode;

/// <summary><c>ON condition</c>.</summary>
/// <param name="Condition">The join condition.</param>
public sealed record JoinOn(SearchCondition Condition) : JoinCondition;

/// <summary><c>USING (column, ...)</c>.</summary>
/// <param name="Columns">The common column names (at least one).</param>
public sealed record JoinUsing(EquatableArray<Identifier> Columns) : JoinCondition;
