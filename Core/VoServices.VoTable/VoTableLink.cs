namespace VoServices.VoTable;

/// <summary>A LINK element (VOTable 1.4 §4.8) under RESOURCE, TABLE, FIELD or PARAM.</summary>
/// <param name="Href">The <c>href</c> attribute (a URI), or null.</param>
public sealed record VoTableLink(string? Href)
{
    /// <summary>The <c>ID</c> attribute.</summary>
    public string? Id { get; init; }

    /// <summary>The <c>content-role</c> attribute, e.g. <c>doc</c>.</summary>
    public string? ContentRole { get; init; }

    /// <summary>The <c>content-type</c> attribute (a MIME type).</summary>
    public string? ContentType { get; init; }

    /// <summary>The <c>title</c> attribute.</summary>
    public string? Title { get; init; }

    /// <summary>The <c>value</c> attribute.</summary>
    public string? Value { get; init; }
}
