using System.Xml;

namespace VoServices.Tap.Vosi;

/// <summary>
/// Adds capabilities to the service's <c>/capabilities</c> document. Register implementations in DI
/// (<c>services.TryAddEnumerable(ServiceDescriptor.Singleton&lt;ICapabilityContributor, X&gt;())</c>); the endpoint
/// writes every contributor in ascending <see cref="Order"/>. The TAP capability (<c>tr:TableAccess</c>, TAPRegExt
/// 1.0) is meant to be one contributor with a low order, written only once the sync/async endpoints exist.
/// </summary>
public interface ICapabilityContributor
{
    /// <summary>Sort key: lower is written first. The VOSI capabilities use 100; the TAP capability should use 0.</summary>
    int Order { get; }

    /// <summary>
    /// Writes zero or more unqualified <c>capability</c> elements at the current position (inside
    /// <c>vosi:capabilities</c>). <see cref="VosiCapabilitiesWriter.WriteCapabilityAsync"/> writes the common part.
    /// </summary>
    Task WriteCapabilitiesAsync(XmlWriter writer, CapabilityContext context, CancellationToken cancellationToken);
}
