using System.Xml;

namespace VoServices.Tap.Vosi;

/// <summary>
/// Declares the VOSI endpoints of the TAP service (VOSI 1.1 §2.1, TAP 1.1 §2): <c>#capabilities</c> and
/// <c>#availability</c> with <c>accessURL use="full"</c>, and <c>#tables-1.1</c> with <c>use="base"</c> because it
/// has child resources (as in the TAP 1.1 REC sample-capability.xml). The capabilities and availability interfaces
/// carry no securityMethod: VOSI requires anonymous access there.
/// </summary>
public sealed class VosiCapabilityContributor : ICapabilityContributor
{
    /// <inheritdoc/>
    public int Order => 100;

    /// <summary>The three VOSI capabilities with URLs below <paramref name="context"/>'s service base.</summary>
    public static IReadOnlyList<VosiCapability> Capabilities(CapabilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return
        [
            new(VosiStandardIds.Capabilities,
                [new VosiInterface(XsiType.ParamHttp, context.Resolve("capabilities"), AccessUrlUse.Full, "std")]),
            new(VosiStandardIds.Availability,
                [new VosiInterface(XsiType.ParamHttp, context.Resolve("availability"), AccessUrlUse.Full, "std")]),
            new(VosiStandardIds.Tables11,
                [new VosiInterface(XsiType.ParamHttp, context.Resolve("tables"), AccessUrlUse.Base, "std", "1.1")]),
        ];
    }

    /// <inheritdoc/>
    public async Task WriteCapabilitiesAsync(XmlWriter writer, CapabilityContext context,
        CancellationToken cancellationToken)
    {
        foreach (var capability in Capabilities(context))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await VosiCapabilitiesWriter.WriteCapabilityAsync(writer, capability).ConfigureAwait(false);
        }
    }
}
