namespace VoServices.Dali;

/// <summary>
/// The class of a client-visible failure. It decides the HTTP status of a DALI-sync error response
/// (DALI 1.1 §5.2: 4xx for a problem with the request, 5xx when a valid request could not be completed) and the
/// default fault label of a text/plain error document (see <see cref="DaliErrorKindExtensions"/>).
/// </summary>
public enum DaliErrorKind
{
    /// <summary>The request is invalid (bad or duplicated parameter, bad syntax): HTTP 400.</summary>
    UsageError,

    /// <summary>The job, result, dataset or identifier does not exist: HTTP 404.</summary>
    NotFound,

    /// <summary>The caller may not access the resource: HTTP 403.</summary>
    Forbidden,

    /// <summary>The request or upload exceeds a service limit: HTTP 413.</summary>
    TooLarge,

    /// <summary>A temporary failure (database down, overload); retrying later may succeed: HTTP 503.</summary>
    TransientFault,

    /// <summary>The service failed to complete a valid request: HTTP 500.</summary>
    FatalFault,
}
