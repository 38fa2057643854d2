using System.CommandLine;
using System.Globalization;
using VoServices.Adql;
using VoServices.Adql.Functions;
using VoServices.Adql.Semantics;
using VoServices.Adql.Translation;
using VoServices.Storage.Postgres.Adql;
using VoServices.Storage.Sqlite.Adql;
using VoServices.Tap.Ingest;

namespace VoServices.Cli.Adql;

/// <summary>
/// <c>vo adql parse</c>: reads one ADQL query from standard input, prints its canonical form and exits 0, or prints the
/// diagnostic (code, line:column, expected tokens) on standard error and exits 1. No schema is involved, so queries over
/// placeholder tables parse (ADQL 2.1 syntax only).
/// <c>vo adql translate --dialect postgres|sqlite</c>: parses, resolves against the demo schema (descriptors in
/// <c>demo/catalogs</c>, or <c>--catalogs DIR</c>) and prints the SQL the backend would run, then its parameters as
/// <c>-- $1 = value</c> comment lines; semantic errors (unknown column, …) exit 1 like syntax errors.
/// </summary>
internal static class AdqlCommand
{
    public static Command Create(TextReader input, TextWriter output, TextWriter error)
    {
        var parse = new Command("parse", "Parse one ADQL 2.1 query from standard input and print its canonical form.");
        parse.SetAction((_, cancellationToken) => ParseAsync(input, output, error, cancellationToken));

        var dialect = new Option<string>("--dialect")
        {
            Description = "Target backend: postgres (PostgreSQL + pg_sphere) or sqlite (embedded).",
            DefaultValueFactory = _ => "postgres",
        };
        dialect.AcceptOnlyFromAmong("postgres", "sqlite");
        var catalogs = new Option<string?>("--catalogs") { Description = "Folder of catalogue descriptors (default demo/catalogs)." };
        var translate = new Command("translate", "Translate one ADQL query from standard input to the backend's SQL.")
        {
            dialect, catalogs,
        };
        translate.SetAction((result, cancellationToken) => TranslateAsync(input, output, error,
            result.GetValue(dialect) ?? "postgres", result.GetValue(catalogs), cancellationToken));
        return new Command("adql", "ADQL tools: parse and translate queries.") { parse, translate };
    }

    private static async Task<int> TranslateAsync(TextReader input, TextWriter output, TextWriter error, string dialect,
        string? catalogs, CancellationToken cancellationToken)
    {
        var text = await input.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var catalog = FunctionCatalog.Default;
            var schema = DemoAdqlSchema.Load(catalogs ?? DemoAdqlSchema.DefaultFolder());
            var resolved = SchemaResolver.Resolve(AdqlParser.Parse(text, catalog.ParserOptions()), schema, catalog);
            ISqlDialect target = dialect == "sqlite" ? SqliteSqlDialect.Default : PostgresSqlDialect.Default;
            var statement = new SqlTranslator(target).Translate(resolved);
            await output.WriteLineAsync(statement.Sql).ConfigureAwait(false);
            foreach (var p in statement.Parameters)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"-- {p.Name} = {p.Value}"))
                    .ConfigureAwait(false);
            }
            return VoCommandLine.Success;
        }
        catch (Exception e) when (e is AdqlException or CatalogDescriptorException or DirectoryNotFoundException)
        {
            await error.WriteLineAsync($"vo adql translate: {e.Message}").ConfigureAwait(false);
            return VoCommandLine.Failure;
        }
    }

    private static async Task<int> ParseAsync(TextReader input, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        var text = await input.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var query = AdqlParser.Parse(text);
            await output.WriteLineAsync(AdqlPrinter.Print(query)).ConfigureAwait(false);
            return VoCommandLine.Success;
        }
        catch (AdqlException e)
        {
            await error.WriteLineAsync($"vo adql parse: {e.Message}").ConfigureAwait(false);
            return VoCommandLine.Failure;
        }
    }
}
