namespace VoServices.Dali;

/// <summary>
/// A literal does not follow its DALI 1.1 §3 serialisation or is out of range (e.g. latitude 91 in a point).
/// Always <see cref="DaliErrorKind.UsageError"/> (HTTP 400).
/// </summary>
public sealed class DaliFormatException : DaliException
{
    /// <summary>Creates the error for a value of xtype <paramref name="xtype"/>.</summary>
    /// <param name="xtype">The DALI xtype being parsed or built: point, circle, polygon, interval, timestamp, ….</param>
    /// <param name="message">User-facing explanation; by convention it names the xtype.</param>
    public DaliFormatException(string xtype, string message)
        : base(DaliErrorKind.UsageError, message)
    {
        XType = xtype;
    }

    /// <summary>The xtype whose syntax or range was violated.</summary>
    public string XType { get; }
}
