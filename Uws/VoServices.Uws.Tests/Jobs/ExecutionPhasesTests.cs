using VoServices.Uws.Jobs;

namespace VoServices.Uws.Tests.Jobs;

public sealed class ExecutionPhasesTests
{
    [Theory]
    [InlineData(ExecutionPhase.Pending, "PENDING", true, false)]
    [InlineData(ExecutionPhase.Queued, "QUEUED", true, false)]
    [InlineData(ExecutionPhase.Executing, "EXECUTING", true, false)]
    [InlineData(ExecutionPhase.Completed, "COMPLETED", false, true)]
    [InlineData(ExecutionPhase.Error, "ERROR", false, true)]
    [InlineData(ExecutionPhase.Aborted, "ABORTED", false, true)]
    [InlineData(ExecutionPhase.Unknown, "UNKNOWN", false, false)]
    [InlineData(ExecutionPhase.Held, "HELD", false, false)]
    [InlineData(ExecutionPhase.Suspended, "SUSPENDED", false, false)]
    [InlineData(ExecutionPhase.Archived, "ARCHIVED", false, true)]
    public void ToUwsName_EachPhase_MatchesXsdEnumerationAndClassification(ExecutionPhase phase, string name,
        bool active, bool final)
    {
        Assert.Equal(name, phase.ToUwsName());
        Assert.Equal(phase, ExecutionPhases.Parse(name));
        Assert.Equal(active, phase.IsActive());
        Assert.Equal(final, phase.IsFinal());
    }

    [Theory]
    [InlineData("executing", true)]
    [InlineData(" QUEUED ", true)]
    [InlineData("RUNNING", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryParse_Text_AcceptsOnlyPhaseNames(string? text, bool ok) =>
        Assert.Equal(ok, ExecutionPhases.TryParse(text, out _));

    [Fact]
    public void Parse_UnknownName_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => ExecutionPhases.Parse("DONE"));
}
