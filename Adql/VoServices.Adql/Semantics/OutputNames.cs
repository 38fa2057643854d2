using System.Globalization;
using VoServices.Adql.Ast;

namespace VoServices.Adql.Semantics;

/// <summary>
/// Names of result columns that have none (see <see cref="SchemaResolver"/> remarks): generated names are valid
/// regular identifiers, and all names of one result are unique, compared case-insensitively.
/// </summary>
internal static class OutputNames
{
    /// <summary>A name for an unnamed select-list expression at 1-based <paramref name="position"/>.</summary>
    public static string Generate(ValueExpression expression, int position, IReadOnlyDictionary<AdqlNode, ColumnSlot> slots)
    {
        var stem = Stem(expression, slots);
        return stem is not null && AdqlNames.IsRegularIdentifier(stem)
            ? stem
            : string.Create(CultureInfo.InvariantCulture, $"col{position}");
    }

    /// <summary>
    /// The items with repeated names renamed <c>name_2</c>, <c>name_3</c>... (first occurrence kept), skipping any name
    /// that another item already has.
    /// </summary>
    public static List<OutputItem> MakeUnique(List<OutputItem> drafts)
    {
        var taken = drafts.Select(d => d.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<OutputItem>(drafts.Count);
        foreach (var draft in drafts)
        {
            if (used.Add(draft.Name))
            {
                result.Add(draft);
                continue;
            }
            for (var n = 2; ; n++)
            {
                var candidate = string.Create(CultureInfo.InvariantCulture, $"{draft.Name}_{n}");
                if (!taken.Contains(candidate) && used.Add(candidate))
                {
                    result.Add(draft with { Name = candidate });
                    break;
                }
            }
        }
        return result;
    }

    private static string? Stem(ValueExpression expression, IReadOnlyDictionary<AdqlNode, ColumnSlot> slots) => expression switch
    {
        ColumnReference reference => slots.TryGetValue(reference, out var slot) ? slot.Name.Value : reference.Name.Value,
        SetFunction { Argument: null } => "count_all",
        SetFunction aggregate => Lower(aggregate.Function.ToString()) + Suffix(aggregate.Argument, slots),
        FunctionCall call => Lower(call.Name) + Suffix(call.Arguments.FirstOrDefault(), slots),
        UserDefinedFunctionCall udf => Lower(udf.Name),
        CastExpression cast => Stem(cast.Operand, slots),
        InUnitExpression inUnit => Stem(inUnit.Operand, slots),
        _ => null,
    };

    private static string Suffix(ValueExpression? argument, IReadOnlyDictionary<AdqlNode, ColumnSlot> slots) =>
        argument is ColumnReference reference ? "_" + Stem(reference, slots) : "";

    // Identifiers are ASCII here; lower case is the TAP_SCHEMA convention for undelimited names.
#pragma warning disable CA1308
    private static string Lower(string name) => name.ToLowerInvariant();
#pragma warning restore CA1308
}
