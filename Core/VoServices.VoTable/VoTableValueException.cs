namespace VoServices.VoTable;

/// <summary>
/// A value given to <see cref="VoTableWriter"/> cannot be written for its column: wrong CLR type, out of range for
/// the datatype, wrong array length for the arraysize, a null that the serialization cannot express (e.g. an
/// <c>int</c> without <see cref="VoTableField.NullValue"/> in BINARY), or a character the datatype cannot hold.
/// The partly written row is discarded, so the writer can still end the document (see
/// <see cref="VoTableWriter.Abort(string)"/>).
/// </summary>
public sealed class VoTableValueException : ArgumentException
{
    /// <summary>Creates the exception; the message names the column.</summary>
    public VoTableValueException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the cause (e.g. an <see cref="OverflowException"/>).</summary>
    public VoTableValueException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
