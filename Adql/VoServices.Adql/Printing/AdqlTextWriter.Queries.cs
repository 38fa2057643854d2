using System.Globalization;
using VoServices.Adql.Ast;

namespace VoServices.Adql.Printing;

internal sealed partial class AdqlTextWriter
{
    private void WriteQuery(Query query)
    {
        if (!query.With.IsEmpty)
        {
            output.Append("WITH ");
            WriteList(query.With, WriteCommonTableExpression);
            output.Append(' ');
        }
        WriteQueryExpression(query.Body);
    }

    private void WriteCommonTableExpression(CommonTableExpression cte)
    {
        output.Append(cte.Name.ToAdql()).Append(" AS (");
        WriteQueryExpression(cte.Definition);
        output.Append(')');
    }

    private void WriteQueryExpression(QueryExpression query)
    {
        switch (query)
        {
            case SelectStatement select:
                WriteSelect(select);
                break;
            case SetOperation set:
                WriteSetOperand(set.Left, ParenthesizeLeft(set));
                output.Append(set.Operator switch
                {
                    SetOperator.Union => " UNION ",
                    SetOperator.Except => " EXCEPT ",
                    _ => " INTERSECT ",
                });
                if (set.All)
                {
                    output.Append("ALL ");
                }
                WriteSetOperand(set.Right, ParenthesizeRight(set));
                break;
            case ParenthesizedQuery parenthesized:
                output.Append('(');
                WriteQueryExpression(parenthesized.Inner);
                output.Append(')');
                break;
            default:
                throw new ArgumentException($"cannot print a {query.GetType().Name}", nameof(query));
        }
        WriteOrderByAndOffset(query);
    }

    // INTERSECT binds more tightly than UNION and EXCEPT; all are left-associative (ADQL 2.1 "Set operators").
    private static int Precedence(SetOperator op) => op == SetOperator.Intersect ? 2 : 1;

    private static bool ParenthesizeLeft(SetOperation set) =>
        set.Left.HasOrderByOrOffset || (set.Left is SetOperation left && Precedence(left.Operator) < Precedence(set.Operator));

    private static bool ParenthesizeRight(SetOperation set) =>
        set.Right.HasOrderByOrOffset || (set.Right is SetOperation right && Precedence(right.Operator) <= Precedence(set.Operator));

    private void WriteSetOperand(QueryExpression operand, bool parenthesize)
    {
        if (parenthesize)
        {
            output.Append('(');
        }
        WriteQueryExpression(operand);
        if (parenthesize)
        {
            output.Append(')');
        }
    }

    private void WriteOrderByAndOffset(QueryExpression query)
    {
        if (!query.OrderBy.IsEmpty)
        {
            output.Append(" ORDER BY ");
            WriteList(query.OrderBy, WriteSortSpecification);
        }
        if (query.Offset is { } offset)
        {
            output.Append(" OFFSET ").Append(offset.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void WriteSortSpecification(SortSpecification sort)
    {
        WriteValue(sort.Key);
        output.Append(sort.Direction switch
        {
            SortDirection.Ascending => " ASC",
            SortDirection.Descending => " DESC",
            _ => "",
        });
    }

    private void WriteSelect(SelectStatement select)
    {
        output.Append("SELECT ");
        output.Append(select.Quantifier switch
        {
            SetQuantifier.Distinct => "DISTINCT ",
            SetQuantifier.All => "ALL ",
            _ => "",
        });
        if (select.Top is { } top)
        {
            output.Append("TOP ").Append(top.ToString(CultureInfo.InvariantCulture)).Append(' ');
        }
        WriteList(select.Columns, WriteSelectItem);
        output.Append(" FROM ");
        WriteList(select.From, WriteTableReference);
        if (select.Where is { } where)
        {
            output.Append(" WHERE ");
            WriteCondition(where, 0);
        }
        if (!select.GroupBy.IsEmpty)
        {
            output.Append(" GROUP BY ");
            WriteList(select.GroupBy, WriteValue);
        }
        if (select.Having is { } having)
        {
            output.Append(" HAVING ");
            WriteCondition(having, 0);
        }
    }

    private void WriteSelectItem(SelectItem item)
    {
        switch (item)
        {
            case AllColumns:
                output.Append('*');
                break;
            case QualifiedAllColumns qualified:
                WriteTableName(qualified.Qualifier);
                output.Append(".*");
                break;
            case DerivedColumn column:
                WriteValue(column.Expression);
                if (column.Alias is { } alias)
                {
                    output.Append(" AS ").Append(alias.ToAdql());
                }
                break;
            default:
                throw new ArgumentException($"cannot print a {item.GetType().Name}", nameof(item));
        }
    }

    private void WriteTableName(TableName name)
    {
        if (name.Catalog is { } catalog)
        {
            output.Append(catalog.ToAdql()).Append('.');
        }
        if (name.Schema is { } schema)
        {
            output.Append(schema.ToAdql()).Append('.');
        }
        output.Append(name.Name.ToAdql());
    }

    private void WriteTableReference(TableReference table)
    {
        switch (table)
        {
            case NamedTable named:
                WriteTableName(named.Name);
                if (named.Alias is { } alias)
                {
                    output.Append(" AS ").Append(alias.ToAdql());
                }
                break;
            case DerivedTable derived:
                output.Append('(');
                WriteQueryExpression(derived.Query);
                output.Append(") AS ").Append(derived.Alias.ToAdql());
                break;
            case JoinedTable join:
                WriteJoin(join);
                break;
            default:
                throw new ArgumentException($"cannot print a {table.GetType().Name}", nameof(table));
        }
    }

    private void WriteJoin(JoinedTable join)
    {
        WriteTableReference(join.Left);
        output.Append(join.Natural ? " NATURAL " : " ");
        output.Append(join.Kind switch
        {
            JoinKind.LeftOuter => "LEFT OUTER JOIN ",
            JoinKind.RightOuter => "RIGHT OUTER JOIN ",
            JoinKind.FullOuter => "FULL OUTER JOIN ",
            JoinKind.Cross => "CROSS JOIN ",
            _ => "JOIN ",
        });
        // Joins are left-associative: a join on the right needs parentheses.
        var parenthesize = join.Right is JoinedTable;
        if (parenthesize)
        {
            output.Append('(');
        }
        WriteTableReference(join.Right);
        if (parenthesize)
        {
            output.Append(')');
        }
        if (join.Condition is { } condition)
        {
            output.Append(' ');
            WriteJoinCondition(condition);
        }
    }

    private void WriteJoinCondition(JoinCondition condition)
    {
        switch (condition)
        {
            case JoinOn on:
                output.Append("ON ");
                WriteCondition(on.Condition, 0);
                break;
            case JoinUsing usingColumns:
                output.Append("USING (");
                WriteList(usingColumns.Columns, c => output.Append(c.ToAdql()));
                output.Append(')');
                break;
            default:
                throw new ArgumentException($"cannot print a {condition.GetType().Name}", nameof(condition));
        }
    }
}
