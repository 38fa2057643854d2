namespace VoServices.VoTable;

/// <summary>
/// A FIELD (column) of a TABLE, VOTable 1.4 §4.1; also the metadata part of a <see cref="VoTableParam"/>.
/// Only <see cref="Name"/> and <see cref="Datatype"/> are required. <see cref="ArraySize"/> is the raw attribute
/// (null = scalar); use <see cref="GetArraySize"/> for the parsed form.
/// </summary>
/// <param name="Name">The <c>name</c> attribute (required by the schema; not necessarily unique).</param>
/// <param name="Datatype">The <c>datatype</c> attribute.</param>
public sealed record VoTableField(string Name, VoTableDataType Datatype)
{
    /// <summary>The <c>arraysize</c> attribute, e.g. <c>*</c>, <c>10</c>, <c>10*</c>, <c>3x*</c>; null for a scalar.</summary>
    public string? ArraySize { get; init; }

    /// <summary>The <c>unit</c> attribute (VOUnit syntax recommended, VOTable 1.5).</summary>
    public string? Unit { get; init; }

    /// <summary>The <c>ucd</c> attribute (UCD1+).</summary>
    public string? Ucd { get; init; }

    /// <summary>The <c>utype</c> attribute.</summary>
    public string? Utype { get; init; }

    /// <summary>The <c>xtype</c> attribute, e.g. DALI <c>timestamp</c>, <c>point</c>, <c>interval</c>.</summary>
    public string? XType { get; init; }

    /// <summary>The <c>ID</c> attribute (an XML NCName, unique in the document).</summary>
    public string? Id { get; init; }

    /// <summary>The <c>ref</c> attribute, usually the ID of a COOSYS or TIMESYS.</summary>
    public string? Ref { get; init; }

    /// <summary>The <c>precision</c> attribute, e.g. <c>3</c>, <c>F3</c>, <c>E5</c>.</summary>
    public string? Precision { get; init; }

    /// <summary>The <c>width</c> attribute (display width in characters).</summary>
    public int? Width { get; init; }

    /// <summary>The DESCRIPTION child text.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// The <c>null</c> attribute of the VALUES child: the magic value that stands for null in integer columns
    /// (VOTable 1.4 §6.1). The writer needs it to write integer nulls in BINARY; when set, it is also used for
    /// nulls in TABLEDATA and as the BINARY2 null payload. The reader maps equal integer scalars to null.
    /// </summary>
    public string? NullValue { get; init; }

    /// <summary>LINK children.</summary>
    public IReadOnlyList<VoTableLink>? Links { get; init; }

    /// <summary>Value equality of all attributes, with <see cref="Links"/> compared element by element.</summary>
    public bool Equals(VoTableField? other) =>
        other is not null && Name == other.Name && Datatype == other.Datatype && ArraySize == other.ArraySize &&
        Unit == other.Unit && Ucd == other.Ucd && Utype == other.Utype && XType == other.XType && Id == other.Id &&
        Ref == other.Ref && Precision == other.Precision && Width == other.Width && Description == other.Description &&
        NullValue == other.NullValue && (Links ?? []).SequenceEqual(other.Links ?? []);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Datatype, ArraySize, Ucd, Unit, Id);

    /// <summary>The parsed <see cref="ArraySize"/>, or null for a scalar.</summary>
    /// <exception cref="VoTableFormatException">The attribute is malformed.</exception>
    public ArraySize? GetArraySize() => ArraySize is null ? null : VoTable.ArraySize.Parse(ArraySize);
}
