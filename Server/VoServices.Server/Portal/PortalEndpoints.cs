using System.Net;

namespace VoServices.Server.Portal;

/// <summary>The root page: a small static HTML list of the service endpoints (TAP 1.1 §2: the root SHOULD be HTML).</summary>
public static class PortalEndpoints
{
    private static readonly (string Path, string Label)[] Links =
    [
        ("/tap/tables", "TAP tables (VOSI-tables 1.1)"),
        ("/tap/tables?detail=min", "TAP tables, names only"),
        ("/tap/tables/tycho2.main", "The Tycho-2 main table"),
        ("/tap/capabilities", "TAP capabilities (VOSI)"),
        ("/tap/availability", "TAP availability (VOSI)"),
        ("/health", "Health"),
    ];

    /// <summary>Maps <c>GET {pattern}</c> to the HTML page (text/html, no script, no external resources).</summary>
    public static IEndpointConventionBuilder MapPortal(this IEndpointRouteBuilder endpoints, string pattern = "/") =>
        endpoints.MapGet(pattern, () => Results.Content(Page(), "text/html; charset=utf-8"));

    private static string Page()
    {
        var items = string.Concat(Links.Select(l =>
            $"\n    <li><a href=\"{WebUtility.HtmlEncode(l.Path)}\">{WebUtility.HtmlEncode(l.Label)}</a> <code>{WebUtility.HtmlEncode(l.Path)}</code></li>"));
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8" />
              <title>VoServices</title>
              <link rel="icon" href="data:," />
            </head>
            <body>
              <h1>VoServices</h1>
              <p>IVOA Virtual Observatory services. Endpoints:</p>
              <ul>{items}
              </ul>
            </body>
            </html>

            """;
    }
}
