using Microsoft.Data.Sqlite;
using VoServices.Tap.Query;

namespace VoServices.Storage.Sqlite.Query;

/// <summary>Maps SQLite result codes (https://sqlite.org/rescode.html) to the TAP query errors.</summary>
internal static class SqliteQueryErrors
{
    public const int Interrupt = 9;

    /// <summary>The TAP error for a failure of a session's statement.</summary>
    public static QueryBackendException Map(SqliteException e) => e.SqliteErrorCode switch
    {
        // BUSY, LOCKED, NOMEM, IOERR, CORRUPT, FULL, CANTOPEN, PROTOCOL, NOTADB: the database, not the query.
        5 or 6 or 7 or 10 or 11 or 13 or 14 or 15 or 26 => QueryBackendException.Unavailable(e),
        // SQLITE_ERROR raised by an ADQL function (invalid geometry from column values): the query's values.
        1 when !IsTranslationFault(e.Message) => QueryBackendException.InvalidValues(Reason(e.Message), e),
        _ => QueryBackendException.Failed(e),
    };

    /// <summary>Errors that mean the generated SQL is wrong: a bug of the service, not of the query.</summary>
    private static bool IsTranslationFault(string message) =>
        message.Contains("no such", StringComparison.OrdinalIgnoreCase)
        || message.Contains("syntax error", StringComparison.OrdinalIgnoreCase)
        || message.Contains("ambiguous", StringComparison.OrdinalIgnoreCase)
        || message.Contains("readonly", StringComparison.OrdinalIgnoreCase)
        || message.Contains("wrong number of arguments", StringComparison.OrdinalIgnoreCase);

    /// <summary>"SQLite Error 1: 'invalid polygon …'." → "invalid polygon …".</summary>
    private static string Reason(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = message.LastIndexOf('\'');
        return start >= 0 && end > start ? message[(start + 1)..end] : message;
    }
}
