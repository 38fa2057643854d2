namespace VoServices.VoTable;

/// <summary>
/// An INFO element (VOTable 1.4 §4.7), e.g. <c>&lt;INFO name="QUERY_STATUS" value="OK"/&gt;</c> (DALI 1.1 §4.4).
/// Written with <c>name</c> before <c>value</c>, as astroquery's literal search for
/// <c>&lt;INFO name="QUERY_STATUS" value="ERROR"&gt;</c> requires.
/// </summary>
/// <param name="Name">The <c>name</c> attribute (required).</param>
/// <param name="Value">The <c>value</c> attribute (required; may be empty).</param>
/// <param name="Content">The element text, e.g. an error message; null for an empty element.</param>
public sealed record VoTableInfo(string Name, string Value, string? Content = null)
{
    /// <summary>The <c>ID</c> attribute.</summary>
    public string? Id { get; init; }
}
