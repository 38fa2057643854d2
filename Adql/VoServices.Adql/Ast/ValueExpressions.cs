using System.Globalization;

namespace VoServices.Adql.Ast;

/// <summary>
/// A value expression (ADQL 2.1 <c>&lt;value_expression&gt;</c>): numeric, string or geometry valued, or NULL.
/// Parentheses are not kept; <see cref="AdqlPrinter"/> adds those that precedence requires.
/// </summary>
public abstract record ValueExpression : AdqlNode;

/// <summary>The NULL value (allowed wherever a whole value expression is, ADQL 2.1 erratum 4).</summary>
public sealed record NullLiteral : ValueExpression;

/// <summary>
/// An unsigned numeric literal with its text exactly as written (<c>&lt;unsigned_numeric_literal&gt;</c>): <c>12</c>, <c>12.</c>,
/// <c>.5</c>, <c>1.2E3</c>, <c>10e-5</c>, <c>0xFF</c>. A sign is a <see cref="UnaryExpression"/>.
/// </summary>
/// <param name="Text">The literal as written.</param>
public sealed record NumericLiteral(string Text) : ValueExpression
{
    /// <summary>Integer, exact decimal, approximate (with exponent) or hexadecimal, from <see cref="Text"/>.</summary>
    public NumericLiteralKind Kind =>
        Text.Contains('x', StringComparison.OrdinalIgnoreCase) ? NumericLiteralKind.Hexadecimal
        : Text.Contains('e', StringComparison.OrdinalIgnoreCase) ? NumericLiteralKind.Approximate
        : Text.Contains('.', StringComparison.Ordinal) ? NumericLiteralKind.Decimal
        : NumericLiteralKind.Integer;

    /// <summary>A literal for a non-negative integer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative value (write a <see cref="UnaryExpression"/>).</exception>
    public static NumericLiteral FromInt64(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return new NumericLiteral(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A literal for a non-negative finite double, written in shortest round-trip form.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, infinite or NaN value.</exception>
    public static NumericLiteral FromDouble(double value)
    {
        if (!double.IsFinite(value) || value < 0 || double.IsNegative(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A numeric literal is unsigned and finite.");
        }
        return new NumericLiteral(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>The value of an integer or hexadecimal literal, when it fits a <see cref="long"/>.</summary>
    public bool TryGetInt64(out long value)
    {
        value = 0;
        return Kind switch
        {
            NumericLiteralKind.Integer => long.TryParse(Text, NumberStyles.None, CultureInfo.InvariantCulture, out value),
            NumericLiteralKind.Hexadecimal => long.TryParse(Text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value) && value >= 0,
            _ => false,
        };
    }

    /// <summary>The value as a double (hexadecimal literals as integers).</summary>
    public double ToDouble() => Kind == NumericLiteralKind.Hexadecimal
        ? (double)ulong.Parse(Text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
        : double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>Forms of <see cref="NumericLiteral"/>.</summary>
public enum NumericLiteralKind
{
    /// <summary>Digits only: <c>42</c>.</summary>
    Integer,

    /// <summary>Exact numeric with a period: <c>3.14</c>, <c>12.</c>, <c>.5</c>.</summary>
    Decimal,

    /// <summary>With an exponent: <c>1.2E3</c>.</summary>
    Approximate,

    /// <summary><c>0x</c> followed by hexadecimal digits (integer types only, <c>&lt;unsigned_hexadecimal&gt;</c>).</summary>
    Hexadecimal,
}

/// <summary>
/// A character string literal. <see cref="Value"/> is unescaped (<c>''</c> read as one quote) and joins the parts
/// of a literal continued over lines (<c>'qua'</c> newline <c>'tsch'</c> is <c>quatsch</c>, SQL-92 §5.3).
/// </summary>
/// <param name="Value">The characters of the string.</param>
public sealed record StringLiteral(string Value) : ValueExpression;

/// <summary><c>[qualifier.]column</c> (ADQL 2.1 <c>&lt;column_reference&gt;</c>).</summary>
/// <param name="Qualifier">Table name or alias; null when the column is not qualified.</param>
/// <param name="Name">The column name (or a select-list alias, where ORDER BY/GROUP BY allow one).</param>
public sealed record ColumnReference(TableName? Qualifier, Identifier Name) : ValueExpression;

/// <summary><c>+x</c>, <c>-x</c> or the bitwise NOT <c>~x</c> (ADQL 2.1 "Bitwise operators").</summary>
/// <param name="Operator">The prefix operator.</param>
/// <param name="Operand">Its operand.</param>
public sealed record UnaryExpression(UnaryOperator Operator, ValueExpression Operand) : ValueExpression;

/// <summary>Prefix operators.</summary>
public enum UnaryOperator
{
    /// <summary><c>+</c>.</summary>
    Plus,

    /// <summary><c>-</c>.</summary>
    Minus,

    /// <summary><c>~</c>, bitwise NOT.</summary>
    BitwiseNot,
}

/// <summary>
/// An infix operation: arithmetic (<c>+ - * /</c>), bitwise (<c>&amp; | ^</c>, ADQL 2.1 "Bitwise operators") or string
/// concatenation (<c>||</c>).
/// </summary>
/// <param name="Operator">The operator.</param>
/// <param name="Left">Left operand.</param>
/// <param name="Right">Right operand.</param>
public sealed record BinaryExpression(BinaryOperator Operator, ValueExpression Left, ValueExpression Right) : ValueExpression;

/// <summary>
/// Infix operators, from tightest to loosest binding: <c>* /</c>, <c>+ -</c>, <c>&amp;</c>, <c>^</c>, <c>|</c>,
/// <c>||</c>. All are left-associative.
/// </summary>
public enum BinaryOperator
{
    /// <summary><c>*</c>.</summary>
    Multiply,

    /// <summary><c>/</c>.</summary>
    Divide,

    /// <summary><c>+</c>.</summary>
    Add,

    /// <summary><c>-</c>.</summary>
    Subtract,

    /// <summary><c>&amp;</c>, bitwise AND.</summary>
    BitwiseAnd,

    /// <summary><c>^</c>, bitwise XOR.</summary>
    BitwiseXor,

    /// <summary><c>|</c>, bitwise OR.</summary>
    BitwiseOr,

    /// <summary><c>||</c>, string concatenation.</summary>
    Concatenate,
}

/// <summary>A subquery used as a single value, e.g. <c>x &gt; (SELECT AVG(x) FROM t)</c> (SQL-92 scalar subquery).</summary>
/// <param name="Query">The subquery; it should return one column and at most one row.</param>
public sealed record ScalarSubquery(QueryExpression Query) : ValueExpression;
