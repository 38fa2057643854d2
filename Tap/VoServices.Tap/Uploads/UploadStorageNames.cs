using System.Collections.Frozen;
using System.Text;
using VoServices.Tap.Ingest;

namespace VoServices.Tap.Uploads;

/// <summary>
/// Derives database column names for uploaded FIELDs: lower-case <c>[a-z][a-z0-9_]*</c>, at most 63 characters,
/// no reserved word, unique ignoring case (FIELD names <c>u</c> and <c>U</c> must both survive:
/// gmantele/vollt#159), readable (<c>2mass id</c> → <c>c_2mass_id</c>).
/// </summary>
internal static class UploadStorageNames
{
    private const int MaxLength = 63; // PostgreSQL NAMEDATALEN - 1

    // Reserved by PostgreSQL or SQLite beyond the ADQL/SQL-92 list, and PostgreSQL system columns.
    private static readonly FrozenSet<string> BackendReserved = new[]
    {
        "analyse", "analyze", "array", "asymmetric", "do", "lateral", "limit", "localtime", "localtimestamp",
        "placing", "returning", "symmetric", "variadic", "window", "rowid", "oid", "_rowid_", "ctid", "xmin", "xmax",
        "cmin", "cmax", "tableoid",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>One storage name per FIELD name, in order.</summary>
    public static string[] Assign(IReadOnlyList<string> names)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new string[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var stem = Sanitize(names[i]);
            var candidate = stem;
            for (var n = 2; !used.Add(candidate); n++)
            {
                var suffix = "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                candidate = stem[..Math.Min(stem.Length, MaxLength - suffix.Length)] + suffix;
            }
            result[i] = candidate;
        }
        return result;
    }

    private static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length + 2);
        foreach (var c in name.ToLowerInvariant())
        {
            var keep = c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (keep || (text.Length > 0 && text[^1] != '_'))
            {
                text.Append(keep ? c : '_');
            }
        }
        var stem = text.ToString().TrimEnd('_');
        if (stem.Length == 0 || !char.IsAsciiLetter(stem[0]))
        {
            stem = "c_" + stem;
        }
        if (AdqlIdentifiers.IsReserved(stem) || BackendReserved.Contains(stem))
        {
            stem += "_";
        }
        return stem.Length <= MaxLength ? stem : stem[..MaxLength];
    }
}
