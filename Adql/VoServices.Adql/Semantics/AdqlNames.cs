using System.Collections.Concurrent;
using Antlr4.Runtime;
using VoServices.Adql.Ast;
using VoServices.Adql.Generated;

namespace VoServices.Adql.Semantics;

/// <summary>
/// Names as TAP_SCHEMA stores them (TAP 1.1 §4: undelimited names as they are, delimited ones with their double
/// quotes, e.g. <c>"size"</c>) and as ADQL reads them (ADQL 2.1 "Identifiers", "Case sensitivity").
/// </summary>
internal static class AdqlNames
{
    private static readonly ConcurrentDictionary<string, bool> RegularCache = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="name"/> can be written as a regular identifier: <c>[A-Za-z][A-Za-z0-9_]*</c> and not a
    /// reserved word. Asks the ADQL lexer, so the reserved words are exactly those of the grammar.
    /// </summary>
    public static bool IsRegularIdentifier(string name)
    {
        if (name.Length == 0 || name.Length > 128 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }
        return RegularCache.GetOrAdd(name, static n =>
        {
            var lexer = new AdqlLexer(new AntlrInputStream(n), TextWriter.Null, TextWriter.Null);
            lexer.RemoveErrorListeners();
            var tokens = lexer.GetAllTokens();
            // COT is a function token of the grammar but not a reserved word of ADQL 2.1.
            return tokens.Count == 1 && tokens[0].Type is AdqlLexer.REGULAR_IDENTIFIER or AdqlLexer.COT;
        });
    }

    /// <summary>A stored name part read as an identifier: <c>"Foo"</c> is delimited (quotes doubled inside), <c>foo</c> regular.</summary>
    public static Identifier Parse(string stored)
    {
        if (stored.Length >= 2 && stored[0] == '"' && stored[^1] == '"')
        {
            return Identifier.Delimited(stored[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal));
        }
        return Identifier.Regular(stored);
    }

    /// <summary>The name without TAP_SCHEMA quotes (<c>"size"</c> gives <c>size</c>): a VOTable FIELD name.</summary>
    public static string Display(string stored) => Parse(stored).Value;

    /// <summary>
    /// A name in TAP_SCHEMA form: as is when it is a regular identifier that was not written delimited, otherwise in
    /// double quotes.
    /// </summary>
    public static string Store(string name, bool delimited) =>
        !delimited && IsRegularIdentifier(name) ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The identifier as the user wrote it, for messages.</summary>
    public static string Written(Identifier identifier) => identifier.ToAdql();

    /// <summary>A table name as the user wrote it, for messages.</summary>
    public static string Written(TableName name) =>
        string.Join(".", new[] { name.Catalog, name.Schema, name.Name }.OfType<Identifier>().Select(i => i.ToAdql()));

    /// <summary>A column reference as the user wrote it, for messages.</summary>
    public static string Written(ColumnReference column) =>
        column.Qualifier is null ? column.Name.ToAdql() : Written(column.Qualifier) + "." + column.Name.ToAdql();
}
