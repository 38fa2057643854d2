using VoServices.Adql.Functions;
using VoServices.Adql.Semantics;

namespace VoServices.Adql.Tests.Semantics;

/// <summary>Parse + resolve against <see cref="DemoSchema"/>, and compact renderings for golden tables.</summary>
internal static class Resolve
{
    public static ResolvedQuery Query(string adql, FunctionCatalog? catalog = null) =>
        SchemaResolver.Resolve(AdqlParser.Parse(adql), DemoSchema.Instance, catalog);

    public static AdqlSemanticException Error(string adql, FunctionCatalog? catalog = null) =>
        Assert.Throws<AdqlSemanticException>(() => Query(adql, catalog));

    /// <summary><c>name datatype[arraysize] xtype=... unit=... ucd=...</c>, columns joined by <c>" | "</c>.</summary>
    public static string Describe(IEnumerable<OutputColumn> columns) => string.Join(" | ", columns.Select(Describe));

    public static string Describe(OutputColumn c) =>
        c.Name + " " + c.Datatype
        + (c.ArraySize is null ? "" : "[" + c.ArraySize + "]")
        + (c.XType is null ? "" : " xtype=" + c.XType)
        + (c.Unit is null ? "" : " unit=" + c.Unit)
        + (c.Ucd is null ? "" : " ucd=" + c.Ucd);
}
