using System.Net.Http.Headers;
using System.Text;
using VoServices.VoTable;

namespace VoServices.Server.Tests.Tap;

/// <summary>Requests to /tap/sync and reading their VOTable answers.</summary>
internal static class TapHttp
{
    /// <summary>A response with its body read.</summary>
    public sealed record Answer(HttpResponseMessage Response, byte[] Body)
    {
        public string Text => Encoding.UTF8.GetString(Body);

        public string? MediaType => Response.Content.Headers.ContentType?.MediaType;

        public string ContentType => Response.Content.Headers.ContentType?.ToString() ?? "";

        public VoTableDocument VoTable() => VoTableDocument.Load(new MemoryStream(Body));
    }

    /// <summary>POST application/x-www-form-urlencoded to /tap/sync.</summary>
    public static async Task<Answer> PostAsync(HttpClient client, params (string Name, string Value)[] parameters)
    {
        using var content = new FormUrlEncodedContent(parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));
        return await ReadAsync(await client.PostAsync(new Uri("/tap/sync", UriKind.Relative), content));
    }

    /// <summary>GET /tap/sync with the parameters in the query string.</summary>
    public static async Task<Answer> GetAsync(HttpClient client, params (string Name, string Value)[] parameters)
    {
        var query = string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));
        return await ReadAsync(await client.GetAsync(new Uri("/tap/sync?" + query, UriKind.Relative)));
    }

    /// <summary>POST multipart/form-data to <paramref name="path"/>: fields, then file parts.</summary>
    public static async Task<Answer> MultipartAsync(HttpClient client, string path, (string Name, string Value)[] fields,
        params (string Part, byte[] Content)[] files)
    {
        using var content = Multipart(fields, files);
        return await ReadAsync(await client.PostAsync(new Uri(path, UriKind.Relative), content));
    }

    public static MultipartFormDataContent Multipart((string Name, string Value)[] fields, params (string Part, byte[] Content)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }
        foreach (var (part, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/x-votable+xml");
            content.Add(file, part, part + ".vot");
        }
        return content;
    }

    public static async Task<Answer> ReadAsync(HttpResponseMessage response) =>
        new(response, await response.Content.ReadAsByteArrayAsync());

    /// <summary>The QUERY_STATUS INFO before the table.</summary>
    public static string? Status(VoTableDocument document) =>
        document.Resources[0].Infos.FirstOrDefault(i => i.Name == "QUERY_STATUS")?.Value;

    /// <summary>The QUERY_STATUS after the table, or null.</summary>
    public static string? TrailingStatus(VoTableDocument document) =>
        document.Resources[0].TrailingInfos.Concat(document.Resources[0].Tables.SelectMany(t => t.TrailingInfos))
            .FirstOrDefault(i => i.Name == "QUERY_STATUS")?.Value;

    /// <summary>The error message of a DALI error VOTable.</summary>
    public static string ErrorMessage(VoTableDocument document) =>
        document.Resources[0].Infos.Single(i => i.Name == "QUERY_STATUS" && i.Value == "ERROR").Content ?? "";

    /// <summary>
    /// A TABLEDATA VOTable of positions to upload as <c>TAP_UPLOAD.t</c>: three Tycho-2 stars of the omega Centauri
    /// demo field (positions copied from demo/data/tycho2_fields.csv.gz) and one point far from any demo star.
    /// </summary>
    public static byte[] PositionsUpload { get; } = Encoding.UTF8.GetBytes("""
        <?xml version="1.0" encoding="UTF-8"?>
        <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3">
          <RESOURCE type="results"><TABLE>
            <FIELD name="id" datatype="int"/>
            <FIELD name="ra" datatype="double" unit="deg" ucd="pos.eq.ra"/>
            <FIELD name="dec" datatype="double" unit="deg" ucd="pos.eq.dec"/>
            <DATA><TABLEDATA>
              <TR><TD>1</TD><TD>201.5864933</TD><TD>-47.70880985</TD></TR>
              <TR><TD>2</TD><TD>201.47839604</TD><TD>-47.66540613</TD></TR>
              <TR><TD>3</TD><TD>201.37184278</TD><TD>-47.46397197</TD></TR>
              <TR><TD>4</TD><TD>10.0</TD><TD>10.0</TD></TR>
            </TABLEDATA></DATA>
          </TABLE></RESOURCE>
        </VOTABLE>
        """);
}
