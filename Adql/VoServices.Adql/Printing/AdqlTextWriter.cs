using System.Runtime.CompilerServices;
using System.Text;
using VoServices.Adql.Ast;

namespace VoServices.Adql.Printing;

/// <summary>Appends canonical ADQL for AST nodes to a buffer (see <see cref="AdqlPrinter"/>).</summary>
internal sealed partial class AdqlTextWriter
{
    private readonly StringBuilder output = new();

    public override string ToString() => output.ToString();

    public void Write(AdqlNode node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (node)
        {
            case Query query:
                WriteQuery(query);
                break;
            case QueryExpression expression:
                WriteQueryExpression(expression);
                break;
            case CommonTableExpression cte:
                WriteCommonTableExpression(cte);
                break;
            case SelectItem item:
                WriteSelectItem(item);
                break;
            case TableReference table:
                WriteTableReference(table);
                break;
            case TableName name:
                WriteTableName(name);
                break;
            case JoinCondition condition:
                WriteJoinCondition(condition);
                break;
            case SortSpecification sort:
                WriteSortSpecification(sort);
                break;
            case SearchCondition condition:
                WriteCondition(condition, 0);
                break;
            case ValueExpression value:
                WriteValue(value);
                break;
            case Identifier identifier:
                output.Append(identifier.ToAdql());
                break;
            case SimpleCaseWhen simpleWhen:
                WriteWhen(simpleWhen);
                break;
            case SearchedCaseWhen searchedWhen:
                WriteWhen(searchedWhen);
                break;
            default:
                throw new ArgumentException($"cannot print a {node.GetType().Name}", nameof(node));
        }
    }

    private void WriteList<T>(EquatableArray<T> items, Action<T> write, string separator = ", ")
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                output.Append(separator);
            }
            write(items[i]);
        }
    }
}
