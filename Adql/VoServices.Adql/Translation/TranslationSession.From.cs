using System.Text;
using VoServices.Adql.Ast;
using VoServices.Adql.Semantics;

namespace VoServices.Adql.Translation;

internal sealed partial class TranslationSession
{
    private string From(EquatableArray<TableReference> from, Scope scope)
    {
        var sql = new StringBuilder();
        foreach (var reference in from)
        {
            var (text, columns) = TableReference(reference, scope);
            sql.Append(sql.Length == 0 ? "" : ", ").Append(text);
            scope.Visible.AddRange(columns);
        }
        return sql.ToString();
    }

    private (string Sql, List<ScopeColumn> Columns) TableReference(TableReference reference, Scope scope) => reference switch
    {
        NamedTable named => Named(named, scope),
        DerivedTable derived => Derived(derived, scope),
        JoinedTable joined => Join(joined, scope),
        _ => throw Unsupported($"unknown FROM item {reference.GetType().Name}", reference),
    };

    private (string, List<ScopeColumn>) Named(NamedTable named, Scope scope)
    {
        var correlation = NextCorrelation();
        var reads = new HashSet<string>(StringComparer.Ordinal) { correlation };
        if (resolved.TableOf(named) is { } table)
        {
            var prefix = dialect.QuoteIdentifier(correlation) + ".";
            var columns = table.Columns.Select(c => new ScopeColumn(Names.ToIdentifier(c.Name),
                new SqlExpression(prefix + dialect.ColumnName(c), KindOf(c))
                {
                    Source = new SqlColumnSource(correlation, table, c),
                    Unit = c.Unit,
                    Correlations = reads,
                }, c)).ToList();
            scope.Items.Add(new FromItem(correlation, named.Alias, named.Name, table, columns));
            return ($"{dialect.TableReference(table)} AS {dialect.QuoteIdentifier(correlation)}", columns);
        }
        var node = resolved.CommonTableOf(named);
        var cte = node is not null
            ? ctes.Find(c => ReferenceEquals(c.Node, node))
            : named.Name is { Schema: null, Catalog: null } ? ctes.LastOrDefault(c => c.Node.Name.Matches(named.Name.Name)) : null;
        if (cte is null)
        {
            throw Unresolved($"table '{AdqlPrinter.Print(named.Name)}' was not resolved against the schema", named);
        }
        var derivedColumns = OutputColumns(cte.Outputs, correlation, reads);
        scope.Items.Add(new FromItem(correlation, named.Alias, named.Name, null, derivedColumns));
        return ($"{dialect.QuoteIdentifier(cte.SqlName)} AS {dialect.QuoteIdentifier(correlation)}", derivedColumns);
    }

    private (string, List<ScopeColumn>) Derived(DerivedTable derived, Scope scope)
    {
        // A derived table sees the enclosing queries (outer references) but not its sibling FROM items (no LATERAL).
        var query = QueryExpression(derived.Query, scope.Parent, null);
        var correlation = NextCorrelation();
        var reads = new HashSet<string>(StringComparer.Ordinal) { correlation };
        var columns = OutputColumns(query.Outputs, correlation, reads);
        scope.Items.Add(new FromItem(correlation, derived.Alias, null, null, columns));
        return ($"({query.Sql}) AS {dialect.QuoteIdentifier(correlation)}", columns);
    }

    private List<ScopeColumn> OutputColumns(IReadOnlyList<OutputItem> outputs, string correlation, IReadOnlySet<string> reads)
    {
        var prefix = dialect.QuoteIdentifier(correlation) + ".";
        return outputs.Select(o => new ScopeColumn(o.Name ?? Identifier.Regular(o.SqlName),
            new SqlExpression(prefix + dialect.QuoteIdentifier(o.SqlName), o.Kind)
            {
                Source = new SqlColumnSource(correlation, null, o.Metadata),
                Unit = o.Metadata.Unit,
                Correlations = reads,
            }, o.Metadata)).ToList();
    }

    private (string, List<ScopeColumn>) Join(JoinedTable join, Scope scope)
    {
        var (left, leftColumns) = TableReference(join.Left, scope);
        var (right, rightColumns) = TableReference(join.Right, scope);
        if (join.Right is JoinedTable)
        {
            right = "(" + right + ")";
        }
        var common = CommonColumns(join, leftColumns, rightColumns);
        var keyword = join.Kind switch
        {
            JoinKind.LeftOuter => " LEFT OUTER JOIN ",
            JoinKind.RightOuter => " RIGHT OUTER JOIN ",
            JoinKind.FullOuter => " FULL OUTER JOIN ",
            JoinKind.Cross => " CROSS JOIN ",
            _ => " JOIN ",
        };
        string condition;
        if (common.Count > 0)
        {
            condition = " ON " + string.Join(" AND ", common.Select(p => $"{p.Left.Value.Sql} = {p.Right.Value.Sql}"));
        }
        else if (join.Condition is JoinOn on)
        {
            condition = " ON " + Condition(on.Condition, scope);
        }
        else if (join.Kind is JoinKind.Cross or JoinKind.Inner)
        {
            keyword = " CROSS JOIN ";
            condition = "";
        }
        else
        {
            condition = " ON 1 = 1";
        }
        return (left + keyword + right + condition, Merge(join.Kind, common, leftColumns, rightColumns));
    }

    /// <summary>
    /// The column pairs of a NATURAL join (same names, left order) or of USING (its order), SQL-92 §7.5. As in the
    /// resolver, a name must denote exactly one column on each side: NATURAL skips names such as <c>u</c> that match
    /// both <c>u</c> and <c>"U"</c>, and an ambiguous USING name is an error rather than the first match.
    /// </summary>
    private static List<(ScopeColumn Left, ScopeColumn Right)> CommonColumns(JoinedTable join, List<ScopeColumn> left,
        List<ScopeColumn> right)
    {
        var pairs = new List<(ScopeColumn, ScopeColumn)>();
        if (join.Natural)
        {
            foreach (var l in left)
            {
                var matches = right.FindAll(r => r.Name.Matches(l.Name));
                if (matches.Count == 1 && left.Count(o => o.Name.Matches(l.Name)) == 1)
                {
                    pairs.Add((l, matches[0]));
                }
            }
            return pairs;
        }
        if (join.Condition is JoinUsing usingColumns)
        {
            foreach (var name in usingColumns.Columns)
            {
                pairs.Add((UsingSide(name, left, "left", join), UsingSide(name, right, "right", join)));
            }
        }
        return pairs;
    }

    private static ScopeColumn UsingSide(Identifier name, List<ScopeColumn> side, string which, JoinedTable join)
    {
        var matches = side.FindAll(c => c.Name.Matches(name));
        return matches.Count == 1
            ? matches[0]
            : throw Unresolved($"USING column '{name.ToAdql()}' does not name exactly one column of the {which} table", join);
    }

    /// <summary>The columns of a join as <c>*</c> shows them: the join columns once (their coalesced value for FULL
    /// joins), then the other columns of the left and right operands (SQL-92 §7.5 syntax rule 6).</summary>
    private static List<ScopeColumn> Merge(JoinKind kind, List<(ScopeColumn Left, ScopeColumn Right)> common,
        List<ScopeColumn> left, List<ScopeColumn> right)
    {
        var merged = new List<ScopeColumn>();
        foreach (var (l, r) in common)
        {
            merged.Add(kind switch
            {
                JoinKind.RightOuter => r,
                JoinKind.FullOuter => l with
                {
                    Value = new SqlExpression($"COALESCE({l.Value.Sql}, {r.Value.Sql})", l.Value.Kind)
                    {
                        Unit = l.Value.Unit,
                        Correlations = SqlExpression.Union([l.Value, r.Value]),
                    },
                },
                _ => l,
            });
        }
        merged.AddRange(left.Where(c => !common.Exists(p => ReferenceEquals(p.Left, c))));
        merged.AddRange(right.Where(c => !common.Exists(p => ReferenceEquals(p.Right, c))));
        return merged;
    }

    private static SqlValueKind KindOf(AdqlColumn column)
    {
        switch (column.XType?.ToLowerInvariant())
        {
            case "point":
                return SqlValueKind.Point;
            case "circle":
                return SqlValueKind.Circle;
            case "polygon":
                return SqlValueKind.Polygon;
            case "timestamp":
                return SqlValueKind.Timestamp;
        }
        var scalar = column.ArraySize is null || column.Datatype is "char" or "unicodeChar";
        return column.Datatype switch
        {
            "boolean" when scalar => SqlValueKind.Boolean,
            "short" or "int" or "long" or "unsignedByte" when scalar => SqlValueKind.Integer,
            "float" or "double" when scalar => SqlValueKind.Real,
            "char" or "unicodeChar" => SqlValueKind.String,
            _ => SqlValueKind.Unknown,
        };
    }

    private FromItem? FindItem(TableName qualifier, Scope scope, AdqlNode node)
    {
        for (var s = scope; s is not null; s = s.Parent)
        {
            var items = s.Items.Where(i => i.IsNamedBy(qualifier)).ToList();
            if (items.Count == 1)
            {
                return items[0];
            }
            if (items.Count > 1)
            {
                throw Unresolved($"'{AdqlPrinter.Print(qualifier)}' names more than one table of this query", node);
            }
        }
        return null;
    }

    private bool CanResolve(ColumnReference reference, Scope scope) => Lookup(reference, scope, throwIfMissing: false) is not null;

    /// <summary>
    /// The scope column a reference denotes: qualified references look in the named FROM item, unqualified ones in the
    /// columns of <c>*</c> (NATURAL/USING columns merged) and then every item, innermost query first. When names alone
    /// are ambiguous or absent (generated names of derived columns), the resolver's answer decides.
    /// </summary>
    private ScopeColumn? Lookup(ColumnReference reference, Scope scope, bool throwIfMissing)
    {
        var hint = resolved.ColumnOf(reference);
        for (var s = scope; s is not null; s = s.Parent)
        {
            List<ScopeColumn> candidates;
            if (reference.Qualifier is { } qualifier)
            {
                var items = s.Items.Where(i => i.IsNamedBy(qualifier)).ToList();
                if (items.Count == 0)
                {
                    continue;
                }
                candidates = items.SelectMany(i => i.Columns).Where(c => c.Name.Matches(reference.Name)).ToList();
            }
            else
            {
                candidates = s.Visible.Where(c => c.Name.Matches(reference.Name)).ToList();
                if (candidates.Count == 0)
                {
                    candidates = s.Items.SelectMany(i => i.Columns).Where(c => c.Name.Matches(reference.Name)).ToList();
                }
            }
            var found = Choose(candidates, hint, s, reference);
            if (found is not null || reference.Qualifier is not null)
            {
                return found ?? (throwIfMissing ? throw Unresolved($"column '{AdqlPrinter.Print(reference)}' was not resolved", reference) : null);
            }
        }
        return throwIfMissing ? throw Unresolved($"column '{AdqlPrinter.Print(reference)}' was not resolved", reference) : null;
    }

    /// <summary>
    /// The candidate a reference denotes. The resolver's binding decides whenever there is one: names alone cannot tell
    /// <c>u</c> from <c>"U"</c> (a regular name matches both, ADQL 2.1 §2.1.3), so the bound column is found by its
    /// position in the bound table, never by re-matching names. Without a binding a single name match is taken.
    /// </summary>
    private static ScopeColumn? Choose(List<ScopeColumn> candidates, ResolvedColumn? hint, Scope scope, ColumnReference reference)
    {
        if (hint is not null)
        {
            var bound = Bound(hint, scope);
            if (bound is not null)
            {
                // An unqualified name of a NATURAL/USING join column means the merged column (COALESCE for FULL joins),
                // which stands for the bound one with the same metadata.
                return candidates.Find(c => ReferenceEquals(c, bound))
                    ?? candidates.Find(c => ReferenceEquals(c.Metadata, bound.Metadata) && c.Value.Source is null)
                    ?? bound;
            }
        }
        return candidates.Count switch
        {
            0 => null,
            1 => candidates[0],
            _ => throw Unresolved($"column '{AdqlPrinter.Print(reference)}' is ambiguous", reference),
        };
    }

    /// <summary>
    /// The scope column the resolver bound: in the one FROM item of this scope with the bound correlation name and table,
    /// the column at the bound column's position (catalogue and upload tables keep table order; derived tables and
    /// common tables keep select-list order, as the resolver's synthetic table does). Null when this scope has no such
    /// item (the binding is to an enclosing query).
    /// </summary>
    private static ScopeColumn? Bound(ResolvedColumn hint, Scope scope)
    {
        var items = scope.Items.Where(i => i.HasCorrelationName(hint.CorrelationName)
            && (i.Table is null || ReferenceEquals(i.Table, hint.Table) || Equals(i.Table, hint.Table))).ToList();
        if (items.Count != 1 || items[0].Columns.Count != hint.Table.Columns.Count)
        {
            return null;
        }
        var index = IndexOf(hint.Table.Columns, hint.Column);
        return index >= 0 ? items[0].Columns[index] : null;
    }

    private static int IndexOf(IReadOnlyList<AdqlColumn> columns, AdqlColumn column)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (ReferenceEquals(columns[i], column))
            {
                return i;
            }
        }
        for (var i = 0; i < columns.Count; i++)
        {
            if (Equals(columns[i], column))
            {
                return i;
            }
        }
        return -1;
    }
}
