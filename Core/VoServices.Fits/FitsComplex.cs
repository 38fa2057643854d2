namespace VoServices.Fits;

/// <summary>
/// A complex keyword value, written <c>(real, imaginary)</c> (FITS 4.0 §4.2.5 and §4.2.6), or a C/M binary-table cell
/// (FITS 4.0 §7.3.3).
/// </summary>
/// <param name="Real">The real part.</param>
/// <param name="Imaginary">The imaginary part.</param>
public readonly record struct FitsComplex(double Real, double Imaginary);
