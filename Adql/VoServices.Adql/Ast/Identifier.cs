namespace VoServices.Adql.Ast;

/// <summary>
/// A name: a regular identifier (<c>[A-Za-z][A-Za-z0-9_]*</c>, not a reserved word, case-insensitive) or a
/// delimited identifier (<c>"..."</c>, case-sensitive, may hold any character; <c>""</c> stands for one quote),
/// ADQL 2.1 <c>&lt;identifier&gt;</c> and "Case sensitivity".
/// </summary>
/// <param name="Value">
/// The name as written for a regular identifier (case kept, e.g. <c>Width</c>); the unescaped body for a
/// delimited one (<c>"c""ho"</c> gives <c>c"ho</c>).
/// </param>
/// <param name="IsDelimited">True when written in double quotes.</param>
public sealed record Identifier(string Value, bool IsDelimited) : AdqlNode
{
    /// <summary>A regular identifier (caller guarantees the syntax).</summary>
    public static Identifier Regular(string value) => new(value, false);

    /// <summary>A delimited identifier with the unescaped body <paramref name="value"/>.</summary>
    public static Identifier Delimited(string value) => new(value, true);

    /// <summary>The identifier as ADQL text: the regular name, or the body in double quotes with quotes doubled.</summary>
    public string ToAdql() => IsDelimited ? "\"" + Value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : Value;

    /// <summary>
    /// Whether two identifiers name the same thing: two delimited identifiers match exactly; as soon as one is
    /// regular the comparison ignores case (ADQL 2.1 "Case sensitivity": <c>alpha == Alpha == ALPHA</c>, <c>"alpha" != "Alpha"</c>).
    /// </summary>
    public bool Matches(Identifier other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var comparison = IsDelimited && other.IsDelimited ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return string.Equals(Value, other.Value, comparison);
    }
}
