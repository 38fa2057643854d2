namespace VoServices.VoTable;

/// <summary>
/// A COOSYS element (VOTable 1.4 §3.3; un-deprecated in 1.4, <c>refposition</c> added in 1.5). FIELDs point to it
/// with <see cref="VoTableField.Ref"/>.
/// </summary>
/// <param name="Id">The <c>ID</c> attribute (required).</param>
/// <param name="System">The <c>system</c> attribute, e.g. <c>ICRS</c>, <c>eq_FK5</c>, <c>galactic</c>.</param>
public sealed record VoTableCooSys(string Id, string? System)
{
    /// <summary>The <c>equinox</c> attribute, e.g. <c>J2000</c>.</summary>
    public string? Equinox { get; init; }

    /// <summary>The <c>epoch</c> attribute, e.g. <c>J2015.5</c>.</summary>
    public string? Epoch { get; init; }

    /// <summary>The <c>refposition</c> attribute (VOTable 1.5).</summary>
    public string? RefPosition { get; init; }
}
