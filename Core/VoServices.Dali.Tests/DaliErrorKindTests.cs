namespace VoServices.Dali.Tests;

public sealed class DaliErrorKindTests
{
    [Theory]
    [InlineData(DaliErrorKind.UsageError, 400, DaliFault.UsageFault, DaliFault.UsageError)]
    [InlineData(DaliErrorKind.NotFound, 404, DaliFault.NotFoundFault, DaliFault.Error)]
    [InlineData(DaliErrorKind.Forbidden, 403, DaliFault.DefaultFault, DaliFault.AuthorizationError)]
    [InlineData(DaliErrorKind.TooLarge, 413, DaliFault.UsageFault, DaliFault.UsageError)]
    [InlineData(DaliErrorKind.TransientFault, 503, DaliFault.TransientFault, DaliFault.ServiceUnavailable)]
    [InlineData(DaliErrorKind.FatalFault, 500, DaliFault.FatalFault, DaliFault.Error)]
    public void Mapping_EachKind_StatusAndFaults(DaliErrorKind kind, int status, DaliFault datalink, DaliFault soda)
    {
        Assert.Equal(status, kind.ToHttpStatus());
        Assert.Equal(datalink, kind.ToDatalinkFault());
        Assert.Equal(soda, kind.ToSodaFault());
        Assert.Equal(status, new DaliException(kind, "m").HttpStatus);
    }

    [Fact]
    public void Mapping_EveryKind_Covered()
    {
        foreach (var kind in Enum.GetValues<DaliErrorKind>())
        {
            Assert.InRange(kind.ToHttpStatus(), 400, 599);
        }
        foreach (var fault in Enum.GetValues<DaliFault>())
        {
            Assert.Equal(fault.ToString(), fault.Label());
        }
    }

    [Fact]
    public void Mapping_UndefinedValue_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((DaliErrorKind)99).ToHttpStatus());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((DaliFault)99).Label());
    }

    [Fact]
    public void Exceptions_Derived_AreUsageErrors()
    {
        var parameter = new DaliParameterException("MAXREC", "MAXREC: bad");
        var format = new DaliFormatException("point", "bad point");
        Assert.Equal(DaliErrorKind.UsageError, parameter.Kind);
        Assert.Equal(DaliErrorKind.UsageError, format.Kind);
        Assert.IsAssignableFrom<DaliException>(parameter);
        Assert.IsAssignableFrom<DaliException>(format);
        Assert.Null(parameter.Fault);
    }
}
