using System.Xml;
using VoServices.Tap.TapSchema;

namespace VoServices.Tap.Vosi;

/// <summary>
/// Writes <c>&lt;vosi:availability&gt;</c> (VOSI 1.1 §3.3, VOSIAvailability-v1.0.xsd): <c>available</c>, then
/// <c>upSince</c> when known, then one <c>note</c> per line of <see cref="AvailabilityStatus.Notes"/>.
/// </summary>
public static class VosiAvailabilityWriter
{
    /// <summary>Writes <paramref name="status"/> as UTF-8 XML to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(Stream output, AvailabilityStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(status);
        cancellationToken.ThrowIfCancellationRequested();
        const string ns = VosiNamespaces.Availability;
        await using var writer = VosiXml.Create(output);
        await writer.WriteStartDocumentAsync().ConfigureAwait(false);
        await writer.WriteStartElementAsync("vosi", "availability", ns).ConfigureAwait(false);
        // Element order is the xs:sequence: available, upSince, downAt, backAt, note*; all qualified.
        await writer.WriteElementStringAsync("vosi", "available", ns, XmlConvert.ToString(status.Available))
            .ConfigureAwait(false);
        if (status.UpSince is { } upSince)
        {
            await writer.WriteElementStringAsync("vosi", "upSince", ns, VosiXml.DateTime(upSince)).ConfigureAwait(false);
        }
        foreach (var note in status.Notes ?? [])
        {
            if (!string.IsNullOrEmpty(note))
            {
                await writer.WriteElementStringAsync("vosi", "note", ns, VosiXml.Clean(note)).ConfigureAwait(false);
            }
        }
        await writer.WriteEndElementAsync().ConfigureAwait(false);
        await writer.WriteEndDocumentAsync().ConfigureAwait(false);
        await writer.FlushAsync().ConfigureAwait(false);
    }
}
