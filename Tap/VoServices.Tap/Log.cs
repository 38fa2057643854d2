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
}
