namespace VoServices.Server.Demo;

/// <summary>
/// Settings of the demo archive (architecture.md §6): which catalogue descriptors the server ingests on first start.
/// Bound from <c>VoServices:Demo</c>.
/// </summary>
public sealed class DemoArchiveOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "VoServices:Demo";

    /// <summary>
    /// Folder of catalogue descriptors (<c>*.yaml</c>). Relative paths resolve against the checkout root (the folder
    /// holding VoServices.sln). Default <c>demo/catalogs</c>. Empty disables the demo ingest.
    /// </summary>
    public string Catalogs { get; set; } = "demo/catalogs";

    /// <summary>
    /// Serve the small real subset shipped in <c>demo/data</c> even when the full catalogues in <c>../shared/data</c>
    /// are present: a start in seconds instead of a couple of minutes. Default false.
    /// </summary>
    public bool UseShippedSubset { get; set; }

    /// <summary>
    /// Descriptor file names in ingest order; small tables first so that the server is useful within seconds while
    /// Tycho-2 is still loading. Descriptors in the folder that are not listed are ingested afterwards, by name.
    /// </summary>
    public IList<string> Order { get; } = ["messier.yaml", "openngc.yaml", "hipparcos.yaml", "tycho2.yaml"];
}
