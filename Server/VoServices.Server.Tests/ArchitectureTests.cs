using System.Xml.Linq;
using VoServices.Testing;

namespace VoServices.Server.Tests;

/// <summary>
/// Asserts the dependency rules of docs/architecture.md §3 from the .csproj files, so that a project reference or
/// package that breaks the layering fails the build's tests rather than a code review.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly string[] Core = ["Dali", "VoTable", "Fits", "Wcs", "Healpix", "Sphere"];
    private static readonly string[] Services = ["Adql", "Uws", "Tap", "Datalink", "Sia", "Cutout", "Hips"];

    /// <summary>Project (without the VoServices. prefix) → projects it may reference directly (docs/architecture.md §3).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Dali"] = [],
        ["VoTable"] = ["Dali"],
        ["Fits"] = [],
        ["Wcs"] = ["Fits"],
        ["Healpix"] = [],
        ["Sphere"] = ["Healpix", "Fits"],
        ["Adql"] = ["Dali"],
        ["Uws"] = ["Dali", "VoTable"],
        ["Tap"] = ["Adql", "Uws", "VoTable", "Dali"],
        ["Datalink"] = ["VoTable", "Dali"],
        ["Sia"] = ["Tap", "Adql", "Dali", "VoTable"],
        ["Cutout"] = ["Uws", "Fits", "Wcs", "Sphere", "Dali", "VoTable"],
        ["Hips"] = ["Healpix", "Sphere", "Fits", "Wcs"],
        ["Storage.Sqlite"] = ["Adql", "Tap", "Uws", "VoTable", "Dali", "Sphere", "Healpix"],
        ["Storage.Postgres"] = ["Adql", "Tap", "Uws", "VoTable", "Dali"],
        ["Server"] = [.. Services, .. Core, "Storage.Sqlite", "Storage.Postgres"],
        ["Cli"] = [.. Services, .. Core, "Storage.Sqlite", "Storage.Postgres"],
    };

    private static readonly string[] DatabaseDrivers = ["Npgsql", "Microsoft.Data.Sqlite", "SQLitePCLRaw.bundle_e_sqlite3", "Dapper"];

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var path in ProjectFiles())
        {
            data.Add(Path.GetRelativePath(SharedData.RepoRoot, path));
        }
        return data;
    }

    [Fact]
    public void EveryProject_IsKnownToTheDependencyTable()
    {
        var unknown = ProjectFiles().Select(ShortName).Where(n => !n.EndsWith(".Tests", StringComparison.Ordinal))
            .Where(n => !n.StartsWith("Bench", StringComparison.Ordinal) && !Allowed.ContainsKey(n)).ToList();
        Assert.True(unknown.Count == 0, $"add these projects to docs/architecture.md §3 and this test: {string.Join(", ", unknown)}");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void ProjectReferences_FollowDependencyRules(string relativePath)
    {
        var path = Path.Combine(SharedData.RepoRoot, relativePath);
        var name = ShortName(path);
        var isTest = name.EndsWith(".Tests", StringComparison.Ordinal);
        var subject = isTest ? name[..^".Tests".Length] : name;
        if (!Allowed.TryGetValue(subject, out var direct))
        {
            return; // benches and unknown projects are reported by EveryProject_IsKnownToTheDependencyTable
        }
        // A test project may use what its project may use, plus the storage adapters (integration tier: a port is
        // tested against its real implementations).
        var allowed = isTest
            ? Closure(subject).Append(subject).Concat(["Storage.Sqlite", "Storage.Postgres"]).ToHashSet()
            : direct.ToHashSet();
        var violations = References(path).Where(r => !allowed.Contains(r)).ToList();
        Assert.True(violations.Count == 0,
            $"{name} references {string.Join(", ", violations)}, which docs/architecture.md §3 does not allow");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void DatabaseDrivers_OnlyInStorage(string relativePath)
    {
        var path = Path.Combine(SharedData.RepoRoot, relativePath);
        var name = ShortName(path);
        if (name.StartsWith("Storage.", StringComparison.Ordinal) || name.StartsWith("Cli", StringComparison.Ordinal)
            || name.StartsWith("Server", StringComparison.Ordinal) || name.EndsWith(".Tests", StringComparison.Ordinal))
        {
            return;
        }
        var drivers = Packages(path).Intersect(DatabaseDrivers).ToList();
        Assert.True(drivers.Count == 0, $"{name} references database drivers {string.Join(", ", drivers)}");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void CoreProjects_AreFrameworkFree(string relativePath)
    {
        var path = Path.Combine(SharedData.RepoRoot, relativePath);
        var name = ShortName(path);
        if (!Core.Contains(name) && name != "Adql")
        {
            return;
        }
        var doc = XDocument.Load(path);
        Assert.DoesNotContain(doc.Descendants("FrameworkReference"), e => true);
        Assert.Equal("Microsoft.NET.Sdk", doc.Root!.Attribute("Sdk")?.Value);
    }

    private static IEnumerable<string> Closure(string project)
    {
        var seen = new HashSet<string>();
        var stack = new Stack<string>(Allowed.GetValueOrDefault(project) ?? []);
        while (stack.Count > 0)
        {
            var p = stack.Pop();
            if (seen.Add(p))
            {
                foreach (var q in Allowed.GetValueOrDefault(p) ?? [])
                {
                    stack.Push(q);
                }
            }
        }
        return seen;
    }

    private static IEnumerable<string> ProjectFiles() =>
        Directory.EnumerateFiles(SharedData.RepoRoot, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains("node_modules", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string ShortName(string csproj)
    {
        var n = Path.GetFileNameWithoutExtension(csproj);
        return n.StartsWith("VoServices.", StringComparison.Ordinal) ? n["VoServices.".Length..] : n;
    }

    private static IEnumerable<string> References(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(e => ShortName(e.Attribute("Include")!.Value.Replace('\\', '/')));

    private static IEnumerable<string> Packages(string csproj) =>
        XDocument.Load(csproj).Descendants("PackageReference").Select(e => e.Attribute("Include")!.Value);
}
