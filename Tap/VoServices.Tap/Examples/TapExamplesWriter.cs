using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace VoServices.Tap.Examples;

/// <summary>
/// Writes the DALI examples document (DALI 1.1 §2.4, TAP 1.1 §2.4; standards.md §1 "DALI-examples"): well-formed
/// XHTML, readable without CSS or scripts, with RDFa 1.1 Lite markup — exactly one
/// <c>vocab="http://www.ivoa.net/rdf/examples#"</c> (on the body), and per example an element with
/// <c>typeof="example"</c>, <c>id</c> and <c>resource="#id"</c> holding one <c>property="name"</c>, one
/// <c>property="query"</c> (a <c>pre</c>) and plain-text <c>property="table"</c> elements. No <c>property</c> sits on
/// an element with <c>href</c> or <c>src</c> (RDFa would take the link as the value).
/// </summary>
public static partial class TapExamplesWriter
{
    /// <summary>The media type served (DALI 1.1 §2.4 allows XHTML or HTML).</summary>
    public const string ContentType = "application/xhtml+xml; charset=utf-8";

    /// <summary>The RDFa vocabulary of DALI 1.1 examples.</summary>
    public const string Vocabulary = "http://www.ivoa.net/rdf/examples#";

    private const string Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>Writes the document (UTF-8) to <paramref name="output"/>, left open.</summary>
    /// <exception cref="ArgumentException">An id is not an XML name or repeats.</exception>
    public static async Task WriteAsync(Stream output, IReadOnlyList<TapExample> examples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(examples);
        Validate(examples);
        var settings = new XmlWriterSettings
        {
            Async = true,
            Encoding = new UTF8Encoding(false),
            Indent = true,
            CloseOutput = false,
        };
        await using var writer = XmlWriter.Create(output, settings);
        await writer.WriteStartDocumentAsync().ConfigureAwait(false);
        await writer.WriteStartElementAsync(null, "html", Xhtml).ConfigureAwait(false);
        await writer.WriteAttributeStringAsync("xml", "lang", null, "en").ConfigureAwait(false);
        await writer.WriteAttributeStringAsync(null, "lang", null, "en").ConfigureAwait(false);
        await writer.WriteStartElementAsync(null, "head", Xhtml).ConfigureAwait(false);
        await writer.WriteElementStringAsync(null, "title", Xhtml, "TAP query examples").ConfigureAwait(false);
        await writer.WriteEndElementAsync().ConfigureAwait(false);
        await writer.WriteStartElementAsync(null, "body", Xhtml).ConfigureAwait(false);
        await writer.WriteAttributeStringAsync(null, "vocab", null, Vocabulary).ConfigureAwait(false);
        await writer.WriteElementStringAsync(null, "h1", Xhtml, "TAP query examples").ConfigureAwait(false);
        await writer.WriteElementStringAsync(null, "p", Xhtml,
            "ADQL queries on the tables of this service. Run them with LANG=ADQL on the sync or async endpoint, " +
            "e.g. in TOPCAT's TAP window (Examples menu) or with pyvo.").ConfigureAwait(false);
        foreach (var example in examples)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await WriteExampleAsync(writer, example).ConfigureAwait(false);
        }
        await writer.WriteEndElementAsync().ConfigureAwait(false);
        await writer.WriteEndElementAsync().ConfigureAwait(false);
        await writer.WriteEndDocumentAsync().ConfigureAwait(false);
        await writer.FlushAsync().ConfigureAwait(false);
    }

    private static async Task WriteExampleAsync(XmlWriter writer, TapExample example)
    {
        await writer.WriteStartElementAsync(null, "div", Xhtml).ConfigureAwait(false);
        await writer.WriteAttributeStringAsync(null, "id", null, example.Id).ConfigureAwait(false);
        await writer.WriteAttributeStringAsync(null, "resource", null, "#" + example.Id).ConfigureAwait(false);
        await writer.WriteAttributeStringAsync(null, "typeof", null, "example").ConfigureAwait(false);
        await WritePropertyAsync(writer, "h2", "name", example.Name).ConfigureAwait(false);
        await writer.WriteElementStringAsync(null, "p", Xhtml, example.Description).ConfigureAwait(false);
        if (example.Upload is { } upload)
        {
            await writer.WriteElementStringAsync(null, "p", Xhtml,
                $"Needs an uploaded table TAP_UPLOAD.{upload} with the columns {example.UploadColumns ?? "the query uses"}.")
                .ConfigureAwait(false);
        }
        await WritePropertyAsync(writer, "pre", "query", example.Query).ConfigureAwait(false);
        await writer.WriteStartElementAsync(null, "p", Xhtml).ConfigureAwait(false);
        await writer.WriteStringAsync(example.Tables.Count == 1 ? "Table: " : "Tables: ").ConfigureAwait(false);
        for (var i = 0; i < example.Tables.Count; i++)
        {
            if (i > 0)
            {
                await writer.WriteStringAsync(", ").ConfigureAwait(false);
            }
            await WritePropertyAsync(writer, "span", "table", example.Tables[i]).ConfigureAwait(false);
        }
        await writer.WriteEndElementAsync().ConfigureAwait(false);
        await writer.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static async Task WritePropertyAsync(XmlWriter writer, string element, string property, string text)
    {
        await writer.WriteStartElementAsync(null, element, Xhtml).ConfigureAwait(false);
        await writer.WriteAttributeStringAsync(null, "property", null, property).ConfigureAwait(false);
        await writer.WriteStringAsync(text).ConfigureAwait(false);
        await writer.WriteEndElementAsync().ConfigureAwait(false);
    }

    private static void Validate(IReadOnlyList<TapExample> examples)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var example in examples)
        {
            ArgumentNullException.ThrowIfNull(example);
            if (!IdSyntax().IsMatch(example.Id) || !ids.Add(example.Id))
            {
                throw new ArgumentException($"example id '{example.Id}' is not a unique XML name", nameof(examples));
            }
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex IdSyntax();
}
