using VoServices.VoTable;

namespace VoServices.Tap.Results;

/// <summary>
/// Metadata of one output column of a TAP result (TAP 1.1 §2.9, taken from TAP_SCHEMA or inferred by the schema
/// resolver): what every result writer turns into a VOTable FIELD, a CSV header, FITS TTYPE/TFORM cards or JSON
/// metadata.
/// </summary>
/// <param name="Name">The column name exactly as the user wrote it (alias, or the TAP_SCHEMA spelling for
/// <c>SELECT *</c>); must not be empty.</param>
/// <param name="Datatype">The VOTable 1.4 §2.1 datatype attribute, e.g. <c>double</c>, <c>char</c>,
/// <c>unicodeChar</c>, <c>long</c>.</param>
public sealed record ResultColumn(string Name, string Datatype)
{
    /// <summary>The VOTable <c>arraysize</c> (<c>*</c>, <c>2</c>, <c>32*</c>, <c>3x*</c>); null for a scalar.</summary>
    public string? ArraySize { get; init; }

    /// <summary>The xtype, e.g. DALI 1.1 <c>timestamp</c>, <c>point</c>, <c>circle</c>, <c>polygon</c>, <c>interval</c>.</summary>
    public string? XType { get; init; }

    /// <summary>The unit (VOUnit syntax), e.g. <c>deg</c>, <c>mas/yr</c>.</summary>
    public string? Unit { get; init; }

    /// <summary>The UCD1+, e.g. <c>pos.eq.ra;meta.main</c>.</summary>
    public string? Ucd { get; init; }

    /// <summary>The utype.</summary>
    public string? Utype { get; init; }

    /// <summary>A human-readable description.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// True for a DALI timestamp column (DALI 1.1 §3.3.3): <c>char</c> (or <c>unicodeChar</c>) with xtype
    /// <c>timestamp</c>, or TAP 1.0's <c>adql:timestamp</c> (case ignored).
    /// </summary>
    public bool IsTimestamp =>
        Datatype is "char" or "unicodeChar"
        && (string.Equals(XType, "timestamp", StringComparison.OrdinalIgnoreCase)
            || string.Equals(XType, "adql:timestamp", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The column as TAP results declare it: a timestamp column (<see cref="IsTimestamp"/>) becomes
    /// <c>char arraysize="*" xtype="timestamp"</c> (DALI 1.1 §3.3.3), whatever its TAP_SCHEMA or upload declaration,
    /// because its values are written in the variable-length form of <see cref="CellText.Timestamp"/> and a fixed
    /// width would pad them with blanks or cut them; other columns are returned unchanged.
    /// </summary>
    public ResultColumn AsResultColumn() =>
        IsTimestamp ? this with { Datatype = "char", ArraySize = "*", XType = "timestamp" } : this;

    /// <summary>
    /// The parsed <see cref="Datatype"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty, the datatype is not one of the 12 VOTable 1.4
    /// datatypes, or the arraysize is malformed.</exception>
    public VoTableDataType GetDataType()
    {
        if (string.IsNullOrEmpty(Name))
        {
            throw new ArgumentException("a result column has an empty name");
        }
        if (!VoTableDataTypes.TryParse(Datatype, out var type))
        {
            throw new ArgumentException($"result column '{Name}': '{Datatype}' is not a VOTable 1.4 datatype (VOTable 1.4 §2.1)");
        }
        if (ArraySize is not null && !VoTable.ArraySize.TryParse(ArraySize, out _))
        {
            throw new ArgumentException($"result column '{Name}': malformed arraysize '{ArraySize}' (VOTable 1.4 §2.2)");
        }
        return type;
    }

    /// <summary>The parsed <see cref="ArraySize"/>, or null for a scalar.</summary>
    /// <exception cref="ArgumentException">The arraysize is malformed.</exception>
    public ArraySize? GetArraySize() =>
        ArraySize is null ? null
        : VoTable.ArraySize.TryParse(ArraySize, out var size) ? size
        : throw new ArgumentException($"result column '{Name}': malformed arraysize '{ArraySize}' (VOTable 1.4 §2.2)");

    /// <summary>The VOTable FIELD for this column (no ID, no VALUES).</summary>
    /// <exception cref="ArgumentException">See <see cref="GetDataType"/>.</exception>
    public VoTableField ToVoTableField() => new(Name, GetDataType())
    {
        ArraySize = ArraySize,
        XType = XType,
        Unit = Unit,
        Ucd = Ucd,
        Utype = Utype,
        Description = Description,
    };

    /// <summary>The metadata of a VOTable FIELD as a result column (datatype name, arraysize, xtype, unit, UCD, utype, description).</summary>
    public static ResultColumn FromVoTableField(VoTableField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return new ResultColumn(field.Name, field.Datatype.ToName())
        {
            ArraySize = field.ArraySize,
            XType = field.XType,
            Unit = field.Unit,
            Ucd = field.Ucd,
            Utype = field.Utype,
            Description = field.Description,
        };
    }
}
