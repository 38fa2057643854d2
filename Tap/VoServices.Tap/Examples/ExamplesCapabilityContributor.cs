using System.Xml;
using Microsoft.Extensions.Options;
using VoServices.Tap.Vosi;

namespace VoServices.Tap.Examples;

/// <summary>
/// Declares <c>{tap}/examples</c> as the <c>ivo://ivoa.net/std/DALI#examples</c> capability (DALI 1.1 §2.4; taplint
/// E_EXDH checks that the declaration and the resource agree), with a <c>vr:WebBrowser</c> interface and
/// <c>accessURL use="full"</c>. Nothing is written when <see cref="TapOptions.Examples"/> is empty.
/// </summary>
public sealed class ExamplesCapabilityContributor(IOptions<TapOptions> options) : ICapabilityContributor
{
    /// <summary>The standard identifier of DALI examples.</summary>
    public const string StandardId = "ivo://ivoa.net/std/DALI#examples";

    /// <summary><c>vr:WebBrowser</c> (VOResource 1.1), the interface of a document meant for people and browsers.</summary>
    public static XsiType WebBrowser { get; } = new("vr", "WebBrowser", VosiNamespaces.VOResource);

    /// <inheritdoc/>
    public int Order => 50;

    /// <inheritdoc/>
    public Task WriteCapabilitiesAsync(XmlWriter writer, CapabilityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (options.Value.Examples.Count == 0)
        {
            return Task.CompletedTask;
        }
        return VosiCapabilitiesWriter.WriteCapabilityAsync(writer, new VosiCapability(StandardId,
            [new VosiInterface(WebBrowser, context.Resolve("examples"), AccessUrlUse.Full)]));
    }
}
