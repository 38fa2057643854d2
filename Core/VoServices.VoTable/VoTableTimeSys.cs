namespace VoServices.VoTable;

/// <summary>A TIMESYS element (VOTable 1.4 §3.4). Writing it needs VOTable version 1.4 or later.</summary>
/// <param name="Id">The <c>ID</c> attribute (required).</param>
/// <param name="TimeScale">The <c>timescale</c> attribute (required), e.g. <c>TCB</c>, <c>UTC</c>.</param>
/// <param name="RefPosition">The <c>refposition</c> attribute (required), e.g. <c>BARYCENTER</c>.</param>
public sealed record VoTableTimeSys(string Id, string TimeScale, string RefPosition)
{
    /// <summary>The <c>timeorigin</c> attribute: a JD offset, <c>MJD-origin</c> or <c>JD-origin</c>.</summary>
    public string? TimeOrigin { get; init; }
}
