using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace VoServices.Adql.Ast;

/// <summary>
/// An immutable list that compares by value, element by element, so that AST records containing lists have
/// structural equality (<c>Parse(Print(Parse(q))) == Parse(q)</c>). The default value is the empty list.
/// </summary>
/// <typeparam name="T">Element type; its own <see cref="object.Equals(object)"/> decides element equality.</typeparam>
[CollectionBuilder(typeof(EquatableArray), nameof(EquatableArray.Create))]
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly ImmutableArray<T> items;

    /// <summary>Wraps <paramref name="items"/> (a default array is treated as empty).</summary>
    public EquatableArray(ImmutableArray<T> items)
    {
        this.items = items.IsDefault ? ImmutableArray<T>.Empty : items;
    }

    /// <summary>The empty list.</summary>
    public static EquatableArray<T> Empty => default;

    /// <summary>Number of elements.</summary>
    public int Count => items.IsDefault ? 0 : items.Length;

    /// <summary>True when the list has no element.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The element at <paramref name="index"/>.</summary>
    /// <exception cref="IndexOutOfRangeException">Index outside [0, Count).</exception>
    public T this[int index] => AsImmutableArray()[index];

    /// <summary>The elements as an <see cref="ImmutableArray{T}"/> (never default).</summary>
    public ImmutableArray<T> AsImmutableArray() => items.IsDefault ? ImmutableArray<T>.Empty : items;

    /// <summary>Wraps an immutable array.</summary>
    public static implicit operator EquatableArray<T>(ImmutableArray<T> items) => new(items);

    /// <summary>Element-wise equality.</summary>
    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    /// <summary>Element-wise inequality.</summary>
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(EquatableArray<T> other)
    {
        var a = AsImmutableArray();
        var b = other.AsImmutableArray();
        if (a.Length != b.Length)
        {
            return false;
        }
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < a.Length; i++)
        {
            if (!comparer.Equals(a[i], b[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in AsImmutableArray())
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    /// <summary>Struct enumerator over the elements.</summary>
    public ImmutableArray<T>.Enumerator GetEnumerator() => AsImmutableArray().GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)AsImmutableArray()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)AsImmutableArray()).GetEnumerator();

    /// <summary>The elements separated by ", " (for debugging).</summary>
    public override string ToString() => string.Join(", ", AsImmutableArray());
}

/// <summary>Factory methods for <see cref="EquatableArray{T}"/> (also used by collection expressions).</summary>
public static class EquatableArray
{
    /// <summary>Copies <paramref name="items"/> into a new list.</summary>
    public static EquatableArray<T> Create<T>(ReadOnlySpan<T> items) => new(ImmutableArray.Create(items));

    /// <summary>Copies <paramref name="items"/> into a new list.</summary>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => new(items.ToImmutableArray());
}
