namespace VoServices.Dali;

/// <summary>
/// An extra <c>&lt;INFO name="…" value="…"/&gt;</c> written after QUERY_STATUS in an error document, such as
/// <c>standardID</c> (DALI 1.1 §5.4; DataLink 1.1 requires <c>ivo://ivoa.net/std/DataLink#links-1.1</c>).
/// </summary>
/// <param name="Name">The INFO name attribute.</param>
/// <param name="Value">The INFO value attribute.</param>
public sealed record DaliInfo(string Name, string Value);
