using System.Collections.Immutable;
using VoServices.Dali;

namespace VoServices.Adql;

/// <summary>
/// The query text is not ADQL 2.1: a lexical or grammatical error, or a limit of the service exceeded. The
/// message reads <c>ADQL0001 at line 3, column 12: unexpected 'FROM'; expected: '(' </c>.
/// </summary>
public sealed class AdqlSyntaxException : AdqlException
{
    /// <summary>Creates a syntax error.</summary>
    /// <param name="code">Stable code (<see cref="AdqlErrorCode"/>).</param>
    /// <param name="line">1-based line of the error.</param>
    /// <param name="column">1-based column of the error (UTF-16 code units; a tab is one column).</param>
    /// <param name="offset">0-based character offset of the error in the query.</param>
    /// <param name="detail">What is wrong, without position (e.g. <c>unexpected 'FROM'</c>).</param>
    /// <param name="expectedTokens">Tokens the grammar would have accepted; empty when not applicable.</param>
    /// <param name="kind">HTTP class; <see cref="DaliErrorKind.UsageError"/> unless a size limit was exceeded.</param>
    public AdqlSyntaxException(
        string code,
        int line,
        int column,
        int offset,
        string detail,
        ImmutableArray<string> expectedTokens = default,
        DaliErrorKind kind = DaliErrorKind.UsageError)
        : base(kind, code, FormatMessage(code, line, column, detail, expectedTokens))
    {
        Line = line;
        Column = column;
        Offset = offset;
        Detail = detail;
        ExpectedTokens = expectedTokens.IsDefault ? [] : expectedTokens;
    }

    /// <summary>1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>1-based column of the error.</summary>
    public int Column { get; }

    /// <summary>0-based character offset of the error in the query text.</summary>
    public int Offset { get; }

    /// <summary>The error without code and position.</summary>
    public string Detail { get; }

    /// <summary>
    /// What the grammar would have accepted at the error, sorted: keywords (<c>FROM</c>), quoted punctuation
    /// (<c>'('</c>) and token classes (<c>identifier</c>, <c>integer</c>, <c>number</c>, <c>string</c>,
    /// <c>end of query</c>). Empty for errors that are not about an unexpected token.
    /// </summary>
    public ImmutableArray<string> ExpectedTokens { get; }

    private static string FormatMessage(string code, int line, int column, string detail, ImmutableArray<string> expected)
    {
        var message = $"{code} at line {line.ToString(System.Globalization.CultureInfo.InvariantCulture)}, "
            + $"column {column.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {detail}";
        if (expected.IsDefaultOrEmpty)
        {
            return message;
        }
        const int shown = 12;
        var list = string.Join(", ", expected.Take(shown));
        var more = expected.Length > shown ? ", …" : "";
        return expected.Length == 1 ? $"{message}; expected {list}" : $"{message}; expected one of: {list}{more}";
    }
}
