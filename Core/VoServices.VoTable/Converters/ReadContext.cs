using System.Xml;

namespace VoServices.VoTable.Converters;

/// <summary>Collects the reader's diagnostics (bounded) or, in strict mode, turns them into exceptions.</summary>
internal sealed class ReadContext(bool strict, int maxDiagnostics, IXmlLineInfo? lineInfo)
{
    private readonly List<VoTableDiagnostic> _diagnostics = [];

    public IReadOnlyList<VoTableDiagnostic> Diagnostics => _diagnostics;

    public bool Strict => strict;

    /// <summary>Column being decoded, for messages.</summary>
    public string? Column { get; set; }

    /// <summary>Records a tolerated problem, or throws when strict. Always returns null (the value to use).</summary>
    public object? Report(string code, string message)
    {
        var where = Column is null ? message : $"column '{Column}': {message}";
        var (line, pos) = Position();
        if (strict)
        {
            throw new VoTableFormatException($"{where} (line {line}, position {pos})") { LineNumber = line, LinePosition = pos };
        }
        if (_diagnostics.Count < maxDiagnostics)
        {
            _diagnostics.Add(new VoTableDiagnostic(code, where, line, pos));
        }
        else if (_diagnostics.Count == maxDiagnostics)
        {
            _diagnostics.Add(new VoTableDiagnostic(VoTableDiagnosticCodes.TooManyDiagnostics,
                "further diagnostics dropped", line, pos));
        }
        return null;
    }

    public VoTableFormatException Error(string message, Exception? inner = null)
    {
        var (line, pos) = Position();
        var text = line > 0 ? $"{message} (line {line}, position {pos})" : message;
        return inner is null
            ? new VoTableFormatException(text) { LineNumber = line, LinePosition = pos }
            : new VoTableFormatException(text, inner) { LineNumber = line, LinePosition = pos };
    }

    private (int Line, int Position) Position() =>
        lineInfo is { } li && li.HasLineInfo() ? (li.LineNumber, li.LinePosition) : (0, 0);
}
