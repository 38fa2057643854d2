namespace VoServices.Dali;

/// <summary>
/// A DALI interval (DALI 1.1 §3.4): <c>"lower upper"</c>, VOTable <c>datatype="double" arraysize="2"
/// xtype="interval"</c>. Bounds are included; <c>-Inf</c>/<c>+Inf</c> make it open-ended; a scalar is written as
/// the pair <c>"v v"</c>. Units depend on the parameter (SODA BAND: metres, TIME: MJD).
/// </summary>
public sealed record DaliInterval
{
    /// <summary>The xtype name.</summary>
    public const string XType = "interval";

    /// <summary>Creates an interval.</summary>
    /// <exception cref="DaliFormatException">A bound is NaN, or <paramref name="lower"/> &gt; <paramref name="upper"/>.</exception>
    public DaliInterval(double lower, double upper)
    {
        if (double.IsNaN(lower) || double.IsNaN(upper))
        {
            throw new DaliFormatException(XType, "Invalid DALI interval: a bound is NaN");
        }
        if (lower > upper)
        {
            throw new DaliFormatException(XType,
                $"Invalid DALI interval: lower bound {DaliNumber.Format(lower)} exceeds upper bound {DaliNumber.Format(upper)}");
        }
        Lower = lower;
        Upper = upper;
    }

    /// <summary>Lower bound (included), possibly negative infinity.</summary>
    public double Lower { get; }

    /// <summary>Upper bound (included), possibly positive infinity.</summary>
    public double Upper { get; }

    /// <summary>True when both bounds are equal (a scalar serialised as an interval).</summary>
    public bool IsScalar => Lower == Upper;

    /// <summary>Parses <c>"lower upper"</c>; accepts <c>-Inf</c>, <c>+Inf</c> (any case, also <c>inf</c>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="DaliFormatException">Not two numbers, a NaN bound, or lower &gt; upper.</exception>
    public static DaliInterval Parse(string text) => FromValues(DaliNumber.ParseArray(text, XType));

    /// <summary>Builds an interval from the two cells of a VOTable <c>double[2]</c> value.</summary>
    /// <exception cref="DaliFormatException">Not exactly two values, a NaN bound, or lower &gt; upper.</exception>
    public static DaliInterval FromValues(ReadOnlySpan<double> values)
    {
        if (values.Length != 2)
        {
            throw new DaliFormatException(XType,
                $"Invalid DALI interval: expected 2 numbers (lower upper), got {values.Length}");
        }
        return new DaliInterval(values[0], values[1]);
    }

    /// <summary>The VOTable array form <c>[lower, upper]</c>.</summary>
    public double[] ToValues() => [Lower, Upper];

    /// <summary>The DALI literal, e.g. <c>"-Inf 0.5"</c>, with round-trip number formatting.</summary>
    public override string ToString() => DaliNumber.FormatArray([Lower, Upper]);
}
