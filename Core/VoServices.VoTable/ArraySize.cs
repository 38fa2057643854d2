using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace VoServices.VoTable;

/// <summary>
/// A parsed <c>arraysize</c> attribute (VOTable 1.4 §2.2): <c>n</c>, <c>n*</c>, <c>*</c> or
/// <c>n1xn2x…</c> where only the last dimension may be variable (<c>*</c>, or <c>m*</c> with an upper bound m).
/// A missing attribute means a scalar and is represented by <c>null</c>, not by this type; <c>arraysize="1"</c>
/// is a one-element array (1.4 erratum). Dimensions are in VOTable order: the first varies fastest.
/// </summary>
public sealed class ArraySize : IEquatable<ArraySize>
{
    private readonly int[] _fixed;

    private ArraySize(int[] fixedDimensions, bool isVariable, int? variableBound)
    {
        _fixed = fixedDimensions;
        IsVariable = isVariable;
        VariableBound = variableBound;
        long count = 1;
        foreach (var d in fixedDimensions)
        {
            count *= d;
            if (count > int.MaxValue)
            {
                throw new VoTableFormatException("arraysize has more than 2^31-1 elements");
            }
        }
        ElementCount = (int)count;
        if (variableBound is int bound && count * bound > int.MaxValue)
        {
            throw new VoTableFormatException("arraysize has more than 2^31-1 elements");
        }
    }

    /// <summary>The fixed dimensions: all of them for a fixed array, all but the last for a variable one.</summary>
    public IReadOnlyList<int> FixedDimensions => _fixed;

    /// <summary>True when the last dimension is variable (<c>*</c> or <c>m*</c>).</summary>
    public bool IsVariable { get; }

    /// <summary>For <c>m*</c> the bound m of the variable dimension; null for an unbounded <c>*</c> or a fixed array.</summary>
    public int? VariableBound { get; }

    /// <summary>
    /// Elements in a fixed array; for a variable array the product of the fixed dimensions, i.e. the step that
    /// every actual element count must be a multiple of (1 for <c>*</c>).
    /// </summary>
    public int ElementCount { get; }

    /// <summary>Largest allowed element count: <see cref="ElementCount"/> for fixed, ElementCount×m for <c>m*</c>, null for unbounded.</summary>
    public int? MaxElementCount => !IsVariable ? ElementCount : VariableBound is int b ? ElementCount * b : null;

    /// <summary>Number of dimensions including a variable last one.</summary>
    public int Rank => _fixed.Length + (IsVariable ? 1 : 0);

    /// <summary>A fixed one-dimensional size <c>n</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is not positive.</exception>
    public static ArraySize Fixed(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        return new ArraySize([n], false, null);
    }

    /// <summary>An unbounded variable size <c>*</c>, or <c>m*</c> when <paramref name="bound"/> is given.</summary>
    public static ArraySize Variable(int? bound = null)
    {
        if (bound is int b)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(b, nameof(bound));
        }
        return new ArraySize([], true, bound);
    }

    /// <summary>Parses an arraysize attribute value.</summary>
    /// <exception cref="VoTableFormatException">Empty, non-numeric, zero or negative dimensions, a <c>*</c> that is not last, or more than 2^31-1 elements.</exception>
    public static ArraySize Parse(string text) =>
        TryParse(text, out var size, out var error) ? size : throw new VoTableFormatException(error);

    /// <summary>Parses an arraysize attribute value; false (no exception) when it is malformed.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ArraySize? size) =>
        TryParse(text, out size, out _);

    private static bool TryParse(string? text, [NotNullWhen(true)] out ArraySize? size, out string error)
    {
        size = null;
        error = $"invalid arraysize '{text}' (VOTable 1.4 §2.2: n, n*, * or n1xn2x… with only the last dimension variable)";
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var parts = text.Trim().Split('x');
        var dims = new List<int>(parts.Length);
        bool variable = false;
        int? bound = null;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            var isLast = i == parts.Length - 1;
            if (part.EndsWith('*'))
            {
                if (!isLast)
                {
                    return false;
                }
                variable = true;
                part = part[..^1];
                if (part.Length == 0)
                {
                    break;
                }
                if (!TryParseDimension(part, out var b))
                {
                    return false;
                }
                bound = b;
                break;
            }
            if (!TryParseDimension(part, out var d))
            {
                return false;
            }
            dims.Add(d);
        }
        try
        {
            size = new ArraySize([.. dims], variable, bound);
            return true;
        }
        catch (VoTableFormatException e)
        {
            error = e.Message;
            return false;
        }
    }

    private static bool TryParseDimension(string part, out int value) =>
        int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    /// <summary>The canonical attribute text, e.g. <c>3x4</c>, <c>10*</c>, <c>3x*</c>.</summary>
    public override string ToString()
    {
        var parts = _fixed.Select(d => d.ToString(CultureInfo.InvariantCulture)).ToList();
        if (IsVariable)
        {
            parts.Add(VariableBound is int b ? b.ToString(CultureInfo.InvariantCulture) + "*" : "*");
        }
        return string.Join('x', parts);
    }

    /// <inheritdoc/>
    public bool Equals(ArraySize? other) =>
        other is not null && IsVariable == other.IsVariable && VariableBound == other.VariableBound &&
        _fixed.AsSpan().SequenceEqual(other._fixed);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ArraySize);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ToString());
}
