using System.Collections.Frozen;

namespace VoServices.Adql;

/// <summary>
/// The user-defined functions a service accepts (ADQL 2.1 "User Defined Functions"; declared in TAPRegExt as <c>features-udf</c>):
/// names declared one by one, and name prefixes accepted as a whole (e.g. <c>ivo_</c>, which ADQL 2.1 reserves for
/// functions defined by IVOA documents such as the UDF catalogue). Names compare case-insensitively, like all
/// regular identifiers.
/// </summary>
public sealed class UserDefinedFunctionFilter
{
    private readonly FrozenSet<string> names;
    private readonly string[] prefixes;

    /// <summary>Creates a filter.</summary>
    /// <param name="names">Declared function names, e.g. <c>gavo_specconv</c>.</param>
    /// <param name="prefixes">Accepted name prefixes, e.g. <c>ivo_</c>; may be empty.</param>
    public UserDefinedFunctionFilter(IEnumerable<string> names, IEnumerable<string>? prefixes = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        this.names = names.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        this.prefixes = prefixes?.Where(p => p.Length > 0).ToArray() ?? [];
    }

    /// <summary>Declared names.</summary>
    public IReadOnlySet<string> Names => names;

    /// <summary>Accepted prefixes.</summary>
    public IReadOnlyList<string> Prefixes => prefixes;

    /// <summary>Whether a function named <paramref name="name"/> may be called.</summary>
    public bool Allows(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (names.Contains(name))
        {
            return true;
        }
        foreach (var prefix in prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
