namespace VoServices.Tap.Results;

/// <summary>What an <see cref="ITapResultWriter"/> wrote.</summary>
/// <param name="RowCount">Rows written (at most MaxRec).</param>
/// <param name="Overflow">True when MAXREC cut the result (DALI 1.1 §4.4 QUERY_STATUS OVERFLOW).</param>
/// <param name="Error">The row-source failure reported in-band (VOTable ERROR INFO, JSON status), or null.</param>
public sealed record ResultWriteSummary(long RowCount, bool Overflow, Exception? Error = null)
{
    /// <summary>The DALI QUERY_STATUS this result ended with: <c>OK</c>, <c>OVERFLOW</c> or <c>ERROR</c>.</summary>
    public string Status => Error is not null ? "ERROR" : Overflow ? "OVERFLOW" : "OK";
}
