using VoServices.Dali;

namespace VoServices.Adql;

/// <summary>
/// Base of the errors found in an ADQL query. It is a <see cref="DaliException"/>, so the web layer turns it into
/// a DALI error document; <see cref="Code"/> is one of <see cref="AdqlErrorCode"/>.
/// </summary>
public abstract class AdqlException : DaliException
{
    /// <summary>Creates an error.</summary>
    /// <param name="kind">HTTP class of the failure; <see cref="DaliErrorKind.UsageError"/> for a bad query.</param>
    /// <param name="code">Stable error code (<see cref="AdqlErrorCode"/>).</param>
    /// <param name="message">User-facing message, starting with the code.</param>
    protected AdqlException(DaliErrorKind kind, string code, string message)
        : base(kind, message)
    {
        Code = code;
    }

    /// <summary>Stable error code, e.g. <c>ADQL0001</c>.</summary>
    public string Code { get; }
}
