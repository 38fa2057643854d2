using System.CommandLine;
using VoServices.Cli.Adql;
using VoServices.Cli.Ingest;

namespace VoServices.Cli;

/// <summary>
/// The <c>vo</c> command tree (System.CommandLine 3.0). Exit codes: 0 success, 1 error (one line on standard error,
/// the full exception with <c>--verbose</c>); usage errors also exit 1 with help text.
/// </summary>
public static class VoCommandLine
{
    /// <summary>Standard exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for any error (bad arguments, invalid descriptor, bad data, I/O).</summary>
    public const int Failure = 1;

    /// <summary>
    /// Parses <paramref name="args"/> and runs the command, writing results to <paramref name="output"/> and errors
    /// to <paramref name="error"/>. A progress bar is drawn only when <paramref name="output"/> is the console and
    /// the console is a terminal.
    /// </summary>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error,
        CancellationToken cancellationToken) => RunAsync(args, Console.In, output, error, cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync(string[], TextWriter, TextWriter, CancellationToken)"/>, reading standard input (for
    /// <c>vo adql</c>) from <paramref name="input"/>.
    /// </summary>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("VoServices: IVOA Virtual Observatory services (TAP, SIA, SODA, HiPS).")
        {
            IngestCommand.Create(output, error),
            AdqlCommand.Create(input, output, error),
        };
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Program.cs owns Ctrl+C handling so that in-process callers (tests) do not install signal handlers.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        return root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
