using LpRepl.EndToEnd.Tests.Support;

namespace LpRepl.EndToEnd.Tests;

/// <summary>What each keystroke's redraw leaves in a real terminal's scrollback.</summary>
public class RedrawTerminalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Should_not_push_the_screen_into_the_scrollback_at_each_keystroke_after_ctrl_l()
    {
        // Given a cleared screen, the prompt on its top row
        using var home = new TempDir();
        using var tmux = Tmux.StartLpRepl(home);
        await tmux.WaitForReadyAsync(Timeout);
        tmux.Keys("C-l");
        await tmux.WaitForScreenAsync(_ => tmux.VisibleLines() is ["lp>"], Timeout, "the prompt alone on a cleared screen");
        var before = tmux.HistorySize();

        // When 60 characters are typed one key at a time
        var typed = "";
        for (var i = 0; i < 60; i++)
        {
            var key = ((char)('a' + (i % 26))).ToString();
            typed += key;
            tmux.Type(key);
            await tmux.WaitForTextAsync("lp> " + typed, Timeout);
        }

        // Then the scrollback has not grown
        tmux.HistorySize().Should().BeLessThanOrEqualTo(before + 2, "a redraw must not be taken for a screen clear");
        tmux.VisibleLines().Should().Equal("lp> " + typed);
    }

    [Fact]
    public async Task Should_keep_the_command_found_by_ctrl_r_in_the_scrollback_at_the_plain_prompt()
    {
        using var home = new TempDir();
        using var tmux = Tmux.StartLpRepl(home);
        await tmux.WaitForReadyAsync(Timeout);
        tmux.TypeLine("echo found-by-search");
        await tmux.WaitForScreenAsync(s => s.Contains("\nfound-by-search", StringComparison.Ordinal), Timeout, "the echo");

        tmux.Keys("C-r");
        tmux.Type("found");
        await tmux.WaitForTextAsync("(reverse-i-search)`found': echo found-by-search", Timeout);
        tmux.Keys("Enter");

        var screen = await tmux.WaitForScreenAsync(s => s.Split('\n').Count(l => l == "found-by-search") == 2, Timeout, "the second echo");
        screen.Should().NotContain("reverse-i-search", "the line that ran is shown as it ran");
        screen.Split('\n').Count(l => l == "lp> echo found-by-search").Should().Be(2);
    }
}
