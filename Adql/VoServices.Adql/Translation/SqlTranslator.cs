using VoServices.Adql.Semantics;

namespace VoServices.Adql.Translation;

/// <summary>
/// Stage of the TAP pipeline after the schema resolver (architecture.md §4): a resolved ADQL query → one SQL SELECT for
/// a backend described by an <see cref="ISqlDialect"/>. The SQL reaches only tables and columns of the resolved query
/// (TAP_SCHEMA and uploads), quoted by the dialect from their TAP_SCHEMA names; correlation and output names are
/// generated (<c>t1</c>, <c>c1</c>, <c>w1</c>, <c>s1</c>); strings are parameters; numbers are re-formatted with the
/// invariant culture; the text is checked to hold one statement and no comment. Stateless and thread-safe.
/// </summary>
public sealed class SqlTranslator
{
    private readonly ISqlDialect dialect;

    /// <summary>Creates a translator for one backend.</summary>
    public SqlTranslator(ISqlDialect dialect)
    {
        this.dialect = dialect ?? throw new ArgumentNullException(nameof(dialect));
    }

    /// <summary>Translates a resolved query without a row limit beyond its own TOP.</summary>
    /// <exception cref="AdqlTranslationException">The query cannot be translated faithfully (see <see cref="TranslationErrorCode"/>).</exception>
    public SqlStatement Translate(ResolvedQuery resolved) => Translate(resolved, null);

    /// <summary>
    /// Translates a resolved query, keeping at most <paramref name="rowLimit"/> result rows on top of the query's TOP
    /// (TAP asks for min(TOP, MAXREC + 1) rows to detect overflow, TAP 1.1 §2.7.4).
    /// </summary>
    /// <param name="resolved">The output of the schema resolver.</param>
    /// <param name="rowLimit">Maximum number of rows, ≥ 0; null for none.</param>
    /// <returns>The SQL and its parameters; result columns in the order of <see cref="ResolvedQuery.Columns"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="resolved"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowLimit"/> is negative.</exception>
    /// <exception cref="AdqlTranslationException">The query cannot be translated faithfully (see <see cref="TranslationErrorCode"/>).</exception>
    public SqlStatement Translate(ResolvedQuery resolved, long? rowLimit)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        if (rowLimit < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rowLimit), rowLimit, "The row limit must be at least 0.");
        }
        try
        {
            return new TranslationSession(dialect, resolved).Translate(rowLimit);
        }
        catch (InsufficientExecutionStackException)
        {
            // The parser bounds the tree depth; this only guards trees built in code.
            throw new AdqlTranslationException(AdqlErrorCode.NestingTooDeep, "the query is nested too deeply to be translated");
        }
    }
}
