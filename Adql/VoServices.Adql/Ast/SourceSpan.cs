namespace VoServices.Adql.Ast;

/// <summary>
/// Where a node was written in the query text. <see cref="Start"/> and <see cref="Length"/> count UTF-16 code
/// units of the string given to <see cref="AdqlParser.Parse(string)"/>; <see cref="Line"/> and
/// <see cref="Column"/> are 1-based (a tab counts as one column).
/// </summary>
/// <param name="Start">Offset of the first character, 0-based.</param>
/// <param name="Length">Number of characters covered, comments inside included.</param>
/// <param name="Line">Line of the first character, 1-based.</param>
/// <param name="Column">Column of the first character, 1-based.</param>
public readonly record struct SourceSpan(int Start, int Length, int Line, int Column);
