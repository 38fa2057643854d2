using System.Collections.Immutable;
using VoServices.Adql.Ast;

namespace VoServices.Adql.Semantics;

internal sealed partial class QueryResolver
{
    /// <summary>
    /// One SELECT, clause by clause in SQL's logical order: FROM, WHERE, select list, GROUP BY, HAVING, ORDER BY; then
    /// the grouping rules once it is known whether the query aggregates.
    /// </summary>
    private List<OutputItem> ResolveSelect(SelectStatement select, QueryScope? outer, ImmutableList<CommonTable> commonTables)
    {
        var scope = new QueryScope(outer, commonTables);
        foreach (var item in select.From)
        {
            var (itemTables, visible) = ResolveFrom(item, scope);
            scope.Tables.AddRange(itemTables);
            scope.Visible.AddRange(visible);
        }
        CheckDistinctNames(scope.Tables);
        var state = new SelectState(scope);
        if (select.Where is { } where)
        {
            ResolveCondition(where, new ExpressionContext(scope, ClauseKind.Where, state));
        }
        var outputs = ResolveSelectList(select, new ExpressionContext(scope, ClauseKind.Select, state));
        foreach (var term in select.GroupBy)
        {
            ResolveGroupTerm(term, outputs, state);
        }
        if (select.Having is { } having)
        {
            ResolveCondition(having, new ExpressionContext(scope, ClauseKind.Having, state));
        }
        var sortExpressions = new List<ValueExpression>();
        foreach (var sort in select.OrderBy)
        {
            if (ResolveSortByOutput(sort, outputs) is null)
            {
                ResolveValue(sort.Key, new ExpressionContext(scope, ClauseKind.OrderBy, state));
                sortExpressions.Add(sort.Key);
            }
        }
        if (state.HasAggregate || !select.GroupBy.IsEmpty)
        {
            CheckGrouping(select, outputs, sortExpressions, state);
        }
        return outputs;
    }

    /// <summary>The select list with <c>*</c> expanded, each item typed and named (names made unique).</summary>
    private List<OutputItem> ResolveSelectList(SelectStatement select, ExpressionContext context)
    {
        var drafts = new List<OutputItem>();
        var scope = context.Scope;
        foreach (var item in select.Columns)
        {
            switch (item)
            {
                case AllColumns:
                    Expand(item, scope.Visible, drafts);
                    break;
                case QualifiedAllColumns star:
                    Expand(item, FindQualifier(star.Qualifier, scope, outerScopes: false).Columns, drafts);
                    break;
                case DerivedColumn derived:
                    var type = ResolveValue(derived.Expression, context);
                    var source = derived.Expression is ColumnReference reference ? slots[reference] : null;
                    var (name, delimited) = derived.Alias is { } alias ? (alias.Value, alias.IsDelimited)
                        : source is not null ? (source.Name.Value, source.Name.IsDelimited)
                        : (OutputNames.Generate(derived.Expression, drafts.Count + 1, slots), false);
                    drafts.Add(new OutputItem(name, delimited, type, derived.Expression, source));
                    break;
                default:
                    throw new InvalidOperationException($"unknown select item {item.GetType().Name}");
            }
        }
        return OutputNames.MakeUnique(drafts);
    }

    private void Expand(SelectItem item, IEnumerable<ColumnSlot> source, List<OutputItem> drafts)
    {
        var expanded = source.ToList();
        details.Expansions[item] = [.. expanded.Select(s => s.Resolved)];
        drafts.AddRange(expanded.Select(s => new OutputItem(s.Name.Value, s.Name.IsDelimited, s.Type, null, s)));
    }

    /// <summary>
    /// A GROUP BY term: a position or select-list alias (as PostgreSQL and SQLite read them), or an expression over
    /// the FROM columns, where aggregates are not allowed.
    /// </summary>
    private void ResolveGroupTerm(ValueExpression term, List<OutputItem> outputs, SelectState state)
    {
        int? index = null;
        if (term is NumericLiteral { Kind: NumericLiteralKind.Integer } literal && literal.TryGetInt64(out var position))
        {
            if (position < 1 || position > outputs.Count)
            {
                throw Error(AdqlErrorCode.InvalidSortKey, term,
                    Invariant($"GROUP BY position {position} is not in the select list, which has {outputs.Count} column{(outputs.Count == 1 ? "" : "s")}"));
            }
            index = (int)position - 1;
        }
        else if (term is ColumnReference { Qualifier: null } reference && FindUnqualified(reference.Name, state.Scope, outerScopes: false) is null)
        {
            var matches = MatchOutputs(outputs, reference.Name);
            index = matches.Count == 1 ? matches[0] : null;
        }
        if (index is { } i)
        {
            Target(term, outputs, i);
            AddGroup(state, outputs[i].Expression, outputs[i].Source);
            return;
        }
        ResolveValue(term, new ExpressionContext(state.Scope, ClauseKind.GroupBy, state));
        AddGroup(state, term, term is ColumnReference column ? slots[column] : null);
    }

    private static void AddGroup(SelectState state, ValueExpression? expression, ColumnSlot? slot)
    {
        if (expression is not null)
        {
            state.GroupTerms.Add(expression);
        }
        if (slot is not null)
        {
            state.GroupColumns.Add(slot);
        }
    }

    /// <summary>
    /// SQL-92 &lt;query specification&gt; and &lt;having clause&gt;: in a grouped query every column reference of the select list, HAVING and ORDER BY
    /// must be a grouping column, inside an aggregate, part of an expression that is itself a GROUP BY term, or an
    /// outer reference.
    /// </summary>
    private void CheckGrouping(SelectStatement select, List<OutputItem> outputs, List<ValueExpression> sortExpressions, SelectState state)
    {
        foreach (var output in outputs)
        {
            if (output.Expression is { } expression)
            {
                CheckGrouped(expression, state);
            }
            else if (output.Source is { } slot && !state.GroupColumns.Contains(slot))
            {
                throw Error(AdqlErrorCode.AggregateMisuse, (AdqlNode?)select.Columns.FirstOrDefault(i => i is AllColumns or QualifiedAllColumns) ?? select,
                    $"column {slot.Shown} (from *) must appear in GROUP BY or be used in an aggregate function");
            }
        }
        if (select.Having is { } having)
        {
            foreach (var value in ConditionValues(having))
            {
                CheckGrouped(value, state);
            }
        }
        foreach (var key in sortExpressions)
        {
            CheckGrouped(key, state);
        }
    }

    private void CheckGrouped(ValueExpression expression, SelectState state)
    {
        if (state.GroupTerms.Contains(expression))
        {
            return;
        }
        switch (expression)
        {
            case SetFunction or ScalarSubquery:
                return;
            case ColumnReference reference:
                var slot = slots[reference];
                if (state.Scope.Tables.Contains(slot.Source) && !state.GroupColumns.Contains(slot))
                {
                    throw Error(AdqlErrorCode.AggregateMisuse, reference,
                        $"column {AdqlNames.Written(reference)} must appear in GROUP BY or be used in an aggregate function");
                }
                return;
            default:
                foreach (var child in ValueChildren(expression))
                {
                    CheckGrouped(child, state);
                }
                return;
        }
    }

    /// <summary>Two FROM items may not share a correlation name (SQL-92 &lt;from clause&gt;).</summary>
    private static void CheckDistinctNames(List<RangeVariable> items)
    {
        for (var i = 1; i < items.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var (a, b) = (items[j], items[i]);
                // Unaliased tables of different schemas may share a name (tycho2.main, hipparcos.main).
                var clash = a.Name.Matches(b.Name) && !(a.Schema is not null && b.Schema is not null && !a.Schema.Matches(b.Schema));
                if (clash)
                {
                    throw Error(AdqlErrorCode.DuplicateName, b.Origin,
                        $"{b.Shown} appears twice in FROM; give each occurrence its own alias");
                }
            }
        }
    }
}
