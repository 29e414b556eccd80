using System.Diagnostics;
using LpRepl.EndToEnd.Tests.Support;
using LpRepl.Testing;

namespace LpRepl.EndToEnd.Tests;

/// <summary>At the prompt, in tmux: Ctrl-C stops a <c>load</c> waiting on a pipe and a <c>$(…)</c> with all it started, and the REPL goes on.</summary>
public sealed class BoundedInputTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // The line has been entered (the editor took the Enter and moved below it) and is running.
    private static Task RunningAsync(Tmux tmux, string line) =>
        tmux.WaitForScreenAsync(s => s.TrimEnd().EndsWith("lp> " + line, StringComparison.Ordinal) && tmux.Cursor().Column == 0, Timeout, "the running line");

    [Fact]
    public async Task Should_stop_a_load_from_a_pipe_that_never_writes_on_ctrl_c()
    {
        using var home = new TempDir();
        var fifo = Path.Combine(home.Path, "silent.fifo");
        Process.Start("mkfifo", [fifo]).WaitForExit();
        using var tmux = Tmux.StartLpRepl(home);
        await tmux.WaitForReadyAsync(Timeout);

        tmux.TypeLine($"load {fifo}");
        await RunningAsync(tmux, $"load {fifo}");
        tmux.Keys("C-c");

        await tmux.WaitForTextAsync("error: interrupted (Ctrl-C)", Timeout);
        tmux.TypeLine("echo back $LP_ACCOUNT");
        await tmux.WaitForTextAsync("back 12345678", Timeout);
    }

    [Fact]
    public async Task Should_stop_a_substitution_and_the_child_it_left_behind_on_ctrl_c()
    {
        using var home = new TempDir();
        var marker = ProcessMarker.NewSleep();
        var orphan = ProcessMarker.NewSleep();
        using var tmux = Tmux.StartLpRepl(home);
        await tmux.WaitForReadyAsync(Timeout);
        var line = $"x=$( (sleep {orphan} &); sleep {marker} )";

        tmux.TypeLine(line);
        await RunningAsync(tmux, line);
        (await ProcessMarker.WaitUntilSleepingAsync(orphan, Timeout)).Should().BeTrue();
        (await ProcessMarker.WaitUntilSleepingAsync(marker, Timeout)).Should().BeTrue();
        tmux.Keys("C-c");

        await tmux.WaitForTextAsync("error: interrupted (Ctrl-C)", Timeout);
        (await ProcessMarker.WaitUntilGoneAsync(marker, TimeSpan.FromSeconds(5))).Should().BeTrue();
        (await ProcessMarker.WaitUntilGoneAsync(orphan, TimeSpan.FromSeconds(5))).Should().BeTrue("the child its subshell left behind is stopped too");
        tmux.TypeLine("echo back $LP_ACCOUNT");
        await tmux.WaitForTextAsync("back 12345678", Timeout);
    }
}
