namespace VoServices.Tap.Results;

/// <summary>
/// A format without an in-band error status (CSV, TSV, FITS) could not complete the result, because the row
/// source failed or gave a value the format cannot hold. <see cref="Exception.InnerException"/> is the cause.
/// </summary>
public sealed class ResultWriteException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, naming the column where known.</param>
    /// <param name="outputStarted">Whether bytes already reached the output stream.</param>
    /// <param name="innerException">The cause.</param>
    public ResultWriteException(string message, bool outputStarted, Exception? innerException)
        : base(message, innerException)
    {
        OutputStarted = outputStarted;
    }

    /// <summary>
    /// False: nothing reached the output, so the caller can still send a DALI error document with a 4xx/5xx status.
    /// True: the response is half sent; abort the connection.
    /// </summary>
    public bool OutputStarted { get; }
}
