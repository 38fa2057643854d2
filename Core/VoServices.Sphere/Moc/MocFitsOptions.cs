namespace VoServices.Sphere.Moc;

/// <summary>Optional keywords of a MOC FITS file (MOC 2.0 §6, Table 3).</summary>
public sealed record MocFitsOptions
{
    /// <summary>MOCID: identifier of the data collection (an IVOID where one exists), or null.</summary>
    public string? MocId { get; init; }

    /// <summary>MOCTYPE: <c>IMAGE</c> or <c>CATALOG</c>, or null.</summary>
    public string? MocType { get; init; }

    /// <summary>MOCTOOL: the generator's name and version.</summary>
    public string MocTool { get; init; } = "VoServices.Sphere";

    /// <summary>EXTNAME of the table, or null.</summary>
    public string? ExtensionName { get; init; }
}
