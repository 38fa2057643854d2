using System.Globalization;
using System.Xml;
using VoServices.VoTable.Converters;

namespace VoServices.VoTable;

/// <summary>
/// Forward-only VOTable writer (VOTable 1.4; UTF-8 with an XML declaration) in the spirit of
/// <c>Utf8JsonWriter</c>: metadata is written element by element, rows one at a time, and only a bounded buffer
/// is held, so memory does not grow with the number of rows. Rows go out as TABLEDATA, BINARY or BINARY2; binary
/// data is base64 inside <c>&lt;STREAM encoding="base64"&gt;</c>, encoded chunk by chunk.
/// </summary>
/// <remarks>
/// <para>Typical TAP use (DALI 1.1 §4.4, TAP 1.1 §2.9):</para>
/// <code>
/// writer.WriteStartDocument();
/// writer.WriteStartResource("results");
/// writer.WriteInfo("QUERY_STATUS", "OK");
/// writer.WriteStartTable(fields, VoTableSerialization.Binary2);
/// foreach (var row in rows) await writer.WriteRowAsync(row, ct);
/// writer.WriteEndTable();
/// if (overflow) writer.WriteInfo("QUERY_STATUS", "OVERFLOW");
/// writer.WriteEndResource();
/// await writer.WriteEndDocumentAsync(ct);
/// </code>
/// <para>If the query fails while rows stream out, <see cref="Abort(string)"/> ends the data section cleanly, adds
/// <c>&lt;INFO name="QUERY_STATUS" value="ERROR"&gt;message&lt;/INFO&gt;</c> after the table and closes the
/// document, so it stays well-formed. The element order of the VOTable 1.4 schema is enforced: calls out of order
/// throw <see cref="InvalidOperationException"/>. The writer never closes the stream.</para>
/// <para>Cell values accepted per datatype (null or <see cref="DBNull"/> = null everywhere):
/// boolean: <c>bool</c>, arrays <c>bool[]</c>/<c>bool?[]</c>;
/// bit: <c>bool</c>, arrays <c>bool[]</c>;
/// unsignedByte/short/int/long: any CLR integer (range-checked), or an integral float/decimal; arrays of
/// any primitive numeric type;
/// float/double: any CLR number; arrays of any primitive numeric type;
/// floatComplex/doubleComplex: <see cref="System.Numerics.Complex"/> or a real number, arrays <c>Complex[]</c>
/// or interleaved <c>double[]</c>/<c>float[]</c>;
/// char/unicodeChar: <c>string</c>, <c>char</c>, <c>char[]</c>, <see cref="DateTime"/> and
/// <see cref="DateTimeOffset"/> (DALI 1.1 timestamp <c>YYYY-MM-DDThh:mm:ss[.fff]</c>, <c>Z</c> for UTC),
/// <see cref="DateOnly"/>, <see cref="Guid"/>, <see cref="Uri"/>, and any <see cref="IFormattable"/> (formatted
/// with the invariant culture). Arrays of every dimensionality are flat, first dimension fastest.</para>
/// <para>Nulls (VOTable 1.4 §6): TABLEDATA writes an empty TD, except that an integer column with VALUES null=
/// writes that value, and a fixed-size array or complex cell writes one null per element (NaN, '?' or the VALUES
/// null= value), because votlint rejects an empty TD where a fixed element count is declared; BINARY writes the
/// VALUES null= value (integers; without one, a null integer or bit is a <see cref="VoTableValueException"/>), NaN
/// (floats, complex), '?' (boolean), an empty array or string; BINARY2 sets the row's null flag and writes the
/// same payload, or zeros. TABLEDATA floats use the shortest round-trip digits and <c>NaN</c>, <c>+Inf</c>,
/// <c>-Inf</c>. Variable arrays carry the count of primitive items (all dimensions; 2 per complex value, as STIL
/// and votlint expect).</para>
/// </remarks>
public sealed partial class VoTableWriter : IDisposable, IAsyncDisposable
{
    private const int MaxRetainedBuffer = 1 << 20;
    private readonly Stream _stream;
    private readonly VoTableWriterOptions _options;
    private readonly ByteBuffer _out;
    private readonly XmlEmitter _xml;
    private readonly Stack<Container> _containers = new();
    private bool _started;
    private bool _ended;

    /// <summary>Creates a writer on <paramref name="stream"/> (not closed by the writer).</summary>
    /// <exception cref="ArgumentException">The options name an unsupported version or a non-positive threshold.</exception>
    public VoTableWriter(Stream stream, VoTableWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _options = options ?? new VoTableWriterOptions();
        if (NamespaceFor(_options.Version) is null)
        {
            throw new ArgumentException($"unsupported VOTable version '{_options.Version}' (1.2, 1.3, 1.4 or 1.5)", nameof(options));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.FlushThreshold, nameof(options));
        _out = new ByteBuffer(Math.Min(_options.FlushThreshold, MaxRetainedBuffer) + 4096);
        _xml = new XmlEmitter(_out, _options.ReplaceUnrepresentableCharacters);
        _row = new ByteBuffer(256);
        _base64 = new Base64Chunker(_out);
    }

    /// <summary>Bytes written by the writer but not yet passed to the stream.</summary>
    public int BytesPending => _out.Length;

    private enum Phase
    {
        Description,
        Infos,
        Meta,
        Links,
        Content,
        TrailingInfos,
    }

    private sealed class Container(bool isResource)
    {
        public bool IsResource { get; } = isResource;

        public Phase Phase { get; set; } = Phase.Description;

        public bool HasResource { get; set; }
    }

    /// <summary>The VOTABLE namespace for a version, or null when the version is not supported.</summary>
    internal static string? NamespaceFor(string version) => version switch
    {
        "1.2" => "http://www.ivoa.net/xml/VOTable/v1.2",
        "1.3" or "1.4" or "1.5" => "http://www.ivoa.net/xml/VOTable/v1.3",
        _ => null,
    };

    private bool VersionAtLeast(string minimum) =>
        string.CompareOrdinal(_options.Version, minimum) >= 0;

    /// <summary>Writes the XML declaration and the VOTABLE start tag with version and namespace.</summary>
    /// <exception cref="InvalidOperationException">Already called.</exception>
    public void WriteStartDocument()
    {
        if (_started)
        {
            throw new InvalidOperationException("WriteStartDocument was already called");
        }
        _started = true;
        _xml.Declaration();
        _xml.StartElement("VOTABLE");
        _xml.Attribute("version", _options.Version);
        _xml.Attribute("xmlns", NamespaceFor(_options.Version));
        _containers.Push(new Container(isResource: false));
    }

    /// <summary>Writes DESCRIPTION; only as the first child of VOTABLE or RESOURCE.</summary>
    public void WriteDescription(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var c = Current("DESCRIPTION");
        if (c.Phase != Phase.Description)
        {
            throw new InvalidOperationException("DESCRIPTION must be the first child of VOTABLE or RESOURCE");
        }
        c.Phase = Phase.Infos;
        _xml.TextElement("DESCRIPTION", text);
    }

    /// <summary>Writes <c>&lt;INFO name=… value=…&gt;content&lt;/INFO&gt;</c> (name before value).</summary>
    public void WriteInfo(string name, string value, string? content = null) =>
        WriteInfo(new VoTableInfo(name, value, content));

    /// <summary>
    /// Writes an INFO where the schema allows one: at the start of VOTABLE or RESOURCE, or after a TABLE or
    /// RESOURCE (e.g. the trailing QUERY_STATUS OVERFLOW of DALI 1.1 §4.4 after <see cref="WriteEndTable"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">INFO is not allowed here (e.g. after a PARAM, inside a table).</exception>
    public void WriteInfo(VoTableInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var c = Current("INFO");
        c.Phase = (c.IsResource, c.Phase) switch
        {
            (true, Phase.Description or Phase.Infos) => Phase.Infos,
            (true, Phase.Content) => Phase.Content,
            (false, <= Phase.Meta) => Phase.Meta,
            (false, Phase.Content or Phase.TrailingInfos) => Phase.TrailingInfos,
            _ => throw new InvalidOperationException(
                "INFO is not allowed here by the VOTable 1.4 schema (in RESOURCE: before COOSYS/PARAM/LINK or after a TABLE)"),
        };
        WriteInfoElement(info);
    }

    private void WriteInfoElement(VoTableInfo info)
    {
        ArgumentNullException.ThrowIfNull(info.Name);
        ArgumentNullException.ThrowIfNull(info.Value);
        _xml.StartElement("INFO");
        _xml.Attribute("name", info.Name);
        _xml.Attribute("value", info.Value);
        _xml.Attribute("ID", CheckId(info.Id));
        if (info.Content is not null)
        {
            _xml.Text(info.Content);
        }
        _xml.EndElement();
    }

    /// <summary>Writes a PARAM under VOTABLE or RESOURCE (before any LINK, TABLE or nested RESOURCE).</summary>
    public void WriteParam(VoTableParam param)
    {
        ArgumentNullException.ThrowIfNull(param);
        EnterMeta("PARAM");
        WriteFieldElement("PARAM", param.Field, param.Value);
    }

    /// <summary>Writes a COOSYS under VOTABLE or RESOURCE (before any LINK, TABLE or nested RESOURCE).</summary>
    public void WriteCooSys(VoTableCooSys cooSys)
    {
        ArgumentNullException.ThrowIfNull(cooSys);
        EnterMeta("COOSYS");
        _xml.StartElement("COOSYS");
        _xml.Attribute("ID", CheckId(cooSys.Id));
        _xml.Attribute("system", cooSys.System);
        _xml.Attribute("equinox", cooSys.Equinox);
        _xml.Attribute("epoch", cooSys.Epoch);
        _xml.Attribute("refposition", cooSys.RefPosition);
        _xml.EndElement();
    }

    /// <summary>Writes a TIMESYS (VOTable 1.4+) under VOTABLE or RESOURCE.</summary>
    /// <exception cref="InvalidOperationException">The document version is below 1.4.</exception>
    public void WriteTimeSys(VoTableTimeSys timeSys)
    {
        ArgumentNullException.ThrowIfNull(timeSys);
        if (!VersionAtLeast("1.4"))
        {
            throw new InvalidOperationException("TIMESYS needs VOTable 1.4 or later");
        }
        EnterMeta("TIMESYS");
        _xml.StartElement("TIMESYS");
        _xml.Attribute("ID", CheckId(timeSys.Id));
        _xml.Attribute("timeorigin", timeSys.TimeOrigin);
        _xml.Attribute("timescale", timeSys.TimeScale);
        _xml.Attribute("refposition", timeSys.RefPosition);
        _xml.EndElement();
    }

    /// <summary>Writes a LINK under RESOURCE (before a TABLE or nested RESOURCE).</summary>
    public void WriteLink(VoTableLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var c = Current("LINK");
        if (!c.IsResource || c.Phase == Phase.TrailingInfos)
        {
            throw new InvalidOperationException("LINK is only allowed inside RESOURCE");
        }
        c.Phase = Phase.Links;
        WriteLinkElement(link);
    }

    /// <summary>Starts a RESOURCE, e.g. <c>WriteStartResource("results")</c> for DALI/TAP output.</summary>
    public void WriteStartResource(string? type = "results", string? name = null, string? id = null) =>
        WriteStartResource(new VoTableResourceHeader(type) { Name = name, Id = id });

    /// <summary>Starts a RESOURCE under VOTABLE or RESOURCE.</summary>
    public void WriteStartResource(VoTableResourceHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        EnterContent("RESOURCE");
        _xml.StartElement("RESOURCE");
        _xml.Attribute("type", header.Type);
        _xml.Attribute("name", header.Name);
        _xml.Attribute("ID", CheckId(header.Id));
        _xml.Attribute("utype", header.Utype);
        _containers.Push(new Container(isResource: true));
    }

    /// <summary>Ends the innermost RESOURCE.</summary>
    public void WriteEndResource()
    {
        RequireNoTable("WriteEndResource");
        if (_containers.Count < 2)
        {
            throw new InvalidOperationException("no RESOURCE is open");
        }
        _containers.Pop();
        _xml.EndElement();
    }

    /// <summary>Ends the document (closing an open table and resources) and flushes it to the stream.</summary>
    /// <exception cref="InvalidOperationException">A row is half written.</exception>
    public void WriteEndDocument()
    {
        EndDocumentCore();
        Flush();
    }

    /// <summary>Asynchronous <see cref="WriteEndDocument"/>.</summary>
    public async Task WriteEndDocumentAsync(CancellationToken cancellationToken)
    {
        EndDocumentCore();
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private void EndDocumentCore()
    {
        if (!_started)
        {
            WriteStartDocument();
        }
        if (_ended)
        {
            throw new InvalidOperationException("the document is already ended");
        }
        if (_columns is not null)
        {
            WriteEndTable();
        }
        while (_containers.Count > 1)
        {
            WriteEndResource();
        }
        if (!_containers.Peek().HasResource)
        {
            // VOTable 1.4 schema: VOTABLE needs at least one RESOURCE.
            WriteStartResource();
            WriteEndResource();
        }
        _containers.Pop();
        _xml.EndElement();
        _xml.FinalNewLine();
        _ended = true;
    }

    /// <summary>
    /// Ends the document after a failure, keeping it well-formed (DALI 1.1 §4.4; never a second XML document):
    /// a half-written row is dropped, an open table's data section and the table are closed, then
    /// <c>&lt;INFO name="QUERY_STATUS" value="ERROR"&gt;message&lt;/INFO&gt;</c> is written in the innermost
    /// RESOURCE where the schema allows it (or after the resources), all elements are closed and the output is
    /// flushed. On a fresh writer this produces a complete DALI error document.
    /// </summary>
    /// <exception cref="InvalidOperationException">The document was already ended.</exception>
    public void Abort(string message)
    {
        AbortCore(message);
        Flush();
    }

    /// <summary>Asynchronous <see cref="Abort(string)"/>.</summary>
    public async Task AbortAsync(string message, CancellationToken cancellationToken)
    {
        AbortCore(message);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private void AbortCore(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_ended)
        {
            throw new InvalidOperationException("the document is already ended");
        }
        if (!_started)
        {
            WriteStartDocument();
        }
        if (_columns is not null)
        {
            DiscardRow();
            WriteEndTable();
        }
        var error = new VoTableInfo("QUERY_STATUS", "ERROR", message);
        while (true)
        {
            var c = _containers.Peek();
            if (c.IsResource && c.Phase is Phase.Description or Phase.Infos or Phase.Content)
            {
                WriteInfo(error);
                break;
            }
            if (c.IsResource)
            {
                WriteEndResource();
                continue;
            }
            if (!c.HasResource)
            {
                WriteStartResource();
                continue;
            }
            WriteInfo(error);
            break;
        }
        EndDocumentCore();
    }

    /// <summary>Passes buffered output to the stream and flushes the stream (synchronous I/O).</summary>
    public void Flush()
    {
        if (_out.Length > 0)
        {
            _stream.Write(_out.WrittenSpan);
            _out.Reset(MaxRetainedBuffer);
        }
        _stream.Flush();
    }

    /// <summary>Passes buffered output to the stream and flushes it, asynchronously.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await WritePendingAsync(cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask WritePendingAsync(CancellationToken cancellationToken)
    {
        if (_out.Length > 0)
        {
            await _stream.WriteAsync(_out.WrittenMemory, cancellationToken).ConfigureAwait(false);
            _out.Reset(MaxRetainedBuffer);
        }
    }

    /// <summary>Writes pending output synchronously when <see cref="VoTableWriterOptions.AutoFlush"/> is on; never ends the document.</summary>
    public void Dispose()
    {
        if (_options.AutoFlush && _out.Length > 0)
        {
            _stream.Write(_out.WrittenSpan);
            _out.Clear();
        }
    }

    /// <summary>Writes pending output asynchronously; never ends the document.</summary>
    public async ValueTask DisposeAsync() => await WritePendingAsync(CancellationToken.None).ConfigureAwait(false);

    // ---- element order (VOTable 1.4 schema) ----------------------------------------------------------------

    private Container Current(string element)
    {
        if (!_started || _ended)
        {
            throw new InvalidOperationException($"{element} must be written between WriteStartDocument and WriteEndDocument");
        }
        RequireNoTable(element);
        return _containers.Peek();
    }

    private void RequireNoTable(string what)
    {
        if (_columns is not null)
        {
            throw new InvalidOperationException($"{what} is not allowed while a TABLE is open (call WriteEndTable first)");
        }
    }

    private void EnterMeta(string element)
    {
        var c = Current(element);
        if (c.Phase > Phase.Meta)
        {
            throw new InvalidOperationException($"{element} must come before any LINK, TABLE or RESOURCE of its parent");
        }
        c.Phase = Phase.Meta;
    }

    private Container EnterContent(string element)
    {
        var c = Current(element);
        if (c.Phase == Phase.TrailingInfos)
        {
            throw new InvalidOperationException($"{element} cannot follow the trailing INFOs of VOTABLE");
        }
        if (!c.IsResource && element == "TABLE")
        {
            throw new InvalidOperationException("TABLE must be inside a RESOURCE (call WriteStartResource)");
        }
        c.Phase = Phase.Content;
        c.HasResource |= element == "RESOURCE";
        return c;
    }

    // ---- metadata elements ---------------------------------------------------------------------------------

    private void WriteFieldElement(string element, VoTableField field, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(field.Name, nameof(field));
        _xml.StartElement(element);
        _xml.Attribute("name", field.Name);
        _xml.Attribute("ID", CheckId(field.Id));
        _xml.Attribute("datatype", field.Datatype.ToName());
        _xml.Attribute("arraysize", field.ArraySize);
        _xml.Attribute("width", field.Width?.ToString(CultureInfo.InvariantCulture));
        _xml.Attribute("precision", field.Precision);
        _xml.Attribute("unit", field.Unit);
        _xml.Attribute("ucd", field.Ucd);
        _xml.Attribute("utype", field.Utype);
        _xml.Attribute("xtype", field.XType);
        _xml.Attribute("ref", CheckId(field.Ref));
        _xml.Attribute("value", value);
        if (field.Description is not null)
        {
            _xml.TextElement("DESCRIPTION", field.Description);
        }
        if (field.NullValue is not null)
        {
            _xml.StartElement("VALUES");
            _xml.Attribute("null", field.NullValue);
            _xml.EndElement();
        }
        foreach (var link in field.Links ?? [])
        {
            WriteLinkElement(link);
        }
        _xml.EndElement();
    }

    private void WriteLinkElement(VoTableLink link)
    {
        _xml.StartElement("LINK");
        _xml.Attribute("ID", CheckId(link.Id));
        _xml.Attribute("content-role", link.ContentRole);
        _xml.Attribute("content-type", link.ContentType);
        _xml.Attribute("title", link.Title);
        _xml.Attribute("value", link.Value);
        _xml.Attribute("href", link.Href);
        _xml.EndElement();
    }

    /// <summary>IDs and refs are xs:ID/xs:IDREF, i.e. XML NCNames.</summary>
    private static string? CheckId(string? id)
    {
        if (id is null)
        {
            return null;
        }
        try
        {
            return XmlConvert.VerifyNCName(id);
        }
        catch (XmlException e)
        {
            throw new ArgumentException($"'{id}' is not a valid XML ID (an NCName)", nameof(id), e);
        }
    }
}
