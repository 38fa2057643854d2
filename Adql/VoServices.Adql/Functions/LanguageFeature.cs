namespace VoServices.Adql.Functions;

/// <summary>
/// One optional ADQL language feature as TAPRegExt 1.0 ("Language features") declares it in a <c>languageFeatures</c> block:
/// <c>&lt;languageFeatures type="Type"&gt;&lt;feature&gt;&lt;form&gt;Form&lt;/form&gt;&lt;description&gt;…</c>.
/// </summary>
/// <param name="Type">The feature type IVOID, one of <see cref="LanguageFeatureTypes"/>.</param>
/// <param name="Form">
/// The form: the keyword or function name for standard features (<c>CONTAINS</c>, <c>UNION</c>), the signature for a
/// user-defined function (<c>vo_nanojansky_to_abmag(flux DOUBLE) -&gt; DOUBLE</c>, grammar in ADQL 2.1 "User defined
/// functions": <c>name(arg TYPE, ...) -&gt; TYPE</c>).
/// </param>
/// <param name="Description">Optional free text for the capabilities document.</param>
public sealed record LanguageFeature(string Type, string Form, string? Description = null);

/// <summary>
/// The feature type IVOIDs of TAPRegExt 1.0 and the ADQL 2.1 optional features (standards.md §5). ADQL 2.1 writes them in lower case
/// (<c>tapregext</c>); IVOIDs compare case-insensitively and taplint knows the TAPRegExt spelling, which is used here.
/// </summary>
public static class LanguageFeatureTypes
{
    /// <summary>Geometry functions (TAPRegExt 1.0; note: no hyphen after "adql").</summary>
    public const string Geometry = "ivo://ivoa.net/std/TAPRegExt#features-adqlgeo";

    /// <summary>LOWER, UPPER, ILIKE (ADQL 2.1 "String functions and operators").</summary>
    public const string String = "ivo://ivoa.net/std/TAPRegExt#features-adql-string";

    /// <summary>UNION, EXCEPT, INTERSECT (ADQL 2.1 "Set operators").</summary>
    public const string Sets = "ivo://ivoa.net/std/TAPRegExt#features-adql-sets";

    /// <summary>WITH (ADQL 2.1 "Common table expressions").</summary>
    public const string CommonTable = "ivo://ivoa.net/std/TAPRegExt#features-adql-common-table";

    /// <summary>CAST (ADQL 2.1 "Type operations").</summary>
    public const string Type = "ivo://ivoa.net/std/TAPRegExt#features-adql-type";

    /// <summary>COALESCE (ADQL 2.1 "Conditional functions").</summary>
    public const string Conditional = "ivo://ivoa.net/std/TAPRegExt#features-adql-conditional";

    /// <summary>IN_UNIT (ADQL 2.1 "Unit operations").</summary>
    public const string Unit = "ivo://ivoa.net/std/TAPRegExt#features-adql-unit";

    /// <summary>OFFSET (ADQL 2.1 "Cardinality").</summary>
    public const string Offset = "ivo://ivoa.net/std/TAPRegExt#features-adql-offset";

    /// <summary>User-defined functions (TAPRegExt 1.0, ADQL 2.1 "User defined functions").</summary>
    public const string UserDefined = "ivo://ivoa.net/std/TAPRegExt#features-udf";
}
