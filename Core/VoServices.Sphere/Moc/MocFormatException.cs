namespace VoServices.Sphere.Moc;

/// <summary>
/// A MOC serialisation (ASCII or FITS, MOC 2.0 §4.3 and §6) is malformed: a bad token, an order outside 0..29, a cell index
/// outside the order's 12·4^order cells, a missing or wrong FITS keyword, or an unsupported MOC type (time MOCs).
/// </summary>
public sealed class MocFormatException : FormatException
{
    /// <summary>Creates the exception with a message that says what and where.</summary>
    public MocFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying failure.</summary>
    public MocFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
