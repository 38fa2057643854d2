using System.Globalization;
using VoServices.Dali;

namespace VoServices.Tap.Query;

/// <summary>
/// The query ran longer than its time limit (the session's <see cref="QuerySessionOptions.Timeout"/>) and was stopped.
/// HTTP 500 (<see cref="DaliErrorKind.FatalFault"/>): retrying the same request will fail again; the message suggests
/// /async, whose limit is the job's execution duration.
/// </summary>
public sealed class QueryTimeoutException : DaliException
{
    /// <summary>Creates the error for a limit of <paramref name="limit"/>.</summary>
    public QueryTimeoutException(TimeSpan limit, Exception? innerException = null)
        : base(DaliErrorKind.FatalFault,
            $"the query did not finish within the time limit of {Seconds(limit)} s; narrow it (TOP, a smaller region) " +
            "or run it through /async, whose limit is the job's execution duration", innerException)
    {
        Limit = limit;
    }

    /// <summary>The limit that was reached.</summary>
    public TimeSpan Limit { get; }

    private static string Seconds(TimeSpan limit) =>
        Math.Round(limit.TotalSeconds, 1).ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The database failed while running a query. <see cref="DaliErrorKind.UsageError"/> (400) when the query's own values
/// caused it (division by zero, an invalid geometry built from column values), with the database's reason;
/// <see cref="DaliErrorKind.TransientFault"/> (503) when the database is unreachable or overloaded, and
/// <see cref="DaliErrorKind.FatalFault"/> (500) otherwise, both with a generic message (details go to the log only).
/// </summary>
public sealed class QueryBackendException : DaliException
{
    /// <summary>Creates the error.</summary>
    public QueryBackendException(DaliErrorKind kind, string message, Exception? innerException)
        : base(kind, message, innerException)
    {
    }

    /// <summary>A 503 for an unreachable or overloaded database.</summary>
    public static QueryBackendException Unavailable(Exception cause) =>
        new(DaliErrorKind.TransientFault, "the catalogue database is temporarily unavailable; try again later", cause);

    /// <summary>A 400 naming what the database found wrong with the query's values.</summary>
    public static QueryBackendException InvalidValues(string reason, Exception cause) =>
        new(DaliErrorKind.UsageError, "the query failed on the data: " + reason, cause);

    /// <summary>A 500 for anything else (a translation the database rejected, an internal failure).</summary>
    public static QueryBackendException Failed(Exception cause) =>
        new(DaliErrorKind.FatalFault, "the query could not be executed because of an internal error of the service", cause);
}

/// <summary>
/// The one place where failures of the TAP query pipeline become DALI errors (architecture.md §4): typed errors keep
/// their kind and message (ADQL syntax and semantics 400 with position and suggestions, uploads 400/413, timeouts,
/// database failures); anything else is a 500 with a generic message, never a stack trace or a path.
/// </summary>
public static class TapErrors
{
    /// <summary>The DALI error for <paramref name="error"/>.</summary>
    public static DaliException ToDali(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            DaliException dali => dali,
            TimeoutException => new DaliException(DaliErrorKind.TransientFault,
                "the catalogue database did not answer in time; try again later", error),
            _ => QueryBackendException.Failed(error),
        };
    }

    /// <summary>True when <paramref name="error"/> is the service's fault (HTTP 5xx): such errors are logged with their cause.</summary>
    public static bool IsServerFault(DaliException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.HttpStatus >= 500;
    }
}
