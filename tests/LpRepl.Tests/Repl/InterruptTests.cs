using LpRepl.Repl;
using LpRepl.Tests.Support;

namespace LpRepl.Tests.Repl;

/// <summary>Ctrl-C stops the running line — a wait, a sleep, a shell command — and the REPL goes on.</summary>
public class InterruptTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData("sleep 30")]
    [InlineData("wait ms.MessagingEventNotification timeout=30")]
    [InlineData("X=$(sleep 30)")]
    public async Task Should_interrupt_the_running_line_and_go_on(string line)
    {
        var output = new CollectingOutput();
        await using var session = emulator.NewSession(output);
        var lines = new ScriptedLines(line);
        var loop = new ReplLoop(session, lines, ReplMode.Interactive);
        // The loop runs on its own thread, as in lprepl; Ctrl-C comes from the key reader's.
        var run = Task.Run(() => loop.RunAsync(CancellationToken.None));

        // Ctrl-C, pressed until the line is running (it may still be starting).
        var interrupted = output.WaitForAsync(e => e.Kind == "error", TimeSpan.FromSeconds(10));
        while (!interrupted.IsCompleted)
        {
            loop.CancelCurrentLine();
            await Task.WhenAny(interrupted, Task.Delay(50));
        }

        (await interrupted).Text.Should().Be("interrupted (Ctrl-C)");
        lines.Push("echo still here");
        await output.WaitForAsync(e => e.Text == "still here", TimeSpan.FromSeconds(10));
        lines.End();
        (await run.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(ExitCodes.Ok);
    }
}
