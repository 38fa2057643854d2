using VoServices.Cli;

// `vo`: the command-line front end (architecture.md §2). Commands live in VoCommandLine; this file only wires the
// process: standard streams and Ctrl+C → cancellation (an ingest in progress rolls back and keeps the old table).
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await VoCommandLine.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
