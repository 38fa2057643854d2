using System.Globalization;
using System.Xml;
using VoServices.VoTable.Converters;

namespace VoServices.VoTable;

// Metadata elements. Every Read* method starts on the element's start tag and leaves the reader either on the
// element itself (empty element) / its end tag with _positioned false, or on the following node with
// _positioned true, so that Advance() continues correctly.
public sealed partial class VoTableReader
{
    private string? Attr(string name) => _xml.GetAttribute(name);

    /// <summary>Moves to the next child element of the element at <paramref name="depth"/>; false on its end tag.</summary>
    private bool NextChild(int depth)
    {
        while (Advance())
        {
            if (_xml.NodeType == XmlNodeType.Element && _xml.Depth == depth + 1)
            {
                return true;
            }
            if (_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth)
            {
                return false;
            }
        }
        throw _context.Error("the document ends inside an element");
    }

    private VoTableInfo ReadInfo()
    {
        var name = Attr("name") ?? "";
        var value = Attr("value") ?? "";
        var id = Attr("ID");
        var content = ReadElementText();
        return new VoTableInfo(name, value, content.Length == 0 ? null : content) { Id = id };
    }

    private VoTableParam ReadParam()
    {
        var (field, value) = ReadFieldElement(isParam: true);
        return new VoTableParam(field, value ?? "");
    }

    private VoTableCooSys ReadCooSys()
    {
        var cooSys = new VoTableCooSys(Attr("ID") ?? "", Attr("system"))
        {
            Equinox = Attr("equinox"),
            Epoch = Attr("epoch"),
            RefPosition = Attr("refposition"),
        };
        SkipElement();
        return cooSys;
    }

    private VoTableTimeSys ReadTimeSys()
    {
        var timeSys = new VoTableTimeSys(Attr("ID") ?? "", Attr("timescale") ?? "", Attr("refposition") ?? "")
        {
            TimeOrigin = Attr("timeorigin"),
        };
        SkipElement();
        return timeSys;
    }

    private VoTableLink ReadLink()
    {
        var link = new VoTableLink(Attr("href"))
        {
            Id = Attr("ID"),
            ContentRole = Attr("content-role"),
            ContentType = Attr("content-type"),
            Title = Attr("title"),
            Value = Attr("value"),
        };
        SkipElement();
        return link;
    }

    private VoTableResourceHeader ReadResourceHeader()
    {
        var header = new VoTableResourceHeader(Attr("type"))
        {
            Name = Attr("name"),
            Id = Attr("ID"),
            Utype = Attr("utype"),
        };
        if (_xml.IsEmptyElement)
        {
            _pendingEnd = VoTableNodeType.EndResource;
        }
        return header;
    }

    private (VoTableField Field, string? Value) ReadFieldElement(bool isParam)
    {
        var element = isParam ? "PARAM" : "FIELD";
        var name = Attr("name") ?? Attr("ID");
        if (string.IsNullOrEmpty(name))
        {
            _context.Report(VoTableDiagnosticCodes.InvalidValue, $"{element} without a name; named 'unnamed'");
            name = "unnamed";
        }
        var value = Attr("value");
        var (datatype, arraysize) = ResolveType(element, name, Attr("datatype"), Attr("arraysize"), isParam);
        if (isParam && datatype.IsCharacter() && arraysize is null && value is { Length: > 1 })
        {
            _context.Report(VoTableDiagnosticCodes.InvalidParam,
                $"PARAM '{name}': char value longer than one character without arraysize; read with arraysize='*'");
            arraysize = "*";
        }
        var field = new VoTableField(name, datatype)
        {
            ArraySize = arraysize,
            Id = Attr("ID"),
            Unit = Attr("unit"),
            Ucd = Attr("ucd"),
            Utype = Attr("utype"),
            XType = Attr("xtype"),
            Ref = Attr("ref"),
            Precision = Attr("precision"),
            Width = int.TryParse(Attr("width"), NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w > 0 ? w : null,
        };
        return (ReadFieldChildren(field), value);
    }

    private (VoTableDataType Type, string? ArraySize) ResolveType(string element, string name, string? datatype,
        string? arraysize, bool isParam)
    {
        VoTableDataType type;
        if (datatype is null)
        {
            _context.Report(VoTableDiagnosticCodes.MissingDatatype, $"{element} '{name}' has no datatype; read as char");
            type = VoTableDataType.Char;
            arraysize ??= "*";
        }
        else if (VoTableDataTypes.TryParseLenient(datatype, out type, out var legacy))
        {
            if (legacy)
            {
                _context.Report(VoTableDiagnosticCodes.LegacyDatatype,
                    $"{element} '{name}': '{datatype}' is not a VOTable datatype; read as '{type.ToName()}' (astropy W13)");
            }
        }
        else if (isParam)
        {
            _context.Report(VoTableDiagnosticCodes.InvalidParam,
                $"PARAM '{name}': '{datatype}' is not a VOTable datatype; kept as a char string");
            type = VoTableDataType.Char;
            arraysize = "*";
        }
        else
        {
            throw _context.Error($"FIELD '{name}': datatype '{datatype}' is not a VOTable datatype (VOTable 1.4 §2.1)");
        }
        if (arraysize is not null && !ArraySize.TryParse(arraysize, out _))
        {
            if (!isParam)
            {
                throw _context.Error($"FIELD '{name}': invalid arraysize '{arraysize}' (VOTable 1.4 §2.2)");
            }
            _context.Report(VoTableDiagnosticCodes.InvalidParam, $"PARAM '{name}': invalid arraysize '{arraysize}'; read as '*'");
            arraysize = "*";
        }
        return (type, arraysize);
    }

    private VoTableField ReadFieldChildren(VoTableField field)
    {
        if (_xml.IsEmptyElement)
        {
            return field;
        }
        var depth = _xml.Depth;
        List<VoTableLink>? links = null;
        while (NextChild(depth))
        {
            switch (_xml.LocalName)
            {
                case "DESCRIPTION":
                    field = field with { Description = ReadElementText().Trim() };
                    break;
                case "VALUES":
                    field = field with { NullValue = ReadValuesNull() };
                    break;
                case "LINK":
                    (links ??= []).Add(ReadLink());
                    break;
                default:
                    SkipElement();
                    break;
            }
        }
        return links is null ? field : field with { Links = links };
    }

    /// <summary>The null attribute of VALUES, following VALUES ref= to an earlier VALUES ID.</summary>
    private string? ReadValuesNull()
    {
        var nullValue = Attr("null");
        var reference = Attr("ref");
        if (nullValue is null && reference is not null)
        {
            _valuesNullById.TryGetValue(reference, out nullValue);
        }
        if (Attr("ID") is { } id)
        {
            _valuesNullById[id] = nullValue;
        }
        SkipElement();
        return nullValue;
    }

    private void ReadTableHeader()
    {
        var id = Attr("ID");
        var reference = Attr("ref");
        var header = new VoTableTableHeader([])
        {
            Id = id,
            Name = Attr("name"),
            Ref = reference,
            Ucd = Attr("ucd"),
            Utype = Attr("utype"),
            RowCount = long.TryParse(Attr("nrows"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null,
        };
        var fields = new List<VoTableField>();
        var infos = new List<VoTableInfo>();
        var parameters = new List<VoTableParam>();
        var links = new List<VoTableLink>();
        var hasData = false;
        if (_xml.IsEmptyElement)
        {
            _pendingEnd = VoTableNodeType.EndTable;
        }
        else
        {
            hasData = ReadTableChildren(header, fields, infos, parameters, links, out header);
        }
        IReadOnlyList<VoTableField> columns = fields;
        if (fields.Count == 0 && reference is not null && _tableFieldsById.TryGetValue(reference, out var shared))
        {
            columns = shared;
        }
        _columns = CreateColumns(ref columns);
        if (id is not null)
        {
            _tableFieldsById[id] = columns;
        }
        Table = header with { Fields = columns, Infos = infos, Params = parameters, Links = links };
        _data = DataState.Done;
        Serialization = VoTableSerialization.None;
        if (hasData)
        {
            OpenData();
        }
    }

    private bool ReadTableChildren(VoTableTableHeader header, List<VoTableField> fields, List<VoTableInfo> infos,
        List<VoTableParam> parameters, List<VoTableLink> links, out VoTableTableHeader updated)
    {
        var depth = _xml.Depth;
        updated = header;
        while (NextChild(depth))
        {
            switch (_xml.LocalName)
            {
                case "DESCRIPTION":
                    updated = updated with { Description = ReadElementText().Trim() };
                    break;
                case "INFO":
                    infos.Add(ReadInfo());
                    break;
                case "FIELD":
                    fields.Add(ReadFieldElement(isParam: false).Field);
                    break;
                case "PARAM":
                    parameters.Add(ReadParam());
                    break;
                case "LINK":
                    links.Add(ReadLink());
                    break;
                case "DATA":
                    return true;
                default:
                    SkipElement();
                    break;
            }
        }
        _pendingEnd = VoTableNodeType.EndTable;
        return false;
    }

    /// <summary>Creates the converters; a FIELD whose VALUES null= is unusable is reported and loses it.</summary>
    private ColumnConverter[] CreateColumns(ref IReadOnlyList<VoTableField> fields)
    {
        var columns = new ColumnConverter[fields.Count];
        List<VoTableField>? repaired = null;
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = ColumnConverter.Create(fields[i]);
            if (columns[i].MetadataProblem is { } problem)
            {
                _context.Report(VoTableDiagnosticCodes.InvalidNullValue, $"FIELD '{fields[i].Name}': {problem}; ignored");
                repaired ??= [.. fields];
                repaired[i] = fields[i] with { NullValue = null };
                columns[i] = ColumnConverter.Create(repaired[i]);
            }
        }
        if (repaired is not null)
        {
            fields = repaired;
        }
        return columns;
    }
}
