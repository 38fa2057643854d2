using VoServices.Adql.Semantics;
using VoServices.Adql.Translation;
using VoServices.Tap.Query;

namespace VoServices.Tap.Tests.Query;

public sealed class UploadSqlDialectTests
{
    /// <summary>A minimal dialect: only quoting and column names matter here.</summary>
    private sealed class QuotingDialect : ISqlDialect
    {
        public bool SupportsIntersectExceptAll => true;
        public string QuoteIdentifier(string identifier) => "[" + identifier + "]";
        public string TableReference(AdqlTable table) => QuoteIdentifier(table.StorageName ?? table.QualifiedName);
        public string ColumnName(AdqlColumn column) => QuoteIdentifier(column.Name.Trim('"'));
        public string Parameter(int ordinal) => "?";
        public string LimitClause(long? limit, long? offset) => "";
        public string NullOrdering(Adql.Ast.SortDirection direction) => "";
        public string ColumnValue(SqlExpression column) => column.Sql;
        public string ComparableConstant(SqlExpression column, SqlExpression constant) => constant.Sql;
        public string Operator(Adql.Ast.BinaryOperator op, SqlExpression left, SqlExpression right) => left.Sql;
        public SqlExpression Function(string name, IReadOnlyList<SqlExpression> arguments) => arguments[0];
        public string Cast(SqlExpression operand, Adql.Ast.CastTarget target) => operand.Sql;
        public string Like(SqlExpression operand, SqlExpression pattern, bool caseInsensitive, SqlExpression? escape) => operand.Sql;
        public string SpatialCondition(SpatialPredicate predicate, bool negated) => "";
        public SqlExpression GeometryFunction(string name, IReadOnlyList<SqlGeometry> arguments) => throw new NotSupportedException();
        public SqlGeometry Centroid(SqlGeometry geometry) => geometry;
        public string GeometryValue(SqlGeometry geometry) => "";
    }

    [Fact]
    public void ColumnName_UploadColumn_IsItsQuotedStorageName()
    {
        var upload = new AdqlTable("TAP_UPLOAD", "TAP_UPLOAD.t",
            [new AdqlColumn("u", "int"), new AdqlColumn("\"U\"", "int"), new AdqlColumn("\"2mass id\"", "char", "*")],
            AdqlTableKind.Upload, StorageName: "tap_upload_t");
        var dialect = new UploadSqlDialect(new QuotingDialect());
        dialect.Add(upload, ["u", "u_2", "c_2mass_id"]);
        Assert.Equal(["[u]", "[u_2]", "[c_2mass_id]"], upload.Columns.Select(dialect.ColumnName));
    }

    [Fact]
    public void ColumnName_EqualColumnOfAnotherTable_IsNotMapped()
    {
        var column = new AdqlColumn("\"U\"", "int");
        var dialect = new UploadSqlDialect(new QuotingDialect());
        dialect.Add(new AdqlTable("TAP_UPLOAD", "TAP_UPLOAD.t", [column], AdqlTableKind.Upload, StorageName: "x"), ["u_2"]);
        // Equal by value, but another object: a catalogue column keeps its TAP_SCHEMA name.
        Assert.Equal("[U]", dialect.ColumnName(new AdqlColumn("\"U\"", "int")));
        Assert.Equal("[u_2]", dialect.ColumnName(column));
    }

    [Fact]
    public void Add_WrongNumberOfNames_Throws() =>
        Assert.Throws<ArgumentException>(() => new UploadSqlDialect(new QuotingDialect())
            .Add(new AdqlTable(null, "t", [new AdqlColumn("a", "int")]), []));
}
