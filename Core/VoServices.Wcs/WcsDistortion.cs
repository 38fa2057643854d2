namespace VoServices.Wcs;

/// <summary>The nonlinear pixel-plane model applied before the projection, if any.</summary>
public enum WcsDistortion
{
    /// <summary>Only the linear transformation of Paper I (CD, PC+CDELT or CDELT+CROTA2).</summary>
    None,

    /// <summary>Simple Imaging Polynomial A/B (and AP/BP) of Shupe et al. 2005, CTYPE "-SIP".</summary>
    Sip,

    /// <summary>The Digitized Sky Survey plate solution (AMDXn/AMDYn), which WCSLIB prefers over CTYPE/CD.</summary>
    DssPlate,
}
