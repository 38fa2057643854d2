namespace VoServices.Tap.Examples;

/// <summary>
/// One DALI example (DALI 1.1 §2.4, TAP 1.1 §2.4): an ADQL query a client can run as is, published in
/// <c>/examples</c> as an RDFa block <c>typeof="example"</c>.
/// </summary>
/// <param name="Id">The fragment id (<c>[A-Za-z][A-Za-z0-9_-]*</c>, unique in the document): the example's URL is
/// <c>{tap}/examples#Id</c>.</param>
/// <param name="Name">A short plain-text title (<c>property="name"</c>).</param>
/// <param name="Query">The ADQL query (<c>property="query"</c>).</param>
/// <param name="Description">One or two sentences of plain text saying what the query shows.</param>
/// <param name="Tables">The published tables the query reads (<c>property="table"</c>, plain text, TAP_SCHEMA names).</param>
public sealed record TapExample(string Id, string Name, string Query, string Description, IReadOnlyList<string> Tables)
{
    /// <summary>
    /// The name of the table a client must upload as <c>UPLOAD=name,…</c> (TAP 1.1 §2.5) for the query to run, with
    /// the columns it needs; null for queries on the published tables only.
    /// </summary>
    public string? Upload { get; init; }

    /// <summary>The columns the upload must have, e.g. <c>ra, dec (deg, ICRS)</c>; shown next to the query.</summary>
    public string? UploadColumns { get; init; }
}
