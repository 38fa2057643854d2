namespace VoServices.Adql.Ast;

/// <summary>One item of a select list (ADQL 2.1 <c>&lt;select_list&gt;</c>).</summary>
public abstract record SelectItem : AdqlNode;

/// <summary>The bare <c>*</c> select list: every column of every table in FROM, in table order.</summary>
public sealed record AllColumns : SelectItem;

/// <summary><c>qualifier.*</c>: every column of one FROM item.</summary>
/// <param name="Qualifier">Table name or correlation name (alias).</param>
public sealed record QualifiedAllColumns(TableName Qualifier) : SelectItem;

/// <summary><c>expression [AS alias]</c> (ADQL 2.1 <c>&lt;derived_column&gt;</c>).</summary>
/// <param name="Expression">Any value expression, geometry and NULL included.</param>
/// <param name="Alias">Output column name; null when not given.</param>
public sealed record DerivedColumn(ValueExpression Expression, Identifier? Alias) : SelectItem;
