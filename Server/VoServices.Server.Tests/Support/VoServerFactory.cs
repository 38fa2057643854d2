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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ITapSchemaSource>(new InMemoryTapSchemaSource(SampleTapSchema.Document));
            services.AddSingleton<IAvailabilityProbe>(FixedAvailabilityProbe.Up);
        });
    }
}
