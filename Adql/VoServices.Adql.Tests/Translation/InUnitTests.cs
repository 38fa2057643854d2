using System.Globalization;
using System.Text.RegularExpressions;
using VoServices.Adql.Semantics;
using VoServices.Adql.Translation;

namespace VoServices.Adql.Tests.Translation;

/// <summary>
/// IN_UNIT factors (ADQL 2.1 §2.4, VOUnits 1.0) against astropy 5.2.1. Expected values made with /usr/bin/python3:
/// <c>import astropy.units as u; repr((1*u.Unit(a)).to(u.Unit(b)).value)</c> for each (a, b) below.
/// </summary>
public sealed partial class InUnitTests
{
    [Theory]
    [InlineData("deg", "arcmin", 60.0)]
    [InlineData("deg", "arcsec", 3600.0)]
    [InlineData("deg", "rad", 0.017453292519943295)]
    [InlineData("deg", "mas", 3599999.9999999995)]
    [InlineData("rad", "deg", 57.29577951308232)]
    [InlineData("arcsec", "mas", 999.9999999999999)]
    [InlineData("mas", "uas", 1000.0000000000001)]
    [InlineData("mas/yr", "deg/yr", 2.777777777777778e-07)]
    [InlineData("mas/yr", "arcsec/yr", 0.0010000000000000002)]
    [InlineData("mas/yr", "mas/d", 0.0027378507871321013)]
    [InlineData("klyr", "lyr", 1000.0)]
    [InlineData("klyr", "pc", 306.6013937855506)]
    [InlineData("pc", "lyr", 3.2615637771674333)]
    [InlineData("Mpc", "km", 3.085677581491367e+19)]
    [InlineData("AU", "km", 149597870.7)]
    [InlineData("au", "m", 149597870700.0)]
    [InlineData("h", "s", 3600.0)]
    [InlineData("d", "min", 1440.0)]
    [InlineData("yr", "d", 365.25)]
    [InlineData("Myr", "s", 31557600000000.0)]
    [InlineData("nJy", "Jy", 1e-09)]
    [InlineData("mJy", "uJy", 1000.0)]
    [InlineData("deg**2", "arcmin**2", 3600.0000000000005)]
    [InlineData("deg**2", "sr", 0.00030461741978670857)]
    [InlineData("km/s", "m/s", 1000.0)]
    [InlineData("Angstrom", "nm", 0.1)]
    [InlineData("GHz", "Hz", 1000000000.0)]
    [InlineData("mag", "mag", 1.0)]
    [InlineData("arcmin", "deg", 0.016666666666666666)]
    [InlineData("kpc", "pc", 1000.0)]
    public void InUnit_KnownUnits_MultipliesByTheAstropyFactor(string from, string to, double factor)
    {
        var sql = Translate(from, to);
        var written = Factor().Match(sql) is { Success: true } m
            ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : 1.0; // a factor of 1 writes the operand alone
        Assert.Equal(factor, written, factor * 1e-12);
    }

    [Theory]
    [InlineData("deg", "m")]
    [InlineData("mag", "Jy")]
    [InlineData("deg", "furlong")]
    [InlineData("deg", "deg**x")]
    [InlineData("mas/yr", "deg")]
    public void InUnit_IncompatibleOrUnknownUnits_ThrowsInvalidUnit(string from, string to)
    {
        var error = Assert.Throws<AdqlTranslationException>(() => Translate(from, to));
        Assert.Equal(TranslationErrorCode.InvalidUnit, error.Code);
    }

    private static string Translate(string from, string to)
    {
        var table = new AdqlTable("s", "s.t", [new AdqlColumn("v", "double", Unit: from)]);
        var resolved = SchemaResolver.Resolve(AdqlParser.Parse($"SELECT IN_UNIT(v, '{to}') FROM s.t"), new AdqlSchema([table]));
        return new SqlTranslator(new TestDialect()).Translate(resolved).Sql;
    }

    [GeneratedRegex(@"\* ([0-9.E+\-]+)\)")]
    private static partial Regex Factor();
}
