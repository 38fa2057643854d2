using VoServices.Dali;
using VoServices.VoTable;

namespace VoServices.Tap.Results;

/// <summary>Per-request settings of an <see cref="ITapResultWriter"/>.</summary>
public sealed record ResultWriteOptions
{
    /// <summary>
    /// The row limit (DALI 1.1 §4.3.4: the smaller of MAXREC and the service's hard limit); null = no limit.
    /// The row source may deliver MaxRec+1 rows; the extra row only signals overflow.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public long? MaxRec
    {
        get;
        init => field = value is < 0 ? throw new ArgumentOutOfRangeException(nameof(value), value, "MaxRec must be >= 0") : value;
    }

    /// <summary>
    /// INFO elements written in the VOTable RESOURCE after <c>QUERY_STATUS</c> (e.g. <c>QUERY</c>, <c>request_date</c>,
    /// <c>standardID</c>), and as <c>infos</c> in JSON. Entries named QUERY_STATUS are ignored (the writer owns
    /// that status: DALI 1.1 §4.4 allows one before and one after the table). Not written in CSV, TSV or FITS.
    /// </summary>
    public IReadOnlyList<VoTableInfo> Infos { get; init; } = [];

    /// <summary>
    /// Turns a row-source failure into the message written in-band (VOTable ERROR INFO, JSON <c>message</c>).
    /// Null (default): the message of a <see cref="DaliException"/>, otherwise "query failed while streaming
    /// results: " plus the exception message. Set it to hide backend details.
    /// </summary>
    public Func<Exception, string>? DescribeError { get; init; }

    /// <summary>The in-band message for <paramref name="error"/>.</summary>
    internal string Describe(Exception error) =>
        DescribeError?.Invoke(error) ?? error switch
        {
            DaliException dali => dali.Message,
            _ => "query failed while streaming results: " + error.Message,
        };
}
