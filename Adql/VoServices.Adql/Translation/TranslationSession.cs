using System.Globalization;
using System.Text;
using VoServices.Adql.Ast;
using VoServices.Adql.Semantics;

namespace VoServices.Adql.Translation;

/// <summary>
/// The state of one translation: parameters, generated names, common table expressions in scope. The partial files hold
/// queries (<c>.Queries</c>), FROM and name lookup (<c>.From</c>), value expressions (<c>.Expressions</c>), conditions
/// (<c>.Conditions</c>) and geometry (<c>.Geometry</c>).
/// </summary>
internal sealed partial class TranslationSession
{
    private readonly ISqlDialect dialect;
    private readonly ResolvedQuery resolved;
    private readonly List<SqlParameter> parameters = [];
    private readonly Dictionary<string, SqlParameter> parametersByValue = new(StringComparer.Ordinal);
    private readonly List<CteDefinition> ctes = [];
    private int correlationCounter;
    private int subqueryCounter;

    public TranslationSession(ISqlDialect dialect, ResolvedQuery resolved)
    {
        this.dialect = dialect;
        this.resolved = resolved;
    }

    public SqlStatement Translate(long? rowLimit)
    {
        var query = resolved.Query;
        var sql = new StringBuilder();
        if (!query.With.IsEmpty)
        {
            sql.Append("WITH ");
            for (var i = 0; i < query.With.Count; i++)
            {
                var cte = query.With[i];
                var name = "w" + (i + 1).ToString(CultureInfo.InvariantCulture);
                var body = QueryExpression(cte.Definition, null, null);
                sql.Append(i == 0 ? "" : ", ").Append(dialect.QuoteIdentifier(name)).Append(" AS (").Append(body.Sql).Append(')');
                ctes.Add(new CteDefinition(cte, name, body.Outputs));
            }
            sql.Append(' ');
        }
        sql.Append(QueryExpression(query.Body, null, rowLimit).Sql);
        var text = sql.ToString();
        SqlTextGuard.Check(text);
        return new SqlStatement(text, parameters.ToArray());
    }

    /// <summary>A string value as a parameter (equal strings share one, so GROUP BY and DISTINCT see equal expressions).</summary>
    private SqlExpression StringParameter(string value, AdqlNode node)
    {
        CheckString(value, node);
        if (!parametersByValue.TryGetValue(value, out var parameter))
        {
            var ordinal = parameters.Count + 1;
            parameter = new SqlParameter(dialect.Parameter(ordinal), ordinal, value);
            parameters.Add(parameter);
            parametersByValue.Add(value, parameter);
        }
        return new SqlExpression(parameter.Name, SqlValueKind.String);
    }

    private static void CheckString(string value, AdqlNode node)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                throw new AdqlTranslationException(TranslationErrorCode.InvalidString,
                    "a string literal cannot contain the NUL character (U+0000)", node);
            }
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new AdqlTranslationException(TranslationErrorCode.InvalidString,
                    "a string literal contains an unpaired UTF-16 surrogate", node);
            }
        }
    }

    private string NextCorrelation() => "t" + (++correlationCounter).ToString(CultureInfo.InvariantCulture);

    private string NextSubquery() => "s" + (++subqueryCounter).ToString(CultureInfo.InvariantCulture);

    private static string OutputName(int index) => "c" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static AdqlTranslationException Unresolved(string what, AdqlNode node) =>
        new(TranslationErrorCode.UnresolvedReference, what, node);

    private static AdqlTranslationException Unsupported(string what, AdqlNode? node) =>
        new(TranslationErrorCode.Unsupported, what, node);
}
