using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>
/// The terminal modes lprepl sets (application cursor keys and keypad, bracketed paste) are put back
/// however it ends: the program that next reads the terminal gets ESC [ A for Up, not ESC O A.
/// </summary>
public class TerminalModesTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("quit")]
    [InlineData("exit")]
    public async Task Should_give_the_next_program_normal_cursor_keys_after_a_command_ends_lprepl(string command)
    {
        using var home = new TempDir();
        using var tmux = Tmux.StartLpReplThenCat(home);
        await tmux.WaitForReadyAsync(Timeout);

        tmux.TypeLine(command);

        await AssertNormalModesAsync(tmux, "[lprepl exited 0]");
    }

    [Fact]
    public async Task Should_give_the_next_program_normal_cursor_keys_after_ctrl_d()
    {
        using var home = new TempDir();
        using var tmux = Tmux.StartLpReplThenCat(home);
        await tmux.WaitForReadyAsync(Timeout);

        tmux.Keys("C-d");

        await AssertNormalModesAsync(tmux, "[lprepl exited 0]");
    }

    [Fact]
    public async Task Should_give_the_next_program_normal_cursor_keys_after_sigterm()
    {
        using var home = new TempDir();
        using var tmux = Tmux.StartLpReplThenCat(home);
        await tmux.WaitForReadyAsync(Timeout);
        tmux.Type("half a line");
        await tmux.WaitForTextAsync("lp> half a line", Timeout);

        var pid = tmux.ChildOfPaneProgram() ?? throw new InvalidOperationException("lprepl is not running under the pane's shell");
        using var term = System.Diagnostics.Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await term.WaitForExitAsync();

        await AssertNormalModesAsync(tmux, "[lprepl exited");
    }

    private static async Task AssertNormalModesAsync(Tmux tmux, string exited)
    {
        await tmux.WaitForTextAsync(exited, Timeout);
        // cat -v echoes the keys as typed (the tty's ECHOCTL) and prints them again at Enter.
        tmux.Keys("Up");
        tmux.Type("|");
        tmux.Keys("Enter");
        var screen = await tmux.WaitForScreenAsync(s => s.Contains("A|", StringComparison.Ordinal), Timeout, "the Up key at cat -v");
        screen.Should().Contain("^[[A|").And.NotContain("^[OA", "application cursor mode (ESC [ ? 1 h) must not outlive lprepl");

        // Bracketed paste is off again too: a paste arrives without ESC [ 200 ~ around it.
        tmux.Paste("pasted\n");
        screen = await tmux.WaitForScreenAsync(s => s.Split('\n').Count(l => l.Contains("pasted", StringComparison.Ordinal)) >= 2, Timeout, "the paste at cat -v");
        screen.Should().NotContain("^[[200~", "bracketed paste (ESC [ ? 2004 h) must not outlive lprepl");
    }
}
