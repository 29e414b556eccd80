using LpRepl.App.Startup;
using LpRepl.Session;

namespace LpRepl.Tests.Startup;

/// <summary>LP_EMULATOR, the mark an lp.env saved on the embedded emulator carries: what picks it, what does not, and what is an error.</summary>
public sealed class EmulatorMarkerTests
{
    private static SessionVariables With(string? value)
    {
        var variables = new SessionVariables();
        if (value is not null)
        {
            variables.Set(EmulatorMarker.Name, value);
        }
        return variables;
    }

    [Theory]
    [InlineData("embedded", true)]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    public void Should_pick_the_embedded_emulator_only_when_marked(string? value, bool picks)
    {
        EmulatorMarker.IsSet(With(value)).Should().Be(picks);
        EmulatorMarker.Problem(With(value)).Should().BeNull();
    }

    [Fact]
    public void Should_refuse_a_value_it_cannot_read_saying_what_it_takes()
    {
        EmulatorMarker.Problem(With("standalone")).Should().Be(
            "LP_EMULATOR=standalone: 'embedded' (what save writes on the embedded emulator) picks the embedded emulator; remove the line (or set it empty) to use a real account");
        EmulatorMarker.IsSet(With("standalone")).Should().BeFalse();
    }
}
