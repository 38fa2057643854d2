using System.Collections.Frozen;
using System.Collections.Immutable;

namespace VoServices.Adql.Functions;

/// <summary>
/// Every ADQL function and optional language feature a service supports, each declared once (architecture.md style
/// rule 3). The declarations drive parsing (<see cref="UserDefinedFunctionFilter"/>), type inference
/// (<see cref="Semantics.SchemaResolver"/>), SQL translation (dialects translate by <see cref="FunctionDeclaration.Key"/>)
/// and the TAPRegExt <c>languageFeatures</c> of the capabilities (<see cref="Features"/>). Immutable and thread-safe.
/// </summary>
public sealed class FunctionCatalog
{
    private readonly FrozenDictionary<string, FunctionDeclaration> byName;
    private readonly FrozenSet<string> syntaxForms;

    /// <summary>Creates a catalogue.</summary>
    /// <param name="functions">The functions; names must be unique (case-insensitive).</param>
    /// <param name="syntaxFeatures">
    /// Optional features that are syntax rather than functions (<c>UNION</c>, <c>WITH</c>, <c>OFFSET</c>, <c>ILIKE</c>...).
    /// </param>
    /// <exception cref="ArgumentException">
    /// Two functions share a name; a declaration has no signature; a user-defined function has the name of an
    /// ADQL function or a name that is not a regular identifier.
    /// </exception>
    public FunctionCatalog(IEnumerable<FunctionDeclaration> functions, IEnumerable<LanguageFeature> syntaxFeatures)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(syntaxFeatures);
        Functions = [.. functions];
        SyntaxFeatures = [.. syntaxFeatures];
        var names = new Dictionary<string, FunctionDeclaration>(StringComparer.OrdinalIgnoreCase);
        foreach (var function in Functions)
        {
            Validate(function);
            if (!names.TryAdd(function.Name, function))
            {
                throw new ArgumentException($"function '{function.Name}' is declared twice", nameof(functions));
            }
        }
        byName = names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        syntaxForms = SyntaxFeatures.Select(f => f.Form).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        UserDefinedFunctions = [.. Functions.Where(f => f.IsUserDefined)];
        UserDefinedFunctionFilter = new UserDefinedFunctionFilter(UserDefinedFunctions.Select(f => f.Name));
    }

    /// <summary>All ADQL 2.1 functions and optional features plus this project's user-defined functions.</summary>
    public static FunctionCatalog Default { get; } =
        new([.. StandardFunctions.All(), .. global::VoServices.Adql.Functions.UserDefinedFunctions.All], StandardFunctions.SyntaxFeatures());

    /// <summary>All ADQL 2.1 functions and optional features, without user-defined functions.</summary>
    public static FunctionCatalog Standard { get; } = new(StandardFunctions.All(), StandardFunctions.SyntaxFeatures());

    /// <summary>The declared functions, ADQL ones first, in declaration order.</summary>
    public ImmutableArray<FunctionDeclaration> Functions { get; }

    /// <summary>The user-defined functions among <see cref="Functions"/>.</summary>
    public ImmutableArray<FunctionDeclaration> UserDefinedFunctions { get; }

    /// <summary>The optional features that are syntax (sets, WITH, OFFSET, ILIKE).</summary>
    public ImmutableArray<LanguageFeature> SyntaxFeatures { get; }

    /// <summary>
    /// Every TAPRegExt language feature, for the capabilities: those of the functions and the syntax features, ordered
    /// by feature type, then standard forms alphabetically, then user-defined forms in declaration order.
    /// </summary>
    public IEnumerable<LanguageFeature> Features => Functions.Select(f => f.Feature).OfType<LanguageFeature>()
        .Concat(SyntaxFeatures)
        .OrderBy(f => f.Type, StringComparer.Ordinal)
        .ThenBy(f => f.Type == LanguageFeatureTypes.UserDefined ? "" : f.Form, StringComparer.Ordinal);

    /// <summary>The filter for <see cref="AdqlParserOptions.UserDefinedFunctions"/>: exactly the declared UDF names.</summary>
    public UserDefinedFunctionFilter UserDefinedFunctionFilter { get; }

    /// <summary>The declaration of the function called <paramref name="name"/> (case-insensitive), or null.</summary>
    public FunctionDeclaration? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return byName.GetValueOrDefault(name);
    }

    /// <summary>Whether the syntax feature <paramref name="form"/> (<c>UNION</c>, <c>WITH</c>, <c>OFFSET</c>, <c>ILIKE</c>...) is supported.</summary>
    public bool SupportsSyntax(string form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return syntaxForms.Contains(form);
    }

    /// <summary><paramref name="options"/> (or the defaults) restricted to this catalogue's user-defined functions.</summary>
    public AdqlParserOptions ParserOptions(AdqlParserOptions? options = null) =>
        (options ?? AdqlParserOptions.Default) with { UserDefinedFunctions = UserDefinedFunctionFilter };

    /// <summary>A catalogue with <paramref name="more"/> added (e.g. a deployment's own UDFs).</summary>
    /// <exception cref="ArgumentException">A name is already declared.</exception>
    public FunctionCatalog With(params FunctionDeclaration[] more) => new([.. Functions, .. more], SyntaxFeatures);

    /// <summary>
    /// A catalogue without the functions or syntax features named (e.g. a backend without geometry support);
    /// queries using them then fail semantic analysis with <see cref="AdqlErrorCode.UnsupportedFeature"/>.
    /// </summary>
    public FunctionCatalog Without(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var removed = names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new(Functions.Where(f => !removed.Contains(f.Name)), SyntaxFeatures.Where(f => !removed.Contains(f.Form)));
    }

    private static void Validate(FunctionDeclaration function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (function.Signatures.IsDefaultOrEmpty)
        {
            throw new ArgumentException($"function '{function.Name}' has no signature", nameof(function));
        }
        if (!function.IsUserDefined)
        {
            return;
        }
        if (!Semantics.AdqlNames.IsRegularIdentifier(function.Name))
        {
            throw new ArgumentException(
                $"user-defined function '{function.Name}' must be a regular identifier that is not an ADQL reserved word", nameof(function));
        }
    }
}
