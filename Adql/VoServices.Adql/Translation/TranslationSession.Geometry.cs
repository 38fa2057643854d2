using System.Collections.Frozen;
using System.Globalization;
using VoServices.Adql.Ast;
using VoServices.Dali;

namespace VoServices.Adql.Translation;

internal sealed partial class TranslationSession
{
    private static readonly FrozenSet<string> GeometryFunctionNames =
        new[] { "AREA", "CONTAINS", "COORD1", "COORD2", "COORDSYS", "DISTANCE", "INTERSECTS" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A geometry value as a result column (DALI array, see <see cref="ISqlDialect.GeometryValue"/>).</summary>
    private SqlExpression GeometryOutput(ValueExpression value, Scope scope)
    {
        if (value is GeometryValueFunction { Function: GeometryFunction.Region, Arguments: [StringLiteral text] } region)
        {
            // A REGION result is its STC-S string (TAP 1.1 has no REGION xtype): checked, then returned as given.
            Validate(RegionParser.Parse(text.Value, text, ConstantValue), region);
            return StringParameter(text.Value, text);
        }
        var geometry = Geometry(value, scope);
        var kind = geometry.Kind switch
        {
            SqlGeometryKind.Point => SqlValueKind.Point,
            SqlGeometryKind.Circle => SqlValueKind.Circle,
            _ => SqlValueKind.Polygon,
        };
        return new SqlExpression(dialect.GeometryValue(geometry), kind) { Unit = "deg", Correlations = geometry.Correlations };
    }

    /// <summary>A geometry-valued expression: constructor, REGION, CENTROID, a geometry column, or a CAST of a DALI string.</summary>
    private SqlGeometry Geometry(ValueExpression value, Scope scope)
    {
        switch (value)
        {
            case GeometryValueFunction function:
                var geometry = Constructor(function, scope);
                Validate(geometry, function);
                return geometry;
            case ColumnReference reference:
                var column = Lookup(reference, scope, throwIfMissing: true)!.Value;
                return column.Kind switch
                {
                    SqlValueKind.Point => new SqlStoredGeometry(SqlGeometryKind.Point, column),
                    SqlValueKind.Circle => new SqlStoredGeometry(SqlGeometryKind.Circle, column),
                    SqlValueKind.Polygon => new SqlStoredGeometry(SqlGeometryKind.Polygon, column),
                    _ => throw Unsupported($"column '{AdqlPrinter.Print(reference)}' is not a geometry (xtype point, circle or polygon)", reference),
                };
            case CastExpression { Operand: StringLiteral text } cast when cast.Target.Type is CastType.Point or CastType.Circle or CastType.Polygon:
                return FromDali(text, cast.Target.Type);
            case CastExpression cast when cast.Target.Type is CastType.Point or CastType.Circle or CastType.Polygon:
                throw Unsupported("CAST to a geometry is only supported for string literals (DALI values)", cast);
            default:
                throw Unsupported("a geometry (POINT, CIRCLE, POLYGON, BOX, REGION, CENTROID or a geometry column) is expected here", value);
        }
    }

    private SqlGeometry Constructor(GeometryValueFunction function, Scope scope)
    {
        var args = function.Arguments;
        switch (function.Function)
        {
            case GeometryFunction.Point:
                return PointOf(Coordinate(args[0], scope), Coordinate(args[1], scope), scope);
            case GeometryFunction.Circle:
                return function.UsesPointArguments
                    ? new SqlCircle(PointArgument(args[0], scope), Coordinate(args[1], scope))
                    : new SqlCircle(PointOf(Coordinate(args[0], scope), Coordinate(args[1], scope), scope), Coordinate(args[2], scope));
            case GeometryFunction.Box:
                return function.UsesPointArguments
                    ? new SqlBox(PointArgument(args[0], scope), Coordinate(args[1], scope), Coordinate(args[2], scope))
                    : new SqlBox(PointOf(Coordinate(args[0], scope), Coordinate(args[1], scope), scope),
                        Coordinate(args[2], scope), Coordinate(args[3], scope));
            case GeometryFunction.Polygon:
                return Polygon(function, scope);
            case GeometryFunction.Region when args[0] is StringLiteral text:
                return RegionParser.Parse(text.Value, text, ConstantValue);
            case GeometryFunction.Centroid:
                return dialect.Centroid(Geometry(args[0], scope));
            default:
                throw Unsupported($"{function.Function.ToString().ToUpperInvariant()} with these arguments", function);
        }
    }

    /// <summary>
    /// <c>POINT(ra, dec)</c> from translated coordinates. When the coordinates are the indexed position columns of a FROM
    /// item whose query is grouped and this point is evaluated after grouping (select list, GROUP BY, HAVING, ORDER BY),
    /// the point is marked <see cref="SqlPoint.EvaluatedAfterGrouping"/>: only grouped columns may be read there
    /// (SQL-92 §7.9, PostgreSQL SQLSTATE 42803), and a store's hidden position column is not one of them.
    /// </summary>
    private static SqlPoint PointOf(SqlExpression ra, SqlExpression dec, Scope scope)
    {
        var point = new SqlPoint(ra, dec);
        return point.Position is { } position && Owner(position.Correlation, scope) is { AfterGrouping: true }
            ? point with { EvaluatedAfterGrouping = true }
            : point;
    }

    /// <summary>The scope (this query or an enclosing one) whose FROM clause has the item <paramref name="correlation"/>.</summary>
    private static Scope? Owner(string correlation, Scope scope)
    {
        for (var s = scope; s is not null; s = s.Parent)
        {
            if (s.Items.Exists(i => i.Correlation == correlation))
            {
                return s;
            }
        }
        return null;
    }

    private SqlPolygon Polygon(GeometryValueFunction function, Scope scope)
    {
        var args = function.Arguments;
        // POLYGON(a, b, c, d, e, f) with six columns reads as three point columns when they are points (ADQL 2.1 §4.2.15).
        var points = function.UsesPointArguments || args.All(a => a is ColumnReference c && IsGeometry(Expression(c, scope).Kind));
        if (points)
        {
            return new SqlPolygon(args.Select(a => PointArgument(a, scope)).ToArray());
        }
        var vertices = new List<SqlGeometry>();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            vertices.Add(PointOf(Coordinate(args[i], scope), Coordinate(args[i + 1], scope), scope));
        }
        return new SqlPolygon(vertices);
    }

    private SqlExpression Coordinate(ValueExpression value, Scope scope)
    {
        var coordinate = Operand(value, scope);
        RequireNumber(coordinate, value);
        return coordinate;
    }

    private SqlGeometry PointArgument(ValueExpression value, Scope scope)
    {
        var point = Geometry(value, scope);
        return point.Kind == SqlGeometryKind.Point
            ? point
            : throw new AdqlTranslationException(TranslationErrorCode.InvalidGeometry,
                $"a point is expected here, not a {point.Kind.ToString().ToLowerInvariant()}", value);
    }

    /// <summary>A DALI-serialised geometry literal (DALI 1.1 §3.3), parsed and checked now.</summary>
    private static SqlGeometry FromDali(StringLiteral text, CastType type)
    {
        try
        {
            switch (type)
            {
                case CastType.Point:
                    var p = DaliPoint.Parse(text.Value);
                    return Point(p.Lon, p.Lat);
                case CastType.Circle:
                    var c = DaliCircle.Parse(text.Value);
                    return new SqlCircle(Point(c.Center.Lon, c.Center.Lat), ConstantValue(c.Radius));
                default:
                    var polygon = DaliPolygon.Parse(text.Value);
                    return new SqlPolygon(polygon.Vertices.Select(v => (SqlGeometry)Point(v.Lon, v.Lat)).ToArray());
            }
        }
        catch (DaliException e)
        {
            throw new AdqlTranslationException(TranslationErrorCode.InvalidGeometry, e.Message, text);
        }
    }

    private static SqlPoint Point(double ra, double dec) => new(ConstantValue(ra), ConstantValue(dec));

    /// <summary>Checks the numbers known now (ADQL 2.1 §4.2, DALI 1.1 §3.3): latitudes in ±90°, radius in [0, 180], box sizes in (0, 180).</summary>
    private static void Validate(SqlGeometry geometry, AdqlNode node)
    {
        switch (geometry)
        {
            case SqlPoint { Dec.Constant: { } dec } when dec is < -90 or > 90:
                throw InvalidGeometry($"latitude {Format(dec)} is outside [-90, 90]", node);
            case SqlCircle { Radius.Constant: { } r } when r is < 0 or > 180:
                throw InvalidGeometry($"circle radius {Format(r)} is outside [0, 180] degrees", node);
            case SqlBox box when box.Width.Constant is <= 0 or >= 180 || box.Height.Constant is <= 0 or >= 180:
                throw InvalidGeometry("box width and height must be between 0 and 180 degrees (exclusive)", node);
            case SqlPolygon polygon when polygon.Vertices.Count < 3:
                throw InvalidGeometry("a polygon needs at least three vertices", node);
        }
        foreach (var part in Parts(geometry))
        {
            Validate(part, node);
        }
    }

    private static IEnumerable<SqlGeometry> Parts(SqlGeometry geometry) => geometry switch
    {
        SqlCircle circle => [circle.Center],
        SqlBox box => [box.Center],
        SqlPolygon polygon => polygon.Vertices,
        _ => [],
    };

    private static AdqlTranslationException InvalidGeometry(string detail, AdqlNode node) =>
        new(TranslationErrorCode.InvalidGeometry, detail, node);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The relation of <c>CONTAINS(a, b)</c> or <c>INTERSECTS(a, b)</c>; INTERSECTS with a point is CONTAINS
    /// with the point first (ADQL 2.1 §4.2.7).</summary>
    private SpatialPredicate Relation(FunctionCall call, Scope scope)
    {
        var first = Geometry(call.Arguments[0], scope);
        var second = Geometry(call.Arguments[1], scope);
        if (call.Name == "CONTAINS")
        {
            return new SpatialPredicate(SpatialRelation.Contains, first, second);
        }
        return first.Kind == SqlGeometryKind.Point ? new SpatialPredicate(SpatialRelation.Contains, first, second)
            : second.Kind == SqlGeometryKind.Point ? new SpatialPredicate(SpatialRelation.Contains, second, first)
            : new SpatialPredicate(SpatialRelation.Intersects, first, second);
    }

    /// <summary>
    /// The user-defined <c>vo_crossmatch(ra1, dec1, ra2, dec2, radius)</c> (FunctionCatalog): by definition
    /// <c>CONTAINS(POINT(ra1, dec1), CIRCLE(ra2, dec2, radius))</c>, so it gets the same index-backed translation.
    /// </summary>
    private static bool IsCrossmatch(UserDefinedFunctionCall call) =>
        call.Arguments.Count == 5 && string.Equals(call.Name, "vo_crossmatch", StringComparison.OrdinalIgnoreCase);

    private SpatialPredicate CrossmatchRelation(UserDefinedFunctionCall call, Scope scope)
    {
        var a = call.Arguments.Select(x => Coordinate(x, scope)).ToArray();
        var point = PointOf(a[0], a[1], scope);
        var circle = new SqlCircle(PointOf(a[2], a[3], scope), a[4]);
        Validate(point, call);
        Validate(circle, call);
        return new SpatialPredicate(SpatialRelation.Contains, point, circle);
    }

    /// <summary>The two points of DISTANCE(p, q) or DISTANCE(ra1, dec1, ra2, dec2).</summary>
    private (SqlGeometry, SqlGeometry) DistancePoints(FunctionCall call, Scope scope)
    {
        var args = call.Arguments;
        if (args.Count == 4)
        {
            var p = PointOf(Coordinate(args[0], scope), Coordinate(args[1], scope), scope);
            var q = PointOf(Coordinate(args[2], scope), Coordinate(args[3], scope), scope);
            Validate(p, call);
            Validate(q, call);
            return (p, q);
        }
        return (PointArgument(args[0], scope), PointArgument(args[1], scope));
    }

    private SqlExpression GeometryFunctionValue(FunctionCall call, Scope scope)
    {
        switch (call.Name)
        {
            case "CONTAINS" or "INTERSECTS":
                var relation = Relation(call, scope);
                var name = relation.Relation == SpatialRelation.Contains ? "CONTAINS" : "INTERSECTS";
                return Spatial(name, [relation.First, relation.Second], SqlValueKind.Integer, null);
            case "DISTANCE":
                var (p, q) = DistancePoints(call, scope);
                return Spatial("DISTANCE", [p, q], SqlValueKind.Real, "deg");
            case "COORD1" or "COORD2":
                return Spatial(call.Name, [PointArgument(call.Arguments[0], scope)], SqlValueKind.Real, "deg");
            case "AREA":
                return Spatial("AREA", [Geometry(call.Arguments[0], scope)], SqlValueKind.Real, "deg**2");
            default:
                // COORDSYS (deprecated): every geometry of this service is ICRS; the argument is still checked.
                Geometry(call.Arguments[0], scope);
                return StringParameter("ICRS", call);
        }
    }

    private SqlExpression Spatial(string name, SqlGeometry[] arguments, SqlValueKind kind, string? unit) =>
        dialect.GeometryFunction(name, arguments) with
        {
            Kind = kind,
            Unit = unit,
            Correlations = SqlExpression.UnionOf(arguments.Select(a => a.Correlations)),
        };
}
