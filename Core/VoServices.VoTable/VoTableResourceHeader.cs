namespace VoServices.VoTable;

/// <summary>The attributes of a RESOURCE element (VOTable 1.4 §3.1).</summary>
/// <param name="Type">The <c>type</c> attribute: <c>results</c> (the default) or <c>meta</c>; null when absent.</param>
public sealed record VoTableResourceHeader(string? Type = "results")
{
    /// <summary>The <c>name</c> attribute.</summary>
    public string? Name { get; init; }

    /// <summary>The <c>ID</c> attribute.</summary>
    public string? Id { get; init; }

    /// <summary>The <c>utype</c> attribute (e.g. <c>adhoc:service</c> for a DataLink service descriptor).</summary>
    public string? Utype { get; init; }
}
