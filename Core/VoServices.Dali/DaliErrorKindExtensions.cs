namespace VoServices.Dali;

/// <summary>Maps a <see cref="DaliErrorKind"/> to an HTTP status and to the fault labels of DataLink and SODA.</summary>
public static class DaliErrorKindExtensions
{
    /// <summary>
    /// The HTTP status of a DALI-sync error response (DALI 1.1 §5.2). Async job errors are served from
    /// <c>{job}/error</c> with 200 whatever the kind; that rule belongs to the UWS layer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined member.</exception>
    public static int ToHttpStatus(this DaliErrorKind kind) => kind switch
    {
        DaliErrorKind.UsageError => 400,
        DaliErrorKind.NotFound => 404,
        DaliErrorKind.Forbidden => 403,
        DaliErrorKind.TooLarge => 413,
        DaliErrorKind.TransientFault => 503,
        DaliErrorKind.FatalFault => 500,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown DaliErrorKind"),
    };

    /// <summary>The DataLink 1.1 §3.4 fault label for an error of this kind.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined member.</exception>
    public static DaliFault ToDatalinkFault(this DaliErrorKind kind) => kind switch
    {
        DaliErrorKind.UsageError => DaliFault.UsageFault,
        DaliErrorKind.NotFound => DaliFault.NotFoundFault,
        DaliErrorKind.Forbidden => DaliFault.DefaultFault,
        DaliErrorKind.TooLarge => DaliFault.UsageFault,
        DaliErrorKind.TransientFault => DaliFault.TransientFault,
        DaliErrorKind.FatalFault => DaliFault.FatalFault,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown DaliErrorKind"),
    };

    /// <summary>
    /// The SODA 1.0 §5.2 error label for an error of this kind. SODA has no not-found label, so
    /// <see cref="DaliErrorKind.NotFound"/> maps to the general <see cref="DaliFault.Error"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined member.</exception>
    public static DaliFault ToSodaFault(this DaliErrorKind kind) => kind switch
    {
        DaliErrorKind.UsageError => DaliFault.UsageError,
        DaliErrorKind.NotFound => DaliFault.Error,
        DaliErrorKind.Forbidden => DaliFault.AuthorizationError,
        DaliErrorKind.TooLarge => DaliFault.UsageError,
        DaliErrorKind.TransientFault => DaliFault.ServiceUnavailable,
        DaliErrorKind.FatalFault => DaliFault.Error,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown DaliErrorKind"),
    };

    /// <summary>The exact label text written before the colon, e.g. <c>"UsageFault"</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined member.</exception>
    public static string Label(this DaliFault fault) => fault switch
    {
        DaliFault.NotFoundFault => "NotFoundFault",
        DaliFault.UsageFault => "UsageFault",
        DaliFault.TransientFault => "TransientFault",
        DaliFault.FatalFault => "FatalFault",
        DaliFault.DefaultFault => "DefaultFault",
        DaliFault.UsageError => "UsageError",
        DaliFault.Error => "Error",
        DaliFault.AuthenticationError => "AuthenticationError",
        DaliFault.AuthorizationError => "AuthorizationError",
        DaliFault.ServiceUnavailable => "ServiceUnavailable",
        DaliFault.MultiValuedParamNotSupported => "MultiValuedParamNotSupported",
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "unknown DaliFault"),
    };
}
