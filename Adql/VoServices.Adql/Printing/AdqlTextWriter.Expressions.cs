using System.Globalization;
using VoServices.Adql.Ast;

namespace VoServices.Adql.Printing;

internal sealed partial class AdqlTextWriter
{
    // Binding strength of value expressions, loosest first; must mirror `expression` in Adql.g4.
    private const int ValueOnly = 0;      // NULL and geometry functions: never operands without parentheses
    private const int Concatenation = 1;
    private const int BitOr = 2;
    private const int BitXor = 3;
    private const int BitAnd = 4;
    private const int Additive = 5;
    private const int Multiplicative = 6;
    private const int Prefix = 7;
    private const int Primary = 8;

    private static int Precedence(ValueExpression value) => value switch
    {
        NullLiteral or GeometryValueFunction => ValueOnly,
        BinaryExpression binary => Precedence(binary.Operator),
        UnaryExpression => Prefix,
        _ => Primary,
    };

    private static int Precedence(BinaryOperator op) => op switch
    {
        BinaryOperator.Concatenate => Concatenation,
        BinaryOperator.BitwiseOr => BitOr,
        BinaryOperator.BitwiseXor => BitXor,
        BinaryOperator.BitwiseAnd => BitAnd,
        BinaryOperator.Add or BinaryOperator.Subtract => Additive,
        _ => Multiplicative,
    };

    /// <summary>A value where the grammar accepts any value expression (select list, comparison, arguments).</summary>
    private void WriteValue(ValueExpression value)
    {
        switch (value)
        {
            case NullLiteral:
                output.Append("NULL");
                break;
            case GeometryValueFunction geometry:
                WriteGeometry(geometry);
                break;
            default:
                WriteExpression(value);
                break;
        }
    }

    /// <summary>A value that binds at least as tightly as <paramref name="minimum"/>, parenthesised otherwise.</summary>
    private void WriteOperand(ValueExpression value, int minimum)
    {
        if (Precedence(value) < minimum)
        {
            output.Append('(');
            WriteValue(value);
            output.Append(')');
        }
        else
        {
            WriteExpression(value);
        }
    }

    private void WriteExpression(ValueExpression value)
    {
        switch (value)
        {
            case NumericLiteral number:
                output.Append(number.Text);
                break;
            case StringLiteral text:
                WriteString(text);
                break;
            case ColumnReference column:
                if (column.Qualifier is { } qualifier)
                {
                    WriteTableName(qualifier);
                    output.Append('.');
                }
                output.Append(column.Name.ToAdql());
                break;
            case UnaryExpression unary:
                WriteUnary(unary);
                break;
            case BinaryExpression binary:
                WriteBinary(binary);
                break;
            default:
                WriteFunctionLike(value);
                break;
        }
    }

    private void WriteString(StringLiteral text) =>
        output.Append('\'').Append(text.Value.Replace("'", "''", StringComparison.Ordinal)).Append('\'');

    private void WriteUnary(UnaryExpression unary)
    {
        output.Append(unary.Operator switch
        {
            UnaryOperator.Plus => '+',
            UnaryOperator.Minus => '-',
            _ => '~',
        });
        if (unary.Operand is UnaryExpression)
        {
            output.Append(' '); // "- -x", never "--x", which starts a comment
        }
        WriteOperand(unary.Operand, Prefix);
    }

    private void WriteBinary(BinaryExpression binary)
    {
        var precedence = Precedence(binary.Operator);
        WriteOperand(binary.Left, precedence);
        output.Append(binary.Operator switch
        {
            BinaryOperator.Multiply => " * ",
            BinaryOperator.Divide => " / ",
            BinaryOperator.Add => " + ",
            BinaryOperator.Subtract => " - ",
            BinaryOperator.BitwiseAnd => " & ",
            BinaryOperator.BitwiseXor => " ^ ",
            BinaryOperator.BitwiseOr => " | ",
            _ => " || ",
        });
        // Left-associative: an operand of the same strength on the right keeps its parentheses.
        WriteOperand(binary.Right, precedence + 1);
    }

    private void WriteFunctionLike(ValueExpression value)
    {
        switch (value)
        {
            case FunctionCall call:
                output.Append(call.Name).Append('(');
                var numeric = TakesNumericArguments(call.Name);
                WriteList(call.Arguments, a => WriteArgument(a, numeric));
                output.Append(')');
                break;
            case UserDefinedFunctionCall udf:
                output.Append(udf.Name).Append('(');
                WriteList(udf.Arguments, WriteValue);
                output.Append(')');
                break;
            case SetFunction aggregate:
                WriteSetFunction(aggregate);
                break;
            case CastExpression cast:
                output.Append("CAST(");
                WriteValue(cast.Operand);
                output.Append(" AS ");
                WriteCastTarget(cast.Target);
                output.Append(')');
                break;
            case CoalesceExpression coalesce:
                output.Append("COALESCE(");
                WriteList(coalesce.Arguments, WriteValue);
                output.Append(')');
                break;
            case InUnitExpression inUnit:
                output.Append("IN_UNIT(");
                WriteValue(inUnit.Operand);
                output.Append(", ");
                WriteString(inUnit.Unit);
                output.Append(')');
                break;
            case SimpleCaseExpression or SearchedCaseExpression:
                WriteCase(value);
                break;
            case ScalarSubquery subquery:
                output.Append('(');
                WriteQueryExpression(subquery.Query);
                output.Append(')');
                break;
            default:
                throw new ArgumentException($"cannot print a {value.GetType().Name}", nameof(value));
        }
    }

    // The mathematical functions take <numeric_value_expression>s, where NULL and geometries need parentheses.
    private static bool TakesNumericArguments(string name) => name is not ("LOWER" or "UPPER" or "COORDSYS" or "AREA"
        or "COORD1" or "COORD2" or "CONTAINS" or "INTERSECTS" or "DISTANCE");

    private void WriteArgument(ValueExpression argument, bool numeric)
    {
        if (numeric)
        {
            WriteOperand(argument, Concatenation);
        }
        else
        {
            WriteValue(argument);
        }
    }

    private void WriteSetFunction(SetFunction aggregate)
    {
        output.Append(aggregate.Function switch
        {
            AggregateFunction.Avg => "AVG(",
            AggregateFunction.Count => "COUNT(",
            AggregateFunction.Max => "MAX(",
            AggregateFunction.Min => "MIN(",
            _ => "SUM(",
        });
        output.Append(aggregate.Quantifier switch
        {
            SetQuantifier.Distinct => "DISTINCT ",
            SetQuantifier.All => "ALL ",
            _ => "",
        });
        if (aggregate.Argument is { } argument)
        {
            WriteValue(argument);
        }
        else
        {
            output.Append('*');
        }
        output.Append(')');
    }

    private void WriteCastTarget(CastTarget target)
    {
        output.Append(target.Type switch
        {
            CastType.SmallInt => "SMALLINT",
            CastType.Integer => "INTEGER",
            CastType.BigInt => "BIGINT",
            CastType.Real => "REAL",
            CastType.DoublePrecision => "DOUBLE PRECISION",
            CastType.Char => "CHAR",
            CastType.VarChar => "VARCHAR",
            CastType.Timestamp => "TIMESTAMP",
            CastType.Point => "POINT",
            CastType.Circle => "CIRCLE",
            _ => "POLYGON",
        });
        if (target.Length is { } length)
        {
            output.Append('(').Append(length.ToString(CultureInfo.InvariantCulture)).Append(')');
        }
    }

    private void WriteGeometry(GeometryValueFunction geometry)
    {
        output.Append(geometry.Function switch
        {
            GeometryFunction.Point => "POINT(",
            GeometryFunction.Circle => "CIRCLE(",
            GeometryFunction.Box => "BOX(",
            GeometryFunction.Polygon => "POLYGON(",
            GeometryFunction.Region => "REGION(",
            _ => "CENTROID(",
        });
        if (geometry.CoordinateSystem is { } coordinateSystem)
        {
            WriteValue(coordinateSystem);
            output.Append(", ");
        }
        WriteList(geometry.Arguments, WriteValue);
        output.Append(')');
    }

    private void WriteCase(ValueExpression value)
    {
        output.Append("CASE");
        ValueExpression? otherwise;
        if (value is SimpleCaseExpression simple)
        {
            output.Append(' ');
            WriteValue(simple.Operand);
            foreach (var when in simple.Whens)
            {
                output.Append(' ');
                WriteWhen(when);
            }
            otherwise = simple.Else;
        }
        else
        {
            var searched = (SearchedCaseExpression)value;
            foreach (var when in searched.Whens)
            {
                output.Append(' ');
                WriteWhen(when);
            }
            otherwise = searched.Else;
        }
        if (otherwise is not null)
        {
            output.Append(" ELSE ");
            WriteValue(otherwise);
        }
        output.Append(" END");
    }

    private void WriteWhen(SimpleCaseWhen when)
    {
        output.Append("WHEN ");
        WriteValue(when.When);
        output.Append(" THEN ");
        WriteValue(when.Then);
    }

    private void WriteWhen(SearchedCaseWhen when)
    {
        output.Append("WHEN ");
        WriteCondition(when.When, 0);
        output.Append(" THEN ");
        WriteValue(when.Then);
    }
}
