using VoServices.Adql.Ast;
using VoServices.Adql.Printing;

namespace VoServices.Adql;

/// <summary>
/// Prints an AST as canonical ADQL 2.1: keywords in upper case, single spaces, no comments, identifiers and
/// numeric literals exactly as written, and only the parentheses that precedence requires. For every tree the
/// parser produces, <c>AdqlParser.Parse(AdqlPrinter.Print(tree))</c> equals the tree.
/// </summary>
public static class AdqlPrinter
{
    /// <summary>The ADQL text of <paramref name="node"/> (a whole query or any part of one, e.g. an expression).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    public static string Print(AdqlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var writer = new AdqlTextWriter();
        writer.Write(node);
        return writer.ToString();
    }
}
