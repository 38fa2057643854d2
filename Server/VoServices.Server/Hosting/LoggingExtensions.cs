using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Logging.Console;

namespace VoServices.Server.Hosting;

/// <summary>Structured console logging and the minimal request log of the host.</summary>
public static class LoggingExtensions
{
    /// <summary>
    /// Console logs with scopes and UTC timestamps: one line per message (<c>VoServices:LogFormat=simple</c>, default)
    /// or JSON objects (<c>json</c>, for log collectors). Request logging (enable with <c>app.UseHttpLogging()</c>)
    /// records method, path, status and duration in one line per request — no query strings (ADQL can be long and
    /// may be private), headers or bodies.
    /// </summary>
    public static IHostApplicationBuilder AddVoServicesLogging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        if (string.Equals(builder.Configuration["VoServices:LogFormat"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.IncludeScopes = true;
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
                o.ColorBehavior = LoggerColorBehavior.Disabled;
            });
        }
        builder.Services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath |
                HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        return builder;
    }
}
