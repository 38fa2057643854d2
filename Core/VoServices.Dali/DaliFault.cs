namespace VoServices.Dali;

/// <summary>
/// The standard labels that begin a text/plain error document or a DataLink <c>error_message</c> cell
/// (<c>Label: detail</c>). DataLink 1.1 §3.4 defines the <c>*Fault</c> labels; SODA 1.0 §5.2 defines the
/// <c>*Error</c> labels, <see cref="ServiceUnavailable"/> and <see cref="MultiValuedParamNotSupported"/>.
/// The label text is exactly the member name (see <see cref="DaliErrorKindExtensions.Label"/>).
/// </summary>
public enum DaliFault
{
    /// <summary>DataLink: the identifier is unknown.</summary>
    NotFoundFault,

    /// <summary>DataLink: the request is invalid.</summary>
    UsageFault,

    /// <summary>DataLink: a temporary failure.</summary>
    TransientFault,

    /// <summary>DataLink: a permanent failure of the service.</summary>
    FatalFault,

    /// <summary>DataLink: any other failure.</summary>
    DefaultFault,

    /// <summary>SODA: the request is invalid.</summary>
    UsageError,

    /// <summary>SODA: a general error not covered by another label.</summary>
    Error,

    /// <summary>SODA: authentication is required or failed.</summary>
    AuthenticationError,

    /// <summary>SODA: the caller is not allowed to access the data.</summary>
    AuthorizationError,

    /// <summary>SODA: the service is temporarily unavailable.</summary>
    ServiceUnavailable,

    /// <summary>SODA: a single-valued parameter was given more than once.</summary>
    MultiValuedParamNotSupported,
}
