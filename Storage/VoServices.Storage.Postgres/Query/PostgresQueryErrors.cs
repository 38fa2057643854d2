using Npgsql;
using VoServices.Tap.Query;

namespace VoServices.Storage.Postgres.Query;

/// <summary>Maps PostgreSQL errors (SQLSTATE, PostgreSQL 15 Appendix A) to the TAP query errors.</summary>
internal static class PostgresQueryErrors
{
    /// <summary>query_canceled: raised by statement_timeout (and by cancel requests).</summary>
    public const string QueryCanceled = "57014";

    public static Exception Map(NpgsqlException e, TimeSpan timeout, CancellationToken caller)
    {
        if (caller.IsCancellationRequested)
        {
            return new OperationCanceledException("the query was cancelled", e, caller);
        }
        if (e is not PostgresException pg)
        {
            return QueryBackendException.Unavailable(e);
        }
        return pg.SqlState switch
        {
            QueryCanceled => new QueryTimeoutException(timeout, e),
            // Class 22, data exception: division by zero, out-of-range values, invalid input (e.g. a pg_sphere
            // literal built from column values): the query's values are at fault.
            _ when pg.SqlState.StartsWith("22", StringComparison.Ordinal) => QueryBackendException.InvalidValues(pg.MessageText, e),
            // Connection failures, insufficient resources, operator intervention (shutdown).
            _ when pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
                || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) => QueryBackendException.Unavailable(e),
            _ => QueryBackendException.Failed(e),
        };
    }
}
