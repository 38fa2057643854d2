namespace VoServices.Adql.Translation;

/// <summary>
/// One SQL SELECT statement produced by <see cref="SqlTranslator"/>: text plus bound values. The text never contains a
/// statement separator or a comment; every string of the query is a parameter, never spliced into the text.
/// </summary>
/// <param name="Sql">The statement. Result columns come in the order of <c>ResolvedQuery.Columns</c> (with <c>*</c>
/// expanded), named <c>c1</c>, <c>c2</c>, …; read them by position.</param>
/// <param name="Parameters">The values of the placeholders, ordinal 1 first.</param>
public sealed record SqlStatement(string Sql, IReadOnlyList<SqlParameter> Parameters);

/// <summary>A bound value of a <see cref="SqlStatement"/>.</summary>
/// <param name="Name">The placeholder as written in the SQL (<c>$1</c> for PostgreSQL, <c>$p1</c> for SQLite);
/// PostgreSQL placeholders are positional, so bind them in list order without a name.</param>
/// <param name="Ordinal">1-based position of the parameter.</param>
/// <param name="Value">The value: a <see cref="string"/> (ADQL string literals) — never null.</param>
public sealed record SqlParameter(string Name, int Ordinal, object Value);
