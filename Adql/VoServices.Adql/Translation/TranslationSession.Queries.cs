using System.Globalization;
using System.Text;
using VoServices.Adql.Ast;
using VoServices.Adql.Semantics;

namespace VoServices.Adql.Translation;

internal sealed partial class TranslationSession
{
    /// <summary>One result column of a SELECT: the ADQL expression it came from (null for <c>*</c>), its SQL and shape.</summary>
    private sealed record SelectEntry(ValueExpression? Expression, string Sql, OutputItem Output);

    private TranslatedQuery QueryExpression(QueryExpression query, Scope? outer, long? extraLimit) => query switch
    {
        SelectStatement select => Select(select, outer, extraLimit),
        SetOperation operation => SetOperation(operation, outer, extraLimit),
        ParenthesizedQuery parenthesized => Parenthesized(parenthesized, outer, extraLimit),
        _ => throw Unsupported($"unknown query form {query.GetType().Name}", query),
    };

    private TranslatedQuery Select(SelectStatement select, Scope? outer, long? extraLimit)
    {
        var scope = new Scope(outer);
        var from = From(select.From, scope);
        // The select list, GROUP BY, HAVING and ORDER BY of a grouped query read groups, not rows (see PointOf).
        var grouped = !select.GroupBy.IsEmpty || select.Having is not null;
        scope.AfterGrouping = grouped;
        var entries = SelectList(select.Columns, scope);
        var distinct = select.Quantifier == SetQuantifier.Distinct;
        var sql = new StringBuilder(distinct ? "SELECT DISTINCT " : "SELECT ");
        for (var i = 0; i < entries.Count; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append(entries[i].Sql).Append(" AS ")
                .Append(dialect.QuoteIdentifier(entries[i].Output.SqlName));
        }
        sql.Append(" FROM ").Append(from);
        if (select.Where is not null)
        {
            scope.AfterGrouping = false;
            sql.Append(" WHERE ").Append(Condition(select.Where, scope));
            scope.AfterGrouping = grouped;
        }
        if (!select.GroupBy.IsEmpty)
        {
            sql.Append(" GROUP BY ").AppendJoin(", ", select.GroupBy.Select(key => GroupKey(key, entries, scope)));
        }
        if (select.Having is not null)
        {
            sql.Append(" HAVING ").Append(Condition(select.Having, scope));
        }
        sql.Append(OrderBy(select.OrderBy, entries, scope, restricted: distinct));
        sql.Append(dialect.LimitClause(Min(select.Top, extraLimit), select.Offset));
        return new TranslatedQuery(sql.ToString(), entries.Select(e => e.Output).ToArray());
    }

    private List<SelectEntry> SelectList(EquatableArray<SelectItem> items, Scope scope)
    {
        var entries = new List<SelectEntry>();
        foreach (var item in items)
        {
            switch (item)
            {
                case AllColumns:
                    entries.AddRange(scope.Visible.Select(c => Entry(null, c, entries.Count)));
                    break;
                case QualifiedAllColumns qualified:
                    var from = FindItem(qualified.Qualifier, scope, qualified)
                        ?? throw Unresolved($"'{qualified.Qualifier}' is not a table of this query", qualified);
                    foreach (var column in from.Columns)
                    {
                        entries.Add(Entry(null, column, entries.Count));
                    }
                    break;
                case DerivedColumn derived:
                    entries.Add(DerivedEntry(derived, scope, entries.Count));
                    break;
                default:
                    throw Unsupported($"unknown select item {item.GetType().Name}", item);
            }
        }
        return entries;
    }

    private static SelectEntry Entry(ValueExpression? expression, ScopeColumn column, int index) =>
        new(expression, column.Value.Sql, new OutputItem(column.Name, OutputName(index), column.Value.Kind, column.Metadata));

    private SelectEntry DerivedEntry(DerivedColumn derived, Scope scope, int index)
    {
        var value = SelectValue(derived.Expression, scope);
        var name = derived.Alias ?? (derived.Expression as ColumnReference)?.Name;
        var metadata = value.Source?.Column ?? Synthesized(name?.Value ?? OutputName(index), value);
        if (derived.Alias is not null && value.Source is not null)
        {
            metadata = metadata with { Name = derived.Alias.Value };
        }
        return new SelectEntry(derived.Expression, value.Sql, new OutputItem(name, OutputName(index), value.Kind, metadata));
    }

    /// <summary>Metadata for a computed column, enough for the enclosing query to type it.</summary>
    private static AdqlColumn Synthesized(string name, SqlExpression value) => value.Kind switch
    {
        SqlValueKind.Integer => new AdqlColumn(name, "long", Unit: value.Unit),
        SqlValueKind.Real => new AdqlColumn(name, "double", Unit: value.Unit),
        SqlValueKind.Boolean => new AdqlColumn(name, "boolean"),
        SqlValueKind.Timestamp => new AdqlColumn(name, "char", "*", XType: "timestamp"),
        SqlValueKind.Point => new AdqlColumn(name, "double", "2", XType: "point", Unit: "deg"),
        SqlValueKind.Circle => new AdqlColumn(name, "double", "3", XType: "circle", Unit: "deg"),
        SqlValueKind.Polygon => new AdqlColumn(name, "double", "*", XType: "polygon", Unit: "deg"),
        _ => new AdqlColumn(name, "char", "*"),
    };

    private string GroupKey(ValueExpression key, List<SelectEntry> entries, Scope scope)
    {
        // GROUP BY may name a select-list alias (ColumnOf is null then); SQL engines disagree on aliases, so the aliased
        // expression itself is repeated.
        if (resolved.OutputIndexOf(key) is { } index && index >= 0 && index < entries.Count && key is ColumnReference
            && resolved.ColumnOf((ColumnReference)key) is null)
        {
            return entries[index].Sql;
        }
        if (key is ColumnReference { Qualifier: null } reference && !CanResolve(reference, scope))
        {
            var aliased = entries.Where(e => e.Output.Name is { } name && name.Matches(reference.Name)).ToList();
            if (aliased.Count == 1)
            {
                return aliased[0].Sql;
            }
        }
        return SelectValue(key, scope).Sql;
    }

    /// <summary>
    /// ORDER BY keys: a position, an output column name, or an expression. Keys naming or repeating an output column are
    /// written as its position, which every engine reads the same way; with DISTINCT or on a set operation
    /// (<paramref name="restricted"/>) nothing else is allowed in SQL.
    /// </summary>
    private string OrderBy(EquatableArray<SortSpecification> keys, IReadOnlyList<SelectEntry> entries, Scope? scope,
        bool restricted)
    {
        if (keys.IsEmpty)
        {
            return "";
        }
        var sql = new StringBuilder(" ORDER BY ");
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var direction = key.Direction ?? SortDirection.Ascending;
            sql.Append(i == 0 ? "" : ", ").Append(OrderKey(key, entries, scope, restricted))
                .Append(direction == SortDirection.Descending ? " DESC" : " ASC").Append(dialect.NullOrdering(direction));
        }
        return sql.ToString();
    }

    private string OrderKey(SortSpecification key, IReadOnlyList<SelectEntry> entries, Scope? scope, bool restricted)
    {
        if (key.Position is { } position)
        {
            return position >= 1 && position <= entries.Count
                ? position.ToString(CultureInfo.InvariantCulture)
                : throw new AdqlTranslationException(TranslationErrorCode.InvalidOrderBy,
                    $"ORDER BY position {position.ToString(CultureInfo.InvariantCulture)} is not between 1 and " +
                    $"{entries.Count.ToString(CultureInfo.InvariantCulture)}", key);
        }
        if (resolved.OutputIndexOf(key.Key) is { } index && index >= 0 && index < entries.Count)
        {
            return (index + 1).ToString(CultureInfo.InvariantCulture);
        }
        if (key.Key is ColumnReference { Qualifier: null } name)
        {
            var named = Enumerable.Range(0, entries.Count)
                .Where(i => entries[i].Output.Name is { } n && n.Matches(name.Name)).ToList();
            if (named.Count == 1)
            {
                return (named[0] + 1).ToString(CultureInfo.InvariantCulture);
            }
        }
        var same = Enumerable.Range(0, entries.Count).Where(i => Equals(entries[i].Expression, key.Key)).ToList();
        if (same.Count > 0)
        {
            return (same[0] + 1).ToString(CultureInfo.InvariantCulture);
        }
        if (scope is not null)
        {
            var sql = SelectValue(key.Key, scope).Sql;
            var equal = Enumerable.Range(0, entries.Count).Where(i => entries[i].Sql == sql).ToList();
            if (equal.Count > 0)
            {
                return (equal[0] + 1).ToString(CultureInfo.InvariantCulture);
            }
            if (!restricted)
            {
                return sql;
            }
        }
        throw new AdqlTranslationException(TranslationErrorCode.InvalidOrderBy,
            "with DISTINCT or a set operation, ORDER BY must name a column of the select list (SQL-92 §13.1)", key);
    }

    private TranslatedQuery SetOperation(SetOperation operation, Scope? outer, long? extraLimit)
    {
        var left = SetOperand(operation.Left, operation, isRight: false, outer);
        var right = SetOperand(operation.Right, operation, isRight: true, outer);
        var keyword = operation.Operator switch
        {
            SetOperator.Union => "UNION",
            SetOperator.Except => "EXCEPT",
            _ => "INTERSECT",
        };
        string sql;
        if (operation.All && operation.Operator != SetOperator.Union && !dialect.SupportsIntersectExceptAll)
        {
            sql = MultisetOperation(keyword, left, right);
        }
        else
        {
            sql = left.Sql + " " + keyword + (operation.All ? " ALL " : " ") + right.Sql;
        }
        var entries = left.Outputs.Select(o => new SelectEntry(null, dialect.QuoteIdentifier(o.SqlName), o)).ToArray();
        sql += OrderBy(operation.OrderBy, entries, null, restricted: true)
            + dialect.LimitClause(extraLimit, operation.Offset);
        return new TranslatedQuery(sql, left.Outputs);
    }

    /// <summary>
    /// INTERSECT ALL / EXCEPT ALL where the engine lacks them (SQLite): numbering equal rows makes them distinct, so the
    /// plain operator on (row, number) keeps min(m, n) or max(m − n, 0) copies as SQL-92 §7.10 requires.
    /// </summary>
    private string MultisetOperation(string keyword, TranslatedQuery left, TranslatedQuery right)
    {
        var columns = string.Join(", ", left.Outputs.Select(o => dialect.QuoteIdentifier(o.SqlName)));
        string Numbered(TranslatedQuery q) =>
            $"SELECT {columns}, row_number() OVER (PARTITION BY {columns}) AS {dialect.QuoteIdentifier("n")} " +
            $"FROM ({q.Sql}) AS {dialect.QuoteIdentifier(NextSubquery())}";
        return $"SELECT {columns} FROM ({Numbered(left)} {keyword} {Numbered(right)}) AS {dialect.QuoteIdentifier(NextSubquery())}";
    }

    /// <summary>
    /// An operand of a set operation, wrapped as <c>SELECT * FROM (…) AS sN</c> when it has its own TOP, ORDER BY or
    /// OFFSET, or when it is a set operation that the engine would otherwise group differently (SQLite has no INTERSECT
    /// precedence and no parenthesised operands).
    /// </summary>
    private TranslatedQuery SetOperand(QueryExpression operand, SetOperation parent, bool isRight, Scope? outer)
    {
        var translated = QueryExpression(operand, outer, null);
        var wrap = operand switch
        {
            SelectStatement select => select.Top is not null || select.HasOrderByOrOffset,
            SetOperation inner => isRight || inner.HasOrderByOrOffset
                || (inner.Operator != SetOperator.Intersect && parent.Operator == SetOperator.Intersect),
            _ => true,
        };
        return wrap ? Wrapped(translated) : translated;
    }

    private TranslatedQuery Wrapped(TranslatedQuery query) =>
        new($"SELECT * FROM ({query.Sql}) AS {dialect.QuoteIdentifier(NextSubquery())}", query.Outputs);

    private TranslatedQuery Parenthesized(ParenthesizedQuery parenthesized, Scope? outer, long? extraLimit)
    {
        var inner = Wrapped(QueryExpression(parenthesized.Inner, outer, null));
        var entries = inner.Outputs.Select(o => new SelectEntry(null, dialect.QuoteIdentifier(o.SqlName), o)).ToArray();
        var sql = inner.Sql + OrderBy(parenthesized.OrderBy, entries, null, restricted: true)
            + dialect.LimitClause(extraLimit, parenthesized.Offset);
        return new TranslatedQuery(sql, inner.Outputs);
    }

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
