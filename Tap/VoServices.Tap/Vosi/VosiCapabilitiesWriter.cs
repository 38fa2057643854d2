using System.Xml;

namespace VoServices.Tap.Vosi;

/// <summary>
/// Writes <c>&lt;vosi:capabilities&gt;</c> (VOSI 1.1 §3.2, VOSICapabilities-v1.0.xsd with VOResource 1.1 and
/// VODataService 1.2 types) from a set of <see cref="ICapabilityContributor"/>s.
/// </summary>
public static class VosiCapabilitiesWriter
{
    /// <summary>
    /// Writes the document to <paramref name="output"/> (UTF-8): the root declares the <c>vr</c>, <c>vs</c> and
    /// <c>xsi</c> prefixes, then each contributor writes its capabilities in ascending <see cref="ICapabilityContributor.Order"/>
    /// (registration order among equals).
    /// </summary>
    public static async Task WriteAsync(Stream output, IEnumerable<ICapabilityContributor> contributors,
        CapabilityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(contributors);
        ArgumentNullException.ThrowIfNull(context);
        await using var writer = VosiXml.Create(output);
        await writer.WriteStartDocumentAsync().ConfigureAwait(false);
        await writer.WriteStartElementAsync("vosi", "capabilities", VosiNamespaces.Capabilities).ConfigureAwait(false);
        await writer.WriteAttributeStringAsync("xmlns", "vr", null, VosiNamespaces.VOResource).ConfigureAwait(false);
        await writer.WriteAttributeStringAsync("xmlns", "vs", null, VosiNamespaces.VODataService).ConfigureAwait(false);
        await writer.WriteAttributeStringAsync("xmlns", "xsi", null, VosiNamespaces.XmlSchemaInstance).ConfigureAwait(false);
        foreach (var contributor in contributors.OrderBy(c => c.Order))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await contributor.WriteCapabilitiesAsync(writer, context, cancellationToken).ConfigureAwait(false);
        }
        await writer.WriteEndElementAsync().ConfigureAwait(false);
        await writer.WriteEndDocumentAsync().ConfigureAwait(false);
        await writer.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Writes one <c>capability</c> element: <c>standardID</c>, the optional xsi:type, <c>description</c>, the
    /// interfaces, then whatever <paramref name="writeExtensionAsync"/> adds after them (for <c>tr:TableAccess</c>:
    /// dataModel, language, outputFormat… in the TAPRegExt sequence order).
    /// </summary>
    public static async Task WriteCapabilityAsync(XmlWriter writer, VosiCapability capability,
        Func<XmlWriter, Task>? writeExtensionAsync = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(capability);
        // vosi:capabilities declares <capability> with form="unqualified".
        await writer.WriteStartElementAsync(null, "capability", null).ConfigureAwait(false);
        await writer.WriteAttributeStringAsync(null, "standardID", null, capability.StandardId).ConfigureAwait(false);
        if (capability.Type is { } type)
        {
            await WriteXsiTypeAsync(writer, type).ConfigureAwait(false);
        }
        // vr:Capability sequence: validationLevel*, description?, interface*.
        await VosiXml.WriteOptionalAsync(writer, "description", capability.Description).ConfigureAwait(false);
        foreach (var intf in capability.Interfaces)
        {
            await WriteInterfaceAsync(writer, intf).ConfigureAwait(false);
        }
        if (writeExtensionAsync is not null)
        {
            await writeExtensionAsync(writer).ConfigureAwait(false);
        }
        await writer.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static async Task WriteInterfaceAsync(XmlWriter writer, VosiInterface intf)
    {
        await writer.WriteStartElementAsync(null, "interface", null).ConfigureAwait(false);
        await WriteXsiTypeAsync(writer, intf.Type).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(intf.Role))
        {
            await writer.WriteAttributeStringAsync(null, "role", null, intf.Role).ConfigureAwait(false);
        }
        if (!string.IsNullOrEmpty(intf.Version))
        {
            await writer.WriteAttributeStringAsync(null, "version", null, intf.Version).ConfigureAwait(false);
        }
        await writer.WriteStartElementAsync(null, "accessURL", null).ConfigureAwait(false);
        await writer.WriteAttributeStringAsync(null, "use", null, UseValue(intf.Use)).ConfigureAwait(false);
        await writer.WriteStringAsync(intf.AccessUrl.AbsoluteUri).ConfigureAwait(false);
        await writer.WriteEndElementAsync().ConfigureAwait(false);
        await writer.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static async Task WriteXsiTypeAsync(XmlWriter writer, XsiType type)
    {
        // The prefix inside an attribute value is invisible to XmlWriter's namespace tracking: bind it ourselves.
        if (writer.LookupPrefix(type.Namespace) != type.Prefix)
        {
            await writer.WriteAttributeStringAsync("xmlns", type.Prefix, null, type.Namespace).ConfigureAwait(false);
        }
        await writer.WriteAttributeStringAsync("xsi", "type", VosiNamespaces.XmlSchemaInstance, type.QualifiedName)
            .ConfigureAwait(false);
    }

    private static string UseValue(AccessUrlUse use) => use switch
    {
        AccessUrlUse.Full => "full",
        AccessUrlUse.Base => "base",
        AccessUrlUse.Dir => "dir",
        _ => throw new ArgumentOutOfRangeException(nameof(use), use, "unknown accessURL use"),
    };
}
