using System.Text.RegularExpressions;
using System.Xml.Linq;
using VoServices.Adql.Functions;
using VoServices.Testing;

namespace VoServices.Adql.Tests.Functions;

/// <summary>One declaration per function drives the parser filter, the TAPRegExt features and the dialect keys.</summary>
public sealed partial class FunctionCatalogTests
{
    // ADQL 2.1 Appendix A: <math_function>, <trig_function>, <set_function_type>, LOWER/UPPER, the geometry
    // functions, CAST, COALESCE, IN_UNIT.
    private static readonly string[] Adql21Functions =
    [
        "ABS", "CEILING", "DEGREES", "EXP", "FLOOR", "LOG", "LOG10", "MOD", "PI", "POWER", "RADIANS", "RAND", "ROUND", "SQRT", "TRUNCATE",
        "ACOS", "ASIN", "ATAN", "ATAN2", "COS", "COT", "SIN", "TAN",
        "AVG", "COUNT", "MAX", "MIN", "SUM",
        "LOWER", "UPPER",
        "AREA", "BOX", "CENTROID", "CIRCLE", "CONTAINS", "COORD1", "COORD2", "COORDSYS", "DISTANCE", "INTERSECTS", "POINT", "POLYGON", "REGION",
        "CAST", "COALESCE", "IN_UNIT",
    ];

    [Fact]
    public void Default_DeclaresEveryAdql21FunctionAndTheUserDefinedOnes()
    {
        var names = FunctionCatalog.Default.Functions.Select(f => f.Name).ToList();

        Assert.Equal([.. Adql21Functions.Order(StringComparer.Ordinal)], names.Where(n => !n.Contains('_', StringComparison.Ordinal) || n == "IN_UNIT").Order(StringComparer.Ordinal));
        Assert.Equal(["ivo_healpix_index", "vo_nanojansky_to_abmag", "vo_nanojansky_to_abmag_sigma", "vo_crossmatch"],
            FunctionCatalog.Default.UserDefinedFunctions.Select(f => f.Name));
        Assert.Empty(FunctionCatalog.Standard.UserDefinedFunctions);
    }

    // function | TAPRegExt feature type (empty: core language, not listed)
    [Theory]
    [InlineData("ABS", "")]
    [InlineData("COUNT", "")]
    [InlineData("ATAN2", "")]
    [InlineData("LOWER", LanguageFeatureTypes.String)]
    [InlineData("UPPER", LanguageFeatureTypes.String)]
    [InlineData("CONTAINS", LanguageFeatureTypes.Geometry)]
    [InlineData("REGION", LanguageFeatureTypes.Geometry)]
    [InlineData("CAST", LanguageFeatureTypes.Type)]
    [InlineData("COALESCE", LanguageFeatureTypes.Conditional)]
    [InlineData("IN_UNIT", LanguageFeatureTypes.Unit)]
    [InlineData("ivo_healpix_index", LanguageFeatureTypes.UserDefined)]
    [InlineData("vo_crossmatch", LanguageFeatureTypes.UserDefined)]
    public void Find_Function_BelongsToItsFeature(string name, string featureType)
    {
        var function = FunctionCatalog.Default.Find(name.ToLowerInvariant());

        Assert.NotNull(function);
        Assert.Equal(featureType, function.Feature?.Type ?? "");
    }

    [Fact]
    public void Features_Geometry_AreExactlyTheTapRegExtForms()
    {
        var forms = FunctionCatalog.Default.Features.Where(f => f.Type == LanguageFeatureTypes.Geometry).Select(f => f.Form);

        Assert.Equal(["AREA", "BOX", "CENTROID", "CIRCLE", "CONTAINS", "COORD1", "COORD2", "COORDSYS", "DISTANCE", "INTERSECTS", "POINT", "POLYGON", "REGION"], forms);
    }

    // feature type | forms, as standards.md §5 lists them
    [Theory]
    [InlineData(LanguageFeatureTypes.String, "ILIKE LOWER UPPER")]
    [InlineData(LanguageFeatureTypes.Sets, "EXCEPT INTERSECT UNION")]
    [InlineData(LanguageFeatureTypes.CommonTable, "WITH")]
    [InlineData(LanguageFeatureTypes.Type, "CAST")]
    [InlineData(LanguageFeatureTypes.Conditional, "COALESCE")]
    [InlineData(LanguageFeatureTypes.Unit, "IN_UNIT")]
    [InlineData(LanguageFeatureTypes.Offset, "OFFSET")]
    public void Features_OptionalLanguageFeature_AreDeclared(string type, string forms)
    {
        Assert.Equal(forms.Split(' '), FunctionCatalog.Default.Features.Where(f => f.Type == type).Select(f => f.Form));
    }

    [Fact]
    public void Features_UserDefinedForms_FollowTheAdqlSignatureGrammar()
    {
        var udfs = FunctionCatalog.Default.UserDefinedFunctions;

        foreach (var function in udfs)
        {
            var match = SignatureGrammar().Match(function.Feature!.Form);
            Assert.True(match.Success, function.Feature.Form);
            Assert.Equal(function.Name, match.Groups["name"].Value);
            Assert.Equal(function.Signatures[0].Parameters.Select(p => p.Name), match.Groups["arg"].Captures.Select(c => c.Value));
            Assert.Equal(function.Signatures[0].Result.AdqlType, match.Groups["type"].Value);
        }
    }

    [Fact]
    public void UserDefinedFunctions_Names_CarryThePrefixTheStandardAsks()
    {
        // ADQL 2.1 "User defined functions": ivo_ is reserved for IVOA-defined functions; ivo_healpix_index is in the
        // UDF catalogue Endorsed Note. The others are this project's and carry its own prefix.
        foreach (var function in FunctionCatalog.Default.UserDefinedFunctions)
        {
            Assert.True(function.Name == "ivo_healpix_index" || function.Name.StartsWith(UserDefinedFunctions.Prefix, StringComparison.Ordinal), function.Name);
        }
    }

    [SkippableFact]
    public void HealpixIndex_Form_IsTheOneLyonetiaDeclares()
    {
        var file = SharedData.File("adql", "lyonetia", "src", "adql", "ivoa", "O2_user_defined_functions.xml");

        var form = XDocument.Load(file).Descendants("form").Single().Value.Trim();

        Assert.Equal(form, UserDefinedFunctions.HealpixIndex.Feature!.Form);
    }

    [Fact]
    public void Keys_AreUniqueAndTheDialectNames()
    {
        var keys = FunctionCatalog.Default.Functions.Select(f => f.Key).ToList();

        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("DISTANCE", FunctionCatalog.Default.Find("distance")!.Key);
        Assert.Equal("vo_nanojansky_to_abmag", FunctionCatalog.Default.Find("VO_NANOJANSKY_TO_ABMAG")!.Key);
    }

    [Fact]
    public void Functions_EveryDeclaration_IsComplete()
    {
        foreach (var function in FunctionCatalog.Default.Functions)
        {
            Assert.False(string.IsNullOrWhiteSpace(function.Description), function.Name);
            Assert.NotEmpty(function.Signatures);
            Assert.All(function.Signatures.Where(s => s.Result.TypeRule == ResultTypeRule.Fixed), s => Assert.NotNull(s.Result.Datatype));
            Assert.All(function.Forms, form => Assert.StartsWith(function.Name + "(", form, StringComparison.Ordinal));
        }
    }

    // query | accepted by a parser given the catalogue's UDF filter
    [Theory]
    [InlineData("SELECT ivo_healpix_index(6, ra, dec) FROM t", true)]
    [InlineData("SELECT VO_CROSSMATCH(ra, dec, 1, 2, 0.1) FROM t", true)]
    [InlineData("SELECT my_undefined_function(ra, dec) FROM t", false)]
    [InlineData("SELECT ivo_hasword(a, 'x') FROM t", false)]
    public void ParserOptions_UserDefinedFunctions_OnlyDeclaredOnesParse(string adql, bool accepted)
    {
        var options = FunctionCatalog.Default.ParserOptions();

        var parse = () => AdqlParser.Parse(adql, options);

        if (accepted)
        {
            parse();
        }
        else
        {
            Assert.Equal(AdqlErrorCode.UnknownFunction, Assert.Throws<AdqlSyntaxException>(parse).Code);
        }
    }

    [Fact]
    public void With_ExtraFunction_IsFoundAndFiltered()
    {
        var extra = UserDefinedFunctions.Declare("vo_twice", "2 x.", "vo_twice(x DOUBLE) -> DOUBLE", FunctionResult.Double(),
            new FunctionParameter("x", ParameterType.Numeric));

        var catalog = FunctionCatalog.Default.With(extra);

        Assert.Same(extra, catalog.Find("VO_TWICE"));
        Assert.True(catalog.UserDefinedFunctionFilter.Allows("vo_twice"));
        Assert.Null(FunctionCatalog.Default.Find("vo_twice"));
    }

    [Fact]
    public void Without_FunctionsAndSyntax_AreGone()
    {
        var catalog = FunctionCatalog.Default.Without("CONTAINS", "UNION");

        Assert.Null(catalog.Find("CONTAINS"));
        Assert.False(catalog.SupportsSyntax("UNION"));
        Assert.True(catalog.SupportsSyntax("EXCEPT"));
        Assert.DoesNotContain(catalog.Features, f => f.Form is "CONTAINS" or "UNION");
    }

    // a bad user-defined function name
    [Theory]
    [InlineData("vo_crossmatch")]
    [InlineData("distance")]
    [InlineData("select")]
    [InlineData("2fast")]
    [InlineData("_x")]
    public void With_BadOrDuplicateName_Throws(string name)
    {
        var bad = UserDefinedFunctions.Declare(name, "x", name + "(x DOUBLE) -> DOUBLE", FunctionResult.Double(),
            new FunctionParameter("x", ParameterType.Numeric));

        Assert.Throws<ArgumentException>(() => FunctionCatalog.Default.With(bad));
    }

    /// <summary>ADQL 2.1 "User defined functions": <c>signature ::= funcname arglist "-&gt;" type_name</c>.</summary>
    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z0-9_]*)\((?:(?<arg>[A-Za-z][A-Za-z0-9_]*) (?:[A-Z]+)(?:, (?<arg>[A-Za-z][A-Za-z0-9_]*) (?:[A-Z]+))*)\) -> (?<type>[A-Z]+)$")]
    private static partial Regex SignatureGrammar();
}
