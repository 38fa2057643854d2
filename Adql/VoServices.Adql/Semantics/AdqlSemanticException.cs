using System.Collections.Immutable;
using System.Globalization;
using VoServices.Adql.Ast;
using VoServices.Dali;

namespace VoServices.Adql.Semantics;

/// <summary>
/// The query is valid ADQL syntax but wrong against the schema or the function catalogue: an unknown table or
/// column, an ambiguous name, a type error, a misused aggregate... The message reads
/// <c>ADQL0102 at line 1, column 8: unknown column 'rra'; did you mean 'ra'?</c>. Always HTTP 400 (DALI UsageError).
/// </summary>
public sealed class AdqlSemanticException : AdqlException
{
    /// <summary>Creates a semantic error.</summary>
    /// <param name="code">Stable code, ADQL0101–ADQL0199 (<see cref="AdqlErrorCode"/>).</param>
    /// <param name="span">Where the culprit was written; null for trees built in code (no position in the message).</param>
    /// <param name="detail">What is wrong, without position or suggestion.</param>
    /// <param name="suggestions">Names the user may have meant, best first; empty when none is close.</param>
    public AdqlSemanticException(string code, SourceSpan? span, string detail, ImmutableArray<string> suggestions = default)
        : base(DaliErrorKind.UsageError, code, FormatMessage(code, span, detail, suggestions))
    {
        Span = span;
        Detail = detail;
        Suggestions = suggestions.IsDefault ? [] : suggestions;
    }

    /// <summary>Where the culprit was written; null when the tree was built in code.</summary>
    public SourceSpan? Span { get; }

    /// <summary>1-based line of the culprit; 0 when unknown.</summary>
    public int Line => Span?.Line ?? 0;

    /// <summary>1-based column of the culprit; 0 when unknown.</summary>
    public int Column => Span?.Column ?? 0;

    /// <summary>The error without code, position or suggestion.</summary>
    public string Detail { get; }

    /// <summary>
    /// "Did you mean" candidates, best first: names in scope within Damerau–Levenshtein distance 2 of what was written
    /// (case-insensitive), or starting with it.
    /// </summary>
    public ImmutableArray<string> Suggestions { get; }

    private static string FormatMessage(string code, SourceSpan? span, string detail, ImmutableArray<string> suggestions)
    {
        var where = span is { } s
            ? string.Create(CultureInfo.InvariantCulture, $" at line {s.Line}, column {s.Column}")
            : "";
        var hint = suggestions.IsDefaultOrEmpty ? ""
            : suggestions.Length == 1 ? $"; did you mean '{suggestions[0]}'?"
            : $"; did you mean one of: {string.Join(", ", suggestions.Select(n => $"'{n}'"))}?";
        return $"{code}{where}: {detail}{hint}";
    }
}
