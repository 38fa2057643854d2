using System.Collections.Immutable;

namespace VoServices.Adql.Functions;

/// <summary>
/// The one declaration of an ADQL function (architecture.md style rule 3): name, kind, signatures with result types,
/// units and UCDs, description and TAPRegExt feature. The resolver infers types from it, the SQL dialects translate
/// by its <see cref="Key"/>, and the TAP capabilities list its <see cref="Feature"/>.
/// </summary>
/// <param name="Name">
/// The name as ADQL writes it: upper case for ADQL 2.1 functions (<c>DISTANCE</c>, <c>COUNT</c>, <c>CAST</c>), lower case
/// for user-defined ones (<c>ivo_healpix_index</c>). Names compare case-insensitively (regular identifiers).
/// </param>
/// <param name="Kind">What the function computes.</param>
/// <param name="Signatures">The accepted forms (at least one).</param>
/// <param name="Description">What the function returns, with units; shown in capabilities and error messages.</param>
/// <param name="Feature">
/// The TAPRegExt language feature the function belongs to; null for the core language (maths, trigonometry,
/// aggregates), which TAPRegExt does not list.
/// </param>
public sealed record FunctionDeclaration(
    string Name,
    FunctionKind Kind,
    ImmutableArray<FunctionSignature> Signatures,
    string Description,
    LanguageFeature? Feature = null)
{
    /// <summary>
    /// The stable key the SQL dialects translate by: <see cref="Name"/> in upper case for ADQL functions
    /// (<c>DISTANCE</c>), in lower case for user-defined functions (<c>vo_nanojansky_to_abmag</c>). Never changes
    /// for a given function.
    /// </summary>
    public string Key => IsUserDefined ? Name.ToLowerInvariant() : Name.ToUpperInvariant();

    /// <summary>True for a user-defined function (<see cref="FunctionKind.UserDefined"/>).</summary>
    public bool IsUserDefined => Kind == FunctionKind.UserDefined;

    /// <summary>True for AVG, COUNT, MAX, MIN, SUM.</summary>
    public bool IsAggregate => Kind == FunctionKind.Aggregate;

    /// <summary>The signatures accepting <paramref name="count"/> arguments.</summary>
    public IEnumerable<FunctionSignature> SignaturesFor(int count) => Signatures.Where(s => s.Accepts(count));

    /// <summary>The signatures as text, e.g. <c>DISTANCE(p1 POINT, p2 POINT) -&gt; DOUBLE</c>, one per form.</summary>
    public IEnumerable<string> Forms => Signatures.Select(s => s.Format(Name));
}
