namespace VoServices.Adql.Ast;

/// <summary>
/// A search condition (ADQL 2.1 <c>&lt;search_condition&gt;</c>) in WHERE, HAVING, ON and searched CASE. ADQL has
/// no boolean values: a condition is a predicate or a combination of them.
/// </summary>
public abstract record SearchCondition : AdqlNode;

/// <summary><c>a OR b OR ...</c>; nested ORs are flattened into one list.</summary>
/// <param name="Operands">Two or more conditions.</param>
public sealed record OrCondition(EquatableArray<SearchCondition> Operands) : SearchCondition;

/// <summary><c>a AND b AND ...</c>; nested ANDs are flattened into one list.</summary>
/// <param name="Operands">Two or more conditions.</param>
public sealed record AndCondition(EquatableArray<SearchCondition> Operands) : SearchCondition;

/// <summary><c>NOT condition</c>.</summary>
/// <param name="Operand">The negated condition.</param>
public sealed record NotCondition(SearchCondition Operand) : SearchCondition;

/// <summary><c>left op right</c> with op one of <c>= &lt;&gt; != &lt; &gt; &lt;= &gt;=</c>.</summary>
/// <param name="Left">Left operand.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Right">Right operand.</param>
public sealed record ComparisonPredicate(ValueExpression Left, ComparisonOperator Operator, ValueExpression Right) : SearchCondition;

/// <summary>Comparison operators.</summary>
public enum ComparisonOperator
{
    /// <summary><c>=</c>.</summary>
    Equal,

    /// <summary><c>&lt;&gt;</c> (also written <c>!=</c>).</summary>
    NotEqual,

    /// <summary><c>&lt;</c>.</summary>
    LessThan,

    /// <summary><c>&gt;</c>.</summary>
    GreaterThan,

    /// <summary><c>&lt;=</c>.</summary>
    LessThanOrEqual,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterThanOrEqual,
}

/// <summary><c>x [NOT] BETWEEN low AND high</c>.</summary>
/// <param name="Operand">The tested value.</param>
/// <param name="Lower">Lower bound (inclusive).</param>
/// <param name="Upper">Upper bound (inclusive).</param>
/// <param name="Negated">True for NOT BETWEEN.</param>
public sealed record BetweenPredicate(ValueExpression Operand, ValueExpression Lower, ValueExpression Upper, bool Negated)
    : SearchCondition;

/// <summary><c>x [NOT] IN (v1, v2, ...)</c>.</summary>
/// <param name="Operand">The tested value.</param>
/// <param name="Values">One or more values.</param>
/// <param name="Negated">True for NOT IN.</param>
public sealed record InListPredicate(ValueExpression Operand, EquatableArray<ValueExpression> Values, bool Negated) : SearchCondition;

/// <summary><c>x [NOT] IN (subquery)</c>.</summary>
/// <param name="Operand">The tested value.</param>
/// <param name="Subquery">A one-column subquery.</param>
/// <param name="Negated">True for NOT IN.</param>
public sealed record InSubqueryPredicate(ValueExpression Operand, QueryExpression Subquery, bool Negated) : SearchCondition;

/// <summary><c>x [NOT] LIKE|ILIKE pattern [ESCAPE 'c']</c> (ILIKE: ADQL 2.1 <c>&lt;like_predicate&gt;</c>, case-insensitive).</summary>
/// <param name="Operand">The matched string.</param>
/// <param name="Pattern">The pattern (<c>%</c> any string, <c>_</c> one character).</param>
/// <param name="CaseInsensitive">True for ILIKE.</param>
/// <param name="Negated">True for NOT LIKE / NOT ILIKE.</param>
/// <param name="Escape">The escape character literal (SQL-92); null when absent.</param>
public sealed record LikePredicate(ValueExpression Operand, ValueExpression Pattern, bool CaseInsensitive, bool Negated, StringLiteral? Escape)
    : SearchCondition;

/// <summary><c>column IS [NOT] NULL</c> (ADQL 2.1 <c>&lt;null_predicate&gt;</c> applies to a column reference).</summary>
/// <param name="Column">The tested column.</param>
/// <param name="Negated">True for IS NOT NULL.</param>
public sealed record NullPredicate(ColumnReference Column, bool Negated) : SearchCondition;

/// <summary><c>EXISTS (subquery)</c>.</summary>
/// <param name="Subquery">The subquery.</param>
public sealed record ExistsPredicate(QueryExpression Subquery) : SearchCondition;
