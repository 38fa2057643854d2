using System.Globalization;
using System.Xml;
using Microsoft.Extensions.Options;
using VoServices.Adql.Functions;
using VoServices.Tap.Results;
using VoServices.Tap.Vosi;
using VoServices.Uws;

namespace VoServices.Tap.Capabilities;

/// <summary>
/// The one TAP capability of <c>/capabilities</c> (TAP 1.1 §2.4, TAPRegExt 1.0; standards.md §2, §7):
/// <c>standardID="ivo://ivoa.net/std/TAP" xsi:type="tr:TableAccess"</c> with one <c>vs:ParamHTTP</c> interface
/// (<c>role="std" version="1.1"</c>, <c>accessURL use="base"</c> = the TAP base URL) and, in the TAPRegExt sequence
/// order: language ADQL 2.0 and 2.1 with the languageFeatures of <see cref="TapOptions.Functions"/>, the output formats
/// of <see cref="TapOptions.ResponseFormats"/>, upload methods inline/http/https, retentionPeriod and
/// executionDuration from <see cref="UwsOptions"/>, outputLimit from MAXREC (rows) and uploadLimit (bytes). Every
/// declared value is the enforced one. No dataModel (ivoa.ObsCore is not published yet).
/// </summary>
public sealed class TapCapabilityContributor(IOptions<TapOptions> tapOptions, IOptions<UwsOptions> uwsOptions)
    : ICapabilityContributor
{
    /// <summary>The TAP standard identifier (the same for TAP 1.0 and 1.1).</summary>
    public const string StandardId = "ivo://ivoa.net/std/TAP";

    /// <summary>TAPRegExt identifiers of the upload methods offered (inline and http are mandatory with uploads).</summary>
    public static IReadOnlyList<string> UploadMethods { get; } =
    [
        "ivo://ivoa.net/std/TAPRegExt#upload-inline",
        "ivo://ivoa.net/std/TAPRegExt#upload-http",
        "ivo://ivoa.net/std/TAPRegExt#upload-https",
    ];

    /// <inheritdoc/>
    public int Order => 0;

    /// <inheritdoc/>
    public Task WriteCapabilitiesAsync(XmlWriter writer, CapabilityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var capability = new VosiCapability(StandardId,
            [new VosiInterface(XsiType.ParamHttp, context.ServiceBaseUri, AccessUrlUse.Base, "std", "1.1")],
            XsiType.TableAccess);
        return VosiCapabilitiesWriter.WriteCapabilityAsync(writer, capability, w => WriteTableAccessAsync(w, cancellationToken));
    }

    private async Task WriteTableAccessAsync(XmlWriter writer, CancellationToken cancellationToken)
    {
        var tap = tapOptions.Value;
        var uws = uwsOptions.Value;
        await WriteLanguageAsync(writer, tap.Functions, cancellationToken).ConfigureAwait(false);
        foreach (var format in tap.ResponseFormats.Formats)
        {
            await WriteOutputFormatAsync(writer, format).ConfigureAwait(false);
        }
        foreach (var method in UploadMethods)
        {
            await writer.WriteStartElementAsync(null, "uploadMethod", null).ConfigureAwait(false);
            await writer.WriteAttributeStringAsync(null, "ivo-id", null, method).ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
        }
        await WriteLimitsAsync(writer, "retentionPeriod", null, (long)uws.DefaultDestruction.TotalSeconds,
            (long)uws.MaxDestruction.TotalSeconds).ConfigureAwait(false);
        await WriteLimitsAsync(writer, "executionDuration", null, uws.DefaultExecutionDuration,
            uws.MaxExecutionDuration == 0 ? null : uws.MaxExecutionDuration).ConfigureAwait(false);
        await WriteLimitsAsync(writer, "outputLimit", "row", tap.DefaultMaxRec, tap.HardMaxRec).ConfigureAwait(false);
        await WriteLimitsAsync(writer, "uploadLimit", "byte", tap.Uploads.MaxBytesPerUpload, tap.Uploads.MaxBytesPerUpload)
            .ConfigureAwait(false);
    }

    /// <summary>TAPRegExt 1.0 §2.1: name, versions with their IVOIDs, then one languageFeatures block per feature type.</summary>
    private static async Task WriteLanguageAsync(XmlWriter writer, FunctionCatalog functions, CancellationToken cancellationToken)
    {
        await writer.WriteStartElementAsync(null, "language", null).ConfigureAwait(false);
        await writer.WriteElementStringAsync(null, "name", null, "ADQL").ConfigureAwait(false);
        foreach (var version in new[] { "2.0", "2.1" })
        {
            await writer.WriteStartElementAsync(null, "version", null).ConfigureAwait(false);
            await writer.WriteAttributeStringAsync(null, "ivo-id", null, "ivo://ivoa.net/std/ADQL#v" + version).ConfigureAwait(false);
            await writer.WriteStringAsync(version).ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
        }
        await writer.WriteElementStringAsync(null, "description", null,
            "ADQL 2.1 (ADQL 2.0 queries are accepted as 2.1); all geometry functions, sets, common tables, " +
            "CAST, COALESCE, IN_UNIT, OFFSET, LOWER/UPPER/ILIKE and the user-defined functions listed.").ConfigureAwait(false);
        foreach (var group in functions.Features.GroupBy(f => f.Type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteStartElementAsync(null, "languageFeatures", null).ConfigureAwait(false);
            await writer.WriteAttributeStringAsync(null, "type", null, group.Key).ConfigureAwait(false);
            foreach (var feature in group)
            {
                await writer.WriteStartElementAsync(null, "feature", null).ConfigureAwait(false);
                await writer.WriteElementStringAsync(null, "form", null, feature.Form).ConfigureAwait(false);
                if (!string.IsNullOrWhiteSpace(feature.Description))
                {
                    await writer.WriteElementStringAsync(null, "description", null, feature.Description).ConfigureAwait(false);
                }
                await writer.WriteEndElementAsync().ConfigureAwait(false);
            }
            await writer.WriteEndElementAsync().ConfigureAwait(false);
        }
        await writer.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static async Task WriteOutputFormatAsync(XmlWriter writer, ResponseFormat format)
    {
        await writer.WriteStartElementAsync(null, "outputFormat", null).ConfigureAwait(false);
        if (format.IvoId is { } ivoId)
        {
            await writer.WriteAttributeStringAsync(null, "ivo-id", null, ivoId).ConfigureAwait(false);
        }
        await writer.WriteElementStringAsync(null, "mime", null, format.MimeType).ConfigureAwait(false);
        foreach (var alias in format.Aliases)
        {
            await writer.WriteElementStringAsync(null, "alias", null, alias).ConfigureAwait(false);
        }
        await writer.WriteEndElementAsync().ConfigureAwait(false);
    }

    /// <summary>TimeLimits (seconds, no unit) or DataLimits (<paramref name="unit"/> row or byte); hard omitted when null.</summary>
    private static async Task WriteLimitsAsync(XmlWriter writer, string element, string? unit, long defaultValue, long? hard)
    {
        await writer.WriteStartElementAsync(null, element, null).ConfigureAwait(false);
        await WriteLimitAsync(writer, "default", unit, defaultValue).ConfigureAwait(false);
        if (hard is { } hardValue)
        {
            await WriteLimitAsync(writer, "hard", unit, hardValue).ConfigureAwait(false);
        }
        await writer.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static async Task WriteLimitAsync(XmlWriter writer, string element, string? unit, long value)
    {
        await writer.WriteStartElementAsync(null, element, null).ConfigureAwait(false);
        if (unit is not null)
        {
            await writer.WriteAttributeStringAsync(null, "unit", null, unit).ConfigureAwait(false);
        }
        await writer.WriteStringAsync(value.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        await writer.WriteEndElementAsync().ConfigureAwait(false);
    }
}
