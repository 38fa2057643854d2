using VoServices.Server.Configuration;
using VoServices.Server.Health;
using VoServices.Server.Hosting;
using VoServices.Server.Portal;
using VoServices.Server.Storage;
using VoServices.Tap;
using VoServices.Uws;

// The VoServices host (architecture.md §3, §6): composes each service's AddX()/MapX() and nothing else.
// Start: dotnet run -c Release --project Server/VoServices.Server -- --urls http://127.0.0.1:5000
var builder = WebApplication.CreateBuilder(args);

builder.AddVoServicesLogging();                                   // console logs with scopes, minimal request log
builder.Services.AddVoServicesOptions(builder.Configuration);     // VoServices:DataDirectory, VoServices:Postgres
builder.Services.AddStorageBackend(builder.Configuration);       // SQLite (default) or PostgreSQL + pg_sphere:
                                                                  // catalogue store, query executor, UWS job store
builder.Services.AddTap(options => builder.Configuration.GetSection("VoServices:Tap").Bind(options));
builder.Services.AddOptions<UwsOptions>().Configure<IServiceProvider>((options, sp) =>
    options.DataDirectory = Path.Combine(StoreServiceCollectionExtensions.DataDirectory(sp), "uws"));
builder.Services.AddUws(options => builder.Configuration.GetSection("VoServices:Uws").Bind(options));
builder.Services.AddVoServicesHealth();                           // demo-archive readiness + backend probe

var app = builder.Build();

app.UseHttpLogging();
app.MapPortal("/");                 // HTML page listing the endpoints
app.MapTap("/tap");                 // sync, async (UWS), examples, VOSI tables, capabilities, availability
app.MapVoServicesHealth("/health"); // 200 Healthy once the demo archive is ready and the backend answers

app.Run();

/// <summary>Entry point marker for WebApplicationFactory in tests.</summary>
public partial class Program;
