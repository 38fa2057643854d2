using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoServices.Tap.Tests.Vosi;
using VoServices.Tap.TapSchema;

namespace VoServices.Server.Tests.Support;

/// <summary>
/// The real Program with an in-memory backend (the realistic sample TAP_SCHEMA and an "up" probe) registered through
/// ConfigureTestServices, as the storage module will register SqliteCatalogStore. Log entries are recorded.
/// </summary>
public sealed class VoServerFactory : WebApplicationFactory<Program>
{
    internal RecordingLoggerProvider Logs { get; } = new();

    /// <summary>Private data directory of this factory (the embedded store is created there, never in var/).</summary>
    internal string DataDirectory { get; } = Directory.CreateTempSubdirectory("voservices-test-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // No demo ingest and no writes to the checkout's var/: these tests use the in-memory backend below.
        builder.UseSetting("VoServices:DataDirectory", DataDirectory);
        builder.UseSetting("VoServices:Demo:Catalogs", "");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ITapSchemaSource>(new InMemoryTapSchemaSource(SampleTapSchema.Document));
            services.AddSingleton<IAvailabilityProbe>(FixedAvailabilityProbe.Up);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: SQLite may still hold the file on some platforms.
            }
        }
    }
}
