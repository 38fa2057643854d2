using System.CommandLine;
using System.Globalization;
using VoServices.Storage.Sqlite;
using VoServices.Tap.Ingest;

namespace VoServices.Cli.Ingest;

/// <summary>
/// <c>vo ingest &lt;descriptor.yaml&gt;... [--database PATH] [--source FILE] [--verbose]</c>: loads catalogues
/// described by YAML descriptors into the embedded SQLite database, one table at a time, each atomically.
/// </summary>
internal static class IngestCommand
{
    /// <summary>Default database, relative to the working directory (the server's data directory is <c>var/</c>).</summary>
    public const string DefaultDatabase = "var/voservices.db";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var descriptors = new Argument<string[]>("descriptor")
        {
            Description = "Catalogue descriptor files (YAML), e.g. demo/catalogs/tycho2.yaml.",
            Arity = ArgumentArity.OneOrMore,
        };
        var database = new Option<string>("--database", "-d")
        {
            Description = "SQLite database file to load into (created if absent).",
            DefaultValueFactory = _ => DefaultDatabase,
        };
        var source = new Option<string?>("--source", "-s")
        {
            Description = "Read rows from this file instead of the descriptor's source (one descriptor only).",
        };
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Show full exception details on errors.",
        };
        var command = new Command("ingest", "Load catalogues into the embedded database and publish them in TAP_SCHEMA.")
        {
            descriptors, database, source, verbose,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new IngestArguments(result.GetRequiredValue(descriptors), result.GetValue(database) ?? DefaultDatabase,
                result.GetValue(source), result.GetValue(verbose)),
            output, error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(IngestArguments arguments, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        try
        {
            if (arguments.Source is not null && arguments.Descriptors.Length != 1)
            {
                throw new ArgumentException("--source can only be used with a single descriptor");
            }
            var store = new SqliteCatalogStore(arguments.Database);
            var ingester = new CatalogIngester(store);
            foreach (var path in arguments.Descriptors)
            {
                var descriptor = CatalogDescriptorReader.Read(path);
                var result = await IngestOneAsync(ingester, descriptor, arguments.Source, output, cancellationToken)
                    .ConfigureAwait(false);
                output.WriteLine(Describe(result));
            }
            return VoCommandLine.Success;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error.WriteLine(arguments.Verbose ? $"vo ingest: {e}" : $"vo ingest: {OneLine(e)}");
            return VoCommandLine.Failure;
        }
    }

    private static Task<IngestResult> IngestOneAsync(CatalogIngester ingester, CatalogDescriptor descriptor,
        string? source, TextWriter output, CancellationToken cancellationToken)
    {
        if (!ProgressBar.IsAvailable(output))
        {
            return ingester.IngestAsync(descriptor, source, null, cancellationToken);
        }
        return ProgressBar.RunAsync(descriptor.QualifiedTableName,
            progress => ingester.IngestAsync(descriptor, source, progress, cancellationToken));
    }

    private static string Describe(IngestResult result)
    {
        var origin = result.IsDemoSubset ? "demo subset " : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{result.TableName}: {result.Rows:N0} rows in {result.Elapsed.TotalSeconds:F1} s from {origin}{result.SourcePath}");
    }

    private static string OneLine(Exception e) => e switch
    {
        OperationCanceledException => "cancelled; the previous table (if any) is unchanged",
        _ => e.Message.ReplaceLineEndings(" "),
    };

    private sealed record IngestArguments(string[] Descriptors, string Database, string? Source, bool Verbose);
}
