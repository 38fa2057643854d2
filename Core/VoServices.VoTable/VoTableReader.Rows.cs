using System.Xml;
using VoServices.VoTable.Converters;

namespace VoServices.VoTable;

// Row decoding for TABLEDATA (§5.1), BINARY (§5.4) and BINARY2 (§5.5).
public sealed partial class VoTableReader
{
    private ColumnConverter[]? _columns;
    private DataState _data = DataState.Done;
    private string? _unsupported;
    private int _dataDepth;
    private int _tableDataDepth;
    private BinaryInput? _binary;
    private byte[] _flags = [];

    private enum DataState
    {
        Done,
        TableData,
        Binary,
        Binary2,
        Unsupported,
    }

    /// <summary>Number of FIELDs of the current table (the length <see cref="ReadRow"/> needs).</summary>
    public int FieldCount => Table?.Fields.Count ?? 0;

    /// <summary>
    /// Decodes the next row of the current table into <paramref name="values"/> (one entry per FIELD; see the
    /// class remarks for the CLR types).
    /// </summary>
    /// <returns>False when the table has no more rows.</returns>
    /// <exception cref="InvalidOperationException">The reader is not on a table.</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is shorter than <see cref="FieldCount"/>.</exception>
    /// <exception cref="VoTableFormatException">FITS serialization or an external/non-base64 STREAM ("not
    /// supported"), a truncated BINARY stream, malformed XML, or (when strict) a bad cell.</exception>
    public bool ReadRow(object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var columns = _columns ?? throw new InvalidOperationException("the reader is not on a table (call MoveToNextTable)");
        if (values.Length < columns.Length)
        {
            throw new ArgumentException($"the table has {columns.Length} fields, the array has room for {values.Length}", nameof(values));
        }
        try
        {
            return _data switch
            {
                DataState.Done => false,
                DataState.Unsupported => throw _context.Error(_unsupported!),
                DataState.TableData => ReadTableDataRow(columns, values),
                _ => ReadBinaryRow(columns, values),
            };
        }
        catch (XmlException e)
        {
            throw _context.Error($"malformed XML: {e.Message}", e);
        }
        finally
        {
            _context.Column = null;
        }
    }

    /// <summary>The remaining rows of the current table, each a new array.</summary>
    public IEnumerable<object?[]> ReadRows()
    {
        var count = FieldCount;
        while (true)
        {
            var row = new object?[count];
            if (!ReadRow(row))
            {
                yield break;
            }
            yield return row;
        }
    }

    private void OpenData()
    {
        _dataDepth = _xml.Depth;
        if (_xml.IsEmptyElement || !NextChild(_dataDepth))
        {
            return;
        }
        var element = _xml.LocalName;
        switch (element)
        {
            case "TABLEDATA":
                Serialization = VoTableSerialization.TableData;
                _tableDataDepth = _xml.Depth;
                _data = _xml.IsEmptyElement ? DataState.Done : DataState.TableData;
                return;
            case "BINARY" or "BINARY2":
                Serialization = element == "BINARY" ? VoTableSerialization.Binary : VoTableSerialization.Binary2;
                OpenStream(element);
                return;
            case "FITS":
                Serialization = VoTableSerialization.Fits;
                Unsupported("FITS serialization not supported (VOTable 1.4 §5.3)");
                return;
            default:
                Unsupported($"unknown DATA content <{element}>");
                return;
        }
    }

    private void OpenStream(string element)
    {
        if (_xml.IsEmptyElement || !NextChild(_xml.Depth) || _xml.LocalName != "STREAM")
        {
            Unsupported($"{element} without a STREAM");
            return;
        }
        if (Attr("href") is { } href)
        {
            Unsupported($"external STREAM href='{href}' not supported; only inline base64 data is read");
            return;
        }
        var encoding = Attr("encoding");
        if (!string.Equals(encoding, "base64", StringComparison.OrdinalIgnoreCase))
        {
            Unsupported($"STREAM encoding '{encoding ?? "none"}' not supported; only inline base64 data is read");
            return;
        }
        _binary = new BinaryInput(ReadBase64);
        _data = element == "BINARY" ? DataState.Binary : DataState.Binary2;
        var flagBytes = (_columns!.Length + 7) / 8;
        if (_flags.Length != flagBytes)
        {
            _flags = new byte[flagBytes];
        }
    }

    private int ReadBase64(byte[] buffer, int offset, int count)
    {
        var read = _xml.ReadElementContentAsBase64(buffer, offset, count);
        if (read == 0)
        {
            // The XmlReader now stands on the node after </STREAM>.
            _positioned = true;
        }
        return read;
    }

    private void Unsupported(string reason)
    {
        _data = DataState.Unsupported;
        _unsupported = reason;
    }

    private void SkipRows()
    {
        switch (_data)
        {
            case DataState.TableData:
                while (NextChild(_tableDataDepth))
                {
                    SkipElement();
                }
                break;
            case DataState.Binary or DataState.Binary2:
                while (!_binary!.AtEnd())
                {
                    _binary.Take(1);
                }
                break;
            case DataState.Unsupported:
                if (_positioned)
                {
                    _positioned = false;
                }
                else
                {
                    _xml.Read();
                }
                while (!(_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == _dataDepth))
                {
                    if (!_xml.Read())
                    {
                        throw _context.Error("the document ends inside DATA");
                    }
                }
                break;
        }
        _data = DataState.Done;
    }

    private bool ReadTableDataRow(ColumnConverter[] columns, object?[] values)
    {
        while (true)
        {
            if (!NextChild(_tableDataDepth))
            {
                _data = DataState.Done;
                return false;
            }
            if (_xml.LocalName == "TR")
            {
                break;
            }
            SkipElement();
        }
        var cells = 0;
        if (!_xml.IsEmptyElement)
        {
            var depth = _xml.Depth;
            while (NextChild(depth))
            {
                if (_xml.LocalName != "TD")
                {
                    SkipElement();
                    continue;
                }
                var encoding = _xml.GetAttribute("encoding");
                var text = _xml.ReadElementContentAsString();
                _positioned = true;
                if (cells < columns.Length)
                {
                    values[cells] = DecodeCell(columns[cells], text, encoding);
                }
                cells++;
            }
        }
        if (cells != columns.Length)
        {
            _context.Column = null;
            _context.Report(VoTableDiagnosticCodes.WrongCellCount,
                $"TR has {cells} TD cells for {columns.Length} fields; missing cells are null, extra cells ignored");
            for (var i = cells; i < columns.Length; i++)
            {
                values[i] = null;
            }
        }
        return true;
    }

    private object? DecodeCell(ColumnConverter column, string text, string? encoding)
    {
        _context.Column = column.Field.Name;
        if (string.Equals(encoding, "base64", StringComparison.OrdinalIgnoreCase))
        {
            // VOTable 1.0/1.1 allowed a TD to carry its cell in the BINARY encoding, base64-encoded.
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(text.Trim());
            }
            catch (FormatException)
            {
                return _context.Report(VoTableDiagnosticCodes.InvalidValue, $"TD encoding='base64' content '{text}' is not base64; read as null");
            }
            return text.Trim().Length == 0 ? null : column.ReadBinary(new BinaryInput(bytes), _context);
        }
        if (column.WantsRawText)
        {
            return text.Length == 0 ? null : column.ParseText(text, _context);
        }
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? null : column.ParseText(trimmed, _context);
    }

    private bool ReadBinaryRow(ColumnConverter[] columns, object?[] values)
    {
        var input = _binary!;
        if (input.AtEnd())
        {
            _data = DataState.Done;
            return false;
        }
        var binary2 = _data == DataState.Binary2;
        if (binary2)
        {
            // VOTable 1.4 §5.5: ⌈N/8⌉ flag bytes, MSB of the first byte = first column, set = null.
            input.Take(_flags.Length).CopyTo(_flags);
        }
        for (var i = 0; i < columns.Length; i++)
        {
            _context.Column = columns[i].Field.Name;
            var value = columns[i].ReadBinary(input, _context);
            values[i] = binary2 && (_flags[i >> 3] & (0x80 >> (i & 7))) != 0 ? null : value;
        }
        return true;
    }
}
