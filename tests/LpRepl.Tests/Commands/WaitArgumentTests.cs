using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Commands;

/// <summary>Bad numbers and bad paths in wait, capture and sleep get a clear error at once, not an exception or a silent miss.</summary>
public class WaitArgumentTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private async Task<LineResult> Run(string line)
    {
        await using var session = emulator.NewSession(new CollectingOutput());
        return await session.ExecuteAsync(line, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("sleep NaN")]
    [InlineData("sleep Infinity")]
    [InlineData("sleep 1e308")]
    [InlineData("sleep -1")]
    public async Task Should_refuse_a_sleep_that_is_not_a_number_of_seconds_in_range(string line)
    {
        var result = await Run(line);

        result.Outcome.Should().Be(LineOutcome.Failed);
        result.Error.Should().StartWith("sleep needs a number of seconds from 0 to 3600, not '");
    }

    [Theory]
    [InlineData("1e308")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("90000")]
    [InlineData("0")]
    public async Task Should_refuse_a_wait_timeout_out_of_range(string timeout)
    {
        var result = await Run($"wait StringResponse timeout={timeout}");

        result.Outcome.Should().Be(LineOutcome.Failed);
        result.Error.Should().Be($"wait: timeout must be a number of seconds above 0 and at most 86400 (24 h), not '{timeout}'");
    }

    [Theory]
    [InlineData(".body[", "is not closed")]
    [InlineData("..x", "'..'")]
    [InlineData(".a b", "unexpected ' '")]
    [InlineData(".body.", "ends with '.'")]
    public async Task Should_report_a_malformed_path_in_a_wait_naming_the_argument(string path, string why)
    {
        var result = await Run($"wait StringResponse '{path}=1' timeout=1");

        result.Outcome.Should().Be(LineOutcome.Failed);
        result.Error.Should().StartWith($"wait: argument 2, '{path}=1': '{path}' is not a path: ");
        result.Error.Should().Contain(why);
        result.Error.Should().EndWith("a path looks like .body.changes[0].event.message (keys after '.', indexes or [*] in brackets, ['odd key'] for other keys)");
    }

    [Theory]
    [InlineData(".body[")]
    [InlineData("..x")]
    [InlineData(".a b")]
    public async Task Should_report_a_malformed_path_in_a_capture(string path)
    {
        var result = await Run($"capture v='{path}' from StringResponse");

        result.Outcome.Should().Be(LineOutcome.Failed);
        result.Error.Should().StartWith($"capture: '{path}' is not a path: ");
    }

    [Theory]
    [InlineData(".body.changes[0].event.message")]
    [InlineData(".body.changes[*].dialogId")]
    [InlineData("['odd key'].x")]
    [InlineData(".type")]
    [InlineData("code")]
    [InlineData("$..message")]
    public void Should_accept_the_paths_users_write(string path)
    {
        FramePath.Check(path).Should().BeNull();
    }
}
