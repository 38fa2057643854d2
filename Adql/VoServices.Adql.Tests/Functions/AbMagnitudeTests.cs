using VoServices.Adql.Functions;

namespace VoServices.Adql.Tests.Functions;

/// <summary>The constants of vo_nanojansky_to_abmag and vo_nanojansky_to_abmag_sigma reproduce astropy.</summary>
public sealed class AbMagnitudeTests
{
    // Fixture made with astropy 5.2.1 (/usr/bin/python3 on Debian 12):
    //   import astropy.units as u
    //   m = (f*u.nJy).to(u.ABmag).value
    //   h = f*1e-6; dm_df = abs(((f-h)*u.nJy).to(u.ABmag).value - ((f+h)*u.nJy).to(u.ABmag).value) / (2*h)
    //   print(f, e, m, dm_df*e)
    // flux nJy | flux error nJy | AB mag | first-order error of the AB mag
    [Theory]
    [InlineData(1.0, 0.1, 31.4, 0.10857362049421226)]
    [InlineData(57.5, 3.2, 27.000830388275922, 0.060423580101126834)]
    [InlineData(1000.0, 10.0, 23.9, 0.010857362049421226)]
    [InlineData(3631000000000.0, 1000000000.0, -6.562228223391704e-05, 0.0002990185085915712)]
    [InlineData(0.25, 0.05, 32.905149978319905, 0.21714724098842453)]
    [InlineData(123456.789, 42.0, 18.67121255707682, 0.00036936746028255404)]
    public void AbMagnitudeConstants_AstropyFixture_Agree(double flux, double fluxError, double abMag, double abMagError)
    {
        var magnitude = -2.5 * Math.Log10(flux) + UserDefinedFunctions.AbZeroPointNanojansky;
        var error = UserDefinedFunctions.MagnitudeErrorFactor * fluxError / flux;

        Assert.Equal(abMag, magnitude, 1e-12);
        Assert.Equal(abMagError, error, Math.Abs(abMagError) * 1e-8);
    }

    [Fact]
    public void MagnitudeErrorFactor_IsTwoAndAHalfOverLnTen()
    {
        Assert.Equal(UserDefinedFunctions.MagnitudeErrorFactor, 2.5 / Math.Log(10), 1e-15);
    }
}
