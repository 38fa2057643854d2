namespace VoServices.Adql.Ast;

/// <summary>
/// A whole ADQL query: optional common table expressions then the query body (ADQL 2.1
/// <c>&lt;query_specification&gt; ::= [ &lt;with_clause&gt; ] &lt;select_expression&gt;</c>). WITH is only allowed
/// here, at the top level (<c>&lt;with_clause&gt;</c>).
/// </summary>
/// <param name="With">The common table expressions, in order; empty when there is no WITH clause.</param>
/// <param name="Body">The SELECT statement or set operation.</param>
public sealed record Query(EquatableArray<CommonTableExpression> With, QueryExpression Body) : AdqlNode;

/// <summary>One <c>name AS (query)</c> item of a WITH clause (ADQL 2.1 <c>&lt;with_query&gt;</c>, feature <c>adql-common-table</c>).</summary>
/// <param name="Name">The name the query is referred to by.</param>
/// <param name="Definition">The named query; it may itself carry ORDER BY and OFFSET.</param>
public sealed record CommonTableExpression(Identifier Name, QueryExpression Definition) : AdqlNode;

/// <summary>
/// A query that yields a table: <see cref="SelectStatement"/>, <see cref="SetOperation"/> or
/// <see cref="ParenthesizedQuery"/>. ORDER BY and OFFSET belong to the query expression they follow
/// (ADQL 2.1 <c>&lt;select_expression&gt;</c>): on a set operation they apply to its result.
/// </summary>
public abstract record QueryExpression : AdqlNode
{
    /// <summary>ORDER BY items, in order; empty when absent.</summary>
    public EquatableArray<SortSpecification> OrderBy { get; init; }

    /// <summary>OFFSET row count (applied before TOP, ADQL 2.1 "OFFSET"); null when absent.</summary>
    public long? Offset { get; init; }

    /// <summary>True when <see cref="OrderBy"/> or <see cref="Offset"/> is present.</summary>
    public bool HasOrderByOrOffset => !OrderBy.IsEmpty || Offset is not null;
}

/// <summary>
/// <c>SELECT [ALL|DISTINCT] [TOP n] list FROM ... [WHERE ...] [GROUP BY ...] [HAVING ...]</c>, plus the inherited
/// ORDER BY / OFFSET (ADQL 2.1 <c>&lt;select_query&gt;</c>).
/// </summary>
/// <param name="Quantifier">ALL or DISTINCT when written; null when absent (same meaning as ALL).</param>
/// <param name="Top">TOP row limit (a non-negative integer); null when absent.</param>
/// <param name="Columns">The select list: one <see cref="AllColumns"/>, or derived columns and qualified stars.</param>
/// <param name="From">FROM items; more than one is a comma (cross) join.</param>
/// <param name="Where">WHERE condition; null when absent.</param>
/// <param name="GroupBy">GROUP BY terms (column references or expressions); empty when absent.</param>
/// <param name="Having">HAVING condition; null when absent.</param>
public sealed record SelectStatement(
    SetQuantifier? Quantifier,
    long? Top,
    EquatableArray<SelectItem> Columns,
    EquatableArray<TableReference> From,
    SearchCondition? Where,
    EquatableArray<ValueExpression> GroupBy,
    SearchCondition? Having) : QueryExpression;

/// <summary>
/// <c>left UNION|EXCEPT|INTERSECT [ALL] right</c> (ADQL 2.1 <c>&lt;query_set_expression&gt;</c>, feature <c>adql-sets</c>). INTERSECT binds more
/// tightly than UNION and EXCEPT; all are left-associative.
/// </summary>
/// <param name="Operator">The set operator.</param>
/// <param name="All">True for the ALL form (duplicates kept).</param>
/// <param name="Left">Left operand.</param>
/// <param name="Right">Right operand.</param>
public sealed record SetOperation(SetOperator Operator, bool All, QueryExpression Left, QueryExpression Right) : QueryExpression;

/// <summary>
/// A query in parentheses that keeps its own ORDER BY / OFFSET while another ORDER BY / OFFSET applies to it, as
/// in <c>(SELECT ... ORDER BY a OFFSET 10) ORDER BY b</c>. The parser only produces it in that case; other
/// parentheses are not kept in the tree.
/// </summary>
/// <param name="Inner">The parenthesised query.</param>
public sealed record ParenthesizedQuery(QueryExpression Inner) : QueryExpression;

/// <summary>The set operators of ADQL 2.1 ("Set operators").</summary>
public enum SetOperator
{
    /// <summary>UNION: rows of either operand.</summary>
    Union,

    /// <summary>EXCEPT: rows of the left operand not in the right one.</summary>
    Except,

    /// <summary>INTERSECT: rows in both operands.</summary>
    Intersect,
}

/// <summary>ALL or DISTINCT, in a select list or an aggregate function.</summary>
public enum SetQuantifier
{
    /// <summary>ALL: keep duplicates.</summary>
    All,

    /// <summary>DISTINCT: remove duplicates.</summary>
    Distinct,
}

/// <summary>
/// One ORDER BY item: an output column name or alias, a 1-based select-list position (an unsigned integer), or
/// an expression (ADQL 2.1 <c>&lt;order_by_term&gt;</c>), with an optional direction.
/// </summary>
/// <param name="Key">The sort key as written.</param>
/// <param name="Direction">ASC or DESC when written; null when absent (ascending).</param>
public sealed record SortSpecification(ValueExpression Key, SortDirection? Direction) : AdqlNode
{
    /// <summary>The select-list position when <see cref="Key"/> is an unsigned integer literal; otherwise null.</summary>
    public long? Position => Key is NumericLiteral { Kind: NumericLiteralKind.Integer } literal && literal.TryGetInt64(out var value)
        ? value
        : null;
}

/// <summary>Sort direction of an ORDER BY item.</summary>
public enum SortDirection
{
    /// <summary>ASC.</summary>
    Ascending,

    /// <summary>DESC.</summary>
    Descending,
}
