using VoServices.Adql.Ast;
using VoServices.Adql.Semantics;

namespace VoServices.Adql.Tests.Semantics;

/// <summary>
/// Regression: a derived table or common table whose columns differ only by case (<c>SELECT u, "U"</c>) named them
/// <c>u</c>, <c>U_2</c> for binding, so an outer <c>x."U"</c> bound to <c>u</c>. Delimited names are case-sensitive (ADQL 2.1
/// §2.1.3): inside the query the exact names are kept and bind as the columns of an upload table with <c>u</c> and
/// <c>"U"</c> do; only the top-level FIELD names stay unique ignoring case.
/// </summary>
public sealed class CaseDistinctOutputNameTests
{
    private static readonly AdqlSchema Schema = new(
    [
        new("TAP_UPLOAD", "TAP_UPLOAD.cased",
            [new AdqlColumn("id", "int"), new AdqlColumn("u", "double"), new AdqlColumn("\"U\"", "double")], AdqlTableKind.Upload),
    ]);

    private const string Sub = "(SELECT u, \"U\" FROM TAP_UPLOAD.cased)";

    // query | TAP_SCHEMA-form name of the column the first select item binds to | its position in the derived table
    [Theory]
    [InlineData("SELECT x.\"U\" FROM " + Sub + " AS x", "\"U\"", 1)]
    [InlineData("SELECT x.\"u\" FROM " + Sub + " AS x", "u", 0)]
    [InlineData("SELECT x.u FROM " + Sub + " AS x", "u", 0)]
    [InlineData("SELECT x.U FROM " + Sub + " AS x", "\"U\"", 1)]
    [InlineData("SELECT \"U\" FROM " + Sub + " AS x", "\"U\"", 1)]
    [InlineData("SELECT x.\"U\" FROM (SELECT \"U\", u FROM TAP_UPLOAD.cased) AS x", "\"U\"", 0)]
    [InlineData("SELECT x.\"U\" FROM (SELECT * FROM TAP_UPLOAD.cased) AS x", "\"U\"", 2)]
    [InlineData("SELECT x.\"U\" FROM (SELECT id AS u, \"U\" FROM TAP_UPLOAD.cased) AS x", "\"U\"", 1)]
    [InlineData("SELECT x.\"U\" FROM (SELECT u, \"U\" FROM TAP_UPLOAD.cased UNION SELECT u, \"U\" FROM TAP_UPLOAD.cased) AS x", "\"U\"", 1)]
    [InlineData("WITH c AS " + Sub + " SELECT c.\"U\" FROM c", "\"U\"", 1)]
    [InlineData("WITH c AS " + Sub + " SELECT \"U\" FROM c", "\"U\"", 1)]
    [InlineData("SELECT x.u_2 FROM (SELECT u, u FROM TAP_UPLOAD.cased) AS x", "u_2", 1)]
    [InlineData("SELECT x.a_2 FROM (SELECT u AS a, id AS A FROM TAP_UPLOAD.cased) AS x", "A_2", 1)]
    public void ColumnOf_DerivedColumnsDifferingOnlyByCase_BindsByExactName(string adql, string column, int position)
    {
        var resolved = SchemaResolver.Resolve(AdqlParser.Parse(adql), Schema);

        var bound = resolved.ColumnOf(FirstSelectItem(resolved))!;

        Assert.Equal((column, position), (bound.Column.Name, IndexOf(bound)));
    }

    // query | error code: a regular name matching several columns ignoring case, none in its exact case, is ambiguous
    // (as for a base table); the old renamed name U_2 no longer exists
    [Theory]
    [InlineData("SELECT x.ab FROM (SELECT u AS \"Ab\", \"U\" AS \"aB\" FROM TAP_UPLOAD.cased) AS x", AdqlErrorCode.AmbiguousName)]
    [InlineData("SELECT x.\"U_2\" FROM " + Sub + " AS x", AdqlErrorCode.UnknownColumn)]
    [InlineData("SELECT x.U_2 FROM " + Sub + " AS x", AdqlErrorCode.UnknownColumn)]
    public void Resolve_DerivedColumnsDifferingOnlyByCase_RejectsWhatABaseTableWould(string adql, string code)
    {
        var error = Assert.Throws<AdqlSemanticException>(() => SchemaResolver.Resolve(AdqlParser.Parse(adql), Schema));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void Columns_TopLevelCaseDistinctNames_StayUniqueIgnoringCase()
    {
        var resolved = SchemaResolver.Resolve(AdqlParser.Parse("SELECT * FROM " + Sub + " AS x"), Schema);
        var derived = (DerivedTable)((SelectStatement)resolved.Query.Body).From[0];

        Assert.Equal(["u", "U_2"], resolved.Columns.Select(c => c.Name));
        Assert.Equal(["u", "U"], resolved.ColumnsOf(derived.Query)!.Select(c => c.Name));
    }

    [Theory]
    [InlineData("SELECT u, \"U\" FROM TAP_UPLOAD.cased ORDER BY \"U\"", 1)]
    [InlineData("SELECT u, \"U\" FROM TAP_UPLOAD.cased ORDER BY U", 1)]
    [InlineData("SELECT u, \"U\" FROM TAP_UPLOAD.cased ORDER BY u", 0)]
    [InlineData("SELECT \"U\", COUNT(*) FROM TAP_UPLOAD.cased GROUP BY \"U\" ORDER BY \"U\"", 0)]
    public void OutputIndexOf_SortKeyNamingCaseDistinctColumn_IsTheExactOne(string adql, int index)
    {
        var resolved = SchemaResolver.Resolve(AdqlParser.Parse(adql), Schema);

        Assert.Equal(index, resolved.OutputIndexOf(resolved.Query.Body.OrderBy[0].Key));
    }

    private static ColumnReference FirstSelectItem(ResolvedQuery resolved) =>
        (ColumnReference)((DerivedColumn)((SelectStatement)resolved.Query.Body).Columns[0]).Expression;

    private static int IndexOf(ResolvedColumn bound) =>
        bound.Table.Columns.Select((c, i) => (c, i)).Single(p => ReferenceEquals(p.c, bound.Column)).i;
}
