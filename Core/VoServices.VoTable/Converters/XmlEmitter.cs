using System.Text;

namespace VoServices.VoTable.Converters;

/// <summary>
/// Minimal forward-only XML output into a <see cref="ByteBuffer"/>: elements, attributes in call order, escaped
/// text and raw byte sections. Hand-written instead of <see cref="System.Xml.XmlWriter"/> so that the bytes are
/// exactly what VO clients search for (<c>&lt;INFO name="QUERY_STATUS" value="OK"/&gt;</c>, no blank before
/// <c>/&gt;</c>) and so that TABLEDATA rows and base64 data go into the same buffer without a second layer.
/// </summary>
internal sealed class XmlEmitter(ByteBuffer output, bool replaceUnrepresentable)
{
    private readonly Stack<(string Name, bool HasChildren, bool HasText)> _open = new();
    private bool _startTagOpen;

    public int Depth => _open.Count;

    public void Declaration() => Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"u8);

    public void StartElement(string name)
    {
        CloseStartTag();
        if (_open.Count > 0)
        {
            var top = _open.Pop();
            _open.Push(top with { HasChildren = true });
        }
        NewLine(_open.Count);
        output.WriteByte((byte)'<');
        Ascii(name);
        _open.Push((name, false, false));
        _startTagOpen = true;
    }

    /// <summary>Writes <c> name="value"</c>; a null value writes nothing.</summary>
    public void Attribute(string name, string? value)
    {
        if (value is null)
        {
            return;
        }
        if (!_startTagOpen)
        {
            throw new InvalidOperationException("attribute written after element content");
        }
        output.WriteByte((byte)' ');
        Ascii(name);
        output.Write("=\""u8);
        XmlText.WriteEscaped(output, value, attribute: true, asciiOnly: false, replaceUnrepresentable, $"attribute {name}");
        output.WriteByte((byte)'"');
    }

    public void Text(string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        CloseStartTag();
        var top = _open.Pop();
        _open.Push(top with { HasText = true });
        XmlText.WriteEscaped(output, text, attribute: false, asciiOnly: false, replaceUnrepresentable, $"<{top.Name}> text");
    }

    /// <summary>Element with attributes already written and optional text, e.g. DESCRIPTION.</summary>
    public void TextElement(string name, string text)
    {
        StartElement(name);
        Text(text);
        EndElement();
    }

    public void EndElement()
    {
        var (name, hasChildren, hasText) = _open.Pop();
        if (_startTagOpen)
        {
            output.Write("/>"u8);
            _startTagOpen = false;
            return;
        }
        if (hasChildren && !hasText)
        {
            NewLine(_open.Count);
        }
        output.Write("</"u8);
        Ascii(name);
        output.WriteByte((byte)'>');
    }

    /// <summary>Ends the start tag and a line, so that raw content (rows, base64) can follow.</summary>
    public void BeginRawContent()
    {
        CloseStartTag();
        var top = _open.Pop();
        _open.Push(top with { HasText = true });
        output.WriteByte((byte)'\n');
    }

    public void Raw(ReadOnlySpan<byte> bytes) => output.Write(bytes);

    public void FinalNewLine() => output.WriteByte((byte)'\n');

    private void CloseStartTag()
    {
        if (_startTagOpen)
        {
            output.WriteByte((byte)'>');
            _startTagOpen = false;
        }
    }

    private void NewLine(int depth)
    {
        if (output.Length == 0)
        {
            return;
        }
        output.WriteByte((byte)'\n');
        output.Reserve(depth).Fill((byte)' ');
    }

    private void Ascii(string name) => Encoding.ASCII.GetBytes(name, output.Reserve(name.Length));
}
