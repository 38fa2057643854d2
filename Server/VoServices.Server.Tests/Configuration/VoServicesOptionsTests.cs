using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoServices.Server.Configuration;
using VoServices.Server.Tests.Support;
using VoServices.Testing;

namespace VoServices.Server.Tests.Configuration;

public sealed class VoServicesOptionsTests(VoServerFactory factory) : IClassFixture<VoServerFactory>
{
    [Fact]
    public void ResolveDataDirectory_RelativeInsideCheckout_IsBelowRepoRoot()
    {
        var serverDir = Path.Combine(SharedData.RepoRoot, "Server", "VoServices.Server");
        Assert.Equal(Path.Combine(SharedData.RepoRoot, "var"), new VoServicesOptions().ResolveDataDirectory(serverDir));
    }

    [Fact]
    public void ResolveDataDirectory_Absolute_IsKept()
    {
        var options = new VoServicesOptions { DataDirectory = "/srv/vo/data" };
        Assert.Equal("/srv/vo/data", options.ResolveDataDirectory(SharedData.RepoRoot));
    }

    [Fact]
    public void ResolveDataDirectory_OutsideCheckout_IsBelowContentRoot()
    {
        var outside = Path.Combine(Path.GetTempPath(), "voservices-no-checkout");
        Assert.Equal(Path.Combine(outside, "data"),
            new VoServicesOptions { DataDirectory = "data" }.ResolveDataDirectory(outside));
    }

    [Fact]
    public void Options_FromAppSettings_HaveDefaultDataDirectoryAndEmptyPostgres()
    {
        var appsettings = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(SharedData.RepoRoot, "Server", "VoServices.Server", "appsettings.json"))
            .Build().GetSection(VoServicesOptions.SectionName);
        Assert.Equal("var", appsettings["DataDirectory"]);
        Assert.Equal("var", new VoServicesOptions().DataDirectory);
        var options = factory.Services.GetRequiredService<IOptions<VoServicesOptions>>().Value;
        Assert.Equal(factory.DataDirectory, options.DataDirectory); // the test factory's private directory wins
        Assert.True(string.IsNullOrEmpty(options.Postgres));
    }
}
