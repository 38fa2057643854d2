using System.Globalization;
using Spectre.Console;
using VoServices.Tap.Ingest;

namespace VoServices.Cli.Ingest;

/// <summary>A Spectre.Console progress bar over the bytes of the source file read so far.</summary>
internal static class ProgressBar
{
    /// <summary>True when <paramref name="output"/> is the process's standard output and that is a terminal.</summary>
    public static bool IsAvailable(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected &&
        AnsiConsole.Profile.Capabilities.Interactive;

    public static Task<T> RunAsync<T>(string title, Func<IProgress<IngestProgress>, Task<T>> work) =>
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1);
                var result = await work(new TaskProgress(task)).ConfigureAwait(false);
                task.Value = task.MaxValue;
                return result;
            });

    /// <summary>Updates the bar on the reporting thread (no SynchronizationContext hop per report).</summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value)
        {
            if (value.TotalBytes is { } total && total > 0 && task.MaxValue != total)
            {
                task.MaxValue = total;
            }
            task.Value = Math.Min(value.BytesRead, task.MaxValue);
            task.Description = string.Create(CultureInfo.InvariantCulture,
                $"{Markup.Escape(value.TableName)} {value.Rows:N0} rows");
        }
    }
}
