using Microsoft.Extensions.Logging;

namespace VoServices.Tap;

/// <summary>High-performance log messages of the TAP service; event ids 1000-1099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Error,
        Message = "TAP_SCHEMA could not be read from the backend for {Path}; answered 503")]
    public static partial void SchemaUnavailable(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error,
        Message = "TAP_SCHEMA cannot be published as VOSI tables for {Path}; answered 500")]
    public static partial void SchemaInvalid(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "Availability probe failed; reporting available=false")]
    public static partial void ProbeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error,
        Message = "No {Port} is registered; the TAP backend has not been composed (call the store's AddX in Program.cs)")]
    public static partial void BackendMissing(ILogger logger, string port);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = "Backend call timed out after {Timeout} for {Path}")]
    public static partial void BackendTimeout(ILogger logger, TimeSpan timeout, string path);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug,
        Message = "TAP query {RunId} started after {ElapsedMs} ms: {Sql}")]
    public static partial void QueryStarted(ILogger logger, string runId, long elapsedMs, string sql);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information,
        Message = "TAP query {RunId} wrote {Rows} rows, status {Status}, in {ElapsedMs} ms")]
    public static partial void QueryCompleted(ILogger logger, string runId, long rows, string status, long elapsedMs);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Error,
        Message = "TAP query {RunId} failed: {Reason}")]
    public static partial void QueryFailed(ILogger logger, string runId, string reason, Exception exception);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Information,
        Message = "TAP request rejected with HTTP {Status}: {Reason}")]
    public static partial void QueryRejected(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Warning,
        Message = "TAP {Format} result could not be completed after output began; connection aborted")]
    public static partial void ResponseAborted(ILogger logger, string format, Exception exception);
}
