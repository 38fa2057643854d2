namespace VoServices.Tap.Vosi;

/// <summary>
/// An <c>xsi:type</c> value with the namespace its prefix must be bound to, e.g. <c>vs:ParamHTTP</c> or
/// <c>tr:TableAccess</c>. The capabilities writer declares the prefix where it is not yet in scope.
/// </summary>
public sealed record XsiType(string Prefix, string LocalName, string Namespace)
{
    /// <summary><c>vs:ParamHTTP</c> (VODataService 1.2 §3.2), the interface type of DALI and VOSI endpoints.</summary>
    public static XsiType ParamHttp { get; } = new("vs", "ParamHTTP", VosiNamespaces.VODataService);

    /// <summary><c>tr:TableAccess</c> (TAPRegExt 1.0 §2), the capability type of the TAP capability.</summary>
    public static XsiType TableAccess { get; } = new("tr", "TableAccess", VosiNamespaces.TapRegExt);

    /// <summary>The attribute value, <c>prefix:LocalName</c>.</summary>
    public string QualifiedName => $"{Prefix}:{LocalName}";
}

/// <summary>How a client uses an <c>accessURL</c> (VOResource 1.1 AccessURL/@use).</summary>
public enum AccessUrlUse
{
    /// <summary>The URL is complete: call it as is.</summary>
    Full,

    /// <summary>The URL is a base that clients extend (TAP base, VOSI tables with child resources).</summary>
    Base,

    /// <summary>The URL is a directory of files.</summary>
    Dir,
}

/// <summary>
/// One <c>interface</c> of a capability: its xsi:type (VOResource's Interface is abstract, so it is mandatory), an
/// absolute access URL, and the optional <c>role</c> (<c>std</c> for the standard interface) and <c>version</c>.
/// </summary>
public sealed record VosiInterface(
    XsiType Type,
    Uri AccessUrl,
    AccessUrlUse Use,
    string? Role = null,
    string? Version = null);

/// <summary>
/// One <c>capability</c> of <c>vosi:capabilities</c> (VOSI 1.1 §3.2): a standardID IVOID, its interfaces and, for
/// registry extensions such as TAPRegExt, the capability's xsi:type.
/// </summary>
public sealed record VosiCapability(
    string StandardId,
    IReadOnlyList<VosiInterface> Interfaces,
    XsiType? Type = null,
    string? Description = null);

/// <summary>
/// What a capability contributor needs to know about the request: the public base URL of the service (the TAP base,
/// e.g. <c>http://127.0.0.1:5000/tap</c>, no trailing slash) from which endpoint URLs are built.
/// </summary>
public sealed record CapabilityContext(Uri ServiceBaseUri)
{
    /// <summary>The absolute URL of <paramref name="relativePath"/> below the service base (<c>"tables"</c> → …/tap/tables).</summary>
    public Uri Resolve(string relativePath) =>
        new($"{ServiceBaseUri.AbsoluteUri.TrimEnd('/')}/{relativePath.TrimStart('/')}", UriKind.Absolute);
}
