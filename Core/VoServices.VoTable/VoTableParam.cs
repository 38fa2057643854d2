namespace VoServices.VoTable;

/// <summary>
/// A PARAM (VOTable 1.4 §4.2): a FIELD's metadata plus a constant <c>value</c> kept as its attribute text (in the
/// TABLEDATA syntax of the datatype, e.g. <c>"10.5 20.1"</c> for a double array).
/// </summary>
/// <param name="Field">Name, datatype, arraysize, unit, ucd, … of the parameter.</param>
/// <param name="Value">The <c>value</c> attribute (required; may be empty).</param>
public sealed record VoTableParam(VoTableField Field, string Value);
