using System.Globalization;

namespace VoServices.Adql.Functions;

/// <summary>
/// The functions of ADQL 2.1 (IVOA REC 2023-12-15): core maths, trigonometry and aggregates, and the optional
/// string, geometry, type, conditional and unit features, with result types chosen as PostgreSQL computes them
/// (integers stay integers where SQL keeps them; everything else is DOUBLE PRECISION).
/// </summary>
internal static class StandardFunctions
{
    private static readonly FunctionParameter X = new FunctionParameter("x", ParameterType.Numeric);
    private static readonly FunctionParameter Y = new FunctionParameter("y", ParameterType.Numeric);
    private static readonly FunctionParameter Places = new FunctionParameter("n", ParameterType.Integer);
    private static readonly FunctionParameter Ra = new FunctionParameter("ra", ParameterType.Numeric);
    private static readonly FunctionParameter Dec = new FunctionParameter("dec", ParameterType.Numeric);
    private static readonly FunctionParameter Center = new FunctionParameter("center", ParameterType.Point);
    private static readonly FunctionParameter Shape = new FunctionParameter("g", ParameterType.Geometry);

    public static IEnumerable<FunctionDeclaration> All() =>
        [.. Math(), .. Trigonometry(), .. Aggregates(), .. Strings(), .. Geometry(), .. Conversions()];

    /// <summary>The optional features that are syntax rather than functions.</summary>
    public static IEnumerable<LanguageFeature> SyntaxFeatures() =>
    [
        new(LanguageFeatureTypes.String, "ILIKE", "Case-insensitive LIKE."),
        new(LanguageFeatureTypes.Sets, "UNION", "Rows of either query (ALL keeps duplicates)."),
        new(LanguageFeatureTypes.Sets, "EXCEPT", "Rows of the first query not in the second (ALL keeps duplicates)."),
        new(LanguageFeatureTypes.Sets, "INTERSECT", "Rows in both queries (ALL keeps duplicates)."),
        new(LanguageFeatureTypes.CommonTable, "WITH", "Named subqueries (common table expressions), not recursive."),
        new(LanguageFeatureTypes.Offset, "OFFSET", "Skips rows after ORDER BY and before TOP."),
    ];

    private static IEnumerable<FunctionDeclaration> Math()
    {
        var keepInteger = FunctionResult.LikeFirstArgument(ResultTypeRule.IntegerKeptElseDouble, keepUcd: true, "DOUBLE");
        yield return Core("ABS", FunctionKind.Math, "Absolute value; same type and unit as x.",
            Sig(FunctionResult.LikeFirstArgument(ResultTypeRule.FirstArgument, keepUcd: false, "DOUBLE"), X));
        yield return Core("CEILING", FunctionKind.Math,
            "Smallest integer not less than x; integers keep their type, other numbers give DOUBLE.", Sig(keepInteger, X));
        yield return Core("DEGREES", FunctionKind.Math, "Radians converted to degrees.", Sig(FunctionResult.Double("deg"), X));
        yield return Core("EXP", FunctionKind.Math, "e raised to the power x.", Sig(FunctionResult.Double(), X));
        yield return Core("FLOOR", FunctionKind.Math,
            "Largest integer not greater than x; integers keep their type, other numbers give DOUBLE.", Sig(keepInteger, X));
        yield return Core("LOG", FunctionKind.Math, "Natural logarithm of x.", Sig(FunctionResult.Double(), X));
        yield return Core("LOG10", FunctionKind.Math, "Base-10 logarithm of x.", Sig(FunctionResult.Double(), X));
        yield return Core("MOD", FunctionKind.Math, "Remainder of x / y with the sign of x (erratum 2); integers stay integers.",
            Sig(FunctionResult.LikeFirstArgument(ResultTypeRule.WidestNumeric, keepUcd: false, "DOUBLE"), X, Y));
        yield return Core("PI", FunctionKind.Math, "The constant pi.", Sig(FunctionResult.Double()));
        yield return Core("POWER", FunctionKind.Math, "x raised to the power y.", Sig(FunctionResult.Double(), X, Y));
        yield return Core("RADIANS", FunctionKind.Math, "Degrees converted to radians.", Sig(FunctionResult.Double("rad"), X));
        yield return Core("RAND", FunctionKind.Math, "A pseudo-random number in [0, 1), optionally seeded.",
            Sig(FunctionResult.Double()), Sig(FunctionResult.Double(), new FunctionParameter("seed", ParameterType.Integer)));
        yield return Core("ROUND", FunctionKind.Math, "x rounded half away from zero to n decimal places (default 0; erratum 2).",
            Sig(keepInteger, X), Sig(keepInteger, X, Places));
        yield return Core("SQRT", FunctionKind.Math, "Square root of x.", Sig(FunctionResult.Double(), X));
        yield return Core("TRUNCATE", FunctionKind.Math, "x truncated towards zero to n decimal places (default 0; erratum 2).",
            Sig(keepInteger, X), Sig(keepInteger, X, Places));
    }

    private static IEnumerable<FunctionDeclaration> Trigonometry()
    {
        var angle = FunctionResult.Double("rad");
        yield return Core("ACOS", FunctionKind.Trigonometric, "Arc cosine, in radians.", Sig(angle, X));
        yield return Core("ASIN", FunctionKind.Trigonometric, "Arc sine, in radians.", Sig(angle, X));
        yield return Core("ATAN", FunctionKind.Trigonometric, "Arc tangent, in radians.", Sig(angle, X));
        yield return Core("ATAN2", FunctionKind.Trigonometric, "Arc tangent of y/x in (-pi, pi], in radians.", Sig(angle, Y, X));
        yield return Core("COS", FunctionKind.Trigonometric, "Cosine of an angle in radians.", Sig(FunctionResult.Double(), X));
        yield return Core("COT", FunctionKind.Trigonometric, "Cotangent of an angle in radians.", Sig(FunctionResult.Double(), X));
        yield return Core("SIN", FunctionKind.Trigonometric, "Sine of an angle in radians.", Sig(FunctionResult.Double(), X));
        yield return Core("TAN", FunctionKind.Trigonometric, "Tangent of an angle in radians.", Sig(FunctionResult.Double(), X));
    }

    private static IEnumerable<FunctionDeclaration> Aggregates()
    {
        var any = new FunctionParameter("x", ParameterType.Any);
        yield return Core("AVG", FunctionKind.Aggregate, "Mean of the non-NULL values, DOUBLE, in the unit of x.",
            Sig(new FunctionResult(ResultTypeRule.Fixed, "double", UnitRule: MetadataRule.FirstArgument), X));
        yield return Core("COUNT", FunctionKind.Aggregate, "Number of rows (COUNT(*)) or of non-NULL values, BIGINT.",
            Sig(FunctionResult.Long("meta.number"), any));
        yield return Core("MAX", FunctionKind.Aggregate, "Largest value; all metadata of x.",
            Sig(FunctionResult.LikeFirstArgument(ResultTypeRule.FirstArgument, keepUcd: true, "ANY"), any));
        yield return Core("MIN", FunctionKind.Aggregate, "Smallest value; all metadata of x.",
            Sig(FunctionResult.LikeFirstArgument(ResultTypeRule.FirstArgument, keepUcd: true, "ANY"), any));
        yield return Core("SUM", FunctionKind.Aggregate, "Sum of the non-NULL values (BIGINT for integers, DOUBLE otherwise), in the unit of x.",
            Sig(FunctionResult.LikeFirstArgument(ResultTypeRule.Sum, keepUcd: false, "DOUBLE"), X));
    }

    private static IEnumerable<FunctionDeclaration> Strings()
    {
        var s = new FunctionParameter("s", ParameterType.String);
        var same = FunctionResult.LikeFirstArgument(ResultTypeRule.FirstArgument, keepUcd: true, "VARCHAR");
        yield return Optional("LOWER", FunctionKind.String, LanguageFeatureTypes.String, "s in lower case (ASCII rules at least).", Sig(same, s));
        yield return Optional("UPPER", FunctionKind.String, LanguageFeatureTypes.String, "s in upper case (ASCII rules at least).", Sig(same, s));
    }

    private static IEnumerable<FunctionDeclaration> Geometry()
    {
        const string geo = LanguageFeatureTypes.Geometry;
        var point = FunctionResult.Geometry("2", "point");
        var polygon = FunctionResult.Geometry("*", "polygon");
        var width = new FunctionParameter("width", ParameterType.Numeric);
        var height = new FunctionParameter("height", ParameterType.Numeric);
        var p1 = new FunctionParameter("p1", ParameterType.Point);
        var p2 = new FunctionParameter("p2", ParameterType.Point);
        yield return Optional("AREA", FunctionKind.Geometry, geo, "Area of a geometry in square degrees.",
            Sig(FunctionResult.Double("deg2", "phys.angArea"), Shape));
        yield return Optional("BOX", FunctionKind.Geometry, geo, "(Deprecated) a box of the given width and height in degrees, as a polygon.",
            Sig(polygon, Ra, Dec, width, height), Sig(polygon, Center, width, height));
        yield return Optional("CENTROID", FunctionKind.Geometry, geo, "Centre of mass of a geometry, a point.", Sig(point, Shape));
        yield return Optional("CIRCLE", FunctionKind.Geometry, geo, "A circle: centre and radius in degrees.",
            Sig(FunctionResult.Geometry("3", "circle"), Ra, Dec, new FunctionParameter("radius", ParameterType.Numeric)),
            Sig(FunctionResult.Geometry("3", "circle"), Center, new FunctionParameter("radius", ParameterType.Numeric)));
        yield return Optional("CONTAINS", FunctionKind.Geometry, geo, "1 if the first geometry lies within the second, else 0.",
            Sig(FunctionResult.Integer(), new FunctionParameter("a", ParameterType.Geometry), new FunctionParameter("b", ParameterType.Geometry)));
        yield return Optional("COORD1", FunctionKind.Geometry, geo, "First coordinate (longitude) of a point, in degrees.",
            Sig(FunctionResult.Double("deg"), new FunctionParameter("p", ParameterType.Point)));
        yield return Optional("COORD2", FunctionKind.Geometry, geo, "Second coordinate (latitude) of a point, in degrees.",
            Sig(FunctionResult.Double("deg"), new FunctionParameter("p", ParameterType.Point)));
        yield return Optional("COORDSYS", FunctionKind.Geometry, geo, "(Deprecated) the coordinate system of a geometry, a string.",
            Sig(FunctionResult.String(), Shape));
        yield return Optional("DISTANCE", FunctionKind.Geometry, geo, "Great-circle distance between two points, in degrees.",
            Sig(FunctionResult.Double("deg", "pos.angDistance"), p1, p2),
            Sig(FunctionResult.Double("deg", "pos.angDistance"),
                new FunctionParameter("ra1", ParameterType.Numeric), new FunctionParameter("dec1", ParameterType.Numeric),
                new FunctionParameter("ra2", ParameterType.Numeric), new FunctionParameter("dec2", ParameterType.Numeric)));
        yield return Optional("INTERSECTS", FunctionKind.Geometry, geo, "1 if the two geometries overlap, else 0.",
            Sig(FunctionResult.Integer(), new FunctionParameter("a", ParameterType.Geometry), new FunctionParameter("b", ParameterType.Geometry)));
        yield return Optional("POINT", FunctionKind.Geometry, geo, "A point; coordinates in degrees.", Sig(point, Ra, Dec));
        yield return Optional("POLYGON", FunctionKind.Geometry, geo,
            "A spherical polygon with great-circle edges: three or more vertices as coordinate pairs or points.",
            Variadic(polygon, [.. Vertices()]), Variadic(polygon, p1, p2, new FunctionParameter("p3", ParameterType.Point)));
        // DALI 1.1 defines no xtype for a region; TAP 1.0's adql:REGION is gone from TAP 1.1, so a plain string.
        yield return Optional("REGION", FunctionKind.Geometry, geo, "(Deprecated) a region from an STC-S string.",
            Sig(new FunctionResult(ResultTypeRule.Fixed, "char", "*", AdqlType: "REGION"), new FunctionParameter("stcs", ParameterType.String)));
    }

    private static IEnumerable<FunctionDeclaration> Conversions()
    {
        var special = new FunctionResult(ResultTypeRule.Special, AdqlType: "ANY");
        yield return Optional("CAST", FunctionKind.Conversion, LanguageFeatureTypes.Type,
            "x converted to SMALLINT, INTEGER, BIGINT, REAL, DOUBLE PRECISION, CHAR(n), VARCHAR(n), TIMESTAMP, "
            + "or from a DALI string to POINT, CIRCLE, POLYGON.",
            Sig(special, new FunctionParameter("x", ParameterType.Any)));
        yield return Optional("COALESCE", FunctionKind.Conditional, LanguageFeatureTypes.Conditional, "The first non-NULL argument.",
            Variadic(
                new FunctionResult(ResultTypeRule.CommonType, UnitRule: MetadataRule.SharedByArguments, UcdRule: MetadataRule.SharedByArguments, AdqlType: "ANY"),
                new FunctionParameter("x", ParameterType.Any)));
        yield return Optional("IN_UNIT", FunctionKind.Conversion, LanguageFeatureTypes.Unit, "x converted to the VOUnit given as a string literal, DOUBLE.",
            Sig(special, X, new FunctionParameter("unit", ParameterType.String)));
    }

    private static FunctionDeclaration Core(string name, FunctionKind kind, string description, params FunctionSignature[] signatures) =>
        new(name, kind, [.. signatures], description);

    private static FunctionDeclaration Optional(
        string name, FunctionKind kind, string featureType, string description, params FunctionSignature[] signatures) =>
        new(name, kind, [.. signatures], description, new LanguageFeature(featureType, name, description));

    private static FunctionSignature Sig(FunctionResult result, params FunctionParameter[] parameters) => new([.. parameters], result);

    private static FunctionSignature Variadic(FunctionResult result, params FunctionParameter[] parameters) => new([.. parameters], result, IsVariadic: true);

    private static IEnumerable<FunctionParameter> Vertices()
    {
        for (var i = 1; i <= 3; i++)
        {
            yield return new FunctionParameter(string.Create(CultureInfo.InvariantCulture, $"ra{i}"), ParameterType.Numeric);
            yield return new FunctionParameter(string.Create(CultureInfo.InvariantCulture, $"dec{i}"), ParameterType.Numeric);
        }
    }
}
