namespace VoServices.Dali;

/// <summary>
/// Base of every client-visible failure thrown by the services. The web layer maps it in one place to a DALI
/// error document (<see cref="DaliErrorDocument"/>) with the status <see cref="HttpStatus"/>; the message is shown
/// to the user, so it must say what was wrong without leaking internals.
/// </summary>
public class DaliException : Exception
{
    /// <summary>Creates an error of the given kind.</summary>
    /// <param name="kind">Decides the HTTP status and default fault label.</param>
    /// <param name="message">User-facing explanation.</param>
    public DaliException(DaliErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    /// <summary>Creates an error of the given kind wrapping the exception that caused it.</summary>
    public DaliException(DaliErrorKind kind, string message, Exception? innerException)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>The class of failure.</summary>
    public DaliErrorKind Kind { get; }

    /// <summary>The HTTP status for a DALI-sync response (see <see cref="DaliErrorKindExtensions.ToHttpStatus"/>).</summary>
    public int HttpStatus => Kind.ToHttpStatus();

    /// <summary>
    /// A text/plain label that overrides the protocol's default for <see cref="Kind"/>, e.g.
    /// <see cref="DaliFault.MultiValuedParamNotSupported"/> for SODA (SODA 1.0 §5.2); null to use the default.
    /// </summary>
    public DaliFault? Fault { get; init; }
}
