using System.Globalization;
using VoServices.Adql.Ast;

namespace VoServices.Adql.Semantics;

/// <summary>
/// Names of result columns that have none (see <see cref="SchemaResolver"/> remarks): generated names are valid
/// regular identifiers; the names of one result are unique (see <see cref="MakeUnique"/> for how).
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
    /// that another item already has, under two rules:
    /// <list type="bullet">
    /// <item><see cref="OutputItem.Name"/>, the name the column is bound by inside the query (references to a derived
    /// table or common table, ORDER BY, GROUP BY), repeats only when ADQL reads two names as one: equal regular names in
    /// any case, or equal names in the same case. <c>u</c> and <c>"U"</c> both stay, so that <c>x."U"</c> binds to the
    /// column named exactly <c>U</c> and a regular name picks the column of its own case, as for a catalogue or upload
    /// table with such columns (ADQL 2.1 §2.1.3; <see cref="QueryResolver"/> <c>PreferExact</c>).</item>
    /// <item><see cref="OutputItem.FieldName"/>, the VOTable FIELD name of a top-level result, repeats whenever two names
    /// are equal ignoring case (<c>u</c>, <c>"U"</c> give <c>u</c>, <c>U_2</c>): many clients look result columns up by
    /// name ignoring case (TOPCAT's expression language does, for one), so case alone must not tell two FIELDs apart.</item>
    /// </list>
    /// Without names differing only by case both rules give the same names. Generated names never equal any other name,
    /// in any case.
    /// </summary>
    public static List<OutputItem> MakeUnique(List<OutputItem> drafts)
    {
        var exact = new HashSet<string>(StringComparer.Ordinal);
        var regular = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var bindingNames = Unique(drafts, d =>
        {
            // ADQL reads two names as one when they are equal in the same case, or both regular and equal in any case.
            if (exact.Contains(d.Name) || (!d.Delimited && regular.Contains(d.Name)))
            {
                return false;
            }
            exact.Add(d.Name);
            if (!d.Delimited)
            {
                regular.Add(d.Name);
            }
            return true;
        });
        var anyCase = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var fieldNames = Unique(drafts, d => anyCase.Add(d.Name));
        return [.. drafts.Select((d, i) => d with { Name = bindingNames[i], FieldName = fieldNames[i] })];
    }

    /// <summary>The names with repeats renamed; <paramref name="claim"/> records a draft's name and says whether it is new.</summary>
    private static List<string> Unique(List<OutputItem> drafts, Func<OutputItem, bool> claim)
    {
        var taken = drafts.Select(d => d.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var generated = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>(drafts.Count);
        foreach (var draft in drafts)
        {
            if (claim(draft))
            {
                result.Add(draft.Name);
                continue;
            }
            for (var n = 2; ; n++)
            {
                var candidate = string.Create(CultureInfo.InvariantCulture, $"{draft.Name}_{n}");
                if (!taken.Contains(candidate) && generated.Add(candidate))
                {
                    result.Add(candidate);
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
