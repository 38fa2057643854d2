using VoServices.VoTable.Converters;

namespace VoServices.VoTable;

// Tables and rows. Each row is assembled in a reusable buffer and committed whole, so a failing cell never
// leaves half a row in the output and Abort can always close the data section cleanly.
public sealed partial class VoTableWriter
{
    private static readonly byte[] TrOpen = "<TR>"u8.ToArray();
    private static readonly byte[] TrClose = "</TR>\n"u8.ToArray();
    private static readonly byte[] TdOpen = "<TD>"u8.ToArray();
    private static readonly byte[] TdClose = "</TD>"u8.ToArray();
    private static readonly byte[] TdEmpty = "<TD/>"u8.ToArray();
    private readonly ByteBuffer _row;
    private readonly Base64Chunker _base64;
    private ColumnConverter[]? _columns;
    private VoTableSerialization _serialization;
    private int _flagBytes;
    private int _cell = -1;

    /// <summary>Rows written to the current (or last) table.</summary>
    public long RowCount { get; private set; }

    /// <summary>Starts a TABLE with just these FIELDs.</summary>
    public void WriteStartTable(IReadOnlyList<VoTableField> fields, VoTableSerialization serialization) =>
        WriteStartTable(new VoTableTableHeader(fields), serialization);

    /// <summary>
    /// Writes TABLE with its DESCRIPTION, INFOs, PARAMs, FIELDs and LINKs, then opens DATA in the chosen
    /// serialization (nothing for <see cref="VoTableSerialization.None"/>). Rows follow; end with
    /// <see cref="WriteEndTable"/>.
    /// </summary>
    /// <exception cref="ArgumentException">No FIELD, an empty name, a malformed arraysize or VALUES null, an invalid ID.</exception>
    /// <exception cref="NotSupportedException">FITS serialization, or BINARY2 below VOTable 1.3.</exception>
    public void WriteStartTable(VoTableTableHeader header, VoTableSerialization serialization)
    {
        ArgumentNullException.ThrowIfNull(header);
        var columns = CreateConverters(header, serialization);
        EnterContent("TABLE");
        _xml.StartElement("TABLE");
        _xml.Attribute("ID", CheckId(header.Id));
        _xml.Attribute("name", header.Name);
        _xml.Attribute("ref", CheckId(header.Ref));
        _xml.Attribute("ucd", header.Ucd);
        _xml.Attribute("utype", header.Utype);
        _xml.Attribute("nrows", header.RowCount?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (header.Description is not null)
        {
            _xml.TextElement("DESCRIPTION", header.Description);
        }
        foreach (var info in header.Infos)
        {
            WriteInfoElement(info);
        }
        foreach (var param in header.Params)
        {
            WriteFieldElement("PARAM", param.Field, param.Value);
        }
        foreach (var field in header.Fields)
        {
            WriteFieldElement("FIELD", field, null);
        }
        foreach (var link in header.Links)
        {
            WriteLinkElement(link);
        }
        OpenData(serialization);
        _columns = columns;
        _serialization = serialization;
        _flagBytes = (columns.Length + 7) / 8;
        RowCount = 0;
    }

    private ColumnConverter[] CreateConverters(VoTableTableHeader header, VoTableSerialization serialization)
    {
        if (serialization == VoTableSerialization.Fits)
        {
            throw new NotSupportedException("FITS serialization is not supported by VoTableWriter");
        }
        if (serialization == VoTableSerialization.Binary2 && !VersionAtLeast("1.3"))
        {
            throw new NotSupportedException("BINARY2 needs VOTable 1.3 or later (VOTable 1.4 §5.5)");
        }
        if (header.Fields.Count == 0 && (serialization != VoTableSerialization.None || header.Params.Count == 0))
        {
            throw new ArgumentException("a TABLE needs at least one FIELD (VOTable 1.4 schema)", nameof(header));
        }
        var columns = new ColumnConverter[header.Fields.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            var field = header.Fields[i] ?? throw new ArgumentException($"field {i} is null", nameof(header));
            ArgumentException.ThrowIfNullOrEmpty(field.Name, nameof(header));
            try
            {
                columns[i] = ColumnConverter.Create(field, _options.ReplaceUnrepresentableCharacters);
            }
            catch (VoTableFormatException e)
            {
                throw new VoTableValueException($"field '{field.Name}': {e.Message}", e);
            }
            columns[i].ValidateForWriting();
        }
        return columns;
    }

    private void OpenData(VoTableSerialization serialization)
    {
        if (serialization == VoTableSerialization.None)
        {
            return;
        }
        _xml.StartElement("DATA");
        if (serialization == VoTableSerialization.TableData)
        {
            _xml.StartElement("TABLEDATA");
        }
        else
        {
            _xml.StartElement(serialization == VoTableSerialization.Binary ? "BINARY" : "BINARY2");
            _xml.StartElement("STREAM");
            _xml.Attribute("encoding", "base64");
        }
        _xml.BeginRawContent();
    }

    /// <summary>
    /// Closes the data section (flushing the last base64 bytes), writes <paramref name="trailingInfos"/> inside
    /// TABLE after DATA, and ends TABLE. A QUERY_STATUS OVERFLOW/ERROR INFO belongs after this, via
    /// <see cref="WriteInfo(VoTableInfo)"/> at RESOURCE level.
    /// </summary>
    /// <exception cref="InvalidOperationException">No table is open, or a row is half written.</exception>
    public void WriteEndTable(IReadOnlyList<VoTableInfo>? trailingInfos = null)
    {
        if (_columns is null)
        {
            throw new InvalidOperationException("no TABLE is open");
        }
        if (_cell >= 0)
        {
            throw new InvalidOperationException("a row is in progress (call WriteEndRow first)");
        }
        switch (_serialization)
        {
            case VoTableSerialization.TableData:
                _xml.EndElement();
                _xml.EndElement();
                break;
            case VoTableSerialization.Binary or VoTableSerialization.Binary2:
                _base64.Finish();
                _xml.EndElement();
                _xml.EndElement();
                _xml.EndElement();
                break;
        }
        foreach (var info in trailingInfos ?? [])
        {
            WriteInfoElement(info);
        }
        _xml.EndElement();
        _columns = null;
        MaybeAutoFlush();
    }

    /// <summary>Writes one row; <paramref name="values"/> has one entry per FIELD (see the class remarks for types).</summary>
    /// <exception cref="VoTableValueException">A value cannot be written; the row is dropped and the writer stays usable.</exception>
    public void WriteRow(ReadOnlySpan<object?> values)
    {
        var columns = RequireTable();
        if (values.Length != columns.Length)
        {
            throw new VoTableValueException($"row has {values.Length} values, the table has {columns.Length} fields");
        }
        WriteStartRow();
        foreach (var value in values)
        {
            WriteCell(value);
        }
        WriteEndRow();
    }

    /// <summary>Writes one row, then passes output to the stream asynchronously once the flush threshold is reached.</summary>
    public ValueTask WriteRowAsync(ReadOnlyMemory<object?> values, CancellationToken cancellationToken)
    {
        WriteRow(values.Span);
        return _out.Length >= _options.FlushThreshold ? WritePendingAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    /// <summary>Starts a row for the cell-by-cell API (<see cref="WriteCell(object?)"/> and typed overloads).</summary>
    public void WriteStartRow()
    {
        RequireTable();
        if (_cell >= 0)
        {
            throw new InvalidOperationException("a row is already in progress");
        }
        _row.Clear();
        if (_serialization == VoTableSerialization.TableData)
        {
            _row.Write(TrOpen);
        }
        else if (_serialization == VoTableSerialization.Binary2)
        {
            // VOTable 1.4 §5.5: ⌈N/8⌉ null-flag bytes, MSB of byte 0 = column 1; unused low bits stay 0.
            _row.Reserve(_flagBytes).Clear();
        }
        _cell = 0;
    }

    /// <summary>Writes the next cell; null or <see cref="DBNull"/> writes a null.</summary>
    public void WriteCell(object? value) => WriteNextCell(new ObjectCell(value));

    /// <summary>Writes the next cell without boxing (numeric columns; others box and use <see cref="WriteCell(object?)"/>).</summary>
    public void WriteCell(double value) => WriteNextCell(new DoubleCell(value));

    /// <summary>Writes the next cell without boxing (numeric columns).</summary>
    public void WriteCell(long value) => WriteNextCell(new LongCell(value));

    /// <summary>Writes the next cell (numeric columns).</summary>
    public void WriteCell(int value) => WriteCell((long)value);

    /// <summary>Writes the next cell (numeric columns; a float column gets the exact value back).</summary>
    public void WriteCell(float value) => WriteCell((double)value);

    /// <summary>Writes the next cell (boolean or bit columns).</summary>
    public void WriteCell(bool value) => WriteCell((object)value);

    /// <summary>Writes the next cell (char/unicodeChar columns); null writes a null.</summary>
    public void WriteCell(string? value) => WriteCell((object?)value);

    /// <summary>Writes a null in the next cell.</summary>
    public void WriteNullCell() => WriteCell((object?)null);

    /// <summary>Ends the row started with <see cref="WriteStartRow"/> and commits it to the output.</summary>
    /// <exception cref="VoTableValueException">Fewer cells than FIELDs; the row is dropped.</exception>
    public void WriteEndRow()
    {
        var columns = RequireTable();
        if (_cell < 0)
        {
            throw new InvalidOperationException("no row is in progress");
        }
        if (_cell != columns.Length)
        {
            var written = _cell;
            DiscardRow();
            throw new VoTableValueException($"row has {written} cells, the table has {columns.Length} fields");
        }
        if (_serialization == VoTableSerialization.TableData)
        {
            _row.Write(TrClose);
            _out.Write(_row.WrittenSpan);
        }
        else
        {
            _base64.Append(_row.WrittenSpan);
        }
        _row.Reset(MaxRetainedBuffer);
        _cell = -1;
        RowCount++;
        MaybeAutoFlush();
    }

    /// <summary><see cref="WriteEndRow"/>, then an asynchronous write to the stream once the flush threshold is reached.</summary>
    public ValueTask WriteEndRowAsync(CancellationToken cancellationToken)
    {
        WriteEndRow();
        return _out.Length >= _options.FlushThreshold ? WritePendingAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    private void WriteNull(ColumnConverter column)
    {
        switch (_serialization)
        {
            case VoTableSerialization.TableData:
                var mark = _row.Length;
                _row.Write(TdOpen);
                if (column.TryWriteTextNull(_row))
                {
                    _row.Write(TdClose);
                }
                else
                {
                    _row.Truncate(mark);
                    _row.Write(TdEmpty);
                }
                break;
            case VoTableSerialization.Binary2:
                _row.SetFlag(_cell);
                column.WriteNullPayload(_row);
                break;
            default:
                if (!column.TryWriteBinaryNull(_row))
                {
                    throw new VoTableValueException(
                        $"column '{column.Field.Name}': BINARY cannot express this null (VOTable 1.4 §5.4: integers need VALUES null=, bits have none); use BINARY2 or set VoTableField.NullValue");
                }
                break;
        }
    }

    private ColumnConverter[] RequireTable() =>
        _columns ?? throw new InvalidOperationException("no TABLE is open (call WriteStartTable)");

    private ColumnConverter NextColumn()
    {
        var columns = RequireTable();
        if (_serialization == VoTableSerialization.None)
        {
            throw new InvalidOperationException("the table was started without a serialization, so it has no rows");
        }
        if (_cell < 0)
        {
            throw new InvalidOperationException("no row is in progress (call WriteStartRow)");
        }
        if (_cell >= columns.Length)
        {
            DiscardRow();
            throw new VoTableValueException($"row has more cells than the table's {columns.Length} fields");
        }
        return columns[_cell];
    }

    private void DiscardRow()
    {
        _row.Clear();
        _cell = -1;
    }

    private void MaybeAutoFlush()
    {
        if (_options.AutoFlush && _out.Length >= _options.FlushThreshold)
        {
            _stream.Write(_out.WrittenSpan);
            _out.Clear();
        }
    }

    // One cell path for every WriteCell overload. TCell is a struct so the JIT specialises this method per
    // value type and double/long cells reach the converters' typed overloads without boxing.
    private void WriteNextCell<TCell>(TCell cell)
        where TCell : struct, ICellValue
    {
        var column = NextColumn();
        try
        {
            if (cell.IsNull)
            {
                WriteNull(column);
            }
            else if (_serialization == VoTableSerialization.TableData)
            {
                _row.Write(TdOpen);
                cell.WriteText(column, _row);
                _row.Write(TdClose);
            }
            else
            {
                cell.WriteBinary(column, _row);
            }
        }
        catch
        {
            DiscardRow();
            throw;
        }
        _cell++;
    }

    private interface ICellValue
    {
        bool IsNull { get; }

        void WriteText(ColumnConverter column, ByteBuffer buffer);

        void WriteBinary(ColumnConverter column, ByteBuffer buffer);
    }

    private readonly struct ObjectCell(object? value) : ICellValue
    {
        public bool IsNull => value is null or DBNull;

        public void WriteText(ColumnConverter column, ByteBuffer buffer) => column.WriteText(value!, buffer);

        public void WriteBinary(ColumnConverter column, ByteBuffer buffer) => column.WriteBinary(value!, buffer);
    }

    private readonly struct DoubleCell(double value) : ICellValue
    {
        public bool IsNull => false;

        public void WriteText(ColumnConverter column, ByteBuffer buffer) => column.WriteText(value, buffer);

        public void WriteBinary(ColumnConverter column, ByteBuffer buffer) => column.WriteBinary(value, buffer);
    }

    private readonly struct LongCell(long value) : ICellValue
    {
        public bool IsNull => false;

        public void WriteText(ColumnConverter column, ByteBuffer buffer) => column.WriteText(value, buffer);

        public void WriteBinary(ColumnConverter column, ByteBuffer buffer) => column.WriteBinary(value, buffer);
    }
}
