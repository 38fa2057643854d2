using System.Xml;
using VoServices.VoTable.Converters;

namespace VoServices.VoTable;

/// <summary>
/// Forward-only VOTable reader over an <see cref="XmlReader"/> (like <c>Utf8JsonReader</c>, token by token).
/// Reads VOTable 1.0–1.5 in any of the namespaces v1.1, v1.2, v1.3 or none; DTD declarations are ignored and
/// never fetched. <see cref="Read"/> moves through the document structure (RESOURCE, INFO, PARAM, COOSYS,
/// TIMESYS, LINK, TABLE); at a <see cref="VoTableNodeType.StartTable"/> the table's metadata is in
/// <see cref="Table"/> and <see cref="ReadRow"/> decodes the rows one at a time from TABLEDATA, BINARY or BINARY2
/// (base64 STREAM), so memory does not grow with the number of rows. <see cref="MoveToNextTable"/> skips to the
/// next TABLE anywhere in the document (e.g. the 360 tables of a VizieR response).
/// </summary>
/// <remarks>
/// CLR types of cell values (null = null): boolean → <c>bool</c> / <c>bool?[]</c>; bit → <c>bool</c> /
/// <c>bool[]</c>; unsignedByte, short, int, long, float, double → <c>byte</c>, <c>short</c>, <c>int</c>,
/// <c>long</c>, <c>float</c>, <c>double</c> or arrays of them (flat, first dimension fastest); floatComplex,
/// doubleComplex → <see cref="System.Numerics.Complex"/> / <c>Complex[]</c>; char, unicodeChar → <c>string</c>
/// (for any arraysize). Integer (and float) scalars equal to VALUES null= are null; array elements are kept raw.
/// An empty TD is null; in BINARY a NaN float stays NaN and an empty string or array is returned as such.
/// External streams (<c>STREAM href</c>), STREAM encodings other than base64, and the FITS serialization are not
/// read: <see cref="ReadRow"/> throws <see cref="VoTableFormatException"/> for such a table, while
/// <see cref="Read"/> skips it. GROUP elements are skipped.
/// </remarks>
public sealed partial class VoTableReader : IDisposable
{
    private readonly XmlReader _xml;
    private readonly ReadContext _context;
    private readonly Dictionary<string, IReadOnlyList<VoTableField>> _tableFieldsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _valuesNullById = new(StringComparer.Ordinal);
    private bool _positioned;
    private VoTableNodeType _pendingEnd;

    /// <summary>Creates a reader; the stream is not closed by <see cref="Dispose"/>.</summary>
    public VoTableReader(Stream stream, VoTableReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new VoTableReaderOptions();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CheckCharacters = false,
            CloseInput = false,
        };
        _xml = XmlReader.Create(stream, settings);
        _context = new ReadContext(options.Strict, options.MaxDiagnostics, _xml as IXmlLineInfo);
    }

    /// <summary>The token the reader is on.</summary>
    public VoTableNodeType NodeType { get; private set; }

    /// <summary>The VOTABLE <c>version</c> attribute (null when absent, as in some VOTable 1.0 files).</summary>
    public string? Version { get; private set; }

    /// <summary>The namespace of the VOTABLE element (empty for none).</summary>
    public string? Namespace { get; private set; }

    /// <summary>Text of the current <see cref="VoTableNodeType.Description"/> (trimmed).</summary>
    public string? Description { get; private set; }

    /// <summary>The current <see cref="VoTableNodeType.Info"/>.</summary>
    public VoTableInfo? Info { get; private set; }

    /// <summary>The current <see cref="VoTableNodeType.Param"/>.</summary>
    public VoTableParam? Param { get; private set; }

    /// <summary>The current <see cref="VoTableNodeType.CooSys"/>.</summary>
    public VoTableCooSys? CooSys { get; private set; }

    /// <summary>The current <see cref="VoTableNodeType.TimeSys"/>.</summary>
    public VoTableTimeSys? TimeSys { get; private set; }

    /// <summary>The current <see cref="VoTableNodeType.Link"/>.</summary>
    public VoTableLink? Link { get; private set; }

    /// <summary>Attributes of the RESOURCE at <see cref="VoTableNodeType.StartResource"/>.</summary>
    public VoTableResourceHeader? Resource { get; private set; }

    /// <summary>Metadata of the current table, from <see cref="VoTableNodeType.StartTable"/> to its <see cref="VoTableNodeType.EndTable"/>.</summary>
    public VoTableTableHeader? Table { get; private set; }

    /// <summary>Serialization of the current table's DATA (<see cref="VoTableSerialization.None"/> without DATA).</summary>
    public VoTableSerialization Serialization { get; private set; }

    /// <summary>Problems tolerated so far (bounded by <see cref="VoTableReaderOptions.MaxDiagnostics"/>).</summary>
    public IReadOnlyList<VoTableDiagnostic> Diagnostics => _context.Diagnostics;

    /// <summary>Moves to the next token. Unread rows of the current table are skipped.</summary>
    /// <returns>False after <see cref="VoTableNodeType.EndDocument"/>.</returns>
    /// <exception cref="VoTableFormatException">Not XML, not a VOTable, or malformed metadata.</exception>
    public bool Read()
    {
        try
        {
            return ReadCore();
        }
        catch (XmlException e)
        {
            throw _context.Error($"malformed XML: {e.Message}", e);
        }
    }

    /// <summary>Reads on until the next <see cref="VoTableNodeType.StartTable"/>.</summary>
    /// <returns>False when the document has no further TABLE.</returns>
    public bool MoveToNextTable()
    {
        while (Read())
        {
            if (NodeType == VoTableNodeType.StartTable)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Releases the XML reader (not the stream).</summary>
    public void Dispose() => _xml.Dispose();

    private bool ReadCore()
    {
        if (NodeType == VoTableNodeType.EndDocument)
        {
            return false;
        }
        ClearCurrent();
        if (NodeType == VoTableNodeType.None)
        {
            ReadRoot();
            return true;
        }
        if (_data != DataState.Done)
        {
            SkipRows();
        }
        if (_pendingEnd != VoTableNodeType.None)
        {
            return Emit(_pendingEnd);
        }
        while (Advance())
        {
            var handled = _xml.NodeType switch
            {
                XmlNodeType.Element => HandleElement(),
                XmlNodeType.EndElement => HandleEndElement(),
                _ => false,
            };
            if (handled)
            {
                return true;
            }
        }
        throw _context.Error("the document ends before </VOTABLE>");
    }

    private bool Emit(VoTableNodeType type)
    {
        _pendingEnd = VoTableNodeType.None;
        NodeType = type;
        if (type == VoTableNodeType.EndTable)
        {
            _columns = null;
            _data = DataState.Done;
        }
        return true;
    }

    private void ClearCurrent()
    {
        Description = null;
        Info = null;
        Param = null;
        CooSys = null;
        TimeSys = null;
        Link = null;
        Resource = null;
        if (NodeType == VoTableNodeType.EndTable)
        {
            Table = null;
            Serialization = VoTableSerialization.None;
        }
    }

    private void ReadRoot()
    {
        if (_xml.MoveToContent() != XmlNodeType.Element)
        {
            throw _context.Error("not a VOTable document: no root element");
        }
        if (_xml.LocalName != "VOTABLE")
        {
            throw _context.Error($"not a VOTable document: the root element is <{_xml.LocalName}>");
        }
        Version = _xml.GetAttribute("version");
        Namespace = _xml.NamespaceURI;
        NodeType = VoTableNodeType.StartDocument;
        if (_xml.IsEmptyElement)
        {
            _pendingEnd = VoTableNodeType.EndDocument;
        }
    }

    private bool Advance()
    {
        if (_positioned)
        {
            _positioned = false;
            return !_xml.EOF;
        }
        return _xml.Read();
    }

    private bool HandleElement()
    {
        switch (_xml.LocalName)
        {
            case "DESCRIPTION":
                Description = ReadElementText().Trim();
                NodeType = VoTableNodeType.Description;
                return true;
            case "INFO":
                Info = ReadInfo();
                NodeType = VoTableNodeType.Info;
                return true;
            case "PARAM":
                Param = ReadParam();
                NodeType = VoTableNodeType.Param;
                return true;
            case "COOSYS":
                CooSys = ReadCooSys();
                NodeType = VoTableNodeType.CooSys;
                return true;
            case "TIMESYS":
                TimeSys = ReadTimeSys();
                NodeType = VoTableNodeType.TimeSys;
                return true;
            case "LINK":
                Link = ReadLink();
                NodeType = VoTableNodeType.Link;
                return true;
            case "RESOURCE":
                Resource = ReadResourceHeader();
                NodeType = VoTableNodeType.StartResource;
                return true;
            case "TABLE":
                ReadTableHeader();
                NodeType = VoTableNodeType.StartTable;
                return true;
            case "DEFINITIONS" or "DATA":
                // Deprecated container (its COOSYS/PARAM surface as tokens) / DATA after the rows (INFO children).
                return false;
            default:
                SkipElement();
                return false;
        }
    }

    private bool HandleEndElement()
    {
        switch (_xml.LocalName)
        {
            case "RESOURCE":
                return Emit(VoTableNodeType.EndResource);
            case "TABLE":
                return Emit(VoTableNodeType.EndTable);
            case "VOTABLE":
                return Emit(VoTableNodeType.EndDocument);
            default:
                return false;
        }
    }

    private void SkipElement()
    {
        _xml.Skip();
        _positioned = true;
    }

    /// <summary>Concatenated text below the current element; leaves the reader after its end tag.</summary>
    private string ReadElementText()
    {
        if (_xml.IsEmptyElement)
        {
            _xml.Read();
            _positioned = true;
            return "";
        }
        var depth = _xml.Depth;
        var text = new System.Text.StringBuilder();
        while (_xml.Read())
        {
            if (_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth)
            {
                break;
            }
            if (_xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                text.Append(_xml.Value);
            }
        }
        _xml.Read();
        _positioned = true;
        return text.ToString();
    }
}
