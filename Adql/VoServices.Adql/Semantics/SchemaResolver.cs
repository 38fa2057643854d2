using VoServices.Adql.Ast;
using VoServices.Adql.Functions;

namespace VoServices.Adql.Semantics;

/// <summary>
/// The semantic stage of the TAP pipeline (architecture.md §4): resolves every table and column of a parsed query
/// against the schema (TAP_SCHEMA plus this request's uploads), checks types, aggregates and functions against the
/// function catalogue, and infers the metadata of every result column (TAP 1.1 §2.9, standards.md §17 item 3).
/// Stateless and thread-safe.
/// </summary>
/// <remarks>
/// <para>Names follow ADQL 2.1 "Case sensitivity": regular identifiers match case-insensitively, two delimited ones
/// exactly; TAP_SCHEMA names that need quotes are stored with them (<c>"size"</c>). An unqualified table name may be
/// used when exactly one schema has it; common tables are visible to the common tables after them and to the main
/// query, and shadow catalogue tables of the same unqualified name.</para>
/// <para>Result column names: a column reference gives the column's name (without TAP_SCHEMA quotes), an alias gives
/// the alias as written; other expressions get a generated name that is a valid regular identifier —
/// <c>count_all</c> for COUNT(*), <c>avg_ra</c> for an aggregate or function of a column, the function name for a
/// user-defined function, the operand's name for CAST and IN_UNIT, otherwise <c>col</c>n with n the 1-based
/// position. Names that repeat one already used get <c>_2</c>, <c>_3</c>...: <c>SELECT a.ra, b.ra</c> gives <c>ra</c>,
/// <c>ra_2</c>. The FIELD names of the result (<see cref="ResolvedQuery.Columns"/>) are compared case-insensitively
/// (<c>SELECT u, "U"</c> gives <c>u</c>, <c>U_2</c>), since clients often look them up so; inside the query (a derived
/// table's or common table's columns, ORDER BY, <see cref="ResolvedQuery.ColumnsOf"/>) names keep their case as ADQL
/// 2.1 §2.1.3 compares them, so <c>x."U"</c> denotes the column named exactly <c>U</c>. A set operation takes names
/// and metadata from its left operand and the common datatype of both.</para>
/// <para>Types follow SQL as PostgreSQL applies it (integers widen and stay integers, integer division included;
/// REAL only with REAL, otherwise DOUBLE); the NULL literal is <c>char *</c>; units survive +, -, MIN, MAX, AVG, SUM,
/// ABS, ROUND, CAST between numbers and functions declared with a unit (DISTANCE → deg, AREA → deg2, ...).</para>
/// </remarks>
public static class SchemaResolver
{
    /// <summary>Resolves a query.</summary>
    /// <param name="query">The parsed query (<see cref="AdqlParser.Parse(string)"/>).</param>
    /// <param name="schema">The reachable tables.</param>
    /// <param name="functions">The supported functions and features; <see cref="FunctionCatalog.Default"/> when null.</param>
    /// <returns>The query with its table and column bindings, expression types and result columns.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> or <paramref name="schema"/> is null.</exception>
    /// <exception cref="AdqlSemanticException">
    /// An unknown or ambiguous name, a type error, a misused aggregate, an undeclared function or unsupported feature,
    /// a bad ORDER BY position or mismatched set operands; with a stable code (ADQL0101–ADQL0111), the position and
    /// "did you mean" suggestions.
    /// </exception>
    public static ResolvedQuery Resolve(Query query, IAdqlSchema schema, FunctionCatalog? functions = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(schema);
        try
        {
            return new QueryResolver(schema, functions ?? FunctionCatalog.Default).Resolve(query);
        }
        catch (InsufficientExecutionStackException)
        {
            // The parser bounds the tree depth (AdqlParserOptions.MaxExpressionDepth); trees built in code are not.
            throw new AdqlSyntaxException(AdqlErrorCode.NestingTooDeep, 1, 1, 0, "the query is nested too deeply to be analysed");
        }
    }
}
