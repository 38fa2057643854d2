namespace VoServices.Dali;

/// <summary>
/// A request parameter is missing, duplicated or malformed (DALI 1.1 §4). Always
/// <see cref="DaliErrorKind.UsageError"/> (HTTP 400).
/// </summary>
public sealed class DaliParameterException : DaliException
{
    /// <summary>Creates the error for parameter <paramref name="parameterName"/>.</summary>
    /// <param name="parameterName">Name of the offending parameter as the service spells it (e.g. "MAXREC").</param>
    /// <param name="message">User-facing explanation; by convention it starts with the parameter name.</param>
    public DaliParameterException(string parameterName, string message)
        : this(parameterName, message, null)
    {
    }

    /// <summary>Creates the error for parameter <paramref name="parameterName"/> wrapping its cause.</summary>
    public DaliParameterException(string parameterName, string message, Exception? innerException)
        : base(DaliErrorKind.UsageError, message, innerException)
    {
        ParameterName = parameterName;
    }

    /// <summary>Name of the offending parameter.</summary>
    public string ParameterName { get; }
}
