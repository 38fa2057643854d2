using VoServices.Adql.Ast;

namespace VoServices.Adql.Semantics;

internal sealed partial class QueryResolver
{
    /// <summary>
    /// A column reference: qualified ones through the FROM item the qualifier names, unqualified ones among the
    /// columns visible at this level; both then in the enclosing queries (correlated subqueries, SQL-92 &lt;column reference&gt;).
    /// </summary>
    private ColumnSlot ResolveColumn(ColumnReference reference, QueryScope scope)
    {
        var slot = reference.Qualifier is { } qualifier
            ? FindInTable(FindQualifier(qualifier, scope, outerScopes: true), reference)
            : FindUnqualified(reference.Name, scope, outerScopes: true) ?? throw UnknownColumn(reference, scope);
        Bind(reference, slot);
        return slot;
    }

    /// <summary>The FROM item a qualifier designates, at this level or (when allowed) an enclosing one.</summary>
    private static RangeVariable FindQualifier(TableName qualifier, QueryScope scope, bool outerScopes)
    {
        for (var level = scope; level is not null; level = outerScopes ? level.Parent : null)
        {
            var matches = level.Tables.Where(t => t.IsNamedBy(qualifier)).ToList();
            if (matches.Count == 1)
            {
                return matches[0];
            }
            if (matches.Count > 1)
            {
                throw Error(AdqlErrorCode.AmbiguousName, qualifier,
                    $"{AdqlNames.Written(qualifier)} designates {matches.Count} tables in FROM; qualify it with the schema or use aliases",
                    [.. matches.Select(m => m.Shown)]);
            }
        }
        var written = string.Join(".", new[] { qualifier.Catalog, qualifier.Schema, qualifier.Name }.OfType<Identifier>().Select(i => i.Value));
        var candidates = Levels(scope, outerScopes).SelectMany(l => l.Tables).SelectMany(QualifierKeys);
        var aliased = Levels(scope, outerScopes).SelectMany(l => l.Tables)
            .FirstOrDefault(t => t.IsAliased && AdqlNames.Parse(t.Table.TableName).Matches(qualifier.Name));
        var detail = aliased is null
            ? $"{AdqlNames.Written(qualifier)} is not a table or alias of this query"
            : $"{AdqlNames.Written(qualifier)} is called {aliased.Name.ToAdql()} in this query "
                + "(once a table has an alias, only the alias qualifies its columns)";
        throw Error(AdqlErrorCode.UnknownTable, qualifier, detail, NameSuggestions.For(written, candidates));
    }

    private static IEnumerable<(string Key, string Shown)> QualifierKeys(RangeVariable table)
    {
        yield return (table.Name.Value, table.Name.ToAdql());
        if (table.IsAliased)
        {
            // A user writing the table name of an aliased table means the alias.
            yield return (AdqlNames.Display(table.Table.TableName), table.Name.ToAdql());
        }
        else if (table.Schema is not null)
        {
            yield return (table.Schema.Value + "." + table.Name.Value, table.Shown);
        }
    }

    private static ColumnSlot FindInTable(RangeVariable table, ColumnReference reference)
    {
        var matches = PreferExact(table.Columns.Where(c => c.Name.Matches(reference.Name)).ToList(), reference.Name);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw Error(AdqlErrorCode.UnknownColumn, reference,
                $"{table.Shown} has no column {reference.Name.ToAdql()}",
                NameSuggestions.For(reference.Name.Value, table.Columns.Select(c => (c.Name.Value, c.Name.ToAdql())))),
            _ => throw Error(AdqlErrorCode.AmbiguousName, reference,
                $"column {AdqlNames.Written(reference)} is ambiguous: {string.Join(", ", matches.Select(m => m.Shown))}; "
                + "write it in double quotes with its exact case"),
        };
    }

    /// <summary>The column an unqualified name denotes, or null when no level has it; ambiguity is an error.</summary>
    private static ColumnSlot? FindUnqualified(Identifier name, QueryScope scope, bool outerScopes)
    {
        for (var level = scope; level is not null; level = outerScopes ? level.Parent : null)
        {
            var matches = PreferExact(level.Visible.Where(c => c.Name.Matches(name)).ToList(), name);
            if (matches.Count == 1)
            {
                return matches[0];
            }
            if (matches.Count > 1)
            {
                throw Error(AdqlErrorCode.AmbiguousName, name,
                    $"column {name.ToAdql()} is ambiguous: {matches.Count} tables in FROM have it; qualify it with a table name or alias",
                    [.. matches.Select(m => m.Shown)]);
            }
        }
        return null;
    }

    private static AdqlSemanticException UnknownColumn(ColumnReference reference, QueryScope scope)
    {
        var candidates = Levels(scope, outerScopes: true).SelectMany(l => l.Visible).Select(c => (c.Name.Value, c.Name.ToAdql()));
        return Error(AdqlErrorCode.UnknownColumn, reference, $"unknown column {reference.Name.ToAdql()}",
            NameSuggestions.For(reference.Name.Value, candidates));
    }

    /// <summary>When a regular name matches several columns case-insensitively, the one with its exact case wins.</summary>
    private static List<ColumnSlot> PreferExact(List<ColumnSlot> matches, Identifier name)
    {
        if (matches.Count < 2 || matches.Select(m => m.Source).Distinct().Count() > 1)
        {
            return matches;
        }
        var exact = matches.Where(m => string.Equals(m.Name.Value, name.Value, StringComparison.Ordinal)).ToList();
        return exact.Count == 1 ? exact : matches;
    }

    private static IEnumerable<QueryScope> Levels(QueryScope scope, bool outerScopes)
    {
        for (var level = scope; level is not null; level = outerScopes ? level.Parent : null)
        {
            yield return level;
        }
    }
}
