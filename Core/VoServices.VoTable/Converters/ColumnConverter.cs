using System.Buffers.Binary;
using System.Globalization;

namespace VoServices.VoTable.Converters;

/// <summary>
/// Paired read/write of one column's cells in the three serializations (astropy <c>converters.py</c> style: one
/// converter per VOTable datatype). Scalars and arrays of every dimensionality are handled by the same converter;
/// arrays are flat in VOTable order (first dimension fastest). Write methods throw
/// <see cref="VoTableValueException"/>; read methods report through <see cref="ReadContext"/> and return null for
/// values they cannot decode.
/// </summary>
internal abstract class ColumnConverter
{
    protected ColumnConverter(VoTableField field, ArraySize? size, bool replaceUnrepresentable)
    {
        Field = field;
        Size = size;
        ReplaceUnrepresentable = replaceUnrepresentable;
        Context = $"column '{field.Name}' ({field.Datatype.ToName()}{(size is null ? "" : "[" + size + "]")})";
    }

    public VoTableField Field { get; }

    /// <summary>Null for a scalar.</summary>
    public ArraySize? Size { get; }

    protected bool ReplaceUnrepresentable { get; }

    /// <summary>Column description for exception messages.</summary>
    protected string Context { get; }

    /// <summary>Creates the converter for a FIELD (arraysize already validated by the caller).</summary>
    public static ColumnConverter Create(VoTableField field, bool replaceUnrepresentable = false)
    {
        var size = field.GetArraySize();
        return field.Datatype switch
        {
            VoTableDataType.Boolean => new BooleanConverter(field, size),
            VoTableDataType.Bit => new BitsConverter(field, size),
            VoTableDataType.UnsignedByte => new NumberConverter<byte>(field, size),
            VoTableDataType.Short => new NumberConverter<short>(field, size),
            VoTableDataType.Int => new NumberConverter<int>(field, size),
            VoTableDataType.Long => new NumberConverter<long>(field, size),
            VoTableDataType.Float => new NumberConverter<float>(field, size),
            VoTableDataType.Double => new NumberConverter<double>(field, size),
            VoTableDataType.FloatComplex or VoTableDataType.DoubleComplex => new ComplexConverter(field, size),
            VoTableDataType.Char or VoTableDataType.UnicodeChar => new CharConverter(field, size, replaceUnrepresentable),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Datatype, "not a VOTable datatype"),
        };
    }

    /// <summary>Checks writer-side metadata (e.g. a parsable VALUES null); throws <see cref="VoTableValueException"/>.</summary>
    public virtual void ValidateForWriting()
    {
    }

    /// <summary>A metadata problem the reader should report (e.g. an unparsable VALUES null), or null.</summary>
    public virtual string? MetadataProblem => null;

    // ---- writing -------------------------------------------------------------------------------------------

    /// <summary>Writes the escaped TD content of a non-null value.</summary>
    public abstract void WriteText(object value, ByteBuffer buffer);

    /// <summary>Writes a non-null value in the BINARY cell encoding.</summary>
    public abstract void WriteBinary(object value, ByteBuffer buffer);

    /// <summary>Writes the payload of a BINARY2 cell whose null flag is set (VOTable 1.4 §5.5: NaN/zeros).</summary>
    public abstract void WriteNullPayload(ByteBuffer buffer);

    /// <summary>Writes an in-band null for BINARY; false when the datatype has none (then nothing is written).</summary>
    public abstract bool TryWriteBinaryNull(ByteBuffer buffer);

    /// <summary>Writes TD content for null when a magic value must be used; false means an empty TD.</summary>
    public virtual bool TryWriteTextNull(ByteBuffer buffer) => false;

    // Typed fast paths: a scalar numeric column overrides these to avoid boxing.
    public virtual void WriteText(double value, ByteBuffer buffer) => WriteText((object)value, buffer);

    public virtual void WriteBinary(double value, ByteBuffer buffer) => WriteBinary((object)value, buffer);

    public virtual void WriteText(long value, ByteBuffer buffer) => WriteText((object)value, buffer);

    public virtual void WriteBinary(long value, ByteBuffer buffer) => WriteBinary((object)value, buffer);

    // ---- reading -------------------------------------------------------------------------------------------

    /// <summary>Decodes a TD. Character columns get the raw text; others get trimmed, non-empty text.</summary>
    public abstract object? ParseText(string text, ReadContext context);

    /// <summary>Decodes one BINARY cell (the whole payload is always consumed).</summary>
    public abstract object? ReadBinary(BinaryInput input, ReadContext context);

    /// <summary>True for char/unicodeChar: TD text is not trimmed and empty means null.</summary>
    public virtual bool WantsRawText => false;

    // ---- shared array plumbing -----------------------------------------------------------------------------

    protected VoTableValueException Bad(string problem) => new($"{Context}: {problem}");

    protected VoTableValueException WrongType(object value) =>
        Bad($"cannot write a value of CLR type {value.GetType().Name}");

    /// <summary>Checks an element count against the arraysize for writing.</summary>
    protected void CheckCount(int count)
    {
        var size = Size!;
        if (!size.IsVariable)
        {
            if (count != size.ElementCount)
            {
                throw Bad($"fixed arraysize needs exactly {size.ElementCount} elements, got {count}");
            }
            return;
        }
        if (count % size.ElementCount != 0)
        {
            throw Bad($"element count {count} is not a multiple of {size.ElementCount}");
        }
        if (size.MaxElementCount is int max && count > max)
        {
            throw Bad($"{count} elements exceed the arraysize bound of {max}");
        }
    }

    /// <summary>Writes the 4-byte big-endian element count of a variable array (VOTable 1.4 §5.4).</summary>
    protected void WriteCountPrefix(ByteBuffer buffer, int count)
    {
        if (Size!.IsVariable)
        {
            BinaryPrimitives.WriteInt32BigEndian(buffer.Reserve(4), count);
        }
    }

    /// <summary>Reads the element count: the prefix of a variable array, or the fixed size.</summary>
    protected int ReadCount(BinaryInput input, ReadContext context)
    {
        if (!Size!.IsVariable)
        {
            return Size.ElementCount;
        }
        var count = BinaryPrimitives.ReadInt32BigEndian(input.Take(4));
        if (count < 0)
        {
            throw context.Error($"{Context}: negative array length {count} in BINARY stream");
        }
        return count;
    }

    /// <summary>
    /// Checks a decoded element count. Returns the count to keep (truncated to the bound) or -1 when the array
    /// must be read as null (the caller still consumed all bytes).
    /// </summary>
    protected int CheckReadCount(int count, ReadContext context)
    {
        var size = Size!;
        if (!size.IsVariable)
        {
            if (count == size.ElementCount)
            {
                return count;
            }
            context.Report(VoTableDiagnosticCodes.WrongElementCount,
                $"{count} elements where arraysize {size} needs {size.ElementCount}; read as null");
            return -1;
        }
        if (count % size.ElementCount != 0)
        {
            context.Report(VoTableDiagnosticCodes.WrongElementCount,
                $"{count} elements is not a multiple of {size.ElementCount} (arraysize {size}); read as null");
            return -1;
        }
        if (size.MaxElementCount is int max && count > max)
        {
            context.Report(VoTableDiagnosticCodes.Truncated,
                $"{count} elements exceed arraysize {size}; truncated to {max}");
            return max;
        }
        return count;
    }

    /// <summary>Splits TABLEDATA array text on whitespace and commas (commas are tolerated as astropy does).</summary>
    protected static List<string> Tokens(string text)
    {
        var list = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var separator = i == text.Length || char.IsWhiteSpace(text[i]) || text[i] == ',';
            if (separator)
            {
                if (start >= 0)
                {
                    list.Add(text[start..i]);
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }
        return list;
    }

    protected static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
