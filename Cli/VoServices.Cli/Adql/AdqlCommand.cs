using System.CommandLine;
using VoServices.Adql;

namespace VoServices.Cli.Adql;

/// <summary>
/// <c>vo adql parse</c>: reads one ADQL query from standard input, prints its canonical form and exits 0, or prints the
/// diagnostic (code, line:column, expected tokens) on standard error and exits 1. No schema is involved, so queries over
/// placeholder tables parse (ADQL 2.1 syntax only).
/// </summary>
internal static class AdqlCommand
{
    public static Command Create(TextReader input, TextWriter output, TextWriter error)
    {
        var parse = new Command("parse", "Parse one ADQL 2.1 query from standard input and print its canonical form.");
        parse.SetAction((_, cancellationToken) => ParseAsync(input, output, error, cancellationToken));
        return new Command("adql", "ADQL tools: parse (and, with the translation layer, translate) queries.") { parse };
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
