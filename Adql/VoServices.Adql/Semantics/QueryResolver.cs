using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using VoServices.Adql.Ast;
using VoServices.Adql.Functions;

namespace VoServices.Adql.Semantics;

/// <summary>
/// One resolution of one query: walks the tree once, query level by query level, filling the bindings that
/// <see cref="ResolvedQuery"/> exposes. Not reusable; <see cref="SchemaResolver"/> makes one per call.
/// </summary>
internal sealed partial class QueryResolver(IAdqlSchema schema, FunctionCatalog catalog)
{
    private readonly Dictionary<AdqlNode, AdqlTable> tables = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<AdqlNode, ResolvedColumn> columns = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<AdqlNode, ColumnSlot> slots = new(ReferenceEqualityComparer.Instance);
    private readonly ResolutionDetails details = new();

    public ResolvedQuery Resolve(Query query)
    {
        var commonTables = ImmutableList<CommonTable>.Empty;
        if (!query.With.IsEmpty)
        {
            RequireSyntax("WITH", query.With[0]);
        }
        foreach (var cte in query.With)
        {
            if (commonTables.Any(c => c.Name.Matches(cte.Name)))
            {
                throw Error(AdqlErrorCode.DuplicateName, cte.Name, $"the common table {cte.Name.ToAdql()} is defined twice");
            }
            var outputs = ResolveQuery(cte.Definition, null, commonTables);
            var table = new AdqlTable(null, cte.Name.ToAdql(), [.. outputs.Select(o => o.Type.ToColumn(AdqlNames.Store(o.Name, o.Delimited)))]);
            commonTables = commonTables.Add(new CommonTable(cte.Name, cte, table, [.. outputs.Select(o => o.Type)]));
        }
        var result = ResolveQuery(query.Body, null, commonTables);
        return new ResolvedQuery(query, [.. result.Select(o => o.ToFieldColumn())], tables, columns, details);
    }

    /// <summary>Resolves a SELECT, set operation or parenthesised query; <paramref name="outer"/> is the enclosing scope of a subquery.</summary>
    private List<OutputItem> ResolveQuery(QueryExpression query, QueryScope? outer, ImmutableList<CommonTable> commonTables)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var outputs = query switch
        {
            SelectStatement select => ResolveSelect(select, outer, commonTables),
            SetOperation operation => ResolveSetOperation(operation, outer, commonTables),
            ParenthesizedQuery parenthesized => ResolveQuery(parenthesized.Inner, outer, commonTables),
            _ => throw new InvalidOperationException($"unknown query expression {query.GetType().Name}"),
        };
        if (query is not SelectStatement)
        {
            ResolveResultOrderBy(query, outputs);
        }
        if (query.Offset is not null)
        {
            RequireSyntax("OFFSET", query);
        }
        details.QueryColumns[query] = [.. outputs.Select(o => o.ToOutputColumn())];
        return outputs;
    }

    /// <summary>
    /// UNION / EXCEPT / INTERSECT: same number of columns, combinable types (ADQL 2.1 "Set operators": MUST); names and
    /// metadata from the left operand (SHOULD/MUST), the datatype common to both so that no value is truncated.
    /// </summary>
    private List<OutputItem> ResolveSetOperation(SetOperation operation, QueryScope? outer, ImmutableList<CommonTable> commonTables)
    {
        var keyword = operation.Operator.ToString().ToUpperInvariant();
        RequireSyntax(keyword, operation);
        var left = ResolveQuery(operation.Left, outer, commonTables);
        var right = ResolveQuery(operation.Right, outer, commonTables);
        if (left.Count != right.Count)
        {
            throw Error(AdqlErrorCode.SetOperandMismatch, operation.Right.Span ?? operation.Span,
                Invariant($"the operands of {keyword} must have the same number of columns; the left one has {left.Count}, the right one {right.Count}"));
        }
        var result = new List<OutputItem>(left.Count);
        for (var i = 0; i < left.Count; i++)
        {
            var (l, r) = (left[i].Type, right[i].Type);
            var common = TypeRules.Common([l.Bare(), r.Bare()])
                ?? throw Error(AdqlErrorCode.TypeMismatch, operation.Right.Span ?? operation.Span,
                    Invariant($"column {i + 1} of {keyword} combines {TypeRules.Describe(l)} with {TypeRules.Describe(r)}"));
            var metadata = l.Category == ValueCategory.Null ? r : l;
            var type = common with { Unit = metadata.Unit, Ucd = metadata.Ucd, Utype = metadata.Utype, Description = metadata.Description };
            result.Add(left[i] with { Type = type, Expression = null, Source = null });
        }
        return result;
    }

    /// <summary>
    /// ORDER BY of a set operation or parenthesised query: only result columns, by position or name (SQL-92 &lt;declare cursor&gt; as
    /// PostgreSQL applies it).
    /// </summary>
    private void ResolveResultOrderBy(QueryExpression query, List<OutputItem> outputs)
    {
        foreach (var sort in query.OrderBy)
        {
            if (ResolveSortByOutput(sort, outputs) is null)
            {
                throw Error(AdqlErrorCode.InvalidSortKey, sort.Key,
                    $"the result of {Describe(query)} can only be sorted by a result column name or position, not by {Quote(sort.Key)}");
            }
        }
    }

    /// <summary>
    /// A sort key naming a result column (position, alias or output name); null when it is an ordinary expression.
    /// Records the column's index and, for a plain column, its binding.
    /// </summary>
    private int? ResolveSortByOutput(SortSpecification sort, List<OutputItem> outputs)
    {
        if (sort.Position is { } position)
        {
            if (position < 1 || position > outputs.Count)
            {
                throw Error(AdqlErrorCode.InvalidSortKey, sort.Key,
                    Invariant($"ORDER BY position {position} is not in the select list, which has {outputs.Count} column{(outputs.Count == 1 ? "" : "s")}"));
            }
            return Target(sort.Key, outputs, (int)position - 1);
        }
        if (sort.Key is not ColumnReference { Qualifier: null } reference)
        {
            return null;
        }
        var matches = MatchOutputs(outputs, reference.Name);
        if (matches.Count == 0)
        {
            return null;
        }
        if (matches.Select(i => (object?)outputs[i].Source ?? outputs[i]).Distinct().Count() > 1)
        {
            throw Error(AdqlErrorCode.AmbiguousName, reference,
                $"ORDER BY {reference.Name.ToAdql()} is ambiguous: {matches.Count} result columns have that name");
        }
        return Target(reference, outputs, matches[0]);
    }

    private int Target(ValueExpression key, List<OutputItem> outputs, int index)
    {
        details.OutputIndexes[key] = index;
        details.Types[key] = outputs[index].Type;
        if (key is ColumnReference reference && outputs[index].Source is { } source)
        {
            Bind(reference, source);
        }
        return index;
    }

    /// <summary>Indexes of the outputs an unqualified name designates; an exact-case match wins over case-insensitive ones.</summary>
    private static List<int> MatchOutputs(List<OutputItem> outputs, Identifier name)
    {
        var matches = Enumerable.Range(0, outputs.Count).Where(i => outputs[i].Identifier.Matches(name)).ToList();
        if (matches.Count > 1)
        {
            var exact = matches.Where(i => string.Equals(outputs[i].Name, name.Value, StringComparison.Ordinal)).ToList();
            return exact.Count == 1 ? exact : matches;
        }
        return matches;
    }

    private void Bind(ColumnReference reference, ColumnSlot slot)
    {
        columns[reference] = slot.Resolved;
        slots[reference] = slot;
        details.Types[reference] = slot.Type;
    }

    private void RequireSyntax(string form, AdqlNode node)
    {
        if (!catalog.SupportsSyntax(form))
        {
            throw Error(AdqlErrorCode.UnsupportedFeature, node, $"{form} is not supported by this service (see its capabilities)");
        }
    }

    private static string Describe(QueryExpression query) => query switch
    {
        SetOperation operation => operation.Operator.ToString().ToUpperInvariant(),
        _ => "a parenthesised query",
    };

    internal static AdqlSemanticException Error(string code, AdqlNode? node, string detail, ImmutableArray<string> suggestions = default) =>
        new(code, node?.Span, detail, suggestions);

    internal static AdqlSemanticException Error(string code, SourceSpan? span, string detail, ImmutableArray<string> suggestions = default) =>
        new(code, span, detail, suggestions);

    /// <summary>An expression as ADQL text for a message, shortened.</summary>
    internal static string Quote(AdqlNode node)
    {
        var text = AdqlPrinter.Print(node);
        text = text.Length > 60 ? text[..57] + "..." : text;
        return node is StringLiteral ? text : "'" + text + "'";
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
