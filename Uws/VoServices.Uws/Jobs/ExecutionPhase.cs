namespace VoServices.Uws.Jobs;

/// <summary>
/// The execution phase of a UWS job (UWS 1.1 §2.1.3; XSD type <c>uws:ExecutionPhase</c>). The wire form is the
/// upper-case member name (<see cref="ExecutionPhases.ToUwsName"/>).
/// </summary>
public enum ExecutionPhase
{
    /// <summary>Created and accepting parameters; not yet asked to run.</summary>
    Pending,

    /// <summary>Asked to run (PHASE=RUN) and waiting for a worker.</summary>
    Queued,

    /// <summary>Claimed by a worker and running.</summary>
    Executing,

    /// <summary>Finished successfully; results are available.</summary>
    Completed,

    /// <summary>Failed; the error summary and <c>{job}/error</c> say why.</summary>
    Error,

    /// <summary>Aborted by the client (PHASE=ABORT) or by the service (EXECUTIONDURATION exceeded).</summary>
    Aborted,

    /// <summary>The service does not know the state.</summary>
    Unknown,

    /// <summary>Asked to run but held by the service; never entered by this implementation.</summary>
    Held,

    /// <summary>Suspended by the service during execution; never entered by this implementation.</summary>
    Suspended,

    /// <summary>Destroyed but with metadata kept; never entered by this implementation (jobs are deleted).</summary>
    Archived,
}

/// <summary>Wire names and classification of <see cref="ExecutionPhase"/> values (UWS 1.1 §2.1.3, §2.2.1.2).</summary>
public static class ExecutionPhases
{
    private static readonly ExecutionPhase[] All = Enum.GetValues<ExecutionPhase>();

    /// <summary>The UWS wire name, e.g. <c>EXECUTING</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined member.</exception>
    public static string ToUwsName(this ExecutionPhase phase) => phase switch
    {
        ExecutionPhase.Pending => "PENDING",
        ExecutionPhase.Queued => "QUEUED",
        ExecutionPhase.Executing => "EXECUTING",
        ExecutionPhase.Completed => "COMPLETED",
        ExecutionPhase.Error => "ERROR",
        ExecutionPhase.Aborted => "ABORTED",
        ExecutionPhase.Unknown => "UNKNOWN",
        ExecutionPhase.Held => "HELD",
        ExecutionPhase.Suspended => "SUSPENDED",
        ExecutionPhase.Archived => "ARCHIVED",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "unknown ExecutionPhase"),
    };

    /// <summary>
    /// Parses a wire name. UWS phase names are upper case; other cases are accepted too, since nothing else could
    /// be meant.
    /// </summary>
    public static bool TryParse(string? text, out ExecutionPhase phase)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToUwsName(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                phase = candidate;
                return true;
            }
        }
        phase = default;
        return false;
    }

    /// <summary>Parses a wire name or throws.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not a UWS phase name.</exception>
    public static ExecutionPhase Parse(string text) =>
        TryParse(text, out var phase) ? phase : throw new FormatException($"'{text}' is not a UWS execution phase");

    /// <summary>
    /// True for the phases in which a blocking WAIT may block (UWS 1.1 §2.2.1.2: PENDING, QUEUED, EXECUTING).
    /// </summary>
    public static bool IsActive(this ExecutionPhase phase) =>
        phase is ExecutionPhase.Pending or ExecutionPhase.Queued or ExecutionPhase.Executing;

    /// <summary>True for the terminal phases COMPLETED, ERROR, ABORTED and ARCHIVED.</summary>
    public static bool IsFinal(this ExecutionPhase phase) =>
        phase is ExecutionPhase.Completed or ExecutionPhase.Error or ExecutionPhase.Aborted or ExecutionPhase.Archived;
}
