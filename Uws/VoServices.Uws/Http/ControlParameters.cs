using System.Globalization;
using VoServices.Dali;
using VoServices.Uws.Jobs;

namespace VoServices.Uws.Http;

/// <summary>The PHASE values a client may POST (UWS 1.1 §2.2.3.2).</summary>
internal enum PhaseCommand
{
    /// <summary>PHASE=RUN.</summary>
    Run,

    /// <summary>PHASE=ABORT.</summary>
    Abort,
}

/// <summary>
/// The UWS control parameters of a creation or <c>{job}/parameters</c> POST (UWS 1.1 §2.2.3): PHASE,
/// EXECUTIONDURATION and DESTRUCTION act on the job and are not stored as job parameters; every other parameter is.
/// </summary>
/// <param name="Phase">PHASE=RUN or ABORT, or null.</param>
/// <param name="ExecutionDuration">EXECUTIONDURATION in seconds, or null.</param>
/// <param name="Destruction">DESTRUCTION as UTC, or null.</param>
internal sealed record ControlParameters(PhaseCommand? Phase, int? ExecutionDuration, DateTime? Destruction)
{
    public const string PhaseName = "PHASE";
    public const string ExecutionDurationName = "EXECUTIONDURATION";
    public const string DestructionName = "DESTRUCTION";

    private static readonly HashSet<string> Names =
        new([PhaseName, ExecutionDurationName, DestructionName], StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the control parameters.</summary>
    /// <exception cref="DaliParameterException">A control parameter is repeated or malformed.</exception>
    public static ControlParameters Read(DaliParameters parameters) => new(
        ReadPhase(parameters),
        ReadExecutionDuration(parameters),
        ReadInstant(parameters, DestructionName));

    /// <summary>
    /// The job parameters of a request: every pair but the control parameters, in order, then the inline uploads as
    /// by-reference parameters.
    /// </summary>
    public static IReadOnlyList<UwsParameter> JobParameters(UwsRequestReader.Content content) =>
    [
        .. content.Parameters.Pairs.Where(p => !Names.Contains(p.Key)).Select(p => new UwsParameter(p.Key, p.Value)),
        .. content.Files.Select(f => new UwsParameter(f.Name, "", ByReference: true)),
    ];

    /// <summary>PHASE=RUN|ABORT (case-insensitive); null when absent.</summary>
    /// <exception cref="DaliParameterException">Repeated, or another value.</exception>
    public static PhaseCommand? ReadPhase(DaliParameters parameters)
    {
        var value = parameters.GetSingle(PhaseName)?.Trim();
        return value switch
        {
            null or "" => null,
            _ when value.Equals("RUN", StringComparison.OrdinalIgnoreCase) => PhaseCommand.Run,
            _ when value.Equals("ABORT", StringComparison.OrdinalIgnoreCase) => PhaseCommand.Abort,
            _ => throw new DaliParameterException(PhaseName, $"PHASE: '{value}' is not valid; expected RUN or ABORT"),
        };
    }

    /// <summary>EXECUTIONDURATION in whole seconds, ≥ 0; null when absent.</summary>
    /// <exception cref="DaliParameterException">Repeated, not an integer, or negative.</exception>
    public static int? ReadExecutionDuration(DaliParameters parameters)
    {
        var seconds = parameters.GetInt32(ExecutionDurationName);
        if (seconds < 0)
        {
            throw new DaliParameterException(ExecutionDurationName,
                "EXECUTIONDURATION: must be an integer number of seconds >= 0 (0 = unlimited)");
        }
        return seconds;
    }

    /// <summary>
    /// An ISO-8601 instant (UWS 1.1 §2.2.3.5): the DALI form with or without <c>Z</c> (taken as UTC), or with a
    /// numeric offset; null when absent.
    /// </summary>
    /// <exception cref="DaliParameterException">Repeated or not an ISO-8601 instant.</exception>
    public static DateTime? ReadInstant(DaliParameters parameters, string name)
    {
        var text = parameters.GetSingle(name)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        try
        {
            return DaliTimestamp.Parse(text);
        }
        catch (DaliFormatException)
        {
            if (text.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
            {
                return instant.UtcDateTime;
            }
            throw new DaliParameterException(name,
                $"{name}: '{text}' is not an ISO-8601 instant such as 2030-01-01T00:00:00Z");
        }
    }
}
