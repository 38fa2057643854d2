namespace VoServices.VoTable;

/// <summary>
/// Everything of a TABLE that precedes its DATA (VOTable 1.4 §3.2): attributes, DESCRIPTION, INFO, PARAM, FIELD
/// and LINK children. GROUP elements are not kept. For a TABLE with <c>ref</c> to another table and no FIELDs of
/// its own, the reader fills <see cref="Fields"/> from the referenced table.
/// </summary>
/// <param name="Fields">The columns, in order (at least one for writing).</param>
public sealed record VoTableTableHeader(IReadOnlyList<VoTableField> Fields)
{
    /// <summary>The <c>name</c> attribute.</summary>
    public string? Name { get; init; }

    /// <summary>The <c>ID</c> attribute.</summary>
    public string? Id { get; init; }

    /// <summary>The <c>ref</c> attribute (ID of a table whose metadata this one shares).</summary>
    public string? Ref { get; init; }

    /// <summary>The <c>ucd</c> attribute.</summary>
    public string? Ucd { get; init; }

    /// <summary>The <c>utype</c> attribute.</summary>
    public string? Utype { get; init; }

    /// <summary>The <c>nrows</c> attribute (a hint; the reader never trusts it).</summary>
    public long? RowCount { get; init; }

    /// <summary>The DESCRIPTION child text.</summary>
    public string? Description { get; init; }

    /// <summary>INFO children before the fields.</summary>
    public IReadOnlyList<VoTableInfo> Infos { get; init; } = [];

    /// <summary>PARAM children.</summary>
    public IReadOnlyList<VoTableParam> Params { get; init; } = [];

    /// <summary>LINK children.</summary>
    public IReadOnlyList<VoTableLink> Links { get; init; } = [];

    /// <summary>Value equality, with the lists compared element by element.</summary>
    public bool Equals(VoTableTableHeader? other) =>
        other is not null && Name == other.Name && Id == other.Id && Ref == other.Ref && Ucd == other.Ucd &&
        Utype == other.Utype && RowCount == other.RowCount && Description == other.Description &&
        Fields.SequenceEqual(other.Fields) && Infos.SequenceEqual(other.Infos) && Params.SequenceEqual(other.Params) &&
        Links.SequenceEqual(other.Links);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Id, Fields.Count);
}
