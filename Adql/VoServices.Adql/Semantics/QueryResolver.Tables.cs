using System.Runtime.CompilerServices;
using VoServices.Adql.Ast;

namespace VoServices.Adql.Semantics;

internal sealed partial class QueryResolver
{
    /// <summary>
    /// A FROM item: its range variables and the columns an unqualified name may denote, in <c>*</c> order.
    /// <paramref name="scope"/> is the SELECT being resolved; its parent is what derived tables and ON may correlate with.
    /// </summary>
    private (List<RangeVariable> Tables, List<ColumnSlot> Visible) ResolveFrom(TableReference item, QueryScope scope)
    {
        switch (item)
        {
            case NamedTable named:
                var variable = ResolveNamedTable(named, scope);
                return ([variable], [.. variable.Columns]);
            case DerivedTable derived:
                var outputs = ResolveQuery(derived.Query, scope.Parent, scope.CommonTables);
                var table = new AdqlTable(null, derived.Alias.ToAdql(), [.. outputs.Select(o => o.Type.ToColumn(AdqlNames.Store(o.Name, o.Delimited)))]);
                var derivedVariable = new RangeVariable(derived, table, derived.Alias, null, aliased: true, derived.Alias.Value, [.. outputs.Select(o => o.Type)]);
                return ([derivedVariable], [.. derivedVariable.Columns]);
            case JoinedTable join:
                return ResolveJoin(join, scope);
            default:
                throw new InvalidOperationException($"unknown table reference {item.GetType().Name}");
        }
    }

    /// <summary>
    /// <c>left JOIN right</c>: NATURAL and USING merge the common columns, which come first in <c>*</c> and are no longer
    /// ambiguous unqualified (SQL-92 &lt;joined table&gt;); ON sees only the two operands (and enclosing queries).
    /// </summary>
    private (List<RangeVariable> Tables, List<ColumnSlot> Visible) ResolveJoin(JoinedTable join, QueryScope scope)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var (leftTables, left) = ResolveFrom(join.Left, scope);
        var (rightTables, right) = ResolveFrom(join.Right, scope);
        List<RangeVariable> all = [.. leftTables, .. rightTables];
        var pairs = join.Natural ? NaturalColumns(left, right)
            : join.Condition is JoinUsing usingColumns ? [.. usingColumns.Columns.Select(c => UsingColumn(c, left, right))]
            : [];
        if (join.Condition is JoinOn on)
        {
            var onScope = new QueryScope(scope.Parent, scope.CommonTables);
            onScope.Tables.AddRange(all);
            onScope.Visible.AddRange(left);
            onScope.Visible.AddRange(right);
            ResolveCondition(on.Condition, new ExpressionContext(onScope, ClauseKind.On, null));
        }
        foreach (var (l, r) in pairs)
        {
            if (!TypeRules.Comparable(l.Type, r.Type))
            {
                throw Error(AdqlErrorCode.TypeMismatch, join.Condition ?? (AdqlNode)join,
                    $"the join columns {l.Shown} and {r.Shown} cannot be compared: {TypeRules.Describe(l.Type)} and {TypeRules.Describe(r.Type)}");
            }
        }
        var merged = pairs.Select(p => join.Kind == JoinKind.RightOuter ? p.Right : p.Left).ToList();
        var hidden = pairs.SelectMany(p => new[] { p.Left, p.Right }).ToHashSet();
        List<ColumnSlot> visible = [.. merged, .. left.Where(s => !hidden.Contains(s)), .. right.Where(s => !hidden.Contains(s))];
        return (all, visible);
    }

    /// <summary>NATURAL JOIN: the columns whose names both sides have (each once).</summary>
    private static List<(ColumnSlot Left, ColumnSlot Right)> NaturalColumns(List<ColumnSlot> left, List<ColumnSlot> right)
    {
        var pairs = new List<(ColumnSlot, ColumnSlot)>();
        foreach (var l in left)
        {
            var matches = right.Where(r => r.Name.Matches(l.Name)).ToList();
            if (matches.Count == 1 && left.Count(o => o.Name.Matches(l.Name)) == 1)
            {
                pairs.Add((l, matches[0]));
            }
        }
        return pairs;
    }

    /// <summary>A USING column must name exactly one column on each side.</summary>
    private static (ColumnSlot Left, ColumnSlot Right) UsingColumn(Identifier name, List<ColumnSlot> left, List<ColumnSlot> right) =>
        (UsingSide(name, left, "left"), UsingSide(name, right, "right"));

    private static ColumnSlot UsingSide(Identifier name, List<ColumnSlot> side, string which)
    {
        var matches = side.Where(s => s.Name.Matches(name)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw Error(AdqlErrorCode.UnknownColumn, name, $"USING column {name.ToAdql()} is not a column of the {which} side of the join",
                NameSuggestions.For(name.Value, side.Select(s => s.Name.Value))),
            _ => throw Error(AdqlErrorCode.AmbiguousName, name,
                $"USING column {name.ToAdql()} is ambiguous on the {which} side of the join: {string.Join(", ", matches.Select(m => m.Shown))}"),
        };
    }

    /// <summary>
    /// A table name in FROM: a common table (unqualified names only, they shadow catalogue tables), else a table of the
    /// schema matched part by part with ADQL case rules; an unqualified name must designate one table.
    /// </summary>
    private RangeVariable ResolveNamedTable(NamedTable node, QueryScope scope)
    {
        var name = node.Name;
        if (name.Schema is null && name.Catalog is null && scope.CommonTables.FindLast(c => c.Name.Matches(name.Name)) is { } common)
        {
            details.CommonTables[node] = common.Node;
            var correlation = node.Alias ?? common.Name;
            return new RangeVariable(node, common.Table, correlation, null, node.Alias is not null, correlation.Value, common.Types);
        }
        var table = FindTable(name, scope);
        tables[node] = table;
        var schemaName = node.Alias is null && table.SchemaName is not null ? AdqlNames.Parse(table.SchemaName) : null;
        return new RangeVariable(node, table, node.Alias ?? AdqlNames.Parse(table.TableName), schemaName, node.Alias is not null,
            node.Alias?.Value ?? table.QualifiedName);
    }

    private AdqlTable FindTable(TableName name, QueryScope scope)
    {
        var matches = name.Catalog is not null ? [] : schema.Tables.Where(t => TableMatches(t, name)).ToList();
        if (matches.Count > 1)
        {
            var exact = matches.Where(t => string.Equals(AdqlNames.Display(t.TableName), name.Name.Value, StringComparison.Ordinal)).ToList();
            if (exact.Count != 1)
            {
                throw Error(AdqlErrorCode.AmbiguousName, name,
                    $"table {AdqlNames.Written(name)} is ambiguous: {matches.Count} schemas have it; qualify it with its schema",
                    [.. matches.Select(t => t.QualifiedName)]);
            }
            matches = exact;
        }
        if (matches.Count == 0)
        {
            var written = string.Join(".", new[] { name.Catalog, name.Schema, name.Name }.OfType<Identifier>().Select(i => i.Value));
            var candidates = schema.Tables.SelectMany(t => TableKeys(t, name))
                .Concat(scope.CommonTables.Select(c => (Key: c.Name.Value, Shown: c.Name.ToAdql())));
            throw Error(AdqlErrorCode.UnknownTable, name, $"unknown table {AdqlNames.Written(name)}", NameSuggestions.For(written, candidates));
        }
        return matches[0];
    }

    private static bool TableMatches(AdqlTable table, TableName name) =>
        AdqlNames.Parse(table.TableName).Matches(name.Name)
        && (name.Schema is null || (table.SchemaName is not null && AdqlNames.Parse(table.SchemaName).Matches(name.Schema)));

    /// <summary>Suggestion keys of a table: its full name, and its bare name when the user wrote no schema.</summary>
    private static IEnumerable<(string Key, string Shown)> TableKeys(AdqlTable table, TableName written)
    {
        var full = table.SchemaName is null ? AdqlNames.Display(table.TableName)
            : AdqlNames.Display(table.SchemaName) + "." + AdqlNames.Display(table.TableName);
        yield return (full, table.QualifiedName);
        if (written.Schema is null)
        {
            yield return (AdqlNames.Display(table.TableName), table.QualifiedName);
        }
    }
}
