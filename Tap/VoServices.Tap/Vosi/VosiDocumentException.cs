namespace VoServices.Tap.Vosi;

/// <summary>
/// The published metadata cannot be written as a schema-valid VOSI document, e.g. a TAP_SCHEMA column whose
/// datatype is not a VOTable datatype (VODataService 1.2 <c>vs:VOTableType</c>) or whose arraysize has a bad shape.
/// Raised before any byte of the response is written, so the caller can still choose the HTTP status.
/// </summary>
public sealed class VosiDocumentException : Exception
{
    /// <summary>Creates the exception with a message naming the offending table/column and the rule broken.</summary>
    public VosiDocumentException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public VosiDocumentException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public VosiDocumentException() : base("The metadata cannot be written as a valid VOSI document.")
    {
    }
}
