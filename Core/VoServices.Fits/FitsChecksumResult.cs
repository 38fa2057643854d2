namespace VoServices.Fits;

/// <summary>
/// The outcome of <see cref="FitsHdu.VerifyChecksum"/> (FITS Checksum convention §4): each part is null when its
/// keyword is absent, true when it matches.
/// </summary>
/// <param name="DataOk">DATASUM equals the checksum of the data unit.</param>
/// <param name="HduOk">The header plus data sum to -0, as CHECKSUM makes them.</param>
public sealed record FitsChecksumResult(bool? DataOk, bool? HduOk)
{
    /// <summary>True when both keywords are present and both match.</summary>
    public bool IsValid => DataOk == true && HduOk == true;
}
