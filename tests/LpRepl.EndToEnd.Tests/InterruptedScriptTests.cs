using System.Diagnostics;
using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>SIGINT or Ctrl-C stops a script with exit code 130 and "FILE:LINE: interrupted", never a quiet 0.</summary>
public class InterruptedScriptTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    private static async Task<string> LongScriptAsync(TempDir home)
    {
        var script = Path.Combine(home.Path, "long.lprepl");
        await File.WriteAllTextAsync(script, "echo started\nsleep 30\necho never\n");
        return script;
    }

    private static async Task InterruptAsync(ProcessDriver process)
    {
        using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        kill.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Should_exit_130_naming_file_and_line_when_lprepl_run_gets_SIGINT_during_a_line()
    {
        using var home = new TempDir();
        var script = await LongScriptAsync(home);
        await using var lprepl = ProcessDriver.StartLpRepl(home, "run", script);
        lprepl.CloseInput();
        await lprepl.Stdout.WaitForAsync("started", Timeout);

        await InterruptAsync(lprepl);

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(130, lprepl.Transcript());
        // SIGINT lands in the sleep, or (on a busy machine) just before it, after line 1: either is said as it was.
        lprepl.Stderr.Lines.Should().Contain(
            l => l.Contains($"{script}:2: interrupted while this line ran", StringComparison.Ordinal) || l.Contains($"{script}:1: interrupted after this line", StringComparison.Ordinal),
            lprepl.Transcript());
        lprepl.Stdout.Lines.Should().NotContain("never");
    }

    [Fact]
    public async Task Should_exit_130_when_a_piped_script_gets_SIGINT_between_lines()
    {
        using var home = new TempDir();
        await using var lprepl = ProcessDriver.StartLpRepl(home, "run", "-");
        await lprepl.TypeAsync("echo started");
        await lprepl.Stdout.WaitForAsync("started", Timeout);

        // The next line has not been written: lprepl is between lines, reading.
        await InterruptAsync(lprepl);

        (await lprepl.WaitForExitAsync(Timeout)).Should().Be(130, lprepl.Transcript());
        lprepl.Stderr.Lines.Should().Contain(l => l.Contains("stdin:1: interrupted", StringComparison.Ordinal), lprepl.Transcript());
    }

    [Fact]
    public async Task Should_stop_run_FILE_with_ctrl_c_at_the_prompt_saying_where_and_keep_the_prompt()
    {
        using var home = new TempDir();
        var script = await LongScriptAsync(home);
        using var tmux = Tmux.StartLpRepl(home);
        await tmux.WaitForReadyAsync(Timeout);

        tmux.TypeLine($"run {script}");
        await tmux.WaitForScreenAsync(s => s.Contains("\nstarted", StringComparison.Ordinal), Timeout, "the script's first line");
        tmux.Keys("C-c");

        await tmux.WaitForScreenAsync(
            s => s.Contains($"{script}:2: interrupted while this line ran", StringComparison.Ordinal) || s.Contains($"{script}:1: interrupted after this line", StringComparison.Ordinal),
            Timeout,
            "where the script was interrupted");
        tmux.TypeLine("echo back $LP_ACCOUNT");
        await tmux.WaitForTextAsync("back 12345678", Timeout);
        tmux.Screen().Should().NotContain("never");
    }
}
