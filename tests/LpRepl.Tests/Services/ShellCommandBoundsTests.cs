using LpRepl.Services;
using LpRepl.Session;
using LpRepl.Testing;

namespace LpRepl.Tests.Services;

/// <summary>
/// <c>$(…)</c> ends when its shell does, within its limit, or on Ctrl-C, and nothing it started
/// outlives it, not even a background child that holds the output pipe; its output is capped.
/// </summary>
public sealed class ShellCommandBoundsTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Gone = TimeSpan.FromSeconds(5);

    // Off the test's thread: a command that does not stop fails the test instead of hanging it.
    private static Task<string> Run(string command, CancellationToken ct = default, TimeSpan? timeout = null) =>
        Task.Run(() => ShellCommand.Run(command, new SessionVariables(), ct, timeout), CancellationToken.None).WaitAsync(Limit, CancellationToken.None);

    [Theory]
    [InlineData("")]
    [InlineData(" >/dev/null")]
    [InlineData(" >/dev/null 2>&1")]
    public async Task Should_return_when_the_shell_exits_and_stop_a_background_child_holding_the_pipe(string redirection)
    {
        var marker = ProcessMarker.NewSleep();

        var output = await Run($"sleep {marker}{redirection} & echo hi");

        output.Should().Be("hi\n");
        (await ProcessMarker.WaitUntilGoneAsync(marker, Gone)).Should().BeTrue("the background sleep is stopped with its shell");
    }

    [Fact]
    public async Task Should_stop_everything_the_command_started_at_its_time_limit()
    {
        var marker = ProcessMarker.NewSleep();
        var inner = ProcessMarker.NewSleep();

        var run = async () => await Run($"(sleep {inner} &); sleep {marker}", timeout: TimeSpan.FromSeconds(1));

        (await run.Should().ThrowAsync<InvalidOperationException>()).WithMessage("`(sleep*` did not finish within 1 s");
        (await ProcessMarker.WaitUntilGoneAsync(marker, Gone)).Should().BeTrue();
        (await ProcessMarker.WaitUntilGoneAsync(inner, Gone)).Should().BeTrue("a child its subshell left behind is stopped too");
    }

    [Fact]
    public async Task Should_stop_everything_the_command_started_on_ctrl_c()
    {
        var marker = ProcessMarker.NewSleep();
        var orphan = ProcessMarker.NewSleep();
        using var cts = new CancellationTokenSource();

        // The subshell exits at once: its sleep is no longer a child of the shell, but it holds the output pipe.
        var run = Run($"(sleep {orphan} &); sleep {marker}", cts.Token);
        (await ProcessMarker.WaitUntilSleepingAsync(marker, Limit)).Should().BeTrue();
        (await ProcessMarker.WaitUntilSleepingAsync(orphan, Limit)).Should().BeTrue();
        await cts.CancelAsync();

        var stopped = async () => await run;
        await stopped.Should().ThrowAsync<OperationCanceledException>();
        (await ProcessMarker.WaitUntilGoneAsync(marker, Gone)).Should().BeTrue();
        (await ProcessMarker.WaitUntilGoneAsync(orphan, Gone)).Should().BeTrue();
    }

    [Fact]
    public async Task Should_refuse_output_longer_than_1_MiB()
    {
        var run = async () => await Run("head -c 2000000 /dev/zero | tr '\\0' x");

        (await run.Should().ThrowAsync<InvalidOperationException>()).WithMessage("`head -c 2000000*` wrote more than 1 MiB of output*");
    }

    [Fact]
    public async Task Should_stop_a_command_whose_output_never_ends()
    {
        var run = async () => await Run("yes");

        (await run.Should().ThrowAsync<InvalidOperationException>()).WithMessage("`yes` wrote more than 1 MiB of output*");
    }

    [Fact]
    public async Task Should_keep_output_written_just_before_the_shell_exits()
    {
        var output = await Run("i=0; while [ $i -lt 2000 ]; do echo line $i; i=$((i+1)); done");

        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2000).And.EndWith("line 1999");
    }
}
