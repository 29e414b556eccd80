using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>A number option out of range or not a number is a usage error naming the option, not a silent clamp or a .NET type name.</summary>
public sealed class OptionValidationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("--keepalive", "-5", "--keepalive must be a whole number, 0 or more seconds (not '-5')")]
    [InlineData("--agent-delay", "abc", "--agent-delay must be a whole number, 0 or more milliseconds (not 'abc')")]
    [InlineData("--agent-accept-delay", "-1", "--agent-accept-delay must be a whole number, 0 or more milliseconds (not '-1')")]
    [InlineData("--idle-timeout", "1.5", "--idle-timeout must be a whole number, 0 or more seconds (not '1.5')")]
    [InlineData("--log-level", "loud", "--log-level must be one of trace (or verbose), debug, information, warning, error, fatal (not 'loud')")]
    public async Task Should_refuse_a_bad_number_with_the_options_own_words(string option, string value, string error)
    {
        using var home = new TempDir();
        await using var lprepl = ProcessDriver.StartLpRepl(home, "run", "-", option, value);
        lprepl.CloseInput();

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(2, lprepl.Transcript());
        lprepl.Stderr.Lines.Should().Contain("lprepl: " + error).And.NotContain(l => l.Contains("System.Int32"));
    }
}
