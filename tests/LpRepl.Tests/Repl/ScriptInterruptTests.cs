using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Repl;

/// <summary>An interrupted script is not a green one: exit code 130 and "FILE:LINE: interrupted", whether a line was running or not.</summary>
public sealed class ScriptInterruptTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly string _dir = Directory.CreateTempSubdirectory("lprepl-interrupt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Should_exit_130_naming_the_line_when_a_script_is_interrupted_while_a_line_runs()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new ScriptedLines("echo started", "sleep 30", "echo never");
        lines.End();
        using var cts = new CancellationTokenSource();
        var run = Task.Run(() => new ReplLoop(session, lines, ReplMode.Script, "long.lprepl").RunAsync(cts.Token));
        await output.WaitForAsync(e => e.Text == "started", Timeout);

        cts.Cancel();

        (await run.WaitAsync(Timeout)).Should().Be(ExitCodes.Interrupted);
        // The interrupt lands in the sleep, or just before it (after line 1): either is said as it was.
        output.Errors.Should().ContainSingle().Which.Should().MatchRegex(@"^long\.lprepl:(2: interrupted while this line ran|1: interrupted after this line); nothing after it ran$");
        output.Entries.Should().NotContain(e => e.Text == "never");
    }

    [Fact]
    public async Task Should_exit_130_when_a_script_is_interrupted_between_lines()
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        // The next line has not come yet (a pipe still open): the interrupt finds no line running.
        var lines = new ScriptedLines("echo started");
        using var cts = new CancellationTokenSource();
        var run = Task.Run(() => new ReplLoop(session, lines, ReplMode.Script, "stdin").RunAsync(cts.Token));
        await output.WaitForAsync(e => e.Text == "started", Timeout);

        cts.Cancel();

        (await run.WaitAsync(Timeout)).Should().Be(ExitCodes.Interrupted);
        output.Errors.Should().ContainSingle().Which.Should().StartWith("stdin:1: interrupted");
    }

    [Fact]
    public async Task Should_stop_run_FILE_at_the_prompt_with_ctrl_c_naming_file_and_line_and_keep_the_prompt()
    {
        var script = Path.Combine(_dir, "long.lprepl");
        await File.WriteAllTextAsync(script, "echo started\nsleep 30\necho never\n");
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new ScriptedLines($"run {script}");
        var loop = new ReplLoop(session, lines, ReplMode.Interactive);
        var run = Task.Run(() => loop.RunAsync(CancellationToken.None));
        await output.WaitForAsync(e => e.Text == "started", Timeout);

        var interrupted = output.WaitForAsync(e => e.Kind == "error", Timeout);
        while (!interrupted.IsCompleted)
        {
            loop.CancelCurrentLine();
            await Task.WhenAny(interrupted, Task.Delay(50));
        }
        lines.Push("echo still here");
        await output.WaitForAsync(e => e.Text == "still here", Timeout);
        lines.End();

        (await run.WaitAsync(Timeout)).Should().Be(ExitCodes.Ok);
        // Ctrl-C lands in the sleep, or on a busy machine just before it: either is said with its line.
        (await interrupted).Text.Should().MatchRegex($"^{System.Text.RegularExpressions.Regex.Escape(script)}:(2: interrupted while this line ran|1: interrupted after this line); nothing after it ran$");
        output.Entries.Should().NotContain(e => e.Text == "never");
    }
}
