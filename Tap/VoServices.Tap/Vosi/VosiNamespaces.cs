namespace VoServices.Tap.Vosi;

/// <summary>
/// XML namespaces and standard identifiers used by the VOSI 1.1 documents (VOSI 1.1 §3, standards.md §0).
/// ⚠ The VOSI-tables 1.1 schema keeps the <c>v1.0</c> namespace, and VODataService 1.2 keeps the <c>v1.1</c> one.
/// </summary>
public static class VosiNamespaces
{
    /// <summary>Namespace of <c>vosi:tableset</c> / <c>vosi:table</c> (VOSITables-v1.1.xsd).</summary>
    public const string Tables = "http://www.ivoa.net/xml/VOSITables/v1.0";

    /// <summary>Namespace of <c>vosi:availability</c> (VOSIAvailability-v1.0.xsd).</summary>
    public const string Availability = "http://www.ivoa.net/xml/VOSIAvailability/v1.0";

    /// <summary>Namespace of <c>vosi:capabilities</c> (VOSICapabilities-v1.0.xsd).</summary>
    public const string Capabilities = "http://www.ivoa.net/xml/VOSICapabilities/v1.0";

    /// <summary>VODataService 1.1/1.2 namespace (prefix <c>vs</c>): TableSet, VOTableType, ParamHTTP.</summary>
    public const string VODataService = "http://www.ivoa.net/xml/VODataService/v1.1";

    /// <summary>VOResource 1.0/1.1 namespace (prefix <c>vr</c>): Capability, Interface, AccessURL.</summary>
    public const string VOResource = "http://www.ivoa.net/xml/VOResource/v1.0";

    /// <summary>TAPRegExt 1.0 namespace (prefix <c>tr</c>), for the TAP capability contributor.</summary>
    public const string TapRegExt = "http://www.ivoa.net/xml/TAPRegExt/v1.0";

    /// <summary>XML Schema instance namespace (for <c>xsi:type</c>).</summary>
    public const string XmlSchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";
}

/// <summary>Standard identifiers (IVOIDs) of the VOSI capabilities (VOSI 1.1 §2.1).</summary>
public static class VosiStandardIds
{
    /// <summary><c>ivo://ivoa.net/std/VOSI#capabilities</c>.</summary>
    public const string Capabilities = "ivo://ivoa.net/std/VOSI#capabilities";

    /// <summary><c>ivo://ivoa.net/std/VOSI#availability</c>.</summary>
    public const string Availability = "ivo://ivoa.net/std/VOSI#availability";

    /// <summary><c>ivo://ivoa.net/std/VOSI#tables-1.1</c> (tables with <c>detail</c> and child resources).</summary>
    public const string Tables11 = "ivo://ivoa.net/std/VOSI#tables-1.1";
}
